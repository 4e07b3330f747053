/**
 * Scheduling in a real browser (Debian's Chromium via playwright-core) against the real server
 * with the demo data: the department's calendar for a day of the demo week, walked with the
 * keyboard; a booking on a taken slot refused with its reason; and, on the theranostics demo
 * patient's page, the fourth [177Lu]Lu-PSMA-617 cycle flagged — before it is scheduled — as
 * crossing the kidney BED limit, with the numbers.
 */
import { addDays, toLocal } from '@continuum/core/operations/scheduling/department-time';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Calendar, CourseView } from '../src/api/scheduling';
import { signIn, startLivePlatform, type LivePlatform } from './helpers/live-platform';

describe('scheduling in Chromium', () => {
  let live: LivePlatform;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    live = await startLivePlatform({ patients: 120, seed: 5 });
    ({ browser, base } = live);
  });
  afterAll(() => live?.close());

  /** The first weekday from today on (the demo books the working days around now, Paris time). */
  function demoDay(): string {
    let d = toLocal(Date.now()).date;
    while (toLocal(Date.parse(`${d}T12:00:00Z`)).weekday > 5) d = addDays(d, 1);
    return d;
  }

  it('shows the day calendar, walks it with the keyboard, and refuses a booking on a taken slot with the reason', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, base, 'coordinator');
    const day = demoDay();
    await page.getByRole('link', { name: 'Scheduling' }).click();
    await page.goto(`${base}/scheduling?date=${day}&kind=pet-scanner`);
    const calendar = page.getByTestId('resource-calendar');
    await calendar.waitFor();
    expect(await calendar.getAttribute('aria-label')).toBe(`Calendar of ${day}, one column per resource`);
    const api = (await (
      await page.request.get(`${base}/api/scheduling/calendar?from=${day}&to=${day}&kind=pet-scanner`)
    ).json()) as Calendar;
    const pet1 = api.resources.find((r) => r.id === 'PET-1')!;
    expect(pet1.bookings.length).toBeGreaterThan(10);

    // Keyboard: the first PET-1 booking, then ↓ to the next in the column, → across to PET-2.
    const first = calendar.locator('button[data-col="0"][data-idx="0"]');
    await first.focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-idx'))).toBe('1');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-col'))).toBe('1');
    await page.keyboard.press('Enter');
    await page.getByTestId('booking-details').waitFor();

    // Book PET-1 on the time of its first booking: refused, and the reason names that booking.
    const taken = pet1.bookings[0]!;
    const hhmm = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(taken.startsAt));
    const form = page.getByTestId('booking-form');
    await form.getByLabel('Resource').selectOption('PET-1');
    const pseudonym = (await (await page.request.get(`${base}/api/patients?pageSize=1&page=50`)).json()).items[0].pseudonym as string;
    await form.getByLabel('Patient pseudonym').fill(pseudonym);
    await form.getByLabel('Radiopharmaceutical').selectOption('f18-fdg');
    await form.getByLabel('Date').fill(day);
    await form.getByLabel('Start (Paris time)').fill(hhmm);
    await form.getByRole('button', { name: 'Book' }).click();
    const problem = page.getByTestId('scheduling-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain(`PET-1 is taken ${day} ${hhmm}`);
    expect(await problem.textContent()).toContain(taken.id);
    await page.close();
  });

  it("flags the 4th cycle that would cross the kidney BED limit on the patient's page, before it is scheduled", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, base, 'investigator');
    // The theranostics demo's patient: three administered cycles with dosimetry.
    const { rows } = await live.db.query<{ patient_id: string }>('select distinct patient_id from dosimetry_study');
    expect(rows.length).toBeGreaterThan(0);
    const patientId = rows[0]!.patient_id;
    const courses = (await (await page.request.get(`${base}/api/scheduling/patients/${patientId}/courses`)).json()) as {
      items: CourseView[];
    };
    const fourth = courses.items.flatMap((c) => c.cycles).find((c) => c.cycleNumber === 4)!;
    expect(fourth.limitCheck?.verdict).toBe('exceeds');
    const bed = fourth.limitCheck!.checks.find((c) => c.organ === 'kidneys' && c.quantity === 'bed')!;

    await page.goto(`${base}/patients/${patientId}?tab=theranostics`);
    const row = page.getByTestId('patient-cycles').getByTestId('cycle-4');
    await row.waitFor();
    expect(await row.getByTestId('limit-exceeds').textContent()).toContain('Would cross a limit');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(`Kidneys BED: ${bed.cumulativeGy.toFixed(2)} Gy so far`);
    expect(text).toContain(`${bed.projectedGy!.toFixed(2)} Gy > ${bed.limitGy} Gy limit`);
    expect(text).toMatch(/largest activity within/);

    await row.getByRole('button', { name: /Schedule/ }).click();
    const form = page.getByTestId('schedule-cycle-form');
    await form.waitFor();
    await form.getByTestId('limit-exceeds').waitFor();
    expect(await form.getByLabel(/Override reason/).isEnabled()).toBe(true);
    await page.close();
  });
});
