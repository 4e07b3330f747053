/**
 * The radiopharmacy in a real browser: a radiopharmacist prepares a batch, enters passing QC,
 * releases it with a password signature, dispenses a dose to a patient (after the tolerance
 * block of a first, too-hot syringe), and the dose shows on the patient's Theranostics tab with
 * its batch number.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/demo';
import { signIn, startLivePlatform, type LivePlatform } from './helpers/live-platform';

describe('radiopharmacy in Chromium', () => {
  let live: LivePlatform;
  let browser: Browser;
  let base: string;
  let patient: { id: string; pseudonym: string };

  beforeAll(async () => {
    live = await startLivePlatform({ patients: 40, seed: 3 });
    ({ browser, base } = live);
    // A prostate cancer patient for [177Lu]Lu-PSMA-617 when the small cohort has one.
    patient = (
      await live.db.query<{ id: string; pseudonym: string }>(
        `select p.id, p.pseudonym from patient p left join condition c on c.patient_id = p.id and c.kind = 'primary'
          where p.vital_status = 'alive' order by (c.oncotree_code = 'PRAD') desc nulls last, p.pseudonym limit 1`,
      )
    ).rows[0]!;
  });

  afterAll(() => live?.close());

  it('prepares a batch, releases it with a signature, dispenses a dose, and shows it on the patient page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, base, 'radiopharmacist');
    await page.getByRole('link', { name: 'Radiopharmacy' }).click();
    // The demo day is on the board: the four hot cells, with live countdowns.
    await page.getByTestId('rp-board').waitFor();
    expect(await page.getByTestId('rp-board').locator('section').count()).toBe(4);
    await page.getByRole('timer').first().waitFor();

    // Prepare: a delivered [177Lu]Lu-PSMA-617 lot in the therapy cell (the only cell the form offers for it).
    await page.getByRole('link', { name: 'Prepare a batch' }).click();
    await page.getByLabel('Product').selectOption('lu177-psma617');
    expect(await page.getByLabel('Hot cell').inputValue()).toBe('HC-THERAPY');
    await page.getByLabel('Origin').selectOption('delivery');
    await page.getByLabel('Activity at calibration (MBq)').fill('20000');
    await page.getByLabel('Supplier lot').fill('PLU-BROWSER-1');
    await page.getByRole('button', { name: 'Create batch' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Batch LU177-\d{8}-\d{2}/);
    const batchNumber = (await page.getByTestId('batch-number').textContent())!.trim();

    // QC: the Pluvicto SmPC specification (appearance, pH 4.5–7.0, radiochemical purity ≥ 95 %).
    await page.getByLabel(/^Appearance/).selectOption('pass');
    await page.getByLabel('pH', { exact: true }).fill('5.4');
    await page.getByLabel('Radiochemical purity (%)').fill('98.5');
    await page.getByRole('button', { name: 'Record QC results' }).click();
    await expect.poll(() => page.getByTestId('qc-table').locator('tbody').textContent()).not.toMatch(/Not recorded/);

    // Release: the meaning is shown, the password re-entered.
    await expect.poll(() => page.locator('.rp-meaning').first().textContent()).toContain(`batch ${batchNumber}`);
    await page.getByLabel('Your password (signature)').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign and release' }).click();
    await page.getByTestId('release-signature').waitFor();
    expect(await page.getByTestId('release-signature').textContent()).toMatch(/matches the record/);

    // Dispense: find the patient by pseudonym; a syringe 20 % over the prescription is blocked.
    await page.getByLabel('Patient (search by pseudonym)').fill(patient.pseudonym);
    await page.getByRole('radio', { name: new RegExp(patient.pseudonym) }).check();
    await page.getByLabel('Prescribed activity at injection (MBq)').fill('7400');
    await page.getByLabel('Measured in the syringe (MBq)').fill('8900');
    await page.getByRole('button', { name: 'Dispense dose' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/±10 %/);
    await page.getByLabel(/override/i).waitFor();
    // Corrected: 7,420 MBq now is 7,404 MBq at the injection in 30 min (Lu-177, T½ 6.647 d): within ±10 %.
    await page.getByLabel('Measured in the syringe (MBq)').fill('7420');
    expect(await page.getByTestId('dose-preview').textContent()).toMatch(/within ±10 %/);
    await page.getByRole('button', { name: 'Dispense dose' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Dose dispensed' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('batch-doses').textContent()).toContain(patient.pseudonym);

    // The patient's page, Theranostics tab: the dose with its batch number.
    await page.goto(`${base}/patients/${patient.id}`);
    await page.getByRole('tab', { name: 'Theranostics' }).click();
    const doses = page.getByTestId('patient-doses');
    await doses.waitFor();
    await expect.poll(() => doses.textContent()).toContain(batchNumber);
    await doses.getByRole('link', { name: batchNumber }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain(batchNumber);
    await page.close();
  });
});
