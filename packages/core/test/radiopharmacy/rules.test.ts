import { describe, expect, it } from 'vitest';
import {
  assertHotCellCanHandle,
  batchExpiry,
  cellsFor,
  effectiveStatus,
  evaluateQc,
  expiryCountdown,
  hotCellRefusal,
  nextStatus,
  qcLimitText,
  RadiopharmacyError,
  recallSummary,
  releaseContent,
  releaseMeaning,
  transitionRefusal,
  validateQcMeasurement,
} from '../../src/radiopharmacy/index';
import { FDG_SPEC, HOT_CELLS, PLUVICTO } from './fixtures';

const issuesOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof RadiopharmacyError) return e.issues;
    throw e;
  }
  throw new Error('expected a RadiopharmacyError');
};

describe('hot cells: energy class and nuclide licence', () => {
  it('lets the therapy cell prepare [177Lu]Lu-PSMA-617 and no other cell', () => {
    expect(cellsFor(HOT_CELLS, PLUVICTO).map((c) => c.id)).toEqual(['HC-THERAPY']);
  });

  it('refuses a product in a cell of the wrong class, naming the cell, the product and both reasons', () => {
    const refusal = hotCellRefusal(HOT_CELLS[2]!, PLUVICTO)!;
    expect(refusal).toContain('HC-SPECT');
    expect(refusal).toContain('[177Lu]Lu-PSMA-617');
    expect(refusal).toMatch(/low-medium-energy cell .* needs a therapy-high-energy cell/);
    expect(refusal).toMatch(/nuclides are Tc-99m, I-123, In-111, not Lu-177/);
    const [issue] = issuesOf(() => assertHotCellCanHandle(HOT_CELLS[2]!, PLUVICTO));
    expect(issue).toMatchObject({ field: 'hotCellId', code: 'hot-cell-not-allowed', limit: 'a therapy-high-energy cell listing Lu-177' });
  });

  it('refuses a nuclide the right class of cell is not licensed for', () => {
    const ac225 = { name: '[225Ac]Ac-PSMA-617', nuclide: 'Pb-212', hotCellClass: 'therapy-high-energy' as const };
    const refusal = hotCellRefusal(HOT_CELLS[3]!, ac225)!;
    expect(refusal).not.toMatch(/needs a/);
    expect(refusal).toMatch(/not Pb-212/);
  });
});

describe('QC against the release specification', () => {
  const passing = [
    { test: 'appearance', outcome: 'pass' as const },
    { test: 'ph', value: 5.5 },
    { test: 'radiochemical-purity', value: 98.2 },
    { test: 'half-life', value: 109.4 },
  ];

  it('writes limits as monographs do', () => {
    expect(FDG_SPEC.map(qcLimitText)).toEqual(['pass', '4.5–8.5', '≥ 95 %', '105–115 min', 'pass']);
  });

  it('releases when every required test passes; a post-release test (sterility) is not a condition', () => {
    const qc = evaluateQc(FDG_SPEC, passing);
    expect(qc.releasable).toBe(true);
    expect(qc.issues).toEqual([]);
    expect(qc.tests.find((t) => t.test === 'sterility')!.status).toBe('missing');
  });

  it('names every failing test with its value and limit (Ph. Eur. 1325: RCP ≥ 95 %, T½ 105–115 min)', () => {
    const qc = evaluateQc(FDG_SPEC, [
      ...passing.slice(0, 2),
      { test: 'radiochemical-purity', value: 93.1 },
      { test: 'half-life', value: 118 },
    ]);
    expect(qc.releasable).toBe(false);
    expect(qc.issues.map((i) => [i.field, i.code, i.limit])).toEqual([
      ['qc.radiochemical-purity', 'qc-failed', '≥ 95 %'],
      ['qc.half-life', 'qc-failed', '105–115 min'],
    ]);
    expect(qc.issues[0]!.message).toContain('93.1 %');
  });

  it('names a missing required test', () => {
    const qc = evaluateQc(
      FDG_SPEC,
      passing.filter((p) => p.test !== 'ph'),
    );
    expect(qc.issues).toEqual([expect.objectContaining({ field: 'qc.ph', code: 'qc-missing', limit: '4.5–8.5' })]);
  });

  it('counts the latest result of a repeated test, and keeps the attempts', () => {
    const qc = evaluateQc(FDG_SPEC, [
      ...passing,
      { test: 'radiochemical-purity', value: 94.9 },
      { test: 'radiochemical-purity', value: 96 },
    ]);
    expect(qc.releasable).toBe(true);
    expect(qc.tests.find((t) => t.test === 'radiochemical-purity')).toMatchObject({ value: 96, attempts: 3 });
  });

  it('limits are inclusive: RCP exactly 95 % passes, pH 8.5 passes, 8.51 fails', () => {
    expect(evaluateQc(FDG_SPEC, [...passing, { test: 'radiochemical-purity', value: 95 }, { test: 'ph', value: 8.5 }]).releasable).toBe(
      true,
    );
    expect(evaluateQc(FDG_SPEC, [...passing, { test: 'ph', value: 8.51 }]).releasable).toBe(false);
  });

  it('flags a failing post-release test for recall', () => {
    const qc = evaluateQc(FDG_SPEC, [...passing, { test: 'sterility', outcome: 'fail' as const }]);
    expect(qc.releasable).toBe(true);
    expect(qc.postReleaseFailures.map((t) => t.test)).toEqual(['sterility']);
  });

  it('refuses a result it cannot evaluate: unknown test, missing value, pass/fail without outcome, another unit', () => {
    expect(issuesOf(() => validateQcMeasurement(FDG_SPEC, { test: 'colour' }, 'body.results[0]'))[0]).toMatchObject({
      field: 'body.results[0].test',
      code: 'unknown-test',
    });
    expect(issuesOf(() => validateQcMeasurement(FDG_SPEC, { test: 'ph' }))[0]!.field).toBe('results.value');
    expect(issuesOf(() => validateQcMeasurement(FDG_SPEC, { test: 'appearance', value: 1 }))[0]!.field).toBe('results.outcome');
    expect(issuesOf(() => validateQcMeasurement(FDG_SPEC, { test: 'half-life', value: 1.8, unit: 'h' }))[0]).toMatchObject({
      field: 'results.unit',
      code: 'unit-mismatch',
      limit: 'min',
    });
  });
});

