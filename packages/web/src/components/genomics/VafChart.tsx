import { useId, useMemo, useState } from 'react';
import type { AlterationSeries, GenomicSample, SeriesPoint, TherapyInterval } from '../../api/genomics';
import { STATE_LABELS } from '../../api/genomics';
import { formatDate } from '../../lib/format';
import { dayOf, isoOfDay, logScale, percent, SERIES_COLOURS, SERIES_DASHES, timeScale, type TimeScale } from './scales';

const W = 760;
const LEFT = 64;
const RIGHT = 740;
const TOP = 14;
const LOG_BOTTOM = 230;
/** "Not detected" has no place on a log axis: it gets a band of its own under the lowest decade. */
const ND_Y = 250;
const AXIS_Y = 266;
const LANE_TOP = 292;
const LANE_H = 22;

export interface Props {
  samples: readonly GenomicSample[];
  series: readonly AlterationSeries[];
  lines: readonly TherapyInterval[];
}

/** The x scale every genomics chart of the tab shares: samples and lines of therapy. */
export function useTimeScale(samples: readonly GenomicSample[], lines: readonly TherapyInterval[]): TimeScale {
  return useMemo(() => {
    const days = [
      ...samples.map((s) => dayOf(s.reportedAt)),
      ...lines.flatMap((l) => [dayOf(l.startedAt), ...(l.endedAt ? [dayOf(l.endedAt)] : [])]),
    ];
    return timeScale(days.length > 0 ? days : [0], LEFT, RIGHT);
  }, [samples, lines]);
}

/** Lines of therapy packed into rows so overlapping ones (maintenance, combinations) do not hide each other. */
function laneRows(lines: readonly TherapyInterval[], lastDay: number): { line: TherapyInterval; row: number; from: number; to: number }[] {
  const ends: number[] = [];
  return [...lines]
    .sort((a, b) => dayOf(a.startedAt) - dayOf(b.startedAt))
    .map((line) => {
      const from = dayOf(line.startedAt);
      const to = line.endedAt ? dayOf(line.endedAt) : lastDay;
      let row = ends.findIndex((end) => end < from);
      if (row < 0) row = ends.length;
      ends[row] = to;
      return { line, row, from, to };
    });
}

const plottable = (s: AlterationSeries) => s.points.some((p) => p.vaf !== undefined);

/**
 * VAF of each alteration over time on a log scale: one line per alteration, a point per sample
 * (circle: plasma, square: tissue; filled: detected at its VAF; hollow in the "ND" band: not
 * detected; grey "?" there: uninformative or not covered — never drawn as a zero), the lines of
 * therapy as bands along the time axis. Hovering a point shows its values; the table under the
 * chart has them all.
 */
