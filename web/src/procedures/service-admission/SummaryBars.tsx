/** One labelled count with a bar proportional to the largest count shown (a chart without a chart library). */
export interface Bar {
  key: string;
  label: string;
  value: number;
  color: string;
}

/**
 * Horizontal bars as a definition list: the label and the number are text (read by screen readers, no colour needed
 * to understand them); the bar itself is decoration.
 */
export function SummaryBars({ bars, max }: { bars: Bar[]; max: number }) {
  return (
    <dl className="summary-bars">
      {bars.map((bar) => (
        <div key={bar.key} className="summary-bar-row">
          <dt className="break-anywhere">{bar.label}</dt>
          <dd>
            <span className="summary-bar-track" aria-hidden>
              <span
                className="summary-bar-fill"
                style={{ width: `${max > 0 ? (bar.value / max) * 100 : 0}%`, background: bar.color }}
              />
            </span>
            <span className="summary-bar-value">{bar.value}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
