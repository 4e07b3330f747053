import { describe, expect, it } from 'vitest';
import {
  BookingCalendar,
  checkBooking,
  ga68DecayHoldMin,
  ga68NeededAtEndOfSynthesis,
  ga68PreparationWindow,
  GA68_HALF_LIFE_MIN,
  type Booking,
  type BookingRequest,
} from '../../src/operations/scheduling/index';
import { activityAt, mbq } from '../../src/nucmed/index';
import { at, booking, PRODUCTS, request, RESOURCE_MAP } from './fixtures';

const context = (bookings: Booking[]) => ({ resources: RESOURCE_MAP, products: PRODUCTS, lookup: new BookingCalendar(bookings) });
const check = (r: BookingRequest, bookings: Booking[] = []) => checkBooking(r, context(bookings));

// Monday 2 June 2025, CEST (UTC+2).
const day = (hhmm: string) => at(`2025-06-02T${hhmm}:00+02:00`);

describe('conflicts are refused with their reason', () => {
  const existing = booking({
    resourceId: 'PET-1',
    kind: 'pet-scan',
    patientId: 'p1',
    productId: 'f18-fdg',
    startsAtMs: day('09:00'),
    endsAtMs: day('09:20'),
  });

  it('one booking at a time on a resource: names the booking in the way', () => {
    const r = check(
      request({
        resourceId: 'PET-1',
        kind: 'pet-scan',
        patientId: 'p2',
        productId: 'f18-fdg',
        startsAtMs: day('09:10'),
        endsAtMs: day('09:30'),
      }),
      [existing],
    );
    expect(r.ok).toBe(false);
    expect(r.conflicts).toEqual([
      {
        code: 'resource-overlap',
        field: 'startsAt',
        resourceId: 'PET-1',
        bookingId: existing.id,
        reason: `PET-1 is taken 2025-06-02 09:00–09:20 by pet-scan booking ${existing.id}`,
      },
    ]);
    // Back to back is fine.
    expect(
      check(
        request({
          resourceId: 'PET-1',
          kind: 'pet-scan',
          patientId: 'p2',
          productId: 'f18-fdg',
          startsAtMs: day('09:20'),
          endsAtMs: day('09:40'),
        }),
        [existing],
      ).ok,
    ).toBe(true);
  });

  it('a patient in one place at a time, except imaging during their own therapy stay', () => {
    const r = check(
      request({
        resourceId: 'GC-1',
        kind: 'scintigraphy',
        patientId: 'p1',
        productId: 'tc99m-mdp',
        startsAtMs: day('09:15'),
        endsAtMs: day('09:45'),
      }),
      [existing],
    );
    expect(r.conflicts.map((c) => c.code)).toEqual(['patient-double-booked']);
    expect(r.conflicts[0]).toMatchObject({ resourceId: 'PET-1', bookingId: existing.id, field: 'patientId' });
    expect(r.conflicts[0]!.reason).toMatch(/already booked 2025-06-02 09:00–09:20 on PET-1/);

    const stay = booking({
      resourceId: 'ROOM-1',
      kind: 'therapy-admission',
      patientId: 'p3',
      productId: 'lu177-psma617',
      startsAtMs: day('08:00'),
      endsAtMs: at('2025-06-03T10:00:00+02:00'),
    });
    // The post-therapy SPECT/CT at about 24 h, on a gamma camera, while the patient is admitted.
    const spect = request({
      resourceId: 'GC-2',
      kind: 'scintigraphy',
      patientId: 'p3',
      productId: 'lu177-psma617',
      startsAtMs: at('2025-06-03T08:30:00+02:00'),
      endsAtMs: at('2025-06-03T09:00:00+02:00'),
    });
    expect(check(spect, [stay]).ok).toBe(true);
  });

  it('a therapy admission needs a shielded room for the stay', () => {
    const r = check(
      request({
        resourceId: 'GC-1',
        kind: 'therapy-admission',
        patientId: 'p4',
        productId: 'lu177-psma617',
        startsAtMs: day('09:00'),
        endsAtMs: day('17:00'),
      }),
    );
    expect(r.conflicts.map((c) => c.code)).toEqual(['needs-shielded-room']);
    expect(r.conflicts[0]!.reason).toBe("a therapy admission needs a shielded room for the patient's stay; GC-1 is a gamma camera");
  });

  it('a preparation goes to a hot cell of the product class; outside opening hours is refused', () => {
    const wrongCell = check(
      request({
        resourceId: 'RES-HC-PET',
        kind: 'preparation',
        productId: 'lu177-psma617',
        startsAtMs: day('08:00'),
        endsAtMs: day('09:00'),
      }),
    );
    expect(wrongCell.conflicts.map((c) => c.code)).toEqual(['hot-cell-class']);
    const evening = check(
      request({
        resourceId: 'RES-HC-THERAPY',
        kind: 'preparation',
        productId: 'lu177-psma617',
        startsAtMs: day('17:00'),
        endsAtMs: day('18:00'),
      }),
    );
    expect(evening.conflicts.map((c) => c.code)).toEqual(['outside-opening-hours']);
    expect(evening.conflicts[0]!.reason).toMatch(
      /^RES-HC-THERAPY: 2025-06-02 17:00–18:00 is outside opening hours \(2025-06-02: open 07:30–17:00/,
    );
  });
});

describe('the Ga-68 same-day preparation window (Ga-68 T½ 67.71 min, ICRP-107)', () => {
  it('derives the hold from decay and shelf life', () => {
    expect(GA68_HALF_LIFE_MIN).toBe(67.71);
    // Independently: a 150 MBq prescription (about 2 MBq/kg for 75 kg) drawn from 1,000 MBq at
    // end of synthesis is met for T½·log2(1000/150) minutes after it.
    const expectedHold = 67.71 * Math.log2(1000 / 150);
    expect(expectedHold).toBeCloseTo(185.32, 2);
    expect(ga68DecayHoldMin(1000, 150)).toBeCloseTo(expectedHold, 9);
    const injection = day('10:00');
    const w = ga68PreparationWindow({
      injectionAtMs: injection,
      shelfLifeMin: 360,
      prescribedMBq: 150,
      endOfSynthesisMBq: 1000,
      preparationMin: 45,
    });
    expect(w.limitedBy).toBe('decay');
    expect(w.maxHoldMin).toBeCloseTo(expectedHold, 9);
    expect(w.latestStartMs).toBe(day('09:15'));
    expect(w.earliestStartMs).toBeCloseTo(injection - (expectedHold + 45) * 60_000, 0);
    // A preparation ending at the earliest end still gives exactly the prescription at injection.
    expect(w.activityAtInjectionFromEarliestMBq).toBeCloseTo(150, 9);
    expect(activityAt(mbq(1000), 'Ga-68', w.maxHoldMin / 60)).toBeCloseTo(150, 9);
    // With a rich elution the shelf life (DOTATOC, 4 h) is the tighter bound.
    const rich = ga68PreparationWindow({
      injectionAtMs: injection,
      shelfLifeMin: 240,
      prescribedMBq: 150,
      endOfSynthesisMBq: 2000,
      preparationMin: 45,
    });
    expect(rich.limitedBy).toBe('shelf-life');
    expect(rich.maxHoldMin).toBe(240);
    // What must be there at EOS for 150 MBq one half-life later: 300 MBq.
    expect(ga68NeededAtEndOfSynthesis(150, 67.71)).toBeCloseTo(300, 9);
  });

  const prep = booking({
    resourceId: 'RES-HC-GA68',
    kind: 'preparation',
    productId: 'ga68-psma11',
    startsAtMs: day('08:00'),
    endsAtMs: day('08:45'),
    activityMBq: 1000,
  });
  // PSMA PET: injection 60 min before the acquisition (EANM/SNMMI guideline, Fendler et al. 2023).
  const pet = (scan: string, patientId: string, extra: Partial<BookingRequest> = {}) =>
    request({
      resourceId: 'PET-2',
      kind: 'pet-scan',
      patientId,
      productId: 'ga68-psma11',
      activityMBq: 150,
      startsAtMs: day(scan),
      endsAtMs: day(scan) + 20 * 60_000,
      ...extra,
    });

  it('refuses a Ga-68 PET with no same-day preparation slot, and says which slot to book', () => {
    const r = check(pet('10:00', 'p1'));
    expect(r.ok).toBe(false);
    expect(r.conflicts.map((c) => c.code)).toEqual(['ga68-preparation']);
    const reason = r.conflicts[0]!.reason;
    expect(reason).toMatch(/needs a same-day preparation slot in the Ga-68 hot cell: none is booked on 2025-06-02/);
    // Injection 09:00; PSMA-11 shelf life 6 h → EOS between 03:00 and 09:00, labelling from 02:15 to 08:15.
    expect(reason).toMatch(/ending between 03:00 and 09:00 \(labelling starting between 02:15 and 08:15/);
  });

  it('links the PET to a same-day preparation that ends before injection', () => {
    const r = check(pet('10:00', 'p1'), [prep]);
    expect(r.ok).toBe(true);
    expect(r.preparationId).toBe(prep.id);
    // A preparation ending after the injection does not serve.
    const late = check(pet('09:30', 'p1'), [prep]);
    expect(late.ok).toBe(false);
    expect(late.conflicts[0]!.reason).toMatch(new RegExp(`preparation ${prep.id} ends at 08:45, after the injection`));
  });

  it('shares a preparation while its activity lasts: Σ A_i·2^(hold_i/T½) at end of synthesis', () => {
    const scans = ['09:45', '10:05', '10:25', '10:45'];
    const linked = scans.map((s, i) => booking({ ...pet(s, `q${i}`), preparationId: prep.id }));
    const need = (scan: string) => 150 * 2 ** ((day(scan) - 60 * 60_000 - day('08:45')) / 60_000 / 67.71);
    const used = scans.reduce((s, x) => s + need(x), 0);
    expect(used).toBeLessThan(1000);
    expect(used + need('11:05')).toBeGreaterThan(1000);
    const fifth = check(pet('11:05', 'q9', { preparationId: prep.id }), [prep, ...linked]);
    expect(fifth.ok).toBe(false);
    expect(fifth.conflicts[0]!.reason).toContain(
      `preparation ${prep.id} yields 1000 MBq at end of synthesis; its 5 patient(s) need ${Math.round(used + need('11:05'))} MBq then`,
    );
    // Without the others it fits.
    expect(check(pet('11:05', 'q9', { preparationId: prep.id }), [prep]).ok).toBe(true);
  });

  it('does not take a preparation of another product or from another cell', () => {
    const dotatoc = booking({ ...prep, id: 'dotatoc-prep', productId: 'ga68-dotatoc' });
    expect(check(pet('10:00', 'p1'), [dotatoc]).ok).toBe(false);
    expect(check(pet('10:00', 'p1', { preparationId: 'nope' }), [prep]).conflicts[0]!.reason).toMatch(
      /preparation nope is not a same-day ga68-psma11 preparation/,
    );
  });
});
