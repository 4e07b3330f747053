import { describe, expect, it } from 'vitest';
import {
  BookingCalendar,
  findNextSlot,
  localToInstant,
  ScanLookup,
  checkBooking,
  utilisationByMonth,
  type Booking,
} from '../../src/operations/scheduling/index';
import { at, booking, PRODUCTS, request, RESOURCE_MAP, RESOURCES } from './fixtures';

const pets = RESOURCES.filter((r) => r.kind === 'pet-scanner');

describe('the slot finder', () => {
  it('finds the first gap on any resource of the kind, inside opening hours', () => {
    // Friday 6 June 2025 18:45 local: too late for a 30-min scan before 19:00; Monday 07:30 is next.
    const friday = at('2025-06-06T18:45:00+02:00');
    const slot = findNextSlot({ resources: pets, durationMin: 30, notBeforeMs: friday, lookup: new BookingCalendar() });
    expect(slot).toEqual({ resourceId: 'PET-1', startsAtMs: at('2025-06-09T07:30:00+02:00'), endsAtMs: at('2025-06-09T08:00:00+02:00') });
  });

  it('skips bookings in the way and the patient’s other bookings', () => {
    const t = (hhmm: string) => at(`2025-06-09T${hhmm}:00+02:00`);
    const cal = new BookingCalendar([
      booking({ resourceId: 'PET-1', kind: 'pet-scan', startsAtMs: t('07:30'), endsAtMs: t('08:10') }),
      booking({ resourceId: 'PET-2', kind: 'pet-scan', startsAtMs: t('07:30'), endsAtMs: t('08:00') }),
      booking({ resourceId: 'GC-1', kind: 'scintigraphy', patientId: 'p1', startsAtMs: t('08:00'), endsAtMs: t('09:00') }),
    ]);
    expect(findNextSlot({ resources: pets, durationMin: 20, notBeforeMs: t('07:00'), lookup: cal })).toMatchObject({
      resourceId: 'PET-2',
      startsAtMs: t('08:00'),
    });
    expect(findNextSlot({ resources: pets, durationMin: 20, notBeforeMs: t('07:00'), lookup: cal, patientId: 'p1' })).toMatchObject({
      resourceId: 'PET-1',
      startsAtMs: t('09:00'),
    });
  });
});

describe('utilisation per resource and month', () => {
  it('divides booked minutes by open minutes, in local months', () => {
    // June 2025 has 21 weekdays: PET-1 is open 21 × 11.5 h = 14,490 min.
    const bookings = [
      booking({
        resourceId: 'PET-1',
        kind: 'pet-scan',
        startsAtMs: at('2025-06-02T08:00:00+02:00'),
        endsAtMs: at('2025-06-02T09:00:00+02:00'),
      }),
      booking({
        resourceId: 'PET-1',
        kind: 'pet-scan',
        startsAtMs: at('2025-06-30T18:30:00+02:00'),
        endsAtMs: at('2025-06-30T19:00:00+02:00'),
      }),
      // A shielded-room stay from 30 June to 1 July splits across the months at local midnight.
      booking({
        resourceId: 'ROOM-1',
        kind: 'therapy-admission',
        startsAtMs: at('2025-06-30T12:00:00+02:00'),
        endsAtMs: at('2025-07-01T12:00:00+02:00'),
      }),
    ];
    const u = utilisationByMonth({
      resources: [RESOURCE_MAP.get('PET-1')!, RESOURCE_MAP.get('ROOM-1')!],
      bookings,
      fromDate: '2025-06-01',
      toDate: '2025-07-31',
    });
    const get = (r: string, m: string) => u.find((x) => x.resourceId === r && x.month === m)!;
    expect(get('PET-1', '2025-06')).toMatchObject({ openMinutes: 21 * 690, bookedMinutes: 90, bookings: 2 });
    expect(get('PET-1', '2025-06').fraction).toBeCloseTo(90 / 14_490, 12);
    expect(get('ROOM-1', '2025-06')).toMatchObject({ openMinutes: 30 * 1440, bookedMinutes: 720, bookings: 1 });
    expect(get('ROOM-1', '2025-07')).toMatchObject({ openMinutes: 31 * 1440, bookedMinutes: 720, bookings: 0 });
  });
});

describe('the indexed calendar answers like a scan of every booking', () => {
  it('gives the same verdicts on 2,000 random requests', () => {
    // A deterministic LCG so that the case is reproducible.
    let seed = 42;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const ids = ['PET-1', 'PET-2', 'GC-1', 'GC-2', 'ROOM-1'];
    const base = localToInstant('2025-06-02', 7 * 60);
    const calendar = new BookingCalendar();
    const scan = new ScanLookup([]);
    const accepted: Booking[] = [];
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      const resourceId = ids[Math.floor(rand() * ids.length)]!;
      const kind = resourceId.startsWith('PET') ? 'pet-scan' : resourceId.startsWith('GC') ? 'scintigraphy' : 'therapy-admission';
      const start = base + Math.floor(rand() * 5 * 24 * 12) * 5 * 60_000;
      const r = request({
        resourceId,
        kind,
        patientId: `p${Math.floor(rand() * 50)}`,
        productId: kind === 'pet-scan' ? 'f18-fdg' : null,
        startsAtMs: start,
        endsAtMs: start + (kind === 'therapy-admission' ? 24 * 60 : 20 + Math.floor(rand() * 40)) * 60_000,
      });
      const fast = checkBooking(r, { resources: RESOURCE_MAP, products: PRODUCTS, lookup: calendar });
      const slow = checkBooking(r, { resources: RESOURCE_MAP, products: PRODUCTS, lookup: scan });
      expect(fast).toEqual(slow);
      if (fast.ok) {
        const b = { ...r, id: `r${i}` } as Booking;
        calendar.add(b);
        scan.add(b);
        accepted.push(b);
      } else refused++;
    }
    expect(accepted.length).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });
});
