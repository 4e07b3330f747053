/** Evaluators of the clinical leaves. Each returns met / not_met / unknown with its evidence. */
import { theranosticRuleTitle } from '../theranostics/rules';
import type { AgeCriterion, BrainMetastasesCriterion, ClinicalCriterion, TheranosticEligibilityCriterion } from './criteria-clinical';
import type { Evaluation, EvaluationContext } from './evaluation';
import type { PatientFacts } from './facts';
import { latestFact } from './facts';
import { dateKey, dateParts, minusYearsMonths, splitYears } from './compare';
import { describeLeaf } from './describe';
import { diagnosis, stage } from './eval-diagnosis';
import { ecog, lab } from './eval-measurement';
import { drug, priorLines, washout } from './eval-treatment';
import { evidence, outcome } from './outcome';

export function evaluateClinical(c: ClinicalCriterion, p: PatientFacts, ctx: EvaluationContext): Evaluation {
  switch (c.kind) {
    case 'age':
      return age(c, p, ctx);
    case 'sex': {
      const f = p.sex;
      if (!f || f.value === 'unknown') return outcome(c, 'unknown', 'sex not recorded');
      const ev = [evidence('sex', f.value, f)];
      return outcome(c, f.value === c.sex ? 'met' : 'not_met', `sex is ${f.value}`, ev);
    }
    case 'diagnosis':
      return diagnosis(c, p, ctx);
    case 'stage':
      return stage(c, p);
    case 'ecog':
      return ecog(c, p, ctx);
    case 'priorLines':
      return priorLines(c, p);
    case 'drug':
      return drug(c, p);
    case 'washout':
      return washout(c, p, ctx);
    case 'lab':
      return lab(c, p, ctx);
    case 'brainMetastases':
      return brainMetastases(c, p);
    case 'measurableDisease': {
      const f = p.measurableDisease;
      if (!f) return outcome(c, 'unknown', 'measurable disease not assessed');
      const ev = [evidence('measurableDisease', f.value ? 'measurable disease' : 'no measurable disease', f)];
      return outcome(c, f.value === c.present ? 'met' : 'not_met', f.value ? 'has measurable disease' : 'no measurable disease', ev);
    }
    case 'vitalStatus': {
      const f = p.vitalStatus;
      if (!f || f.value === 'unknown') return outcome(c, 'unknown', 'vital status not recorded');
      return outcome(c, f.value === c.status ? 'met' : 'not_met', `patient is ${f.value}`, [evidence('vitalStatus', f.value, f)]);
    }
    case 'theranosticEligibility':
      return theranosticEligibility(c, p);
    case 'receptor': {
      const f = latestFact((p.receptors ?? []).filter((r) => r.value.receptor === c.receptor));
      if (!f) return outcome(c, 'unknown', `${c.receptor} status not recorded`);
      const label = `${c.receptor} ${f.value.positive ? 'positive' : 'negative'}`;
      return outcome(c, f.value.positive === c.positive ? 'met' : 'not_met', label, [evidence('receptors', label, f)]);
    }
  }
}

