/**
 * Trial matching in a real browser: Debian's Chromium driven by playwright-core, against the
 * real server on an embedded database whose seeded cohort is matched against the catalogue's
 * criteria. A patient's Trials tab and a trial's Candidates tab each explain a match
 * criterion by criterion; the criteria editor saves a change.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startLivePlatform, type LivePlatform } from './helpers/live-platform';
import type { CandidateView, ExplanationNode, MatchView, Page as ListPage, PatientSummary } from '../src/api/types';

/** Leaves of an explanation, depth first. */
function leaves(n: ExplanationNode): ExplanationNode[] {
  return n.children?.length ? n.children.flatMap(leaves) : [n];
}

describe('trial matching in Chromium', () => {
  let live: LivePlatform;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    live = await startLivePlatform({ patients: 60, seed: 3 });
    ({ browser, base } = live);
  });

  afterAll(() => live?.close());

  /** Through the signed-in browser's own session: a patient whose best match cites a fact of the record. */
  async function patientWithMatches(page: Page): Promise<{ patient: PatientSummary; matches: MatchView[]; cites: boolean }> {
    const list = (await (await page.request.get(`${base}/api/patients?pageSize=100`)).json()) as ListPage<PatientSummary>;
    let fallback: { patient: PatientSummary; matches: MatchView[]; cites: boolean } | undefined;
    for (const patient of list.items) {
      const { items } = (await (await page.request.get(`${base}/api/patients/${patient.id}/matches`)).json()) as { items: MatchView[] };
      if (items.length === 0) continue;
      fallback ??= { patient, matches: items, cites: false };
      if (leaves(items[0]!.explanation).some((l) => l.evidence.some((e) => e.refId && ['ecog', 'labs', 'diagnoses'].includes(e.field)))) {
        return { patient, matches: items, cites: true };
      }
    }
    if (!fallback) throw new Error('no seeded patient has a trial match');
    return fallback;
  }

  it("explains a patient's matches on the Trials tab, links to the evidence, and a trial's candidates (1280 px)", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, base, 'investigator');
    const { patient, matches, cites } = await patientWithMatches(page);
    expect(matches.some((m) => m.isNew)).toBe(true);
    const first = matches[0]!;

    await page.goto(`${base}/patients/${patient.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain(patient.pseudonym);
    await page.getByRole('tab', { name: 'Trials' }).click();
    const cards = page.getByTestId('match');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(matches.length);
    const card = cards.first();
    expect(await card.textContent()).toContain(first.protocolNumber);
    expect(await card.textContent()).toContain(first.levelLabel);
    // Status in words, not colour alone.
    expect(await card.textContent()).toMatch(first.status === 'eligible' ? /Eligible/ : /Potentially eligible/);
    expect(await card.textContent()).toMatch(/(Low|Medium|High) risk/);
    if (first.isNew) expect(await card.getByTestId('new-badge').count()).toBe(1);

    // Keyboard: the explanation opens with Enter on its button.
    const toggle = card.getByRole('button', { name: /explanation for/i });
    expect(await toggle.textContent()).toMatch(/Show explanation/);
    await toggle.focus();
    await page.keyboard.press('Enter');
    const explanation = card.getByTestId('explanation');
    await explanation.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const text = (await explanation.textContent())!;
    const leaf = leaves(first.explanation)[0]!;
    expect(text).toContain(leaf.reason);
    expect(text).toMatch(/\b(Met|Unknown)\b/);
    expect(await explanation.locator('[data-truth="met"], [data-truth="unknown"]').count()).toBeGreaterThan(0);
    expect(await card.getByRole('heading', { name: 'What to verify' }).count()).toBe(1);

    // While the tab is open the server still says what is new (the badges stay for this visit).
    const during = (await (await page.request.get(`${base}/api/patients/${patient.id}/matches`)).json()) as { items: MatchView[] };
    expect(during.items.filter((m) => m.isNew).length).toBe(matches.filter((m) => m.isNew).length);

    // An evidence link opens the fact's tab with its row in view and focused.
    const evidence = explanation.locator('a.evidence-link').first();
    // The best match cites an ECOG, lab or diagnosis row of the record: it must be a link.
    if (cites) expect(await evidence.count()).toBe(1);
    const linked = (await evidence.count()) > 0;
    if (linked) {
      await evidence.click();
      await expect.poll(() => page.url()).toMatch(/[?&]tab=\w+.*#fact-/);
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('fact-target') ?? false)).toBe(true);
    } else {
      await page.getByRole('tab', { name: 'Timeline' }).click();
    }

    // Having viewed the Trials tab and left it, the matches are seen: no longer new on the next visit.
    await expect
      .poll(async () => {
        const again = (await (await page.request.get(`${base}/api/patients/${patient.id}/matches`)).json()) as { items: MatchView[] };
        return again.items.filter((m) => m.isNew).length;
      })
      .toBe(0);
    // Back (or the tab again) returns to the Trials tab with the same match open.
    if (linked) await page.goBack();
    else await page.getByRole('tab', { name: 'Trials' }).click();
    await card.getByTestId('explanation').waitFor();
    expect(await card.getByTestId('new-badge').count()).toBe(0);

    // The trial of that match: its Candidates tab explains a candidate the same way.
    await card.getByRole('link', { name: first.protocolNumber }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain(first.protocolNumber);
    await page.getByRole('tab', { name: 'Candidates' }).click();
    const table = page.getByTestId('candidates');
    await table.locator('tbody tr th a').first().waitFor();
    const candidates = (await (
      await page.request.get(`${base}/api/trials/${first.trialId}/candidates?pageSize=25`)
    ).json()) as ListPage<CandidateView>;
    expect(candidates.total).toBeGreaterThan(0);
    const top = candidates.items[0]!;
    expect(await table.locator('tbody tr').first().textContent()).toContain(top.pseudonym);
    const explain = table
      .locator('tbody tr')
      .first()
      .getByRole('button', { name: /^Explain for / });
    expect(await explain.getAttribute('aria-label')).toBeNull(); // named by its text, pseudonym and level included
    expect(await explain.textContent()).toContain(`${top.pseudonym}, ${top.levelLabel}`);
    await explain.click();
    const candidateExplanation = table.getByTestId('explanation');
    await candidateExplanation.waitFor();
    expect(await candidateExplanation.textContent()).toContain(leaves(top.explanation)[0]!.reason);
    expect(await candidateExplanation.locator('[data-truth]').count()).toBeGreaterThan(0);
    // Leaving the Candidates tab after viewing it marks the trial's candidates seen.
    expect(candidates.items.some((c) => c.isNew)).toBe(true);
    await page.getByRole('tab', { name: 'Arms and cohorts' }).click();
    await expect
      .poll(async () => {
        const fresh = (await (
          await page.request.get(`${base}/api/trials/${first.trialId}/candidates?newOnly=true`)
        ).json()) as ListPage<CandidateView>;
        return fresh.total;
      })
      .toBe(0);
    await page.close();
  });

  it('builds a criterion without CTML, shows it in the CTML preview and saves it (coordinator)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, base, 'coordinator');
    const { matches } = await patientWithMatches(page);
    await page.goto(`${base}/trials/${matches[0]!.trialId}`);
    await page.getByRole('tab', { name: 'Eligibility criteria' }).click();
    await page.getByTestId('criteria-editor').waitFor();
    const add = page.getByLabel(/^Add to this “All of \(and\)” group/).first();
    await add.selectOption('freeText');
    await add.press('Enter');
    await page
      .getByLabel(/^Protocol text/)
      .last()
      .fill('No major surgery within 4 weeks');
    await expect.poll(() => page.getByTestId('ctml-preview').textContent()).toContain('No major surgery within 4 weeks');
    await page.getByLabel(/Reason for the change/).fill('Amendment 2: surgery washout');
    await page.getByRole('button', { name: 'Save criteria' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Criteria saved as version/ })
          .count(),
      )
      .toBe(1);
    await page.close();
  });

  it('reads at tablet width: the Trials and Candidates tabs stay inside the screen (800 px)', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    await signIn(page, base, 'mtb');
    const { patient, matches } = await patientWithMatches(page);
    await page.goto(`${base}/patients/${patient.id}?tab=trials`);
    await page
      .getByTestId('match')
      .first()
      .getByRole('button', { name: /show explanation/i })
      .click();
    await page.getByTestId('explanation').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await page.goto(`${base}/trials/${matches[0]!.trialId}?tab=candidates`);
    await page.getByTestId('candidates').locator('tbody tr th a').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await page.close();
  });
});
