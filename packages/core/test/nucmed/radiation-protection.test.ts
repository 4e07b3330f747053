import { describe, expect, it } from 'vitest';
import { doseRateAt, mbq, NucmedError, shieldedRoomRelease, timeToReachDoseRate } from '../../src/nucmed/index';

describe('dose rate Γ·A/r² (H*(10) constants of nuclides.ts)', () => {
  it('matches a hand computation', () => {
    // Lu-177, 7400 MBq at 1 m: 0.00628 µSv·m²/(MBq·h) × 7400 MBq / 1 m² = 46.472 µSv/h.
    expect(doseRateAt('Lu-177', mbq(7400)).uSvPerH).toBeCloseTo(46.472, 10);
    expect(doseRateAt('Lu-177', mbq(7400), { distanceM: 2 }).uSvPerH).toBeCloseTo(46.472 / 4, 10);
    expect(doseRateAt('Lu-177', mbq(7400), { transmission: 0.5 }).uSvPerH).toBeCloseTo(23.236, 10);
    // F-18, 370 MBq at 1 m: 0.16553 × 370 = 61.246 µSv/h.
    expect(doseRateAt('F-18', mbq(370)).uSvPerH).toBeCloseTo(61.2461, 4);
    expect(doseRateAt('Lu-177', mbq(7400), { transmission: 0.5 }).method).toMatch(/patient transmission T = 0.5/);
  });

  it('refuses a nuclide without a constant unless one is supplied', () => {
    try {
      doseRateAt('Y-90', mbq(3000));
      throw new Error('no error');
    } catch (error) {
      expect((error as NucmedError).field).toBe('doseRateConstant');
      expect((error as NucmedError).message).toMatch(/bremsstrahlung/);
    }
    expect(
      doseRateAt('Y-90', mbq(3000), { doseRateConstant: { uSvM2PerMBqH: 0.001, source: 'site measurement 2025' } }).uSvPerH,
    ).toBeCloseTo(3, 12);
    expect(() => doseRateAt('Lu-177', mbq(7400), { transmission: 0 })).toThrow(/transmission/);
    expect(() => doseRateAt('Lu-177', mbq(7400), { distanceM: -1 })).toThrow(/distanceM/);
  });
});

describe('time to reach a release threshold', () => {
  it('by physical decay: t = T½·log2(Ḣ0/threshold)', () => {
    const t = timeToReachDoseRate({ nuclide: 'Lu-177', retention: { kind: 'physical', administeredMBq: 7400 }, thresholdUSvPerH: 20 });
    expect(t.hoursAfterAdministration).toBeCloseTo(159.528 * Math.log2(46.472 / 20), 3);
    expect(t.doseRateAtStartUSvPerH).toBeCloseTo(46.472, 10);
  });

  it('with a fitted whole-body retention', () => {
    // 60 % cleared with T½ 2 h, 40 % with T½eff 60 h: closed form on the slow phase once the fast one is gone.
    const terms = [
      { coefficientMBq: 4440, lambdaPerH: Math.LN2 / 2 },
      { coefficientMBq: 2960, lambdaPerH: Math.LN2 / 60 },
    ];
    const t = timeToReachDoseRate({ nuclide: 'Lu-177', retention: { kind: 'exponentials', terms }, thresholdUSvPerH: 5 });
    const slowOnly = Math.log((0.00628 * 2960) / 5) / (Math.LN2 / 60);
    expect(t.hoursAfterAdministration).toBeCloseTo(slowOnly, 2);
    expect(t.remainingActivityMBq * 0.00628).toBeCloseTo(5, 2);
  });

  it('is zero when already below, and finds the last crossing after an uptake phase', () => {
    expect(
      timeToReachDoseRate({ nuclide: 'Lu-177', retention: { kind: 'physical', administeredMBq: 100 }, thresholdUSvPerH: 20 })
        .hoursAfterAdministration,
    ).toBe(0);
    const uptake = [
      { coefficientMBq: 5000, lambdaPerH: 0.01 },
      { coefficientMBq: -5000, lambdaPerH: 0.5 },
    ];
    const t = timeToReachDoseRate({ nuclide: 'Lu-177', retention: { kind: 'exponentials', terms: uptake }, thresholdUSvPerH: 10 });
    expect(t.hoursAfterAdministration).toBeGreaterThan(100);
    expect(
      0.00628 * (5000 * Math.exp(-0.01 * t.hoursAfterAdministration) - 5000 * Math.exp(-0.5 * t.hoursAfterAdministration)),
    ).toBeCloseTo(10, 2);
  });
});

describe('shielded room release', () => {
  it('frees the room after the patient meets the threshold, the minimum stay and the turnaround', () => {
    const release = shieldedRoomRelease({
      nuclide: 'Lu-177',
      administeredAt: '2025-03-04T10:00:00+01:00',
      retention: { kind: 'physical', administeredMBq: 7400 },
      thresholdUSvPerH: 20,
      turnaroundH: 2,
    });
    const hours = 159.528 * Math.log2(46.472 / 20);
    expect(release.hoursAfterAdmission).toBeCloseTo(hours, 3);
    expect(Date.parse(release.patientReleasableAt)).toBeCloseTo(Date.parse('2025-03-04T09:00:00Z') + hours * 3_600_000, -4);
    expect(Date.parse(release.roomAvailableAt) - Date.parse(release.patientReleasableAt)).toBe(2 * 3_600_000);
    expect(release.doseRateAtReleaseUSvPerH).toBeCloseTo(20, 3);
    const longStay = shieldedRoomRelease({
      nuclide: 'Lu-177',
      administeredAt: '2025-03-04T09:00:00Z',
      retention: { kind: 'physical', administeredMBq: 1000 },
      thresholdUSvPerH: 20,
      minimumStayH: 24,
    });
    expect(longStay.patientReleasableAt).toBe('2025-03-05T09:00:00.000Z');
    expect(() =>
      shieldedRoomRelease({
        nuclide: 'Lu-177',
        administeredAt: '2025-03-04 09:00',
        retention: { kind: 'physical', administeredMBq: 1000 },
        thresholdUSvPerH: 20,
      }),
    ).toThrow(/administeredAt/);
  });
});