describe('batch lifecycle', () => {
  const now = new Date('2026-03-04T09:00:00Z');
  const batch = (status: 'in-preparation' | 'qc-pending' | 'released' | 'rejected', expiresAt = '2026-03-04T15:00:00Z') => ({
    status,
    expiresAt,
  });

  it('in-preparation → qc-pending → released; reject from any live state (a released batch: recall)', () => {
    expect(nextStatus(batch('in-preparation'), 'record-qc', now)).toBe('qc-pending');
    expect(nextStatus(batch('qc-pending'), 'release', now)).toBe('released');
    expect(nextStatus(batch('qc-pending'), 'reject', now)).toBe('rejected');
    expect(nextStatus(batch('released'), 'reject', now)).toBe('rejected');
    expect(nextStatus(batch('released'), 'record-post-release-qc', now)).toBe('released');
  });

  it('refuses transitions with the reason', () => {
    expect(transitionRefusal(batch('in-preparation'), 'release', now)).toMatch(/still in preparation/);
    expect(transitionRefusal(batch('released'), 'release', now)).toMatch(/already been released/);
    expect(transitionRefusal(batch('rejected'), 'draw-dose', now)).toMatch(/rejected/);
    expect(transitionRefusal(batch('qc-pending'), 'draw-dose', now)).toMatch(/not been released/);
    expect(issuesOf(() => nextStatus(batch('released'), 'record-qc', now))[0]).toMatchObject({ code: 'transition-refused' });
  });

  it('is expired by the clock: no release and no draw from its expiry instant on', () => {
    const b = batch('released', '2026-03-04T09:00:00Z');
    expect(effectiveStatus(b, new Date('2026-03-04T08:59:59Z'))).toBe('released');
    expect(effectiveStatus(b, now)).toBe('expired');
    expect(issuesOf(() => nextStatus(b, 'draw-dose', now))[0]).toMatchObject({ code: 'expired' });
    expect(transitionRefusal(batch('qc-pending', '2026-03-04T08:00:00Z'), 'release', now)).toMatch(/expired at 2026-03-04T08:00:00.000Z/);
    expect(effectiveStatus(batch('rejected', '2026-03-04T08:00:00Z'), now)).toBe('rejected');
  });

  it('expiry = calibration + shelf life (Pluvicto SmPC: 120 h), with a countdown', () => {
    expect(batchExpiry('2026-03-02T12:00:00+01:00', 7200)).toBe('2026-03-07T11:00:00.000Z');
    expect(expiryCountdown('2026-03-04T10:00:00Z', now)).toEqual({ secondsLeft: 3600, expired: false });
    expect(expiryCountdown('2026-03-04T08:00:00Z', now)).toEqual({ secondsLeft: 0, expired: true });
    expect(() => batchExpiry('2026-03-02T12:00:00', 60)).toThrow(/UTC offset/);
  });
});

describe('signed release content and recall', () => {
  it('has a meaning naming the batch and product, and content independent of the order results were read in', () => {
    expect(releaseMeaning('LU-0001', '[177Lu]Lu-PSMA-617')).toMatch(
      /batch LU-0001 of \[177Lu\]Lu-PSMA-617 .* release it for administration/,
    );
    const batch = {
      id: 'b',
      batchNumber: 'LU-0001',
      productId: 'lu177-psma617',
      hotCellId: 'HC-THERAPY',
      origin: 'delivery',
      supplierLot: null,
      activityMBq: 40000,
      calibratedAt: '2026-03-04T12:00:00+01:00',
      expiresAt: '2026-03-09T11:00:00Z',
      preparedBy: 'rp',
      preparedAt: '2026-03-04T08:00:00Z',
      carrierAdded: false,
    };
    const qc = [
      { test: 'ph', value: 5, outcome: null, unit: 'pH', passed: true, recordedBy: 'rp', recordedAt: '2026-03-04T09:00:00Z' },
      { test: 'appearance', value: null, outcome: 'pass', unit: null, passed: true, recordedBy: 'rp', recordedAt: '2026-03-04T08:30:00Z' },
    ];
    const a = releaseContent({ batch, qc, meaning: 'm', signedBy: 'rp', signedAt: '2026-03-04T09:05:00Z' });
    const b = releaseContent({ batch, qc: [...qc].reverse(), meaning: 'm', signedBy: 'rp', signedAt: '2026-03-04T09:05:00Z' });
    expect(a).toEqual(b);
    expect((a.batch as { calibratedAt: string }).calibratedAt).toBe('2026-03-04T11:00:00.000Z');
  });

  it('lists the patients to follow and the doses to stop', () => {
    const r = recallSummary([
      { id: 'd1', batchId: 'b', patientId: 'p1', status: 'administered' },
      { id: 'd2', batchId: 'b', patientId: 'p2', status: 'drawn' },
      { id: 'd3', batchId: 'b', patientId: 'p3', status: 'discarded' },
      { id: 'd4', batchId: 'b', patientId: 'p1', status: 'drawn' },
    ]);
    expect(r).toEqual({ patients: ['p1', 'p2'], administered: 1, toStop: ['d2', 'd4'], discarded: 1 });
  });
});
