import { useId } from 'react';
import { niceTicks, sig } from './chart-scale';

const W = 520;
const H = 260;
const M = { left: 56, right: 96, top: 14, bottom: 40 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;

export interface Projection {
  cycle: number;
  activityMBq: number;
  plannedGy: number | null;
  projectedGy: number | null;
  verdict: 'within' | 'exceeds' | 'unknown';
}

interface Props {
  /** e.g. "Cumulative kidney BED". */
  title: string;
  /** e.g. "BED (Gy)". */
  quantity: string;
  limitGy: number;
  reference: string;
  perCycle: ReadonlyArray<{ cycle: number; valueGy: number }>;
  projection?: Projection | null;
  testId: string;
}

/**
 * The cumulative dose (or BED) after each cycle as bars — the cycle's own share darker — against
 * the limit as a line; a planned next cycle as a dashed bar. The table says the same in numbers.
 */
export function CumulativeChart({ title, quantity, limitGy, reference, perCycle, projection, testId }: Props) {
  const id = useId();
  let running = 0;
  const bars = perCycle.map((c) => {
    const before = running;
    running += c.valueGy;
    return { cycle: c.cycle, own: c.valueGy, before, after: running };
  });
  const projectedTop = projection?.projectedGy ?? null;
  const top = Math.max(limitGy * 1.15, running * 1.05, projectedTop ?? 0);
  const ticks = niceTicks(0, top, 5);
  const yMax = ticks.at(-1)!;
  const slots = bars.length + (projection ? 1 : 0);
  const slot = PW / Math.max(slots, 1);
  const bw = Math.min(56, slot * 0.6);
  const x = (k: number) => M.left + slot * k + (slot - bw) / 2;
  const y = (v: number) => M.top + PH - (v / yMax) * PH;
  const words = `${perCycle.map((c, k) => `after cycle ${c.cycle}: ${sig(bars[k]!.after)} Gy`).join('; ')}; limit ${limitGy} Gy${
    projection && projectedTop !== null
      ? `; cycle ${projection.cycle} of ${sig(projection.activityMBq / 1000)} GBq would bring it to ${sig(projectedTop)} Gy (${projection.verdict})`
      : ''
  }`;

  return (
    <figure className="th-figure th-figure-small">
      <figcaption>
        {title} <span className="muted">— limit {limitGy} Gy</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="th-chart"
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        data-testid={testId}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>{`${title} against the ${limitGy} Gy limit`}</title>
        <desc id={`${id}-d`}>{words}</desc>
        <g aria-hidden="true">
          {ticks.map((v) => (
            <g key={v}>
              <line x1={M.left} x2={M.left + PW} y1={y(v)} y2={y(v)} className="th-grid" />
              <text x={M.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle" className="th-tick">
                {sig(v)}
              </text>
            </g>
          ))}
          <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + PH} className="th-axis" />
          <line x1={M.left} x2={M.left + PW} y1={M.top + PH} y2={M.top + PH} className="th-axis" />
          <text x={14} y={M.top + PH / 2} textAnchor="middle" transform={`rotate(-90 14 ${M.top + PH / 2})`} className="th-axis-label">
            {quantity}
          </text>
          {bars.map((b, k) => (
            <g key={b.cycle}>
              <rect x={x(k)} y={y(b.before)} width={bw} height={y(0) - y(b.before)} className="th-bar-before" />
              <rect
                x={x(k)}
                y={y(b.after)}
                width={bw}
                height={y(b.before) - y(b.after)}
                className={b.after > limitGy ? 'th-bar th-bar-over' : 'th-bar'}
                data-testid="cumulative-bar"
              />
              <text x={x(k) + bw / 2} y={y(b.after) - 4} textAnchor="middle" className="th-value">
                {sig(b.after)}
              </text>
              <text x={x(k) + bw / 2} y={M.top + PH + 16} textAnchor="middle" className="th-tick">
                Cycle {b.cycle}
              </text>
            </g>
          ))}
          {projection && projectedTop !== null && (
            <g data-testid="projected-bar">
              <rect
                x={x(bars.length)}
                y={y(projectedTop)}
                width={bw}
                height={y(running) - y(projectedTop)}
                className={projection.verdict === 'exceeds' ? 'th-bar-planned th-bar-over' : 'th-bar-planned'}
              />
              <rect x={x(bars.length)} y={y(running)} width={bw} height={y(0) - y(running)} className="th-bar-before" />
              <text x={x(bars.length) + bw / 2} y={y(projectedTop) - 4} textAnchor="middle" className="th-value">
                {sig(projectedTop)}
              </text>
              <text x={x(bars.length) + bw / 2} y={M.top + PH + 16} textAnchor="middle" className="th-tick">
                Cycle {projection.cycle}?
              </text>
              <text x={x(bars.length) + bw / 2} y={M.top + PH + 30} textAnchor="middle" className="th-tick">
                {sig(projection.activityMBq / 1000)} GBq planned
              </text>
            </g>
          )}
          <line x1={M.left} x2={M.left + PW} y1={y(limitGy)} y2={y(limitGy)} className="th-limit" data-testid="limit-line" />
          <text x={M.left + PW + 4} y={y(limitGy)} dominantBaseline="middle" className="th-limit-label">
            Limit {limitGy} Gy
          </text>
        </g>
      </svg>
      <div className="table-scroll" role="region" aria-label={`${title}, by cycle`} tabIndex={0}>
        <table className="th-compact">
          <caption className="visually-hidden">{`${title} by cycle, against ${limitGy} Gy`}</caption>
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              <th scope="col" className="num">
                This cycle (Gy)
              </th>
              <th scope="col" className="num">
                Cumulative (Gy)
              </th>
              <th scope="col" className="num">
                Of the limit
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.cycle}>
                <th scope="row">{b.cycle}</th>
                <td className="num">{sig(b.own)}</td>
                <td className="num">{sig(b.after)}</td>
                <td className="num">{((b.after / limitGy) * 100).toFixed(0)} %</td>
              </tr>
            ))}
            {projection && (
              <tr className="th-planned-row">
                <th scope="row">
                  {projection.cycle} (planned, {sig(projection.activityMBq / 1000)} GBq)
                </th>
                <td className="num">{sig(projection.plannedGy)}</td>
                <td className="num">{sig(projectedTop)}</td>
                <td className="num">
                  {projectedTop === null ? '—' : `${((projectedTop / limitGy) * 100).toFixed(0)} %`}{' '}
                  <span
                    className={`badge ${projection.verdict === 'exceeds' ? 'badge-bad' : projection.verdict === 'within' ? 'badge-good' : 'badge-neutral'}`}
                  >
                    {projection.verdict === 'exceeds' ? 'Would exceed' : projection.verdict === 'within' ? 'Within' : 'Cannot tell'}
                  </span>
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p className="hint">{reference}</p>
    </figure>
  );
}
