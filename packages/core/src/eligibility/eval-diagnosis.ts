/** Diagnosis and stage: where the primary tumour sits in OncoTree, and how far it has spread. */
import type { DiagnosisCriterion, StageCriterion } from './criteria-clinical';
import type { Evaluation, EvaluationContext } from './evaluation';
import type { PatientFacts } from './facts';
import { latestFact } from './facts';
import { LIQUID, SOLID, type OncotreeHierarchy } from './oncotree';
import { evidence, outcome } from './outcome';

/** Whether `code` falls under `target`; undefined when the hierarchy cannot tell. */
function within(h: OncotreeHierarchy, code: string, target: string): boolean | undefined {
  if ((target === SOLID || target === LIQUID) && h.solidOrLiquid) {
    if (!h.has(code)) return undefined;
    const kind = h.solidOrLiquid(code);
    return kind === null ? undefined : kind === (target === SOLID ? 'solid' : 'liquid');
  }
  if (!h.has(code) || !h.has(target)) return undefined;
  return h.isDescendantOf(code, target);
}

export function diagnosis(c: DiagnosisCriterion, p: PatientFacts, ctx: EvaluationContext): Evaluation {
  const primaries = (p.diagnoses ?? []).filter((d) => d.value.kind === 'primary');
  if (primaries.length === 0) return outcome(c, 'unknown', 'no primary diagnosis recorded');
  if (!ctx.oncotree) return outcome(c, 'unknown', 'no OncoTree hierarchy available to place the diagnosis');
  const hits = [];
  const unsure = [];
  for (const d of primaries) {
    const inside = within(ctx.oncotree, d.value.oncotree, c.oncotree);
    if (inside === true) hits.push(d);
    else if (inside === undefined) unsure.push(d);
  }
  const ev = (ds: typeof primaries) => ds.map((d) => evidence('diagnoses', d.value.oncotree, d));
  if (hits.length > 0) return outcome(c, 'met', `${hits.map((d) => d.value.oncotree).join(', ')} is within ${c.oncotree}`, ev(hits));
  if (unsure.length > 0)
    return outcome(c, 'unknown', `cannot place ${unsure.map((d) => d.value.oncotree).join(', ')} in OncoTree`, ev(unsure));
  return outcome(c, 'not_met', `${primaries.map((d) => d.value.oncotree).join(', ')} is not within ${c.oncotree}`, ev(primaries));
}

/** "IIIA" → { group: "III", rest: "A" }; undefined if it is not an AJCC stage group. */
function parseStage(text: string): { group: string; rest: string } | undefined {
  const m = /^(?:STAGE\s*)?(0|IV|I{1,3})([A-C]\d?)?$/.exec(text.trim().toUpperCase());
  return m ? { group: m[1]!, rest: m[2] ?? '' } : undefined;
}

export function stage(c: StageCriterion, p: PatientFacts): Evaluation {
  const staged = (p.diagnoses ?? []).filter((d) => d.value.kind === 'primary' && d.value.stage);
  const f = latestFact(staged);
  if (!f) return outcome(c, 'unknown', 'stage not recorded');
  const actual = parseStage(f.value.stage!);
  const ev = [evidence('diagnoses', `stage ${f.value.stage}`, f)];
  if (!actual) return outcome(c, 'unknown', `stage "${f.value.stage}" is not an AJCC stage group`, ev);
  let status: 'met' | 'not_met' | 'unknown' = 'not_met';
  for (const s of c.stages) {
    const wanted = parseStage(s);
    if (!wanted || wanted.group !== actual.group) continue;
    if (actual.rest.startsWith(wanted.rest)) return outcome(c, 'met', `stage ${f.value.stage}`, ev);
    // Recorded as "III" while the protocol wants "IIIA": the record is not precise enough.
    if (wanted.rest.startsWith(actual.rest)) status = 'unknown';
  }
  return outcome(c, status, status === 'unknown' ? `stage ${f.value.stage} is not detailed enough` : `stage ${f.value.stage}`, ev);
}
