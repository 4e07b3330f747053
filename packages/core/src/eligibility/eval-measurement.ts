/**
 * Measurements with a freshness window: ECOG and labs. The latest value on or before the
 * reference date decides; one older than the protocol's window is unknown (repeat it), and a
 * value near its threshold is flagged borderline.
 */
import type { EcogCriterion, LabCriterion } from './criteria-clinical';
import type { Evaluation, EvaluationContext } from './evaluation';
import type { Fact, PatientFacts } from './facts';
import { latestFact } from './facts';
import { compare, daysBetween, formatComparison, isBorderline } from './compare';
import { evidence, outcome } from './outcome';

/** Facts observed on or before the reference date: an evaluation "as of" a date ignores later ones. */
function asOf<T>(facts: ReadonlyArray<Fact<T>> | undefined, date: string): Array<Fact<T>> {
  return (facts ?? []).filter((f) => f.provenance.observedAt.slice(0, 10) <= date);
}

export function ecog(c: EcogCriterion, p: PatientFacts, ctx: EvaluationContext): Evaluation {
  const f = latestFact(asOf(p.ecog, ctx.asOf));
  if (!f) return outcome(c, 'unknown', 'no ECOG performance status recorded');
  const ev = [evidence('ecog', `ECOG ${f.value}`, f)];
  const age = daysBetween(f.provenance.observedAt, ctx.asOf);
  if (c.withinDays !== undefined && age !== undefined && age > c.withinDays) {
    return outcome(c, 'unknown', `last ECOG (${f.value}) is ${age} days old, window is ${c.withinDays}`, ev, { stale: true });
  }
  return outcome(c, f.value <= c.max ? 'met' : 'not_met', `ECOG ${f.value}`, ev);
}

export function lab(c: LabCriterion, p: PatientFacts, ctx: EvaluationContext): Evaluation {
  const name = c.display ?? `LOINC ${c.loinc}`;
  const f = latestFact(asOf(p.labs, ctx.asOf).filter((l) => l.value.loinc === c.loinc));
  if (!f) return outcome(c, 'unknown', `no ${name} result`);
  const r = f.value;
  const ev = [evidence('labs', `${r.display ?? name} ${r.value} ${r.unit} on ${f.provenance.observedAt.slice(0, 10)}`, f)];
  const age = daysBetween(f.provenance.observedAt, ctx.asOf);
  if (c.withinDays !== undefined && age !== undefined && age > c.withinDays) {
    return outcome(c, 'unknown', `last ${name} is ${age} days old, protocol window is ${c.withinDays} days`, ev, { stale: true });
  }
  let threshold: number;
  if (c.timesUln !== undefined) {
    if (r.upperLimitOfNormal === undefined) return outcome(c, 'unknown', `${name} result has no upper limit of normal`, ev);
    threshold = c.timesUln * r.upperLimitOfNormal;
  } else {
    if (c.value === undefined) throw new Error(`lab criterion on ${c.loinc} has neither value nor timesUln`);
    if (c.unit !== undefined && c.unit !== r.unit)
      return outcome(c, 'unknown', `${name} is in ${r.unit}, protocol threshold in ${c.unit}`, ev);
    threshold = c.value;
  }
  const ok = compare(r.value, c.op, threshold);
  const shown = c.timesUln !== undefined ? `${+(r.value / r.upperLimitOfNormal!).toFixed(2)} × ULN` : `${r.value} ${r.unit}`;
  const asked = c.timesUln !== undefined ? `${formatComparison(c.op, c.timesUln)} × ULN` : `${formatComparison(c.op, threshold)} ${r.unit}`;
  return outcome(c, ok ? 'met' : 'not_met', `${name} ${shown}, protocol asks ${asked}`, ev, {
    borderline: isBorderline(r.value, threshold, ctx.borderlineFraction ?? 0.1),
  });
}
