import { levelsOf, type EligibilityTrial, type TrialPhase } from '@continuum/core';

/** Trial fields CTML may not carry, given by the importer instead. */
export interface ImportDefaults {
  phase?: TrialPhase;
  sponsor?: string;
  committee?: string;
}

export interface NewTrial {
  protocolNumber: string;
  nctId: string | null;
  title: string;
  phase: TrialPhase;
  status: 'open' | 'closed-to-accrual';
  sponsor: string;
  committee: string;
  arms: Array<{ code: string; name: string; kind: 'arm' | 'dose-level'; status: 'open' | 'closed'; slotsTotal: number; slotsUsed: number }>;
}

/** A field of the CTML document that cannot become a trial row, by its JSON path. */
export interface TrialProblem {
  path: string;
  message: string;
}

const PHASES: Record<string, TrialPhase> = {
  i: 'I', '1': 'I', 'i/ii': 'I/II', '1/2': 'I/II', ii: 'II', '2': 'II', 'ii/iii': 'II/III', '2/3': 'II/III', iii: 'III', '3': 'III', iv: 'IV', '4': 'IV',
};

/** "Phase 1/2", "I/II", "phase ii" → the platform's phase; undefined when it is none of them. */
export function phaseOf(text: string): TrialPhase | undefined {
  const key = text.trim().toLowerCase().replace(/^phase\s*/, '').replace(/\s+/g, '');
  return PHASES[key];
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * The trial row and cohort rows a CTML trial becomes. CTML (MatchMiner's schema) keeps phase in
 * `phase`, the principal sponsor in `sponsor_list.sponsor[]` and the disease group in
 * `management_group_list`; CTIMS exports nest some under `trialInformation`. Arms and dose
 * levels become cohorts (code = level code); slots come from `continuum_slots` (none: 0/0,
 * not slot-limited).
 */
export function newTrialFromCtml(e: EligibilityTrial, defaults: ImportDefaults, root = '$'): { trial?: NewTrial; problems: TrialProblem[] } {
  const problems: TrialProblem[] = [];
  const x = e.extras ?? {};
  const info = obj(x.trialInformation);
  const phaseText = str(x.phase) ?? str(info.phase);
  const phase = phaseText ? phaseOf(phaseText) : defaults.phase;
  if (!phase) {
    problems.push({
      path: `${root}.phase`,
      message: phaseText
        ? `expected a trial phase (I, I/II, II, II/III, III, IV or "Phase 1"...), found "${phaseText}"`
        : 'expected a trial phase (I, I/II, II, II/III, III, IV); CTML has none here, so give defaults.phase',
    });
  }
  const sponsors = Array.isArray(obj(x.sponsor_list).sponsor) ? (obj(x.sponsor_list).sponsor as unknown[]).map(obj) : [];
  const principal = sponsors.find((s) => String(s.is_principal_sponsor).toUpperCase() === 'Y') ?? sponsors[0];
  const sponsor = str(principal?.sponsor_name) ?? str(x.sponsor) ?? defaults.sponsor ?? 'Not stated';
  const groups = Array.isArray(obj(x.management_group_list).management_group) ? (obj(x.management_group_list).management_group as unknown[]).map(obj) : [];
  const committee = str(groups[0]?.management_group_name) ?? defaults.committee ?? 'Unassigned';
  if (e.nctId !== undefined && !/^NCT\d{8}$/.test(e.nctId)) problems.push({ path: `${root}.nct_id`, message: `expected an NCT number such as NCT01234567, found "${e.nctId}"` });
  const arms: NewTrial['arms'] = [];
  const codes = new Map<string, string>();
  for (const { level } of levelsOf(e)) {
    if (level.level === 'step') continue;
    const where = `${root}.${level.path.replace(/\.(\d+)/g, '[$1]')}`;
    const field = level.level === 'arm' ? 'arm_code' : 'level_code';
    if (level.code === undefined || level.code.trim() === '') {
      problems.push({ path: `${where}.${field}`, message: 'expected a code: it names the cohort whose status and slots the centre tracks' });
      continue;
    }
    if (codes.has(level.code)) {
      problems.push({ path: `${where}.${field}`, message: `code "${level.code}" is already used at ${codes.get(level.code)}` });
      continue;
    }
    codes.set(level.code, where);
    if (level.slots && (level.slots.used < 0 || level.slots.total < 0 || level.slots.used > level.slots.total)) {
      problems.push({ path: `${where}.continuum_slots`, message: `expected 0 <= used <= total, found used ${level.slots.used} of ${level.slots.total}` });
      continue;
    }
    arms.push({
      code: level.code,
      name: level.description ?? level.code,
      kind: level.level === 'arm' ? 'arm' : 'dose-level',
      status: level.status,
      slotsTotal: level.slots?.total ?? 0,
      slotsUsed: level.slots?.used ?? 0,
    });
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    trial: {
      protocolNumber: e.protocolNo,
      nctId: e.nctId ?? null,
      title: e.title ?? str(x.short_title) ?? `Protocol ${e.protocolNo}`,
      phase: phase!,
      status: e.status === 'open' ? 'open' : 'closed-to-accrual',
      sponsor,
      committee,
      arms,
    },
  };
}
