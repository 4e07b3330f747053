/**
 * Genomics over time in a real browser (Debian's Chromium via playwright-core) against the real
 * server on an embedded database with a seeded cohort: a patient with three or more ctDNA samples
 * shows a VAF chart on a log scale with a point per sample for every plotted alteration, the
 * tumour-fraction trend and the table fallback; the resistance atlas opens the cases behind a
 * count, and the MTB reviews one of them from the patient's tab.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenomicTimeline, ResistanceAtlas } from '../src/api/genomics';
import { signIn, startLivePlatform, type LivePlatform } from './helpers/live-platform';

describe('genomics over time in Chromium', () => {
  let live: LivePlatform;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    live = await startLivePlatform({ patients: 60, seed: 3 });
    ({ browser, base } = live);
  });
  afterAll(() => live?.close());

  it('draws the VAF of a patient with ≥ 3 ctDNA samples on a log scale, ≥ 3 points per plotted alteration', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, base, 'investigator');
    const { rows } = await live.db.query<{ patient_id: string }>(
      `select patient_id from molecular_report where specimen = 'ctdna' group by patient_id having count(*) >= 3 order by patient_id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    // Through the browser's own session: the first of them with an alteration seen in three plasma samples.
    let chosen: GenomicTimeline | undefined;
    for (const { patient_id } of rows) {
      const t = (await (await page.request.get(`${base}/api/patients/${patient_id}/genomic-timeline`)).json()) as GenomicTimeline;
      if (t.series.some((s) => s.points.filter((p) => p.specimen === 'ctdna' && p.vaf !== undefined).length >= 3)) {
        chosen = t;
        break;
      }
    }
    expect(chosen).toBeDefined();
    const t = chosen!;

    await page.goto(`${base}/patients/${t.patient.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain(t.patient.pseudonym);
    await page.getByRole('tab', { name: 'Genomics over time' }).click();
    const chart = page.getByTestId('vaf-chart');
    await chart.waitFor();
    expect(await page.url()).toContain('tab=genomics-over-time');

    // A log axis: one tick per decade, each ten times the one below.
    const axis = chart.getByTestId('vaf-axis');
    expect(await axis.getAttribute('data-scale')).toBe('log');
    const ticks = (await axis.locator('text[data-tick]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-tick'))))).sort(
      (a, b) => a - b,
    );
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]! / ticks[i - 1]!).toBeCloseTo(10, 6);
    expect(ticks[ticks.length - 1]).toBe(1);
    // Higher VAF is drawn higher: the y of the 10 % tick is above the 1 % tick.
    const yOf = (tick: number) => axis.locator(`text[data-tick="${tick}"]`).getAttribute('y').then(Number);
    expect(await yOf(0.1)).toBeLessThan(await yOf(0.01));

    // One line per plotted alteration, a point per sample for each; ≥ 3 ctDNA points.
    const points = await chart.getByTestId('vaf-point').evaluateAll((els) =>
      els.map((e) => ({
        series: e.getAttribute('data-series')!,
        state: e.getAttribute('data-state')!,
        specimen: e.getAttribute('data-specimen')!,
        vaf: e.getAttribute('data-vaf')!,
      })),
    );
    const plotted = t.series.filter((s) => s.points.some((p) => p.vaf !== undefined));
    const bySeries = new Map<string, typeof points>();
    for (const p of points) bySeries.set(p.series, [...(bySeries.get(p.series) ?? []), p]);
    expect([...bySeries.keys()].sort()).toEqual(plotted.map((s) => s.key).sort());
    for (const [, ps] of bySeries) {
      expect(ps.length).toBe(t.samples.length);
      expect(ps.filter((p) => p.specimen === 'ctdna').length).toBeGreaterThanOrEqual(3);
    }
    const best = [...bySeries.values()].map((ps) => ps.filter((p) => p.specimen === 'ctdna' && p.state === 'detected' && p.vaf !== ''));
    expect(Math.max(...best.map((b) => b.length))).toBeGreaterThanOrEqual(3);
    // Each detected point carries its VAF as stored.
    const first = plotted[0]!;
    expect(bySeries.get(first.key)!.map((p) => (p.vaf === '' ? undefined : Number(p.vaf)))).toEqual(first.points.map((p) => p.vaf));
    expect(await chart.locator('[data-testid="vaf-point"] title').first().textContent()).toMatch(/ — (ctDNA|tissue) \d{4}-\d{2}-\d{2}: /);

    // Lines of therapy along the time axis; the legend; the tumour fraction trend; the table.
    expect(await chart.getByTestId('therapy-lane').locator('[data-line]').count()).toBe(t.lines.length);
    expect(await page.getByRole('button', { name: first.label }).getAttribute('aria-pressed')).toBe('true');
    const tf = t.samples.filter((s) => s.specimen === 'ctdna' && s.tumourFraction !== undefined);
    expect(await page.getByTestId('tf-chart').getByTestId('tf-point').count()).toBe(tf.length);
    await page.getByText('Every value as a table').click();
    const table = page.getByTestId('vaf-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(t.series.length + 1);
    expect(await table.locator('thead th').count()).toBe(t.samples.length + 1);

    // Hiding an alteration from the legend removes its points.
    await page.getByRole('button', { name: first.label }).click();
    await expect.poll(() => chart.locator(`[data-testid="vaf-point"][data-series="${first.key}"]`).count()).toBe(0);
    await page.close();
  });

  it('opens the cases behind an atlas count, and the MTB reviews one from the patient tab', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, base, 'mtb');
    await page.getByRole('link', { name: 'Resistance atlas' }).click();
    const table = page.getByTestId('atlas-table');
    await table.waitFor();
    const api = (await (await page.request.get(`${base}/api/genomics/resistance-atlas`)).json()) as ResistanceAtlas;
    expect(api.total).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').count()).toBe(api.rows.length);
    expect(await page.getByTestId('atlas-summary').textContent()).toContain(`${api.total} acquired alterations`);

    const count = table.getByTestId('atlas-count').first();
    const n = Number(await count.getAttribute('data-count'));
    await count.click();
    expect(await count.getAttribute('aria-pressed')).toBe('true');
    const cases = page.getByTestId('atlas-case-table');
    await expect.poll(() => cases.locator('tbody tr').count()).toBe(n);
    const statusText = await cases.locator('tbody tr').first().getByTestId('review-status').textContent();
    expect(statusText).toBe('Needs review');
    const pseudonym = (await cases.locator('tbody tr th a').first().textContent())!;
    const alteration = (await cases.locator('tbody tr').first().locator('td').nth(1).textContent())!;

    // Drill through to the patient: the tab opens on the acquired alteration, "needs review".
    await cases.locator('tbody tr th a').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toContain(pseudonym);
    const row = page.getByTestId('acquired').locator('tbody tr', { hasText: alteration }).first();
    await row.waitFor();
    expect(await row.getByTestId('review-status').textContent()).toBe('Needs review');
    await row.getByRole('button', { name: /^Review / }).click();
    const form = page.getByTestId('review-form');
    await form.waitFor();
    // Keyboard-usable, labelled fields: reject without a note is refused in place.
    await form.getByLabel(/Reject/).check();
    await form.getByRole('button', { name: 'Save review' }).click();
    await expect.poll(() => form.getByText(/Say why/).count()).toBe(1);
    await form.getByLabel(/Confirm as a resistance mechanism/).check();
    await form.getByLabel('Mechanism as confirmed').selectOption('bypass');
    await form.getByLabel(/Note/).fill('Confirmed at the MTB of 2026-11-02 on the re-biopsy');
    await form.getByRole('button', { name: 'Save review' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'classification confirmed' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('review-status').filter({ hasText: 'Confirmed' }).count()).toBeGreaterThan(0);
    const audit = await live.db.query<{ n: number }>(
      `select count(*)::int n from audit_log where entity_type = 'resistance_review' and actor_username = 'mtb'`,
    );
    expect(audit.rows[0]!.n).toBe(1);
    await page.close();
  });

  it('does not offer the review to roles that may only read', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, base, 'coordinator');
    const api = (await (await page.request.get(`${base}/api/genomics/resistance-atlas`)).json()) as ResistanceAtlas;
    await page.goto(`${base}/patients/${api.cases[0]!.patientId}?tab=genomics-over-time`);
    await page.getByTestId('acquired').first().waitFor();
    expect(await page.getByRole('button', { name: /^Review / }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Review' }).count()).toBe(0);
    await page.close();
  });
});
