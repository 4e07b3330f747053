/**
 * Which of the patient's stored trial matches (table trial_match, kept current by matching/)
 * concern which alteration of the report. A match relates to an alteration when a genomic leaf
 * of its evaluated criterion tree
 *
 * - was met by that very alteration row (the leaf's evidence cites the row id) and is not under a
 *   "not" (the trial asks for the alteration) — "criterion met", or
 * - names the alteration's gene (e.g. "KRAS p.G12C", "not BRAF p.V600", "ALK–any gene structural
 *   variant") or cites the row, whatever its outcome — "criterion names the gene";
 *
 * MSI-H relates to MMR/MSI leaves and TMB-high to TMB leaves. Nothing is re-evaluated here: the
 * stored explanation is what the matching engine concluded, with its input versions.
 */
import type { Queryable } from '../db/driver';
import { compareStored } from '../http/matches/views';
import type { ExplanationNode } from '../matching/explain';
import type { RankedAlteration } from './annotation';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type TrialRelation = 'criterion-met' | 'criterion-names-gene';

export interface RelatedCriterion {
  text: string;
  status: string;
  reason: string;
}

export interface RelatedTrial {
  matchId: string;
  trialId: string;
  protocolNumber: string;
  acronym: string | null;
  title: string;
  phase: string;
  levelLabel: string;
  levelCode: string | null;
  status: 'eligible' | 'potential';
  availability: 'open' | 'waitlist' | 'closed';
  unknownCount: number;
  relation: TrialRelation;
  /** The leaves that relate the match to the alteration. */
  criteria: RelatedCriterion[];
}

/** Leaves with whether they sit under an odd number of "not" nodes (an exclusion criterion). */
function leaves(n: ExplanationNode, negated = false): { leaf: ExplanationNode; negated: boolean }[] {
  const flip = n.kind === 'not' ? !negated : negated;
  return n.children?.length ? n.children.flatMap((c) => leaves(c, flip)) : [{ leaf: n, negated }];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A gene symbol as a whole word: "ALK" in "EML4-ALK" or "ALK–any gene", not in "ALKBH1". */
function namesGene(text: string, gene: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9])${escapeRegExp(gene)}($|[^A-Za-z0-9])`, 'i').test(text);
}

function relate(
  explanation: ExplanationNode,
  a: RankedAlteration,
  reportId: string,
): { relation: TrialRelation; criteria: RelatedCriterion[] } | null {
  const all = leaves(explanation);
  const cites = (l: ExplanationNode) => l.evidence.some((e) => e.refId === (a.biomarker ? reportId : a.alterationId));
  const relevant = a.biomarker
    ? all.filter(({ leaf }) => leaf.kind === (a.biomarker === 'MSI-H' ? 'mmr' : 'tmb'))
    : all.filter(({ leaf }) => leaf.kind === 'alteration' && (namesGene(leaf.text, a.gene) || cites(leaf)));
  if (relevant.length === 0) return null;
  // Met by this very alteration, and not inside a "not": the alteration is what the trial asks for.
  // (Met inside a "not" means the trial excludes it; the match then stands on another branch.)
  const met = relevant.filter(({ leaf, negated }) => !negated && leaf.status === 'met' && cites(leaf));
  const view = ({ leaf, negated }: { leaf: ExplanationNode; negated: boolean }) => ({
    text: negated ? `not ${leaf.text}` : leaf.text,
    status: leaf.status,
    reason: leaf.reason,
  });
  return met.length > 0
    ? { relation: 'criterion-met', criteria: met.map(view) }
    : { relation: 'criterion-names-gene', criteria: relevant.map(view) };
}

/** The patient's stored matches (every availability), ranked as the Trials tab ranks them. */
export async function loadPatientMatches(db: Queryable, patientId: string): Promise<Row[]> {
  const { rows } = await db.query<Row>(
    `select m.id, m.trial_id, m.level_path, m.level_code, m.level_label, m.status, m.availability, m.unknown_count, m.stale_count,
            m.genomic_strength, m.risk_score, m.explanation, t.protocol_number, t.acronym, t.title, t.phase
       from trial_match m join trial t on t.id = m.trial_id
      where m.patient_id = $1`,
    [patientId],
  );
  return rows.sort(compareStored);
}

/** For each alteration key, the related matches: criterion met first, then those naming the gene. */
export function relatedTrials(
  matches: readonly Row[],
  alterations: readonly RankedAlteration[],
  reportId: string,
): Map<string, RelatedTrial[]> {
  const out = new Map<string, RelatedTrial[]>();
  for (const a of alterations) {
    const list: RelatedTrial[] = [];
    for (const m of matches) {
      const explanation = (typeof m.explanation === 'string' ? JSON.parse(m.explanation) : m.explanation) as ExplanationNode;
      const r = relate(explanation, a, reportId);
      if (!r) continue;
      list.push({
        matchId: m.id,
        trialId: m.trial_id,
        protocolNumber: m.protocol_number,
        acronym: m.acronym,
        title: m.title,
        phase: m.phase,
        levelLabel: m.level_label,
        levelCode: m.level_code,
        status: m.status,
        availability: m.availability,
        unknownCount: m.unknown_count,
        relation: r.relation,
        criteria: r.criteria,
      });
    }
    // Stable: matches are already ranked; met-by-this-alteration goes first.
    list.sort((x, y) => (x.relation === y.relation ? 0 : x.relation === 'criterion-met' ? -1 : 1));
    out.set(a.key, list);
  }
  return out;
}
