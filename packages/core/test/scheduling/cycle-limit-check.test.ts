import { describe, expect, it } from 'vitest';
import { checkCycleLimits, describeExceeded, type CycleDosimetry } from '../../src/operations/scheduling/index';

/**
 * A patient on [177Lu]Lu-PSMA-617 7.4 GBq cycles (VISION) with a single functioning kidney (a risk
 * factor: kidney BED limit 28 Gy, Bodei et al., EJNMMI 2008;35:1847-1856). Kidney dose 0.9 Gy/GBq
 * per cycle: within one standard deviation of the published means, 0.81 ± 0.32 Gy/GBq in patients
 * with a single functioning kidney (Zhang et al., J Nucl Med 2019;60:1579-1586) and 0.82 ± 0.25
 * Gy/GBq (Kabasakal et al., Mol Imaging Radionucl Ther 2017;26:62-68). Kidney effective half-life
 * 40 h, the VISION-like case of the worked examples (worked_examples_computed.json).
 */
const GY_PER_GBQ = 0.9;
const TEFF_H = 40;
const AB = 2.6;
const TREP = 2.8;
// Published formula for a mono-exponential dose rate (worked examples; Dale 1985):
const bed = (d: number) => d * (1 + (d / AB) * (TREP / (TREP + TEFF_H)));

const study = (cycle: number, extra: Partial<CycleDosimetry> = {}): CycleDosimetry => ({
  cycleNumber: cycle,
  injectedMBq: 7400,
  administeredAt: `2025-0${cycle}-01T09:00:00Z`,
  kidneyDoseGy: GY_PER_GBQ * 7.4,
  kidneyBedGy: null,
  kidneyShape: { kind: 'mono-exponential', effectiveHalfLifeH: TEFF_H },
  redMarrowDoseGy: 0.03 * 7.4,
  ...extra,
});

describe('the organ-at-risk check before a cycle is scheduled', () => {
  it('flags the fourth cycle that would push kidney BED over 28 Gy, with the numbers', () => {
    const perCycleBed = bed(GY_PER_GBQ * 7.4);
    expect(perCycleBed).toBeCloseTo(7.776, 3);
    const check = checkCycleLimits({
      cycleNumber: 4,
      prescribedMBq: 7400,
      kidneyRiskFactors: true,
      studies: [study(1), study(2), study(3)],
      administeredCycles: [1, 2, 3],
    });
    expect(check.verdict).toBe('exceeds');
    const kidneyBed = check.checks.find((c) => c.organ === 'kidneys' && c.quantity === 'bed')!;
    expect(kidneyBed.limitGy).toBe(28);
    expect(kidneyBed.cumulativeGy).toBeCloseTo(3 * perCycleBed, 9);
    expect(kidneyBed.projectedGy).toBeCloseTo(4 * perCycleBed, 9);
    expect(kidneyBed.verdict).toBe('exceeds');
    // Largest activity within: the dose d with bed(d) = 28 − 3·BED, over 0.9 Gy/GBq.
    const k = TREP / (TREP + TEFF_H) / AB;
    const headroomDose = (-1 + Math.sqrt(1 + 4 * k * (28 - 3 * perCycleBed))) / (2 * k);
    expect(kidneyBed.maxActivityMBq).toBeCloseTo((headroomDose / GY_PER_GBQ) * 1000, 6);
    expect(bed((kidneyBed.maxActivityMBq! / 1000) * GY_PER_GBQ) + 3 * perCycleBed).toBeCloseTo(28, 9);
    // The absorbed-dose limit (23 Gy) is crossed too: 3 × 6.66 = 19.98 Gy → 26.64 Gy.
    const kidneyDose = check.checks.find((c) => c.organ === 'kidneys' && c.quantity === 'absorbed-dose')!;
    expect(kidneyDose.projectedGy).toBeCloseTo(26.64, 9);
    expect(kidneyDose.verdict).toBe('exceeds');
    // Red marrow 0.03 Gy/GBq (Kabasakal et al. 2017): far within 2 Gy.
    expect(check.checks.find((c) => c.organ === 'red-marrow')!.verdict).toBe('within');
    const lines = describeExceeded(check);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^kidneys BED: cumulative 23\.33 Gy \+ planned 7\.78 Gy = projected 31\.10 Gy, over the 28 Gy limit .*largest activity within it: \d+ MBq$/,
    );
  });

  it('is within for the third cycle, and without risk factors (40 Gy) the fourth is still over 23 Gy absorbed dose', () => {
    expect(checkCycleLimits({ cycleNumber: 3, prescribedMBq: 7400, kidneyRiskFactors: true, studies: [study(1), study(2)] }).verdict).toBe(
      'within',
    );
    const noRisk = checkCycleLimits({
      cycleNumber: 4,
      prescribedMBq: 7400,
      kidneyRiskFactors: false,
      studies: [study(1), study(2), study(3)],
    });
    expect(noRisk.checks.find((c) => c.quantity === 'bed')!).toMatchObject({ limitGy: 40, verdict: 'within' });
    expect(noRisk.verdict).toBe('exceeds');
  });

  it('says unknown — never within — without dosimetry, or when a cycle went unmeasured', () => {
    const none = checkCycleLimits({ cycleNumber: 1, prescribedMBq: 7400, kidneyRiskFactors: false, studies: [] });
    expect(none.verdict).toBe('unknown');
    expect(none.checks.every((c) => c.verdict === 'unknown')).toBe(true);
    expect(none.method).toMatch(/no dosimetry/);
    const gap = checkCycleLimits({
      cycleNumber: 3,
      prescribedMBq: 7400,
      kidneyRiskFactors: true,
      studies: [study(1)],
      administeredCycles: [1, 2],
    });
    expect(gap.verdict).toBe('unknown');
    expect(gap.basis.cyclesWithoutDosimetry).toEqual([2]);
    expect(gap.checks[0]!.notes).toContain('cycle 2 was administered without dosimetry');
  });

  it('uses a stored BED when there is one, and counts D as a lower bound of BED when there is neither BED nor shape', () => {
    const stored = checkCycleLimits({
      cycleNumber: 2,
      prescribedMBq: 7400,
      kidneyRiskFactors: true,
      studies: [study(1, { kidneyBedGy: 9.5 })],
    });
    expect(stored.checks.find((c) => c.quantity === 'bed')!.cumulativeGy).toBe(9.5);
    const bare = checkCycleLimits({
      cycleNumber: 2,
      prescribedMBq: 7400,
      kidneyRiskFactors: true,
      studies: [study(1, { kidneyShape: null })],
    });
    const b = bare.checks.find((c) => c.quantity === 'bed')!;
    expect(b.cumulativeGy).toBeCloseTo(6.66, 9);
    expect(b.verdict).toBe('unknown');
    expect(b.complete).toBe(false);
  });
});

describe('cycles scheduled ahead', () => {
  it('counts an earlier scheduled cycle at the reference dose per GBq, so cycle 4 is flagged even when scheduled before cycle 3 is given', () => {
    const perCycleBed = bed(GY_PER_GBQ * 7.4);
    const ahead = checkCycleLimits({
      cycleNumber: 4,
      prescribedMBq: 7400,
      kidneyRiskFactors: true,
      studies: [study(1), study(2)],
      administeredCycles: [1, 2],
      pendingCycles: [{ cycleNumber: 3, prescribedMBq: 7400 }],
    });
    expect(ahead.verdict).toBe('exceeds');
    expect(ahead.basis.pendingCycles).toEqual([3]);
    expect(ahead.checks.find((c) => c.quantity === 'bed')!.projectedGy).toBeCloseTo(4 * perCycleBed, 9);
  });
});
