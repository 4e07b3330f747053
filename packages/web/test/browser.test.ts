/**
 * The web app in a real browser: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), against the real server on an embedded database with a seeded cohort.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/demo';
import { signIn, startLivePlatform, type LivePlatform } from './helpers/live-platform';

describe('web app in Chromium', () => {
  let live: LivePlatform;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    live = await startLivePlatform({ patients: 40, seed: 3 });
    ({ browser, base } = live);
  });

  afterAll(() => live?.close());

  it('signs in, opens a patient with its timeline, and a trial with its cohorts (1280 px)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, base, 'investigator');
    await page
      .getByRole('link', { name: /patients/i })
      .first()
      .click();
    const firstPatient = page.getByRole('link', { name: /^CTM-\d+$/ }).first();
    await firstPatient.waitFor();
    const pseudonym = (await firstPatient.textContent())!.trim();
    await firstPatient.click();
    await expect.poll(() => page.locator('h1').textContent()).toContain(pseudonym);
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    expect(await timeline.locator('li').count()).toBeGreaterThan(2);

    await page
      .getByRole('link', { name: /trials/i })
      .first()
      .click();
    const firstTrial = page.getByRole('link', { name: /^[A-Z0-9][A-Z0-9-]+$/ }).first();
    await firstTrial.waitFor();
    const protocol = (await firstTrial.textContent())!.trim();
    await firstTrial.click();
    await expect.poll(() => page.locator('h1').textContent()).toContain(protocol);
    const arms = page.getByTestId('arms');
    await arms.waitFor();
    expect(await arms.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('shows a sign-in error for a wrong password, and works on a tablet-width screen', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    await page.goto(`${base}/signin`);
    await page.getByLabel(/username/i).fill('coordinator');
    await page.getByLabel(/password/i).fill('not-the-password');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/wrong password|unknown username/i);
    await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page
      .getByRole('link', { name: /patients/i })
      .first()
      .click();
    await page
      .getByRole('link', { name: /^CTM-\d+$/ })
      .first()
      .waitFor();
    // Nothing wider than the screen: tables scroll inside their own container.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.close();
  });
});
