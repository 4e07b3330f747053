import { useId } from 'react';
import type { GenomicSample, TherapyInterval } from '../../api/genomics';
import { formatDate } from '../../lib/format';
import { logScale, percent } from './scales';
import { useTimeScale } from './VafChart';

const W = 760;
const LEFT = 64;
const RIGHT = 740;
const TOP = 10;
const BOTTOM = 110;
const H = 130;
/** panels.ts DEFAULT_MIN_TUMOUR_FRACTION: below it a negative plasma result is uninformative. */
const MIN_INFORMATIVE = 0.01;

/**
 * ctDNA tumour fraction over time (log scale), on the VAF chart's time axis, with the 1 % line
 * below which a negative plasma result says nothing.
 */
export function TumourFractionChart({ samples, lines }: { samples: readonly GenomicSample[]; lines: readonly TherapyInterval[] }) {
  const titleId = useId();
  const descId = useId();
  const time = useTimeScale(samples, lines);
  const points = samples.filter((s) => s.specimen === 'ctdna' && s.tumourFraction !== undefined);
  if (points.length === 0) return <p className="muted">No ctDNA sample with a tumour fraction.</p>;
  const scale = logScale([...points.map((s) => s.tumourFraction!), MIN_INFORMATIVE], TOP, BOTTOM, 0.001);
  const path = points.map((s) => `${time.x(s.reportedAt)},${scale.y(s.tumourFraction!)}`).join(' ');
  return (
    <svg
      className="tf-chart"
      data-testid="tf-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={titleId}>ctDNA tumour fraction over time, log scale</title>
      <desc id={descId}>{points.map((s) => `${formatDate(s.reportedAt)}: ${percent(s.tumourFraction!)}`).join('; ')}</desc>
      <g className="axis" data-scale="log">
        {scale.decades.map((d) => (
          <g key={d}>
            <line x1={LEFT} x2={RIGHT} y1={scale.y(d)} y2={scale.y(d)} className="grid" />
            <text x={LEFT - 6} y={scale.y(d)} textAnchor="end" dominantBaseline="middle">
              {percent(d)}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={RIGHT} y1={scale.y(MIN_INFORMATIVE)} y2={scale.y(MIN_INFORMATIVE)} className="threshold" />
        <text x={RIGHT} y={scale.y(MIN_INFORMATIVE) - 4} textAnchor="end" className="threshold-label">
          below 1 %: negatives uninformative
        </text>
        <line x1={LEFT} x2={RIGHT} y1={BOTTOM + 6} y2={BOTTOM + 6} className="axis-line" />
      </g>
      <polyline points={path} fill="none" className="tf-line" />
      {points.map((s) => (
        <g key={s.id} data-testid="tf-point" data-tf={s.tumourFraction}>
          <title>{`ctDNA ${formatDate(s.reportedAt)}: tumour fraction ${percent(s.tumourFraction!)}${s.informative ? '' : ' — negatives uninformative'}`}</title>
          <circle
            cx={time.x(s.reportedAt)}
            cy={scale.y(s.tumourFraction!)}
            r={4}
            className={s.informative ? 'tf-point' : 'tf-point tf-point-low'}
          />
        </g>
      ))}
    </svg>
  );
}
