/**
 * Theranostic eligibility rules on PET reads, three-valued.
 *
 * VISION PSMA-PET criteria (Sartor et al., N Engl J Med 2021;385:1091–1103, supplementary
 * protocol; Kuo et al., J Nucl Med 2022;63:816–818): at least one PSMA-positive metastatic lesion
 * (uptake > liver parenchyma); no PSMA-negative lesion (uptake ≤ liver) meeting size criteria —
 * solid organ ≥ 1.0 cm, lymph node ≥ 2.5 cm short axis, bone with a soft-tissue component ≥ 1.0 cm.
 *
 * Krenning score (Kwekkeboom & Krenning, Semin Nucl Med 2002;32:84–91): 1 < liver, 2 = liver,
 * 3 > liver, 4 > spleen. NETTER-1 (Strosberg et al., N Engl J Med 2017;376:125–135) required
 * uptake ≥ normal liver in every target lesion.
 */
import { describe, expect, it } from 'vitest';
import {
  evaluateTheranosticRule,
  krenningGrade,
  patientTheranosticEligibility,
  SSTR_KRENNING_3,
  SSTR_UPTAKE_NETTER1,
  THERANOSTIC_RULES,
  tracerTarget,
  VISION_PSMA_PET,
  type PetLesion,
  type PetRead,
} from '../../src/theranostics/index';

const psma = (lesions: PetLesion[], reference: PetRead['reference'] = { liverSuvMean: 5.1, parotidSuvMean: 12.3 }): PetRead => ({
  id: 'read-1',
  tracer: '[68Ga]Ga-PSMA-11',
  scannedAt: '2026-09-01T09:30:00Z',
  reference,
  lesions,
});
const bone = (suvMax: number, extra: Partial<PetLesion> = {}): PetLesion => ({ site: 'L3 vertebra', region: 'bone', suvMax, ...extra });
const node = (suvMax: number, shortAxisMm: number | null): PetLesion => ({
  site: 'left external iliac node',
  region: 'lymph-node',
  suvMax,
  shortAxisMm,
});
const liverLesion = (suvMax: number, shortAxisMm: number | null, ctMeasurable?: boolean): PetLesion => ({
  site: 'liver segment VII',
  region: 'liver',
  suvMax,
  shortAxisMm,
  ...(ctMeasurable !== undefined ? { ctMeasurable } : {}),
});
const conditionOf = (read: PetRead, id: string) => evaluateTheranosticRule(VISION_PSMA_PET, read).conditions.find((c) => c.id === id)!;

describe('tracer targets', () => {
  it.each([
    ['[68Ga]Ga-PSMA-11', 'psma'],
    ['[18F]PSMA-1007', 'psma'],
    ['[18F]DCFPyL', 'psma'],
    ['ga68-psma11', 'psma'],
    ['[68Ga]Ga-DOTATATE', 'sstr'],
    ['[68Ga]Ga-DOTATOC', 'sstr'],
    ['[64Cu]Cu-DOTATATE', 'sstr'],
    ['[68Ga]Ga-NeoB', 'grpr'],
    ['[68Ga]Ga-FAPI-46', 'fap'],
    ['[18F]FDG', 'glucose'],
  ])('%s images %s', (tracer, target) => expect(tracerTarget(tracer)).toBe(target));

  it('does not guess an unknown tracer', () => expect(tracerTarget('[11C]choline')).toBeUndefined());
});

