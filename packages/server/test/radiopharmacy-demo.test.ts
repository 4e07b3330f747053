import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRadiopharmacyDemo } from '../src/radiopharmacy/demo-seed';
import { departmentDayBounds } from '../src/radiopharmacy/department-day';
import { DRIVERS } from './helpers/database';
import { createTestPlatform, type TestPlatform } from './helpers/platform';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the department day (Europe/Paris)', () => {
  it('is 24 h on an ordinary day, 23 h when clocks go forward, 25 h when they go back (EU: last Sundays of March and October)', () => {
    const hours = (d: string) => {
      const { start, end } = departmentDayBounds(d);
      return (end.getTime() - start.getTime()) / 3_600_000;
    };
    expect(departmentDayBounds('2026-03-04').start.toISOString()).toBe('2026-03-03T23:00:00.000Z');
    expect(departmentDayBounds('2026-07-14').start.toISOString()).toBe('2026-07-13T22:00:00.000Z');
    expect([hours('2026-03-04'), hours('2026-03-29'), hours('2026-10-25')]).toEqual([24, 23, 25]);
  });
});

describe.each(DRIVERS)('radiopharmacy demo data on %s', (driver) => {
  let p: TestPlatform;
  const now = new Date('2026-11-03T10:30:00Z');

  beforeAll(async () => {
    p = await createTestPlatform(driver, { patients: 120 });
    await seedRadiopharmacyDemo(p.db, { referenceDate: '2026-11-01', now });
  });
  afterAll(() => p.close());

  it("fills today's board: every hot cell busy, released batches with doses, one awaiting QC, one rejected on its QC, one in preparation", async () => {
    const rp = await p.signIn('radiopharmacist');
    const board = (await rp.request({ method: 'GET', url: `/api/radiopharmacy/board?at=${now.toISOString()}` })).json();
    expect(board.day).toBe('2026-11-03');
    for (const cell of board.hotCells) expect(cell.batches.length, cell.id).toBeGreaterThan(0);
    expect(board.totals).toMatchObject({ qcPending: 1, rejected: 1, inPreparation: 1 });
    expect(board.totals.released).toBeGreaterThanOrEqual(5);
    expect(board.totals.staffDoseUSv).toBeGreaterThan(0);
    const batches = board.hotCells.flatMap((c: Json) => c.batches);
    const rejected = batches.find((b: Json) => b.status === 'rejected');
    expect(rejected.qc.failing).toEqual(['radiochemical-purity']);
    expect(batches.filter((b: Json) => b.status === 'released').every((b: Json) => b.doses.length > 0)).toBe(true);
    // Every dose was drawn within its tolerance and before its batch expired.
    for (const b of batches) for (const d of b.doses) expect(Math.abs(d.deviationPct)).toBeLessThanOrEqual(b.product.tolerancePct);
  });

  it('gives PSMA products to prostate cancer patients and DOTATATE to neuroendocrine tumours, traced and audited', async () => {
    const { rows } = await p.db.query<Json>(
      `select pr.id product, c.oncotree_code code, d.status, a.id is not null administered
         from patient_dose d join radiopharm_batch b on b.id = d.batch_id join radiopharm_product pr on pr.id = b.product_id
         join condition c on c.patient_id = d.patient_id and c.kind = 'primary' left join administration a on a.dose_id = d.id`,
    );
    for (const r of rows.filter((x) => /psma/.test(x.product))) expect(r.code).toBe('PRAD');
    for (const r of rows.filter((x) => x.product === 'lu177-dotatate')) expect(['SBWDNET', 'PANET', 'GINET']).toContain(r.code);
    expect(rows.filter((r) => r.administered).length).toBeGreaterThanOrEqual(3);
    const audited = (
      await p.db.query<{ n: number }>(
        `select count(*)::int n from audit_log where entity_type in ('radiopharm_batch','patient_dose','administration','radioactive_waste')`,
      )
    ).rows[0]!.n;
    expect(audited).toBeGreaterThan(25);
    const waste = (await p.db.query<Json>(`select governing_nuclide from radioactive_waste where container = 'LU-PRECURSOR-VIALS'`))
      .rows[0]!;
    expect(waste.governing_nuclide).toBe('Lu-177m');
  });
});
