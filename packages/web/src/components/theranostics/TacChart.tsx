import { useId, useState } from 'react';
import type { RegionView } from '../../api/theranostics';
import { niceTicks, sig } from './chart-scale';

const W = 680;
const H = 340;
const M = { left: 70, right: 16, top: 14, bottom: 46 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;

// Colour-blind-safe (Okabe–Ito); the legend and the table name every region, colour only helps.
export const REGION_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999999'];

/**
 * Fitted time-activity curves over the measured points, one per region, on a log or linear
 * activity axis. The data table under it says the same in words and numbers.
 */
export function TacChart({ regions, caption }: { regions: readonly RegionView[]; caption: string }) {
  const id = useId();
  const [scale, setScale] = useState<'log' | 'linear'>('log');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const shown = regions.filter((r) => !hidden.has(r.name));

  const tMax = Math.max(1, ...regions.flatMap((r) => r.curve.map((p) => p.tH)));
  const values = shown.flatMap((r) => [...r.points.map((p) => p.activityMBq), ...r.curve.map((p) => p.activityMBq)]).filter((v) => v > 0);
  const vMax = values.length ? Math.max(...values) : 1;
  const vMinPositive = values.length
    ? Math.min(...shown.flatMap((r) => r.points.map((p) => p.activityMBq)).filter((v) => v > 0), vMax)
    : 0.1;
  const logLo = Math.floor(Math.log10(Math.max(vMinPositive / 2, 1e-3)));
  const logHi = Math.ceil(Math.log10(vMax));
  const linTicks = niceTicks(0, vMax, 5);
  const linHi = linTicks.at(-1)!;

  const x = (t: number) => M.left + (t / tMax) * PW;
  const y = (v: number) => {
    if (scale === 'linear') return M.top + PH - (v / linHi) * PH;
    const l = Math.log10(Math.max(v, 10 ** logLo));
    return M.top + PH - ((l - logLo) / Math.max(logHi - logLo, 1)) * PH;
  };
  const yTicks = scale === 'linear' ? linTicks : Array.from({ length: logHi - logLo + 1 }, (_, k) => 10 ** (logLo + k));
  const xTicks = niceTicks(0, tMax, 7);
  const path = (r: RegionView) =>
    r.curve
      .filter((p) => scale === 'linear' || p.activityMBq >= 10 ** logLo)
      .map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.tH).toFixed(1)},${y(p.activityMBq).toFixed(1)}`)
      .join(' ');

  const toggle = (name: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  return (
    <figure className="th-figure">
      <figcaption id={`${id}-cap`}>{caption}</figcaption>
      <div className="th-chart-tools">
        <fieldset className="th-scale">
          <legend className="visually-hidden">Activity axis</legend>
          {(['log', 'linear'] as const).map((s) => (
            <label key={s}>
              <input type="radio" name={`${id}-scale`} value={s} checked={scale === s} onChange={() => setScale(s)} />{' '}
              {s === 'log' ? 'Log scale' : 'Linear scale'}
            </label>
          ))}
        </fieldset>
        <fieldset className="th-legend">
          <legend className="visually-hidden">Regions shown</legend>
          {regions.map((r, i) => (
            <label key={r.name} className="th-legend-item">
              <input type="checkbox" checked={!hidden.has(r.name)} onChange={() => toggle(r.name)} />
              <span className="th-swatch" style={{ background: REGION_COLOURS[i % REGION_COLOURS.length] }} aria-hidden="true" />
              {r.name}
            </label>
          ))}
        </fieldset>
      </div>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="th-chart"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid="tac-chart"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{`Time-activity curves, ${scale} activity axis`}</title>
        <desc id={`${id}-desc`}>
          {shown
            .map(
              (r) =>
                `${r.name}: ${r.model} fit, TIA ${sig(r.tiaMBqH, 5)} MBq·h; measured ${r.points.map((p) => `${sig(p.tH, 3)} h ${sig(p.activityMBq, 4)} MBq`).join(', ')}`,
            )
            .join('. ')}
        </desc>
        <g aria-hidden="true">
          {yTicks.map((v) => (
            <g key={`y${v}`}>
              <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="th-grid" />
              <text x={M.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle" className="th-tick">
                {sig(v, 3)}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <g key={`x${t}`}>
              <line x1={x(t)} x2={x(t)} y1={M.top + PH} y2={M.top + PH + 4} className="th-axis" />
              <text x={x(t)} y={M.top + PH + 16} textAnchor="middle" className="th-tick">
                {sig(t, 3)}
              </text>
            </g>
          ))}
          <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + PH} className="th-axis" />
          <line x1={M.left} x2={W - M.right} y1={M.top + PH} y2={M.top + PH} className="th-axis" />
          <text x={M.left + PW / 2} y={H - 8} textAnchor="middle" className="th-axis-label">
            Time after injection (h)
          </text>
          <text x={14} y={M.top + PH / 2} textAnchor="middle" transform={`rotate(-90 14 ${M.top + PH / 2})`} className="th-axis-label">
            Activity (MBq){scale === 'log' ? ', log' : ''}
          </text>
          {regions.map((r, i) =>
            hidden.has(r.name) ? null : (
              <g key={r.name} style={{ color: REGION_COLOURS[i % REGION_COLOURS.length] }}>
                <path d={path(r)} className="th-curve" data-testid="tac-curve" />
                {r.points.map((p) => (
                  <circle key={p.tH} cx={x(p.tH)} cy={y(p.activityMBq)} r={4} className="th-point" data-testid="tac-point" />
                ))}
              </g>
            ),
          )}
        </g>
      </svg>
      <details className="th-table">
        <summary>Data table: measured points, fits and doses</summary>
        <div className="table-scroll" role="region" aria-label="Measured points, fits and doses" tabIndex={0}>
          <table>
            <caption className="visually-hidden">Measured activities and fitted models per region</caption>
            <thead>
              <tr>
                <th scope="col">Region</th>
                <th scope="col">Measured (h: MBq)</th>
                <th scope="col">Model and parameters</th>
                <th scope="col" className="num">
                  TIA (MBq·h)
                </th>
                <th scope="col" className="num">
                  Dose (Gy)
                </th>
                <th scope="col" className="num">
                  Gy/GBq
                </th>
              </tr>
            </thead>
            <tbody>
              {regions.map((r) => (
                <tr key={r.name}>
                  <th scope="row">
                    {r.name} <span className="muted">({r.organ})</span>
                  </th>
                  <td>{r.points.map((p) => `${sig(p.tH, 3)}: ${sig(p.activityMBq, 4)}`).join('; ')}</td>
                  <td>
                    {r.model}
                    {r.rSquared !== null ? `, R² ${sig(r.rSquared, 4)}` : ''}
                    <br />
                    <span className="muted">
                      {Object.entries(r.parameters)
                        .map(([k, v]) => `${k} ${sig(v, 4)}`)
                        .join(', ')}
                    </span>
                  </td>
                  <td className="num">{sig(r.tiaMBqH, 5)}</td>
                  <td className="num">{r.doseGy === null ? '—' : sig(r.doseGy, 4)}</td>
                  <td className="num">{r.doseGyPerGBq === null ? '—' : sig(r.doseGyPerGBq, 4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
