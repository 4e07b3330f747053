import type { Availability, ChecklistItem, EvidenceView, MatchStatus, MatchView, RiskLevel, Truth } from '../../api/types';
import type { EvidenceTarget } from '../../lib/evidence';
import { EvidenceItem } from './EvidenceItem';

/*
 * Status is always said in words; the icon and the colour only repeat it. Icons are
 * aria-hidden so a screen reader hears "Met", not "check mark Met".
 */

const TRUTH: Record<Truth, { icon: string; text: string; tone: string }> = {
  met: { icon: '✓', text: 'Met', tone: 'good' },
  not_met: { icon: '✗', text: 'Not met', tone: 'bad' },
  unknown: { icon: '?', text: 'Unknown', tone: 'warn' },
};

export function TruthMark({ status }: { status: Truth }) {
  const t = TRUTH[status] ?? TRUTH.unknown;
  return (
    <span className={`truth truth-${t.tone}`} data-truth={status}>
      <span className="truth-icon" aria-hidden="true">
        {t.icon}
      </span>{' '}
      {t.text}
    </span>
  );
}

const STATUS: Record<MatchStatus, { icon: string; text: string; tone: string; hint: string }> = {
  eligible: { icon: '✓', text: 'Eligible', tone: 'good', hint: 'every criterion met' },
  potential: { icon: '?', text: 'Potentially eligible', tone: 'info', hint: 'nothing failed, something to verify' },
};

export function MatchStatusBadge({ status }: { status: MatchStatus }) {
  const s = STATUS[status] ?? STATUS.potential;
  return (
    <span className={`badge badge-${s.tone}`} title={s.hint}>
      <span aria-hidden="true">{s.icon} </span>
      {s.text}
    </span>
  );
}

const AVAILABILITY: Record<Availability, { icon: string; text: string; tone: string }> = {
  open: { icon: '●', text: 'Open', tone: 'good' },
  waitlist: { icon: '◐', text: 'Waitlist', tone: 'warn' },
  closed: { icon: '○', text: 'Closed', tone: 'neutral' },
};

export function AvailabilityBadge({ availability }: { availability: Availability }) {
  const a = AVAILABILITY[availability] ?? AVAILABILITY.closed;
  return (
    <span className={`badge badge-${a.tone}`}>
      <span aria-hidden="true">{a.icon} </span>
      {a.text}
    </span>
  );
}

const RISK_TONE: Record<RiskLevel, string> = { low: 'good', medium: 'warn', high: 'bad' };

/** "Medium risk · 0.35": the level in words, the score as the server computed it. */
export function RiskBadge({ risk }: { risk: MatchView['risk'] }) {
  const level = risk.level;
  return (
    <span className={`badge badge-${RISK_TONE[level] ?? 'neutral'}`} title="Screen-failure risk from the criteria still to verify">
      {level.charAt(0).toUpperCase() + level.slice(1)} risk <span className="risk-score">· {risk.score.toFixed(2)}</span>
    </span>
  );
}

export function NewBadge() {
  return (
    <span className="badge badge-new" data-testid="new-badge">
      <span aria-hidden="true">★ </span>New
    </span>
  );
}

/** "2 unknown · 1 stale · 1 borderline", or "Nothing to verify". */
export function unknownSummary(m: Pick<MatchView, 'unknownCount' | 'staleCount' | 'borderlineCount'>): string {
  const parts = [
    m.unknownCount ? `${m.unknownCount} unknown` : '',
    m.staleCount ? `${m.staleCount} stale` : '',
    m.borderlineCount ? `${m.borderlineCount} borderline` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'Nothing to verify';
}

const CHECK_KIND: Record<ChecklistItem['kind'], { icon: string; text: string }> = {
  unknown: { icon: '?', text: 'Unknown' },
  stale: { icon: '◷', text: 'Stale' },
  borderline: { icon: '≈', text: 'Borderline' },
};

/** What a coordinator must verify before screening, one line per criterion. */
export function Checklist({
  items,
  headingId,
  linkFor,
}: {
  items: readonly ChecklistItem[];
  headingId: string;
  linkFor: (e: EvidenceView) => EvidenceTarget | null;
}) {
  return (
    <section className="checklist" aria-labelledby={headingId}>
      <h4 id={headingId}>What to verify</h4>
      {items.length === 0 ? (
        <p className="muted">Nothing: every criterion is met with current, clear-cut facts.</p>
      ) : (
        <ul className="checklist-items">
          {items.map((item, i) => {
            const k = CHECK_KIND[item.kind] ?? CHECK_KIND.unknown;
            return (
              <li key={`${i}-${item.text}`} className={`check check-${item.kind}`}>
                <span className={`marker marker-${item.kind}`}>
                  <span aria-hidden="true">{k.icon} </span>
                  {k.text}
                </span>{' '}
                <span className="check-text">{item.text}</span>
                {item.reason && <span className="check-reason"> — {item.reason}</span>}
                {item.evidence && item.evidence.length > 0 && (
                  <ul className="evidence" aria-label="Evidence">
                    {item.evidence.map((e, j) => (
                      <EvidenceItem key={`${e.refId ?? e.field}-${j}`} evidence={e} target={linkFor(e)} />
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
