/**
 * A population and a portfolio for the matching property tests: generated patients, many of
 * them altered into the awkward shapes real records take (no molecular testing, a diagnosis
 * code OncoTree does not know, a panel that lists its genes, alterations without protein change
 * or partner, two results on one day, non-ISO dates, drugs without a class...), against the
 * catalogue and part of the synthetic portfolio.
 */
import { readFileSync } from 'node:fs';
import { ONCOTREE_DATA_PATH, parseOncoTreeTsv } from '../../src/codes/oncotree';
import { catalogueEligibility } from '../../src/cohort/criteria';
import { generateCohort } from '../../src/cohort/generate';
import { syntheticTrials } from '../../src/cohort/trials-synthetic';
import type { EvaluationContext } from '../../src/eligibility/evaluation';
import type { Fact, PatientFacts } from '../../src/eligibility/facts';
import { fromPatientRecord } from '../../src/eligibility/from-record';
import { compileTrial, type CompiledTrial } from '../../src/matching/trials';

export const REFERENCE_DATE = '2026-11-01';
export const oncotree = parseOncoTreeTsv(readFileSync(new URL(`../../../../${ONCOTREE_DATA_PATH}`, import.meta.url)));
export const ctx: EvaluationContext = { asOf: REFERENCE_DATE, oncotree };

let trials: CompiledTrial[] | undefined;
/** The 46 catalogue trials and 254 synthetic ones (300 in all). */
export function portfolio(): CompiledTrial[] {
  trials ??= [...catalogueEligibility(), ...syntheticTrials({ count: 254, seed: 11 })].map(compileTrial);
  return trials;
}

const fact = <T>(value: T, observedAt: string): Fact<T> => ({
  value,
  provenance: { source: 'test', observedAt, recordedAt: observedAt, recordedBy: 'test' },
});

/** Patient i, altered according to i mod 12 (0 and 11 are left as generated). */
function awkward(p: PatientFacts, i: number): PatientFacts {
  const q = structuredClone(p);
  const g = q.genomics;
  switch (i % 12) {
    case 1:
      delete q.genomics;
      break;
    case 2:
      for (const d of q.diagnoses ?? []) if (d.value.kind === 'primary') d.value.oncotree = 'NOTACODE';
      break;
    case 3:
      delete q.diagnoses;
      break;
    case 4:
      if (g) g.genesTested = ['KRAS', 'EGFR', 'TP53', 'BRAF', 'ERBB2'];
      break;
    case 5:
      if (g) {
        for (const a of g.alterations) if (a.value.proteinChange) delete a.value.proteinChange;
        g.alterations.push(fact({ category: 'structural_variant' as const, gene: 'RET' }, '2026-01-10'));
        g.alterations.push(fact({ category: 'structural_variant' as const, text: 'EML4-ALK fusion detected by RNA-seq' }, '2026-01-10'));
        g.alterations.push(fact({ category: 'mutation' as const, gene: null, proteinChange: null }, '2026-01-10'));
      }
      break;
    case 6: {
      // Two results of one test on the latest day, and an ECOG with a time of day.
      const last = q.labs?.[q.labs.length - 1];
      if (last) q.labs!.push(fact({ ...last.value, value: last.value.value * 3 }, last.provenance.observedAt));
      q.ecog?.push(fact(3, '2026-10-30T08:00:00Z'), fact(0, '2026-10-30'));
      q.birthDate = fact('1958-11-01', '');
      break;
    }
    case 7:
      if (i % 24 === 7) delete q.therapyLines;
      else {
        q.therapyLines?.push(
          fact(
            { lineNumber: 9, setting: 'metastatic' as const, drugs: [{ name: 'investigational agent' }], startedAt: '2026-09-01' },
            '2026-09-01',
          ),
        );
      }
      break;
    case 8:
      if (g) {
        g.mmr = [fact('indeterminate' as const, '2026-01-01'), ...(i % 24 === 8 ? [fact('deficient' as const, '2026-02-01')] : [])];
        delete g.tmb;
        g.signatures = [fact({ signature: 'APOBEC', present: true }, '2026-01-01')];
      }
      q.brainMetastases = fact({ present: true, active: i % 24 === 8 }, '2026-09-01');
      q.measurableDisease = fact(true, '2026-09-01');
      q.receptors = [
        fact({ receptor: 'ER' as const, positive: true }, '2026-01-01'),
        fact({ receptor: 'HER2' as const, positive: false }, '2026-01-01'),
      ];
      break;
    case 9:
      if (q.labs?.[0]) q.labs[0] = { ...q.labs[0], provenance: { ...q.labs[0].provenance, observedAt: 'last spring' } };
      q.sex = fact('unknown' as const, '');
      delete q.vitalStatus;
      break;
    case 10:
      // Results after the reference date (ignored as of it) and a lab in another unit.
      q.ecog?.push(fact(4, '2027-01-15'));
      if (q.labs?.[0]) q.labs.push(fact({ ...q.labs[0].value, unit: 'g/L', value: 12 }, '2026-10-31'));
      break;
  }
  return q;
}

let population: PatientFacts[] | undefined;
/** 240 generated patients (seed 7), most altered into awkward records. */
export function patients(): PatientFacts[] {
  population ??= [...generateCohort({ patients: 240, seed: 7, referenceDate: REFERENCE_DATE })].map((r, i) =>
    awkward(fromPatientRecord(r), i),
  );
  return population;
}
