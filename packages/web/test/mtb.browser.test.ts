/**
 * The Molecular Tumour Board in a real browser (Debian's Chromium via playwright-core) against
 * the real server on an embedded database with the seeded cohort and the MTB demo data (a queue
 * of recent reports; next week's meeting chaired by the `mtb` account with cases on its agenda).
 * Walks a case from the queue to a signed PDF: open the queue, open a case on the agenda, record
 * a recommendation on its most actionable alteration with the keyboard, sign with the password
 * (a wrong one first), download the PDF.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/demo';
import type { CaseView } from '../src/api/mtb';
import { signIn, startLivePlatform, type LivePlatform } from './helpers/live-platform';

describe('the MTB workflow in Chromium', () => {
  let live: LivePlatform;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    live = await startLivePlatform({ patients: 60, seed: 3 });
    ({ browser, base } = live);
  });

  afterAll(() => live?.close());

  it('walks an MTB case from the queue to a signed PDF (1280 px)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signIn(page, base, 'mtb');

    // The queue, from the navigation; then only the cases on an agenda.
    await page.getByRole('link', { name: 'Tumour board', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Molecular Tumour Board');
    expect(await page.getByRole('heading', { name: 'Upcoming meetings' }).count()).toBe(1);
    expect(await page.locator('.mtb-meetings li').first().textContent()).toMatch(/chair Dr Demo MTB member/);
    await page.getByLabel('Status', { exact: true }).selectOption('scheduled');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.url()).toContain('status=scheduled');
    const open = page.getByTestId('mtb-cases').getByRole('link', { name: /^Open the MTB case of / });
    await open.first().waitFor();
    expect(await open.count()).toBeGreaterThan(0);
    await open.first().click();

    // The case: summary, ranked alterations with evidence, trials and recommendations.
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^MTB case CTM-\d+/);
    const caseId = page.url().split('/mtb/cases/')[1]!;
    const before = (await (await page.request.get(`${base}/api/mtb/cases/${caseId}`)).json()) as CaseView;
    expect(before.status).toBe('scheduled');
    const cards = page.getByTestId('alteration');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(before.alterations.length);
    const first = before.alterations[0]!;
    const card = cards.first();
    expect(await card.getByRole('heading', { level: 3 }).textContent()).toContain(first.gene);
    expect(await card.textContent()).toContain(`ESCAT suggested ${first.escat.tier}`);
    expect(await card.getByRole('heading', { name: 'Evidence' }).count()).toBe(1);
    expect(await card.getByRole('heading', { name: 'Matching trials of this patient' }).count()).toBe(1);
    expect(await card.getByTestId('related-trial').count()).toBe(first.trials.length);
    // Not signable before a recommendation is recorded.
    expect(await page.getByRole('button', { name: 'Sign as chair…' }).isDisabled()).toBe(true);

    // A recommendation on the most actionable alteration, with the keyboard.
    await card.getByRole('button', { name: /^Add a recommendation on / }).click();
    const form = card.getByTestId('recommendation-form');
    await form.waitFor();
    const kind = form.getByLabel('Recommendation', { exact: true });
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await kind.selectOption('further-testing');
    await form.getByLabel('Test or note (optional)').fill('Orthogonal confirmation by ddPCR');
    await form.getByLabel('Rationale').fill('Confirm the variant on a fresh biopsy before any change of treatment.');
    expect(await form.getByLabel('ESCAT tier decided').inputValue()).toBe(first.escat.tier);
    const reason = form.getByLabel('Reason for the record (audit trail)');
    expect(await reason.inputValue()).toMatch(/Decision of the MTB meeting/);
    await reason.press('Enter');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Recommendation on .* recorded\./ })
          .count(),
      )
      .toBe(1);
    await card.getByTestId('recommendation').first().waitFor();
    expect(await card.getByTestId('recommendation').first().textContent()).toContain('Confirm the variant on a fresh biopsy');

    // The chair signs: meaning and hash shown; a wrong password is refused without ending the session.
    const sign = page.getByRole('button', { name: 'Sign as chair…' });
    await expect.poll(() => sign.isEnabled()).toBe(true);
    const toSign = (await (await page.request.get(`${base}/api/mtb/cases/${caseId}`)).json()) as CaseView;
    expect(toSign.status).toBe('discussed');
    await sign.click();
    const dialog = page.getByTestId('sign-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('signature-meaning').textContent()).toBe(toSign.signing.meaning);
    expect(await dialog.getByTestId('content-hash').textContent()).toBe(toSign.contentSha256);
    const password = dialog.getByLabel(/^Password of mtb/);
    await password.fill('not-my-password');
    await password.press('Enter');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/Wrong password: nothing was signed/);
    expect(page.url()).toContain(`/mtb/cases/${caseId}`);
    await password.fill(DEMO_PASSWORD);
    await password.press('Enter');

    // Signed and locked: the signature panel verifies, and the PDF downloads.
    const panel = page.getByTestId('signature');
    await panel.waitFor();
    expect(await panel.textContent()).toContain(toSign.contentSha256);
    expect(await panel.textContent()).toContain(toSign.signing.meaning);
    expect(await panel.getByTestId('verification').textContent()).toMatch(/^Verified/);
    expect(await page.locator('h1').textContent()).toMatch(/Signed/);
    expect(await page.getByRole('button', { name: /^Add a recommendation on / }).count()).toBe(0);

    const link = panel.getByTestId('pdf-link');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^MTB-CTM-\d+-\d{4}-\d{2}-\d{2}\.pdf$/);
    const saved = await download.path();
    expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const res = await page.request.get(`${base}${await link.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
  });
});