describe('VISION PSMA-PET criteria', () => {
  it('met: PSMA-positive bone and nodal metastases (uptake > liver), no PSMA-negative lesion', () => {
    const e = evaluateTheranosticRule(VISION_PSMA_PET, psma([bone(18.2), node(12.4, 14)]));
    expect(e.verdict).toBe('met');
    expect(e.conditions.map((c) => c.status)).toEqual(['met', 'met', 'met']);
    expect(e.conditions[1]!.reason).toMatch(/2 PSMA-positive metastatic lesions \(SUVmax > liver SUVmean 5.1\)/);
    expect(e.reference).toMatch(/N Engl J Med 2021;385:1091/);
  });

  it('not met: a PSMA-negative liver metastasis with a short axis ≥ 1.0 cm (solid organ)', () => {
    const e = evaluateTheranosticRule(VISION_PSMA_PET, psma([bone(18.2), liverLesion(3.2, 14)]));
    expect(e.verdict).toBe('not_met');
    expect(e.reasons).toHaveLength(1);
    expect(e.reasons[0]).toMatch(/liver segment VII \(liver\) SUVmax 3.2 ≤ liver SUVmean 5.1, short axis 14 mm ≥ 10 mm \(solid-organ\)/);
  });

  it('the 2.5 cm nodal threshold: a PSMA-negative node of 2.4 cm passes, of 2.5 cm excludes', () => {
    expect(conditionOf(psma([bone(18), node(4.0, 24)]), 'no-psma-negative-measurable-lesion').status).toBe('met');
    expect(conditionOf(psma([bone(18), node(4.0, 25)]), 'no-psma-negative-measurable-lesion').status).toBe('not_met');
  });

  it('the 1.0 cm solid-organ threshold: 9 mm passes, 10 mm excludes', () => {
    expect(conditionOf(psma([bone(18), liverLesion(2.0, 9)]), 'no-psma-negative-measurable-lesion').status).toBe('met');
    expect(conditionOf(psma([bone(18), liverLesion(2.0, 10)]), 'no-psma-negative-measurable-lesion').status).toBe('not_met');
  });

  it('bone: a soft-tissue component ≥ 1.0 cm excludes; a purely osseous PSMA-negative lesion does not', () => {
    expect(conditionOf(psma([bone(18), bone(3.0, { site: 'T8', shortAxisMm: 12 })]), 'no-psma-negative-measurable-lesion').status).toBe(
      'not_met',
    );
    expect(conditionOf(psma([bone(18), bone(3.0, { site: 'T8', ctMeasurable: false })]), 'no-psma-negative-measurable-lesion').status).toBe(
      'met',
    );
  });

  it('uptake equal to liver is PSMA-negative (positive means greater than liver)', () => {
    const c = conditionOf(psma([bone(5.1), liverLesion(5.1, 15)]), 'psma-positive-lesion');
    expect(c.status).toBe('not_met');
    expect(conditionOf(psma([bone(5.1), liverLesion(5.1, 15)]), 'no-psma-negative-measurable-lesion').status).toBe('not_met');
  });

  it('the primary tumour alone is not a PSMA-positive metastasis', () => {
    const c = conditionOf(psma([{ site: 'prostate left lobe', region: 'prostate', suvMax: 25 }]), 'psma-positive-lesion');
    expect(c.status).toBe('not_met');
    expect(c.reason).toMatch(/no metastatic lesion recorded/);
  });

  it('unknown, not "not met", when the liver reference is missing', () => {
    const e = evaluateTheranosticRule(VISION_PSMA_PET, psma([bone(18.2), node(12.4, 14)], { parotidSuvMean: 12 }));
    expect(e.verdict).toBe('unknown');
    expect(e.conditions[1]).toMatchObject({ status: 'unknown' });
    expect(e.conditions[1]!.reason).toMatch(/liver SUVmean not recorded/);
  });

  it('a missing liver reference does not matter when no lesion reaches the size criteria', () => {
    const c = conditionOf(psma([bone(18, { shortAxisMm: 4 }), node(12, 8)], {}), 'no-psma-negative-measurable-lesion');
    expect(c.status).toBe('met');
  });

  it('a PSMA-negative lesion whose size was not recorded leaves the rule unknown', () => {
    const e = evaluateTheranosticRule(VISION_PSMA_PET, psma([bone(18.2), liverLesion(3.2, null)]));
    expect(e.verdict).toBe('unknown');
    expect(e.reasons[0]).toMatch(/short axis not recorded/);
    // The reader's "measurable on CT" call decides it when the size itself is missing.
    expect(evaluateTheranosticRule(VISION_PSMA_PET, psma([bone(18.2), liverLesion(3.2, null, true)])).verdict).toBe('not_met');
    expect(evaluateTheranosticRule(VISION_PSMA_PET, psma([bone(18.2), liverLesion(3.2, null, false)])).verdict).toBe('met');
  });

  it('a negative read (no lesion) is not met', () => {
    expect(evaluateTheranosticRule(VISION_PSMA_PET, psma([])).verdict).toBe('not_met');
  });

  it('not met on a tracer of another target', () => {
    const e = evaluateTheranosticRule(VISION_PSMA_PET, { ...psma([bone(18.2)]), tracer: '[68Ga]Ga-DOTATATE' });
    expect(e.conditions[0]).toMatchObject({ status: 'not_met' });
    expect(e.verdict).toBe('not_met');
  });
});

