type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

/** The columns a MatchView is read from: the stored match, its trial, and the user's seen mark. */
export const MATCH_COLUMNS = `m.id, m.patient_id, m.trial_id, m.level_path, m.level_code, m.level_label, m.status, m.availability,
  m.unknown_count, m.stale_count, m.borderline_count, m.genomic_strength, m.risk_score, m.risk_level, m.checklist, m.explanation,
  m.facts_version, m.criteria_version, m.arm_version, m.computed_at, m.changed_at,
  t.protocol_number, t.acronym, t.title, t.phase`;

/** A stored match as the API shows it (docs/api.md "MatchView"). */
export function matchView(r: Row) {
  return {
    id: r.id,
    trialId: r.trial_id,
    protocolNumber: r.protocol_number,
    acronym: r.acronym,
    title: r.title,
    phase: r.phase,
    levelPath: r.level_path,
    levelCode: r.level_code,
    levelLabel: r.level_label,
    availability: r.availability,
    status: r.status,
    unknownCount: r.unknown_count,
    staleCount: r.stale_count,
    borderlineCount: r.borderline_count,
    risk: { score: r.risk_score, level: r.risk_level },
    checklist: r.checklist,
    explanation: r.explanation,
    computedAt: iso(r.computed_at),
    isNew: r.is_new === true,
    // The versions of the inputs this answer was computed from.
    inputs: { factsVersion: r.facts_version, criteriaVersion: r.criteria_version, armVersion: r.arm_version },
  };
}

const AVAILABILITY_ORDER: Record<string, number> = { open: 0, waitlist: 1, closed: 2 };

/**
 * Core's ranking (rankMatches) applied to stored matches, key for key: eligible first, then
 * fewest criteria to verify (unknown + stale), strongest genomic match, lowest screen-failure
 * risk, open before waitlist before closed; ties by protocol and level.
 */
export function compareStored(a: Row, b: Row): number {
  return (
    (a.status === b.status ? 0 : a.status === 'eligible' ? -1 : 1) ||
    a.unknown_count + a.stale_count - (b.unknown_count + b.stale_count) ||
    b.genomic_strength - a.genomic_strength ||
    a.risk_score - b.risk_score ||
    AVAILABILITY_ORDER[a.availability]! - AVAILABILITY_ORDER[b.availability]! ||
    String(a.protocol_number).localeCompare(String(b.protocol_number)) ||
    String(a.level_path).localeCompare(String(b.level_path))
  );
}

/** The same ordering in SQL, for a trial's paginated candidates. */
export const RANK_ORDER_SQL = `(m.status = 'eligible') desc, m.unknown_count + m.stale_count, m.genomic_strength desc, m.risk_score,
  case m.availability when 'open' then 0 when 'waitlist' then 1 else 2 end`;