export function VafChart({ samples, series, lines }: Props) {
  const titleId = useId();
  const descId = useId();
  const plotted = useMemo(() => series.filter(plottable), [series]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const time = useTimeScale(samples, lines);
  const vafs = plotted.flatMap((s) => s.points.map((p) => p.vaf ?? 0));
  const scale = logScale(vafs, TOP, LOG_BOTTOM);
  const lanes = laneRows(lines, time.end);
  const laneCount = Math.max(1, ...lanes.map((l) => l.row + 1));
  const height = LANE_TOP + laneCount * LANE_H + 8;
  const tf = new Map(samples.map((s) => [s.id, s.tumourFraction]));
  const colour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;
  const dash = (i: number) => SERIES_DASHES[Math.floor(i / SERIES_COLOURS.length) % SERIES_DASHES.length]!;
  const yOf = (p: SeriesPoint) => (p.state === 'detected' && p.vaf !== undefined ? scale.y(p.vaf) : ND_Y);

  if (plotted.length === 0) {
    return <p className="muted">No alteration with a variant allele fraction to plot: the table below lists what the reports hold.</p>;
  }

  return (
    <figure className="genomics-figure">
      <svg
        className="vaf-chart"
        data-testid="vaf-chart"
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>Variant allele fraction over time, log scale</title>
        <desc id={descId}>
          {`${plotted.length} alterations across ${samples.length} samples from ${formatDate(samples[0]?.reportedAt)} to ${formatDate(samples[samples.length - 1]?.reportedAt)}; ${lines.length} lines of therapy. The table below gives every value.`}
        </desc>

        {/* Lines of therapy: faint bands behind the plot, labelled bars in the lane under the axis. */}
        <g aria-hidden="true">
          {lanes.map(({ line, from, to }, i) => (
            <rect
              key={`band-${line.id}`}
              x={time.xDay(from)}
              y={TOP}
              width={Math.max(1, time.xDay(to) - time.xDay(from))}
              height={AXIS_Y - TOP}
              className={`therapy-band therapy-band-${i % 2}`}
            />
          ))}
        </g>

        <g data-testid="vaf-axis" data-scale="log" className="axis">
          {scale.decades.map((d) => (
            <g key={d}>
              <line x1={LEFT} x2={RIGHT} y1={scale.y(d)} y2={scale.y(d)} className="grid" />
              <text x={LEFT - 6} y={scale.y(d)} textAnchor="end" dominantBaseline="middle" data-tick={d}>
                {percent(d)}
              </text>
            </g>
          ))}
          <text x={LEFT - 6} y={ND_Y} textAnchor="end" dominantBaseline="middle">
            ND
          </text>
          <line x1={LEFT} x2={RIGHT} y1={ND_Y} y2={ND_Y} className="grid grid-nd" />
          <text x={14} y={(TOP + LOG_BOTTOM) / 2} textAnchor="middle" transform={`rotate(-90 14 ${(TOP + LOG_BOTTOM) / 2})`}>
            VAF (log scale)
          </text>
        </g>

        <g className="axis" aria-hidden="true">
          <line x1={LEFT} x2={RIGHT} y1={AXIS_Y} y2={AXIS_Y} className="axis-line" />
          {time.ticks.map((d) => (
            <g key={d}>
              <line x1={time.xDay(d)} x2={time.xDay(d)} y1={AXIS_Y} y2={AXIS_Y + 4} className="axis-line" />
              <text x={time.xDay(d)} y={AXIS_Y + 15} textAnchor="middle">
                {isoOfDay(d).slice(0, 7)}
              </text>
            </g>
          ))}
        </g>

        <g data-testid="therapy-lane">
          {lanes.map(({ line, row, from, to }) => {
            const x = time.xDay(from);
            const w = Math.max(2, time.xDay(to) - x);
            return (
              <g key={line.id} data-line={line.id}>
                <title>{`Line ${line.lineNumber}: ${line.label} — ${formatDate(line.startedAt)} to ${line.endedAt ? formatDate(line.endedAt) : 'ongoing'}${line.stopReason ? ` (${line.stopReason})` : ''}`}</title>
                <rect x={x} y={LANE_TOP + row * LANE_H} width={w} height={LANE_H - 4} rx={3} className="therapy-bar" />
                <text x={x + 4} y={LANE_TOP + row * LANE_H + (LANE_H - 4) / 2} dominantBaseline="middle" className="therapy-label">
                  {clip(`L${line.lineNumber} ${line.label}`, w)}
                </text>
              </g>
            );
          })}
        </g>

        {plotted.map((s, i) => {
          if (hidden.has(s.key)) return null;
          const segments = segmentsOf(s.points);
          return (
            <g key={s.key} data-series={s.key} stroke={colour(i)} fill={colour(i)}>
              {segments.map((seg, k) => (
                <polyline
                  key={k}
                  data-testid="vaf-line"
                  points={seg.map((p) => `${time.x(p.reportedAt)},${yOf(p)}`).join(' ')}
                  fill="none"
                  strokeWidth={2}
                  strokeDasharray={dash(i) || undefined}
                />
              ))}
              {s.points.map((p) => (
                <g
                  key={p.sampleId}
                  data-testid="vaf-point"
                  data-series={s.key}
                  data-state={p.state}
                  data-specimen={p.specimen}
                  data-vaf={p.vaf ?? ''}
                  data-date={p.reportedAt}
                >
                  <title>{tooltip(s, p, tf.get(p.sampleId))}</title>
                  <Marker p={p} x={time.x(p.reportedAt)} y={yOf(p)} />
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend" aria-label="Alterations plotted (press to hide or show)">
          {plotted.map((s, i) => (
            <li key={s.key}>
              <button
                type="button"
                className="legend-item"
                aria-pressed={!hidden.has(s.key)}
                onClick={() =>
                  setHidden((h) => {
                    const next = new Set(h);
                    if (next.has(s.key)) next.delete(s.key);
                    else next.add(s.key);
                    return next;
                  })
                }
              >
                <svg width="28" height="10" aria-hidden="true">
                  <line x1="0" x2="28" y1="5" y2="5" stroke={colour(i)} strokeWidth="3" strokeDasharray={dash(i) || undefined} />
                </svg>
                {s.label}
                {s.flags.some((f) => f.kind === 'possible_clonal_haematopoiesis') && <span className="muted"> (possible CH)</span>}
              </button>
            </li>
          ))}
        </ul>
        <p className="hint">
          ● plasma (ctDNA) · ■ tissue · hollow in the ND band: not detected · grey ?: uninformative (tumour fraction too low) or not covered
          by the panel · shaded bands and bars: lines of therapy.
        </p>
      </figcaption>
    </figure>
  );
}

function Marker({ p, x, y }: { p: SeriesPoint; x: number; y: number }) {
  if (p.state === 'uninformative_low_tumour_fraction' || p.state === 'not_covered') {
    return (
      <text x={x} y={y} textAnchor="middle" dominantBaseline="middle" className="point-unknown" stroke="none">
        ?
      </text>
    );
  }
  const filled = p.state === 'detected';
  const common = { strokeWidth: 1.5, fill: filled ? undefined : '#fff' };
  return p.specimen === 'tissue' ? (
    <rect x={x - 4.5} y={y - 4.5} width={9} height={9} {...common} />
  ) : (
    <circle cx={x} cy={y} r={4.5} {...common} />
  );
}

/** Runs of points joined by a line: an uninformative or uncovered sample breaks it (nothing is known there). */
function segmentsOf(points: readonly SeriesPoint[]): SeriesPoint[][] {
  const out: SeriesPoint[][] = [];
  let run: SeriesPoint[] = [];
  for (const p of points) {
    if (p.state === 'detected' || p.state === 'not_detected') run.push(p);
    else {
      if (run.length > 1) out.push(run);
      run = [];
    }
  }
  if (run.length > 1) out.push(run);
  return out;
}

function tooltip(s: AlterationSeries, p: SeriesPoint, tf: number | undefined): string {
  const where = `${p.specimen === 'ctdna' ? 'ctDNA' : 'tissue'} ${formatDate(p.reportedAt)}`;
  const value =
    p.state === 'detected'
      ? p.vaf !== undefined
        ? `VAF ${percent(p.vaf)}`
        : p.copyNumber !== undefined
          ? `copy number ${p.copyNumber}`
          : 'detected'
      : STATE_LABELS[p.state];
  const fraction = p.specimen === 'ctdna' && tf !== undefined ? ` (tumour fraction ${percent(tf)})` : '';
  return `${s.label} — ${where}: ${value}${fraction}${p.coverageAssumed && p.state !== 'detected' ? '; panel gene list unknown, coverage assumed' : ''}`;
}

/** Roughly 6.5 px a character at the lane's font size: labels stop at their bar's end. */
function clip(text: string, width: number): string {
  const max = Math.floor((width - 8) / 6.5);
  if (max <= 1) return '';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
