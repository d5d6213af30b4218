import { useTranslation } from 'react-i18next';

/**
 * The direct-election rate as a bar against the target line (80%): an inline SVG with a text alternative, no chart
 * library. The numbers are printed beside it too, so the chart is never the only way to read them.
 */
export function RateChart({ percent, targetPercent, label }: { percent: number | null; targetPercent: number; label: string }) {
  const { t } = useTranslation();
  const value = percent ?? 0;
  const meets = percent !== null && percent >= targetPercent;
  // Dark green / dark red bars (≥ 3:1 against the light track, WCAG 1.4.11) with the target as a black line.
  const colour = percent === null ? '#8c8c8c' : meets ? '#237804' : '#a8071a';
  return (
    <svg
      viewBox="0 0 100 16"
      width="100%"
      height="40"
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      style={{ display: 'block' }}
    >
      <rect x="0" y="3" width="100" height="10" rx="2" fill="#f0f0f0" />
      <rect x="0" y="3" width={Math.min(100, Math.max(0, value))} height="10" rx="2" fill={colour} />
      <line
        x1={targetPercent}
        x2={targetPercent}
        y1="0"
        y2="16"
        stroke="#000"
        strokeWidth="0.8"
        vectorEffect="non-scaling-stroke"
      />
      <title>{t('election.overview.chartTitle', { percent: percent ?? '—', target: targetPercent })}</title>
    </svg>
  );
}

export interface Segment {
  key: string;
  label: string;
  count: number;
  colour: string;
}

/** Counts as one stacked bar (each segment's share of the total), with a legend that carries the numbers. */
export function StackedBar({ segments, label }: { segments: Segment[]; label: string }) {
  const total = segments.reduce((sum, s) => sum + s.count, 0);
  let x = 0;
  return (
    <div>
      <svg
        viewBox="0 0 100 10"
        width="100%"
        height="24"
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
        style={{ display: 'block' }}
      >
        <rect x="0" y="0" width="100" height="10" fill="#f0f0f0" />
        {total > 0 &&
          segments.map((s) => {
            const width = (s.count / total) * 100;
            const rect = <rect key={s.key} x={x} y="0" width={width} height="10" fill={s.colour} />;
            x += width;
            return rect;
          })}
      </svg>
      <ul className="chart-legend">
        {segments.map((s) => (
          <li key={s.key}>
            <span className="chart-swatch" style={{ background: s.colour }} aria-hidden="true" />
            {s.label}: {s.count}
          </li>
        ))}
      </ul>
    </div>
  );
}