/** Exact age: "≥ 18" holds from the 18th birthday on. With only a birth year, ages are ranges. */
function age(c: AgeCriterion, p: PatientFacts, ctx: EvaluationContext): Evaluation {
  const ref = dateParts(ctx.asOf);
  if (!ref) throw new Error(`EvaluationContext.asOf must be an ISO date, got ${JSON.stringify(ctx.asOf)}`);
  const { years, months } = splitYears(c.years);
  const threshold = dateKey(minusYearsMonths(ref, years, months));
  const olderBound = dateKey(minusYearsMonths(ref, years + 1, months));
  const holds = (birth: number): boolean => {
    switch (c.op) {
      case '>=':
        return birth <= threshold;
      case '>':
        return birth < threshold;
      case '<=':
        return birth >= threshold;
      case '<':
        return birth > threshold;
      case '==':
        return birth <= threshold && birth > olderBound;
    }
  };
  const born = p.birthDate ? dateParts(p.birthDate.value) : undefined;
  if (p.birthDate && born) {
    const key = dateKey(born);
    const ageYears = completedYears(born, ref);
    return outcome(c, holds(key) ? 'met' : 'not_met', `age ${ageYears} on ${ctx.asOf}`, [
      evidence('birthDate', p.birthDate.value, p.birthDate),
    ]);
  }
  if (p.birthYear) {
    const y = p.birthYear.value;
    const first = holds(y * 10000 + 101);
    const last = holds(y * 10000 + 1231);
    const ev = [evidence('birthYear', String(y), p.birthYear)];
    if (first && last) return outcome(c, 'met', `born in ${y}: ${describeLeaf(c)} whatever the birthday`, ev);
    if (!first && !last) return outcome(c, 'not_met', `born in ${y}: ${describeLeaf(c)} fails whatever the birthday`, ev);
    return outcome(c, 'unknown', `born in ${y}: depends on the birthday`, ev);
  }
  return outcome(c, 'unknown', 'birth date not recorded');
}

function completedYears(born: [number, number, number], ref: [number, number, number]): number {
  const beforeBirthday = ref[1] < born[1] || (ref[1] === born[1] && ref[2] < born[2]);
  return ref[0] - born[0] - (beforeBirthday ? 1 : 0);
}

function brainMetastases(c: BrainMetastasesCriterion, p: PatientFacts): Evaluation {
  const f = p.brainMetastases;
  const secondary = (p.diagnoses ?? []).find((d) => d.value.kind === 'secondary' && /brain|cerebr|cns/i.test(d.value.bodySite ?? ''));
  let present: boolean | undefined;
  let active: boolean | undefined;
  const ev = [];
  if (f) {
    present = f.value.present;
    active = f.value.active;
    ev.push(evidence('brainMetastases', present ? 'brain metastases' : 'no brain metastases', f));
  } else if (secondary) {
    // A brain secondary proves presence; the lack of one proves nothing (imaging may be missing).
    present = true;
    ev.push(evidence('diagnoses', `secondary ${secondary.value.oncotree} (${secondary.value.bodySite})`, secondary));
  }
  if (present === undefined) return outcome(c, 'unknown', 'brain metastases not assessed');
  if (c.present) return outcome(c, present ? 'met' : 'not_met', present ? 'has brain metastases' : 'no brain metastases', ev);
  if (!present) return outcome(c, 'met', 'no brain metastases', ev);
  if (!c.activeOnly) return outcome(c, 'not_met', 'has brain metastases', ev);
  if (active === undefined) return outcome(c, 'unknown', 'brain metastases present, activity not recorded', ev);
  return outcome(c, active ? 'not_met' : 'met', active ? 'active brain metastases' : 'treated, stable brain metastases', ev);
}

const VERDICT_WORDS = { met: 'met', not_met: 'not met', unknown: 'undecided' } as const;

/** The rule's verdict on the latest PET read it was evaluated on; no read is unknown, never not met. */
function theranosticEligibility(c: TheranosticEligibilityCriterion, p: PatientFacts): Evaluation {
  const title = theranosticRuleTitle(c.rule);
  const f = latestFact((p.theranosticEligibility ?? []).filter((t) => t.value.rule === c.rule));
  if (!f) return outcome(c, 'unknown', `no PET read evaluated by the ${title}`);
  const v = f.value;
  const label = `${title} ${VERDICT_WORDS[v.verdict]}${v.tracer ? ` on ${v.tracer} PET` : ''}`;
  const why = v.reasons.length > 0 ? v.reasons.join('; ') : VERDICT_WORDS[v.verdict];
  return outcome(c, v.verdict, `${title}: ${why}`, [evidence('theranosticEligibility', label, f)]);
}
