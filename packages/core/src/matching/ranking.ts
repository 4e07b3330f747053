/**
 * Ranking of matches and their screen-failure risk. Eligible (every criterion met) comes
 * first, then potentially eligible (nothing failed, something unknown), ordered by fewest
 * unknowns and then by how specific the genomic match is. The risk of failing screening grows
 * with each criterion still to verify: unknown, decided by a stale result, or borderline.
 */
import type { LeafCriterion } from '../eligibility/criteria';
import type { Evidence } from '../eligibility/evaluation';
import { describeLeaf } from '../eligibility/describe';
import type { Availability } from '../eligibility/trial';
import type { LiteralOutcome, PathOutcome } from './evaluate-paths';
import type { LevelMatch } from './trials';

export interface ChecklistItem {
  criterion: string;
  why: 'unknown' | 'stale' | 'borderline';
  detail: string;
  evidence: Evidence[];
  /** Where the criterion was written (CTML path), when known. */
  source?: string;
}

export interface ScreenFailureRisk {
  /** 0..1: chance that at least one item of the checklist fails, under the weights below. */
  score: number;
  level: 'low' | 'medium' | 'high';
  unknown: number;
  stale: number;
  borderline: number;
}

export interface RankedMatch {
  match: LevelMatch;
  tier: 'eligible' | 'potential';
  /** The path the ranking rests on: the most specific met path, or the unknown path closest to met. */
  path: PathOutcome;
  genomicStrength: number;
  risk: ScreenFailureRisk;
  checklist: ChecklistItem[];
}

/**
 * Chance that one item turns out against the patient. Heuristic weights, to be calibrated on
 * the centre's screen-failure history: a criterion nobody has looked at fails about as often as
 * not; a stale result that may have drifted less often; a value near its threshold less still.
 */
export const RISK_WEIGHTS = { unknown: 0.5, stale: 0.3, borderline: 0.2 } as const;

/** How specific a met genomic criterion is: an exact variant beats a codon, beats a gene. */
export function genomicSpecificity(c: LeafCriterion): number {
  if (c.kind === 'alteration') {
    if (c.proteinChange) return 4;
    if (c.codon) return 3;
    if (c.exon !== undefined || c.variantClassification || c.cnvCall) return 2;
    if (c.partner !== undefined && !['any_gene', 'intergenic'].includes(c.partner)) return 2;
    if (c.gene !== undefined && c.gene !== 'any_gene') return 1;
    return 0.5;
  }
  if (c.kind === 'tmb' || c.kind === 'mmr' || c.kind === 'signature' || c.kind === 'tumourFraction') return 1;
  return 0;
}

const strength = (p: PathOutcome) =>
  p.literals.filter((l) => l.status === 'met' && !l.literal.negated).reduce((s, l) => s + genomicSpecificity(l.literal.leaf), 0);

function checklistOf(p: PathOutcome): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const add = (l: LiteralOutcome, why: ChecklistItem['why'], detail: string) => {
    const item: ChecklistItem = {
      criterion: `${l.literal.negated ? 'not ' : ''}${describeLeaf(l.literal.leaf)}`,
      why,
      detail,
      evidence: l.leaf.evidence,
    };
    if (l.literal.leaf.source) item.source = l.literal.leaf.source;
    items.push(item);
  };
  for (const l of p.literals) {
    if (l.status === 'unknown') add(l, l.leaf.stale ? 'stale' : 'unknown', l.leaf.reason);
    else if (l.status === 'met' && l.leaf.borderline) add(l, 'borderline', l.leaf.reason);
  }
  return items;
}

function riskOf(items: ChecklistItem[]): ScreenFailureRisk {
  const count = (why: ChecklistItem['why']) => items.filter((i) => i.why === why).length;
  // Rounded so that one borderline value scores exactly its weight, not 0.19999...
  const score = Math.round((1 - items.reduce((keep, i) => keep * (1 - RISK_WEIGHTS[i.why]), 1)) * 1000) / 1000;
  return {
    score,
    level: score < 0.2 ? 'low' : score < 0.5 ? 'medium' : 'high',
    unknown: count('unknown'),
    stale: count('stale'),
    borderline: count('borderline'),
  };
}

/** The path a match is best explained by, with its checklist and risk. Undefined for not_met. */
export function assessMatch(match: LevelMatch): RankedMatch | undefined {
  if (match.status === 'not_met') return undefined;
  const candidates = match.outcome.paths.filter((p) => p.status === match.status);
  let best: { p: PathOutcome; items: ChecklistItem[]; s: number } | undefined;
  for (const p of candidates) {
    const items = checklistOf(p);
    const s = strength(p);
    const better = !best || items.length < best.items.length || (items.length === best.items.length && s > best.s);
    if (better) best = { p, items, s };
  }
  return {
    match,
    tier: match.status === 'met' ? 'eligible' : 'potential',
    path: best!.p,
    genomicStrength: best!.s,
    risk: riskOf(best!.items),
    checklist: best!.items,
  };
}

const AVAILABILITY_ORDER: Record<Availability, number> = { open: 0, waitlist: 1, closed: 2 };

/** For one patient (or one trial's candidates): eligible first, then fewest unknowns, strongest genomic match, lowest risk. */
export function rankMatches(matches: readonly LevelMatch[]): RankedMatch[] {
  return matches
    .map(assessMatch)
    .filter((r): r is RankedMatch => r !== undefined)
    .sort(
      (a, b) =>
        (a.tier === b.tier ? 0 : a.tier === 'eligible' ? -1 : 1) ||
        a.risk.unknown + a.risk.stale - (b.risk.unknown + b.risk.stale) ||
        b.genomicStrength - a.genomicStrength ||
        a.risk.score - b.risk.score ||
        AVAILABILITY_ORDER[a.match.availability] - AVAILABILITY_ORDER[b.match.availability] ||
        a.match.level.protocolNo.localeCompare(b.match.level.protocolNo) ||
        a.match.level.matchPath.localeCompare(b.match.level.matchPath) ||
        a.match.patientId.localeCompare(b.match.patientId),
    );
}
