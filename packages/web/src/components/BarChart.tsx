import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
  /** CSS class suffix choosing the bar's colour. */
  tone: string;
}

interface Props {
  title: string;
  bars: readonly Bar[];
  /** Shared scale so charts of different trials can be compared by eye. */
  max: number;
}

const LABEL_W = 130;
const BAR_W = 220;
const ROW_H = 26;

/** Horizontal bars in plain SVG; the values are written out too, so nothing needs hovering. */
export function BarChart({ title, bars, max }: Props) {
  const titleId = useId();
  const descId = useId();
  const height = bars.length * ROW_H + 8;
  const scale = max > 0 ? BAR_W / max : 0;
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${LABEL_W + BAR_W + 50} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{bars.map((b) => `${b.label}: ${b.value}`).join('; ')}</desc>
      {bars.map((b, i) => {
        const y = 4 + i * ROW_H;
        const w = Math.max(b.value > 0 ? 2 : 0, b.value * scale);
        return (
          <g key={b.label} aria-hidden="true">
            <text x={LABEL_W - 8} y={y + ROW_H / 2} textAnchor="end" dominantBaseline="middle" className="bar-label">
              {b.label}
            </text>
            <rect x={LABEL_W} y={y + 4} width={w} height={ROW_H - 8} rx={3} className={`bar bar-${b.tone}`} />
            <text x={LABEL_W + w + 6} y={y + ROW_H / 2} dominantBaseline="middle" className="bar-value">
              {b.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
