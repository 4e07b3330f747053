/**
 * Evaluates theranostic eligibility rules (rules.ts) on PET reads, three-valued: every condition
 * is met, not met, or unknown with the reason, and the rule is their Kleene conjunction. Missing
 * data — a reference organ not measured, a lesion's size not recorded — makes a condition unknown
 * only when the answer depends on it; it is never read as "no".
 */
import { conjunction, type Truth } from '../eligibility/truth';
import { krenningGrade } from './krenning';
import { isMetastatic, measured, tracerTarget, TRACER_TARGET_NAMES, type PetLesion, type PetRead, type TracerTarget } from './pet-read';
import { SIZE_CLASS_OF_REGION, THERANOSTIC_RULES, type ReferenceOrgan, type RuleCondition, type TheranosticRule } from './rules';

export interface ConditionResult {
  id: string;
  text: string;
  status: Truth;
  reason: string;
}

export interface RuleEvaluation {
  rule: string;
  title: string;
  treatment: string;
  reference: string;
  verdict: Truth;
  /** The reasons of the conditions that decided the verdict (all of them when met). */
  reasons: string[];
  conditions: ConditionResult[];
  /** The read evaluated; null when the patient has no read of the rule's tracer target. */
  petRead: { id?: string; tracer: string; scannedAt: string } | null;
}

