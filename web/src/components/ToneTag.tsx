import type { ReactNode } from 'react';

export type Tone = 'success' | 'error' | 'warning' | 'danger' | 'info' | 'neutral';

/**
 * A small status label. antd's preset tag colours (gold, orange, green) miss WCAG AA text contrast on their light
 * backgrounds, so these use the darkest text step of each palette (≥ 7:1).
 */
const TONES: Record<Tone, { color: string; background: string; border: string }> = {
  success: { color: '#135200', background: '#f6ffed', border: '#b7eb8f' },
  error: { color: '#a8071a', background: '#fff1f0', border: '#ffa39e' },
  danger: { color: '#ffffff', background: '#a8071a', border: '#a8071a' },
  warning: { color: '#613400', background: '#fffbe6', border: '#ffd666' },
  info: { color: '#002c8c', background: '#e6f4ff', border: '#91caff' },
  neutral: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', border: '#d9d9d9' },
};

export function ToneTag({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  const { color, background, border } = TONES[tone];
  return (
    <span
      className="tone-tag"
      title={title}
      style={{
        display: 'inline-block',
        color,
        background,
        border: `1px solid ${border}`,
        borderRadius: 4,
        padding: '0 7px',
        fontSize: 12,
        lineHeight: '20px',
        marginInlineEnd: 8,
        whiteSpace: 'normal',
        overflowWrap: 'anywhere',
      }}
    >
      {children}
    </span>
  );
}
