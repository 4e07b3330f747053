/**
 * ESCAT (ESMO Scale for Clinical Actionability of molecular Targets; Mateo et al., Ann Oncol
 * 2018;29:1895-1902) — a suggested tier computed from the evidence found, shown next to the
 * tier the Molecular Tumour Board decides. The suggestion never replaces the MTB's decision.
 *
 * Tiers in short (see docs/genomics.md for the rules below and their limits):
 *   I-A   randomised trial in this tumour type shows a survival benefit for the match
 *   I-B   prospective non-randomised trial(s) in this tumour type show clinically meaningful benefit
 *   I-C   benefit across tumour types (basket trials; tumour-agnostic approval)
 *   II-A  retrospective evidence in this tumour type
 *   II-B  prospective trial(s) in this tumour type show responses, survival benefit unknown
 *   III-A benefit shown for this alteration in another tumour type
 *   III-B similar alteration in the same gene has tier-I evidence
 *   IV-A  preclinical evidence;  IV-B in-silico/inferential evidence
 *   V     responses without clinically meaningful benefit (co-targeting) — never suggested here
 *   X     no evidence of actionability
 */
import type { EvidenceItem } from './knowledge-base';

export const ESCAT_TIERS = ['I-A', 'I-B', 'I-C', 'II-A', 'II-B', 'III-A', 'III-B', 'IV-A', 'IV-B', 'V', 'X'] as const;
export type EscatTier = (typeof ESCAT_TIERS)[number];

export interface EscatSuggestion {
  tier: EscatTier;
  /** Therapies whose evidence gave this tier. */
  therapies: string[];
  /** One line per reason, naming source and id ("FDA 2021-05-28 sotorasib: randomised CodeBreaK 200"). */
  basis: string[];
  /** The rule that fired, in words. */
  rule: string;
}

/** The MTB's decided tier, stored next to the suggestion ("both levels shown"). */
export interface EscatAssessment {
  suggested: EscatSuggestion;
  decided?: { tier: EscatTier; by: string; at: string; rationale?: string };
}

export function compareTiers(a: EscatTier, b: EscatTier): number {
  return ESCAT_TIERS.indexOf(a) - ESCAT_TIERS.indexOf(b);
}

/** Therapy names without case duplicates ("Erlotinib" from CIViC, "erlotinib" from a label), first spelling kept, sorted. */
export function uniqueTherapies(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const n of names) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n);
  return [...seen.values()].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

interface Candidate {
  tier: EscatTier;
  item: EvidenceItem;
  rule: string;
}

function label(e: EvidenceItem): string {
  const what = e.date ? `${e.source} ${e.date}` : `${e.source} ${e.id ?? ''} level ${e.level}`;
  return `${what.trim()} ${e.therapies.join('+') || '(no therapy)'} in ${e.disease.oncotree ?? e.disease.name}`;
}

/** Tier one sensitivity item supports for the patient's tumour. */
function tierOf(e: EvidenceItem): Candidate | undefined {
  if (!e.supports || e.direction !== 'sensitivity' || e.therapies.length === 0) return undefined;
  const rel = e.disease.relation;
  if (e.level === 'approved') {
    if (rel === 'same') {
      if (e.randomisedTrial || e.trialDesign === 'randomised') {
        return { tier: 'I-A', item: e, rule: `approved in this tumour type; randomised evidence: ${e.randomisedTrial ?? 'pivotal trial'}` };
      }
      return { tier: 'I-B', item: e, rule: 'approved in this tumour type on a prospective non-randomised trial' };
    }
    if (rel === 'pan_cancer') return { tier: 'I-C', item: e, rule: 'tumour-agnostic approval (basket trials)' };
    return { tier: 'III-A', item: e, rule: 'approved for this alteration in another tumour type' };
  }
  // CIViC levels: A validated, B clinical (trials, cohorts), C case study, D preclinical, E inferential.
  switch (e.level) {
    case 'A':
      if (rel === 'same')
        return { tier: 'I-B', item: e, rule: 'CIViC level A (validated association) in this tumour type; trial design not recorded' };
      if (rel === 'pan_cancer') return { tier: 'I-C', item: e, rule: 'CIViC level A across cancers' };
      return { tier: 'III-A', item: e, rule: 'CIViC level A in another tumour type' };
    case 'B':
      if (rel === 'same') return { tier: 'II-B', item: e, rule: 'CIViC level B (clinical evidence) in this tumour type' };
      return { tier: 'III-A', item: e, rule: 'CIViC level B in another tumour type' };
    case 'C':
      return { tier: 'III-A', item: e, rule: 'CIViC level C (case reports): clinical, not trial-level evidence' };
    case 'D':
      return { tier: 'IV-A', item: e, rule: 'CIViC level D (preclinical)' };
    case 'E':
      return { tier: 'IV-B', item: e, rule: 'CIViC level E (inferential)' };
    default:
      return undefined;
  }
}

/**
 * Suggests a tier from the evidence for one alteration. `sameGeneTierI` is set by the caller
 * when another alteration of the same gene and class has tier-I evidence in this tumour type
 * (ESCAT III-B); only alteration-specific evidence (specificity ≥ 3) lifts a tier above III-B,
 * gene-level rows ("any mutation") count only when they are approvals.
 */
export function suggestEscat(evidence: readonly EvidenceItem[], options: { sameGeneTierI?: string[] } = {}): EscatSuggestion {
  const candidates = evidence
    .filter((e) => e.specificity >= 3 || e.level === 'approved')
    .map(tierOf)
    .filter((c): c is Candidate => c !== undefined);
  if (candidates.length === 0) {
    if (options.sameGeneTierI && options.sameGeneTierI.length > 0) {
      return {
        tier: 'III-B',
        therapies: [],
        basis: options.sameGeneTierI,
        rule: 'another alteration of this gene has tier-I evidence; whether this one is functionally similar must be judged by the MTB',
      };
    }
    return { tier: 'X', therapies: [], basis: [], rule: 'no evidence of actionability found in the knowledge base' };
  }
  // Best tier first; within a tier, the most specific match first.
  candidates.sort((a, b) => compareTiers(a.tier, b.tier) || b.item.specificity - a.item.specificity);
  const best = candidates[0]!.tier;
  const top = candidates.filter((c) => c.tier === best);
  // Gene-level approvals ("BRCA2 deleterious mutation", "PIK3CA mutation") say nothing about
  // whether this particular variant is pathogenic or activating: the tier holds only if it is.
  const geneLevelOnly = top.every((c) => c.item.specificity <= 2);
  return {
    tier: best,
    therapies: uniqueTherapies(top.flatMap((c) => c.item.therapies)),
    basis: [...new Set(top.map((c) => label(c.item)))],
    rule: geneLevelOnly
      ? `${top[0]!.rule} — provided the variant is pathogenic/activating (gene-level indication): needs review`
      : top[0]!.rule,
  };
}
