/**
 * The patient's theranostic page in a real browser (Debian's Chromium via playwright-core), on
 * the live platform with its demo data: the treated prostate cancer patient's fitted
 * time-activity curves over the measured points (log and linear), the cumulative kidney BED
 * against its 28 Gy limit line with the planned fourth cycle, the per-administration PDF; and a
 * PET read recorded through the form, keyboard and labels only, turning an unknown eligibility
 * into a decided one.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startLivePlatform, type LivePlatform } from './helpers/live-platform';

describe('theranostics in Chromium', () => {
  let live: LivePlatform;
  let browser: Browser;
  let base: string;
  let treated: { id: string; regions: number; points: number };
  let undecided: { id: string };

  beforeAll(async () => {
    live = await startLivePlatform({ patients: 60, seed: 3 });
    ({ browser, base } = live);
    const row = (
      await live.db.query<{ patient_id: string; regions: number; points: number }>(
        `select patient_id, jsonb_array_length(input->'regions') as regions,
                (select sum(jsonb_array_length(r->'timesH')) from jsonb_array_elements(input->'regions') r)::int as points
           from dosimetry_study order by cycle_number desc limit 1`,
      )
    ).rows[0]!;
    treated = { id: row.patient_id, regions: row.regions, points: row.points };
    // The demo's PSMA read without a liver reference: VISION eligibility unknown.
    undecided = (
      await live.db.query<{ id: string }>(
        `select patient_id as id from pet_read where tracer like '%PSMA%' and not (reference_uptake ? 'liverSuvMean') order by scanned_at desc limit 1`,
      )
    ).rows[0]!;
  });

  afterAll(() => live?.close());

  it('shows the fitted curves over the measured points and the cumulative kidney BED against its limit line', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, base, 'physicist');
    await page.goto(`${base}/patients/${treated.id}`);
    await page.getByRole('tab', { name: 'Theranostics' }).click();
    // A physicist may not see identity: the record does not offer it.
    expect(await page.getByRole('button', { name: 'Identity', exact: true }).count()).toBe(0);

    const tac = page.getByTestId('tac-chart');
    await tac.waitFor();
    // One curve per region, every measured point drawn (the latest cycle is shown first).
    expect(await tac.getByTestId('tac-curve').count()).toBe(treated.regions);
    expect(await tac.getByTestId('tac-point').count()).toBe(treated.points);
    expect(await tac.getAttribute('role')).toBe('img');
    expect(await tac.locator('title').textContent()).toMatch(/log activity axis/);
    await page.getByLabel('Linear scale').check();
    expect(await tac.locator('title').textContent()).toMatch(/linear activity axis/);
    expect(await tac.getByTestId('tac-point').count()).toBe(treated.points);
    // Hiding a region hides its curve and points; the table fallback lists every region.
    await page.getByRole('checkbox', { name: 'Whole body' }).uncheck();
    expect(await tac.getByTestId('tac-curve').count()).toBe(treated.regions - 1);
    await page.getByText('Data table: measured points, fits and doses').click();
    expect(await page.locator('.th-table tbody tr').count()).toBe(treated.regions);

    // Cumulative kidney BED: three cycles under the 28 Gy line, the planned fourth over it.
    const bed = page.getByTestId('bed-chart');
    await bed.waitFor();
    expect(await bed.getByTestId('limit-line').count()).toBe(1);
    expect(await bed.getByTestId('cumulative-bar').count()).toBe(3);
    expect(await bed.getByTestId('projected-bar').count()).toBe(1);
    expect(await bed.locator('desc').textContent()).toMatch(/limit 28 Gy; cycle 4 of 7\.4 GBq would bring it to [\d.]+ Gy \(exceeds\)/);
    expect(await page.getByTestId('marrow-chart').getByTestId('limit-line').count()).toBe(1);
    expect(await page.getByTestId('next-cycle').textContent()).toMatch(/would take kidneys BED to [\d.]+ Gy, over 28 Gy/);

    // Each administration's PDF report.
    const links = page.getByTestId('dosimetry-pdf');
    expect(await links.count()).toBe(3);
    const href = (await links.first().getAttribute('href'))!;
    const pdf = await page.request.get(`${base}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Radiation protection after an administration: opened on demand, release times from the
    // measured whole-body retention when the study has it; the threshold can be changed.
    const protection = page.locator('details.administration-protection').first();
    await protection.locator('summary').click();
    const facts = protection.locator('dl.facts');
    await facts.waitFor();
    expect(await facts.textContent()).toMatch(/Patient releasable/);
    expect(await facts.textContent()).toMatch(/Shielded room free/);
    const before = await facts.locator('dd').nth(2).textContent();
    await protection.getByLabel(/Release threshold/).fill('5');
    await expect.poll(async () => facts.locator('dd').nth(2).textContent(), { timeout: 10_000 }).not.toBe(before);
    await page.close();
  });

  it('records a PET read with the keyboard and the labelled form; the unknown eligibility becomes met', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, base, 'investigator');
    await page.goto(`${base}/patients/${undecided.id}?tab=theranostics`);
    const vision = page.getByTestId('rule-vision-psma-pet');
    await vision.waitFor();
    // The investigator may: the (audited) identity button is there.
    expect(await page.getByRole('button', { name: 'Identity', exact: true }).count()).toBe(1);
    expect(await vision.locator('.th-rule-title .badge').textContent()).toBe('Unknown');

    const open = page.getByRole('button', { name: 'Record a PET read' });
    await open.focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('pet-read-form');
    await form.waitFor();
    await form.getByLabel('Tracer').fill('[68Ga]Ga-PSMA-11');
    await form.getByLabel('Liver SUVmean').fill('5.3');
    await form.getByLabel('Lesion 1 site').fill('L2 vertebra');
    await form.getByLabel('Region').selectOption('bone');
    await form.getByLabel('SUVmax').fill('19.4');
    await form.getByLabel('Measurable on CT').selectOption('false');
    await form.getByLabel('Reason (audited)').fill('Repeat read with the liver in the field of view');
    await form.getByLabel('Reason (audited)').press('Enter');

    await expect.poll(async () => vision.locator('.th-rule-title .badge').textContent(), { timeout: 15_000 }).toBe('Met');
    expect(await form.getByRole('status').textContent()).toMatch(/VISION PSMA-PET criteria: met/);
    expect(await page.getByTestId('pet-read').count()).toBe(2);
    await page.close();
  });
});
