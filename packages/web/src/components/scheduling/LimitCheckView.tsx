import type { CycleLimitCheck, CycleLimitItem } from '@continuum/core';
import { formatMBq } from './time';

const QUANTITY: Record<string, string> = { bed: 'BED', 'absorbed-dose': 'absorbed dose' };
const ORGAN: Record<string, string> = { kidneys: 'Kidneys', 'red-marrow': 'Red marrow' };
const gy = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)} Gy`);

/** The largest activity that keeps every crossed limit, MBq (null when unknown). */
export function largestActivityWithin(check: CycleLimitCheck): number | null {
  const limits = check.checks.filter((c) => c.verdict === 'exceeds').map((c) => c.maxActivityMBq);
  if (limits.length === 0 || limits.some((m) => m === null)) return null;
  return Math.floor(Math.min(...(limits as number[])));
}

/** One line per limit: organ, quantity, cumulative → projected against the limit. */
export function limitLine(c: CycleLimitItem): string {
  const what = `${ORGAN[c.organ] ?? c.organ} ${QUANTITY[c.quantity] ?? c.quantity}`;
  if (c.projectedGy === null) return `${what}: ${gy(c.cumulativeGy)} so far; this cycle's dose unknown (limit ${c.limitGy} Gy)`;
  const max =
    c.maxActivityMBq !== null && Number.isFinite(c.maxActivityMBq)
      ? `; largest activity within: ${formatMBq(Math.floor(c.maxActivityMBq))}`
      : '';
  return `${what}: ${gy(c.cumulativeGy)} so far + ${gy(c.plannedGy)} → ${gy(c.projectedGy)} ${c.verdict === 'exceeds' ? '>' : '≤'} ${c.limitGy} Gy limit${c.verdict === 'exceeds' ? max : ''}`;
}

/** The verdict as a badge whose text says it (colour only reinforces it), with the numbers. */
export function LimitCheckView({ check, compact = false }: { check: CycleLimitCheck | null; compact?: boolean }) {
  if (!check) return <span className="muted">—</span>;
  const badge =
    check.verdict === 'exceeds' ? (
      <span className="badge badge-bad" data-testid="limit-exceeds">
        ⚠ Would cross a limit
      </span>
    ) : check.verdict === 'within' ? (
      <span className="badge badge-good">Within limits</span>
    ) : (
      <span className="badge badge-warn">Unknown{check.basis.studies === 0 ? ': no dosimetry' : ''}</span>
    );
  const shown = check.verdict === 'exceeds' ? check.checks.filter((c) => c.verdict === 'exceeds') : compact ? [] : check.checks;
  const notes = [...new Set(check.checks.flatMap((c) => c.notes))];
  return (
    <div>
      {badge}
      {shown.length > 0 && (
        <ul className="sc-limit">
          {shown.map((c) => (
            <li key={`${c.organ}-${c.quantity}`} title={c.reference}>
              {limitLine(c)}
            </li>
          ))}
        </ul>
      )}
      {check.basis.pendingCycles.length > 0 && (
        <p className="hint">
          Counts cycle{check.basis.pendingCycles.length > 1 ? 's' : ''} {check.basis.pendingCycles.join(', ')}, not yet given, at the last
          measured dose per GBq.
        </p>
      )}
      {!compact && notes.length > 0 && <p className="hint">{notes.join('; ')}</p>}
      {check.verdict === 'unknown' && check.basis.studies === 0 && compact && <p className="hint">No dosimetry stored for this patient.</p>}
    </div>
  );
}