const ORGAN_KEY = { liver: 'liverSuvMean', parotid: 'parotidSuvMean', spleen: 'spleenSuvMean' } as const;
const fmt = (x: number) => (Math.round(x * 100) / 100).toString();
const lesionText = (l: PetLesion) => `${l.site} (${l.region}) SUVmax ${fmt(l.suvMax)}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function referenceOf(read: PetRead, organ: ReferenceOrgan): number | undefined {
  return measured(read.reference[ORGAN_KEY[organ]]);
}

function evaluateCondition(c: RuleCondition, read: PetRead, target: TracerTarget): ConditionResult {
  const result = (status: Truth, reason: string): ConditionResult => ({ id: c.id, text: c.text, status, reason });
  const name = TRACER_TARGET_NAMES[target];
  switch (c.kind) {
    case 'tracer': {
      const t = tracerTarget(read.tracer);
      if (t === undefined) return result('unknown', `tracer "${read.tracer}" is not one whose target is known`);
      return t === c.target
        ? result('met', `${read.tracer} images ${TRACER_TARGET_NAMES[t]}`)
        : result('not_met', `${read.tracer} images ${TRACER_TARGET_NAMES[t]}, not ${TRACER_TARGET_NAMES[c.target]}`);
    }
    case 'lesionsRecorded':
      return read.lesions.length >= c.minCount
        ? result('met', `${plural(read.lesions.length, 'lesion')} recorded`)
        : result(
            'not_met',
            read.lesions.length === 0 ? 'no lesion recorded on the read' : `only ${plural(read.lesions.length, 'lesion')} recorded`,
          );
    case 'positiveLesion': {
      const candidates = c.metastaticOnly ? read.lesions.filter(isMetastatic) : [...read.lesions];
      const kind = c.metastaticOnly ? 'metastatic lesion' : 'lesion';
      if (candidates.length === 0) return result('not_met', `no ${kind} recorded`);
      const ref = referenceOf(read, c.above);
      if (ref === undefined) {
        return result('unknown', `${c.above} SUVmean not recorded: ${plural(candidates.length, kind)} cannot be compared with ${c.above}`);
      }
      const positive = candidates.filter((l) => l.suvMax > ref);
      if (positive.length >= c.minCount) {
        return result(
          'met',
          `${plural(positive.length, `${name}-positive ${kind}`)} (SUVmax > ${c.above} SUVmean ${fmt(ref)}): ${positive.map(lesionText).join(', ')}`,
        );
      }
      const highest = candidates.reduce((a, b) => (b.suvMax > a.suvMax ? b : a));
      return result(
        'not_met',
        `${positive.length === 0 ? `no ${kind}` : `only ${plural(positive.length, kind)}`} above ${c.above} SUVmean ${fmt(ref)} (highest: ${lesionText(highest)})`,
      );
    }
    case 'noNegativeMeasurableLesion': {
      const ref = referenceOf(read, c.notAbove);
      const excluded: string[] = [];
      const unsure: string[] = [];
      let negativeSmall = 0;
      for (const l of read.lesions) {
        const sizeClass = SIZE_CLASS_OF_REGION[l.region];
        const threshold = c.shortAxisMm[sizeClass];
        const axis = measured(l.shortAxisMm);
        const meetsSize = axis !== undefined ? axis >= threshold : typeof l.ctMeasurable === 'boolean' ? l.ctMeasurable : undefined;
        const negative = ref === undefined ? undefined : l.suvMax <= ref;
        const size =
          axis !== undefined
            ? `short axis ${fmt(axis)} mm ${meetsSize ? '≥' : '<'} ${threshold} mm (${sizeClass})`
            : meetsSize === undefined
              ? `short axis not recorded (${sizeClass} threshold ${threshold} mm)`
              : `${meetsSize ? 'measurable' : 'not measurable'} on CT by the reader (${sizeClass})`;
        if (negative === true && meetsSize === true) excluded.push(`${lesionText(l)} ≤ ${c.notAbove} SUVmean ${fmt(ref!)}, ${size}`);
        else if (negative === false || meetsSize === false) {
          if (negative === true) negativeSmall++;
        } else if (negative === undefined && meetsSize === undefined) unsure.push(`${lesionText(l)}: ${c.notAbove} SUVmean and ${size}`);
        else if (negative === undefined) unsure.push(`${lesionText(l)}, ${size}: ${c.notAbove} SUVmean not recorded`);
        else unsure.push(`${lesionText(l)} ≤ ${c.notAbove} SUVmean ${fmt(ref!)}, ${size}`);
      }
      if (excluded.length > 0) return result('not_met', `${name}-negative lesion meeting size criteria: ${excluded.join('; ')}`);
      if (unsure.length > 0)
        return result(
          'unknown',
          `cannot tell whether ${plural(unsure.length, 'lesion')} is ${name}-negative and meets size criteria: ${unsure.join('; ')}`,
        );
      return result(
        'met',
        read.lesions.length === 0
          ? 'no lesion recorded'
          : negativeSmall > 0
            ? `${plural(negativeSmall, `${name}-negative lesion`)} below the size criteria; none meets them`
            : `no ${name}-negative lesion (every lesion above ${c.notAbove} SUVmean ${fmt(ref ?? Number.NaN)} or below the size criteria)`,
      );
    }
    case 'everyLesionKrenning': {
      const fails: string[] = [];
      const unsure: string[] = [];
      for (const l of read.lesions) {
        const g = krenningGrade(l, read.reference);
        if (g.min >= c.minScore) continue;
        if (g.max < c.minScore) fails.push(`${l.site}: Krenning ${g.label} (${g.reason})`);
        else unsure.push(`${l.site}: Krenning ${g.label} (${g.reason})`);
      }
      if (fails.length > 0) return result('not_met', `Krenning below ${c.minScore}: ${fails.join('; ')}`);
      if (unsure.length > 0) return result('unknown', `Krenning cannot be placed against ${c.minScore}: ${unsure.join('; ')}`);
      return result(
        'met',
        read.lesions.length === 0
          ? 'no lesion recorded'
          : `every lesion Krenning ≥ ${c.minScore}: ${read.lesions.map((l) => `${l.site} ${krenningGrade(l, read.reference).label}`).join(', ')}`,
      );
    }
  }
}

function readSummary(read: PetRead): RuleEvaluation['petRead'] {
  return { ...(read.id !== undefined ? { id: read.id } : {}), tracer: read.tracer, scannedAt: read.scannedAt };
}

/** One rule on one read. */
export function evaluateTheranosticRule(rule: TheranosticRule, read: PetRead): RuleEvaluation {
  const conditions = rule.conditions.map((c) => evaluateCondition(c, read, rule.target));
  const verdict = conjunction(conditions.map((c) => c.status));
  const deciding = verdict === 'met' ? conditions : conditions.filter((c) => c.status === verdict);
  return {
    rule: rule.id,
    title: rule.title,
    treatment: rule.treatment,
    reference: rule.reference,
    verdict,
    reasons: deciding.map((c) => c.reason),
    conditions,
    petRead: readSummary(read),
  };
}

/**
 * The latest read of the rule's tracer target (by scan instant; on a tie the one listed last, as
 * core's latestFact does), or undefined.
 */
export function latestReadFor(rule: TheranosticRule, reads: readonly PetRead[]): PetRead | undefined {
  let best: PetRead | undefined;
  for (const r of reads) {
    if (tracerTarget(r.tracer) !== rule.target) continue;
    if (best === undefined || Date.parse(r.scannedAt) >= Date.parse(best.scannedAt)) best = r;
  }
  return best;
}

/**
 * A patient's eligibility by every rule: each rule on the latest read of its tracer target; a rule
 * with no such read is unknown ("no PSMA PET on record"), never not met.
 */
export function patientTheranosticEligibility(
  reads: readonly PetRead[],
  rules: readonly TheranosticRule[] = THERANOSTIC_RULES,
): RuleEvaluation[] {
  return rules.map((rule) => {
    const read = latestReadFor(rule, reads);
    if (read) return evaluateTheranosticRule(rule, read);
    const reason = `no ${TRACER_TARGET_NAMES[rule.target]} PET read on record`;
    return {
      rule: rule.id,
      title: rule.title,
      treatment: rule.treatment,
      reference: rule.reference,
      verdict: 'unknown',
      reasons: [reason],
      conditions: rule.conditions.map((c) => ({ id: c.id, text: c.text, status: 'unknown' as const, reason })),
      petRead: null,
    };
  });
}