describe('Krenning score from SUVs', () => {
  const ref = { liverSuvMean: 6.0, spleenSuvMean: 20.0 };
  it.each([
    [4.0, '1'],
    [6.0, '2'],
    [12.0, '3'],
    [31.0, '4'],
  ])('SUVmax %s against liver 6.0 and spleen 20.0 → %s', (suvMax, label) => {
    expect(krenningGrade({ site: 'x', region: 'liver', suvMax }, ref).label).toBe(label);
  });

  it('leaves a range when a reference is missing, never a guess', () => {
    expect(krenningGrade({ site: 'x', region: 'liver', suvMax: 12 }, { liverSuvMean: 6 }).label).toBe('3–4');
    expect(krenningGrade({ site: 'x', region: 'liver', suvMax: 31 }, { spleenSuvMean: 20 }).label).toBe('4');
    expect(krenningGrade({ site: 'x', region: 'liver', suvMax: 12 }, { spleenSuvMean: 20 }).label).toBe('1–3');
    expect(krenningGrade({ site: 'x', region: 'liver', suvMax: 12 }, {}).label).toBe('1–4');
  });
});

describe('somatostatin-receptor rules (NETTER-1, Krenning ≥ 3)', () => {
  const dotatate = (lesions: PetLesion[], reference: PetRead['reference'] = { liverSuvMean: 6.0, spleenSuvMean: 20.0 }): PetRead => ({
    tracer: '[68Ga]Ga-DOTATATE',
    scannedAt: '2026-08-20T10:00:00Z',
    reference,
    lesions,
  });
  const liverMet = (suvMax: number): PetLesion => ({ site: `liver ${suvMax}`, region: 'liver', suvMax });

  it('every lesion above spleen: Krenning 4, eligible by both rules', () => {
    const read = dotatate([liverMet(35), liverMet(28)]);
    expect(evaluateTheranosticRule(SSTR_UPTAKE_NETTER1, read).verdict).toBe('met');
    expect(evaluateTheranosticRule(SSTR_KRENNING_3, read).verdict).toBe('met');
  });

  it('one lesion equal to liver (Krenning 2): NETTER-1 met (≥ liver), Krenning ≥ 3 not met', () => {
    const read = dotatate([liverMet(35), liverMet(6.0)]);
    expect(evaluateTheranosticRule(SSTR_UPTAKE_NETTER1, read).verdict).toBe('met');
    const k3 = evaluateTheranosticRule(SSTR_KRENNING_3, read);
    expect(k3.verdict).toBe('not_met');
    expect(k3.reasons[0]).toMatch(/liver 6: Krenning 2/);
  });

  it('a lesion below liver (Krenning 1) fails both', () => {
    const read = dotatate([liverMet(35), liverMet(3.5)]);
    expect(evaluateTheranosticRule(SSTR_UPTAKE_NETTER1, read).verdict).toBe('not_met');
    expect(evaluateTheranosticRule(SSTR_KRENNING_3, read).verdict).toBe('not_met');
  });

  it('no spleen reference: a lesion above liver is Krenning 3–4, enough for ≥ 3', () => {
    expect(evaluateTheranosticRule(SSTR_KRENNING_3, dotatate([liverMet(12)], { liverSuvMean: 6 })).verdict).toBe('met');
  });

  it('no liver reference: unknown unless every lesion is above spleen', () => {
    expect(evaluateTheranosticRule(SSTR_KRENNING_3, dotatate([liverMet(12)], { spleenSuvMean: 20 })).verdict).toBe('unknown');
    expect(evaluateTheranosticRule(SSTR_KRENNING_3, dotatate([liverMet(35)], { spleenSuvMean: 20 })).verdict).toBe('met');
  });

  it('a read with no lesion is not met', () => {
    expect(evaluateTheranosticRule(SSTR_KRENNING_3, dotatate([])).verdict).toBe('not_met');
  });
});

describe("a patient's eligibility by every rule", () => {
  it('each rule on the latest read of its tracer; no read of it → unknown, never not met', () => {
    const older = { ...psma([bone(3.0, { shortAxisMm: 15 })]), id: 'old', scannedAt: '2026-01-10T08:00:00Z' };
    const newer = { ...psma([bone(18.2), node(12.4, 14)]), id: 'new', scannedAt: '2026-09-01T08:00:00Z' };
    const results = patientTheranosticEligibility([newer, older]);
    expect(results.map((r) => r.rule)).toEqual(THERANOSTIC_RULES.map((r) => r.id));
    const vision = results.find((r) => r.rule === 'vision-psma-pet')!;
    expect(vision.petRead?.id).toBe('new');
    expect(vision.verdict).toBe('met');
    const sstr = results.find((r) => r.rule === 'sstr-krenning-3')!;
    expect(sstr.verdict).toBe('unknown');
    expect(sstr.petRead).toBeNull();
    expect(sstr.reasons).toEqual(['no somatostatin-receptor PET read on record']);
  });
});
