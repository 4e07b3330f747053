/**
 * Whether a booking can be made, and if not every reason why. A refusal names the rule, the
 * request field, the resource and the booking in the way, in words a scheduler can act on:
 * - the booking kind needs a kind of resource (a therapy admission a shielded room for the stay,
 *   a preparation a hot cell of the product's energy class);
 * - the resource must be open for the whole booking (Europe/Paris opening hours);
 * - a resource holds one booking at a time;
 * - a patient is in one place at a time — except imaging during their own therapy stay (the
 *   post-therapy SPECT/CT of a patient admitted in a shielded room);
 * - a Ga-68 PET needs a same-day preparation in the Ga-68 labelling cell whose end of synthesis
 *   is before the injection and within the product's hold (ga68-window.ts), with activity enough
 *   for every patient drawing from it.
 */
import { DEPARTMENT_TIME_ZONE, formatLocal, toLocal } from './department-time';
import { ga68NeededAtEndOfSynthesis, ga68PreparationWindow } from './ga68-window';
import type { BookingLookup } from './lookup';
import { withinOpeningHours } from './opening-hours';
import { injectionTimeOfPetScan, petUptakeTime } from './pet-uptake';
import {
  RESOURCE_KIND_FOR,
  type Booking,
  type BookingConflict,
  type BookingRequest,
  type SchedulingProduct,
  type SchedulingResource,
} from './model';

export interface BookingContext {
  readonly resources: ReadonlyMap<string, SchedulingResource>;
  readonly products: ReadonlyMap<string, SchedulingProduct>;
  readonly lookup: BookingLookup;
  readonly timeZone?: string;
  /** Labelling + QC assumed when proposing a Ga-68 preparation window, minutes. */
  readonly ga68PreparationMin?: number;
}

export interface BookingCheck {
  readonly ok: boolean;
  readonly conflicts: readonly BookingConflict[];
  /** A Ga-68 PET: the preparation it will draw from (the one asked for, or the best that fits). */
  readonly preparationId: string | null;
}

const KIND_WORDS: Record<string, string> = {
  'pet-scanner': 'a PET scanner',
  'gamma-camera': 'a gamma camera',
  'shielded-room': 'a shielded room',
  'hot-cell': 'a hot cell',
};
const IMAGING = new Set(['pet-scan', 'scintigraphy']);

const span = (b: { startsAtMs: number; endsAtMs: number }, tz: string) => {
  const start = formatLocal(b.startsAtMs, tz);
  const end = formatLocal(b.endsAtMs, tz);
  return `${start}–${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`;
};
const byStart = (a: Booking, b: Booking) => a.startsAtMs - b.startsAtMs || a.id.localeCompare(b.id);

/** Imaging during the patient's own therapy stay is where they are meant to be. */
const mayCoexist = (a: { kind: string }, b: { kind: string }) =>
  (a.kind === 'therapy-admission' && IMAGING.has(b.kind)) || (b.kind === 'therapy-admission' && IMAGING.has(a.kind));

export function checkBooking(request: BookingRequest, ctx: BookingContext): BookingCheck {
  const tz = ctx.timeZone ?? DEPARTMENT_TIME_ZONE;
  const conflicts: BookingConflict[] = [];
  const refuse = (c: Omit<BookingConflict, 'resourceId' | 'bookingId'> & { resourceId?: string; bookingId?: string | null }) =>
    conflicts.push({ resourceId: request.resourceId, bookingId: null, ...c });
  const done = (preparationId: string | null = null): BookingCheck => ({ ok: conflicts.length === 0, conflicts, preparationId });

  if (!(request.endsAtMs > request.startsAtMs)) {
    refuse({ code: 'times-out-of-order', field: 'endsAt', reason: 'the booking ends before it starts' });
    return done();
  }
  const resource = ctx.resources.get(request.resourceId);
  if (resource === undefined) {
    refuse({ code: 'unknown-resource', field: 'resourceId', reason: `there is no resource ${request.resourceId}` });
    return done();
  }
  if (!resource.active)
    refuse({ code: 'resource-inactive', field: 'resourceId', reason: `${resource.name} (${resource.id}) is out of service` });

  if (request.kind !== 'maintenance') {
    const needed = RESOURCE_KIND_FOR[request.kind];
    if (resource.kind !== needed) {
      refuse({
        code: request.kind === 'therapy-admission' ? 'needs-shielded-room' : 'wrong-resource-kind',
        field: 'resourceId',
        reason:
          request.kind === 'therapy-admission'
            ? `a therapy admission needs a shielded room for the patient's stay; ${resource.id} is ${KIND_WORDS[resource.kind]}`
            : `a ${request.kind} needs ${KIND_WORDS[needed]}; ${resource.id} is ${KIND_WORDS[resource.kind]}`,
      });
    }
  }
  if ((request.kind === 'pet-scan' || request.kind === 'scintigraphy' || request.kind === 'therapy-admission') && !request.patientId) {
    refuse({ code: 'patient-required', field: 'patientId', reason: `a ${request.kind} is booked for a patient` });
  }
  const product = request.productId ? ctx.products.get(request.productId) : undefined;
  if (request.productId && product === undefined) {
    refuse({ code: 'unknown-product', field: 'productId', reason: `there is no product ${request.productId}` });
  } else if (!request.productId && (request.kind === 'pet-scan' || request.kind === 'preparation')) {
    refuse({ code: 'product-required', field: 'productId', reason: `a ${request.kind} names its radiopharmaceutical` });
  }
  if (request.kind === 'preparation' && product && resource.kind === 'hot-cell' && resource.hotCellClass !== product.hotCellClass) {
    refuse({
      code: 'hot-cell-class',
      field: 'resourceId',
      reason: `${product.name} is prepared in a ${product.hotCellClass} cell; ${resource.id} is a ${resource.hotCellClass ?? 'unclassified'} cell`,
    });
  }

  const open = withinOpeningHours(resource.opening, request.startsAtMs, request.endsAtMs, tz);
  if (!open.ok) refuse({ code: 'outside-opening-hours', field: 'startsAt', reason: `${resource.id}: ${open.reason}` });

  for (const b of [...ctx.lookup.onResource(resource.id, request.startsAtMs, request.endsAtMs)].sort(byStart)) {
    if (b.id === request.id) continue;
    refuse({
      code: 'resource-overlap',
      field: 'startsAt',
      bookingId: b.id,
      reason: `${resource.id} is taken ${span(b, tz)} by ${b.kind} booking ${b.id}`,
    });
  }
  if (request.patientId) {
    for (const b of [...ctx.lookup.ofPatient(request.patientId, request.startsAtMs, request.endsAtMs)].sort(byStart)) {
      if (b.id === request.id || b.resourceId === resource.id || mayCoexist(b, request)) continue;
      refuse({
        code: 'patient-double-booked',
        field: 'patientId',
        resourceId: b.resourceId,
        bookingId: b.id,
        reason: `the patient is already booked ${span(b, tz)} on ${b.resourceId} (${b.kind} booking ${b.id})`,
      });
    }
  }

  if (request.kind === 'pet-scan' && product?.nuclide === 'Ga-68') {
    return done(checkGa68Preparation(request, product, ctx, tz, refuse));
  }
  return done();
}

/** Finds (or checks the named) same-day preparation for a Ga-68 PET; records a conflict when none fits. */
function checkGa68Preparation(
  request: BookingRequest,
  product: SchedulingProduct,
  ctx: BookingContext,
  tz: string,
  refuse: (c: Omit<BookingConflict, 'resourceId' | 'bookingId'> & { resourceId?: string; bookingId?: string | null }) => void,
): string | null {
  const injectionMs = injectionTimeOfPetScan(request);
  const day = toLocal(injectionMs, tz).date;
  const ga68Cell = (p: Booking) => ctx.resources.get(p.resourceId)?.hotCellClass === 'ga68-labelling';
  const sameDay = [...ctx.lookup.preparationsOn(day)].sort(byStart).filter((p) => p.productId === product.id && ga68Cell(p));
  const candidates = request.preparationId ? sameDay.filter((p) => p.id === request.preparationId) : sameDay;

  const problems: string[] = [];
  const fits: { prep: Booking; holdMin: number }[] = [];
  for (const prep of candidates) {
    const holdMin = (injectionMs - prep.endsAtMs) / 60_000;
    if (holdMin < 0) {
      problems.push(`preparation ${prep.id} ends at ${formatLocal(prep.endsAtMs, tz).slice(11)}, after the injection`);
      continue;
    }
    if (holdMin > product.shelfLifeMin) {
      problems.push(
        `preparation ${prep.id} ends ${Math.round(holdMin)} min before the injection, beyond the ${product.shelfLifeMin}-min shelf life`,
      );
      continue;
    }
    if (prep.activityMBq !== null && request.activityMBq !== null) {
      const others = ctx.lookup.linkedTo(prep.id).filter((b) => b.id !== request.id);
      const need = (b: { startsAtMs: number; productId: string | null; activityMBq: number | null }) =>
        b.activityMBq === null ? 0 : ga68NeededAtEndOfSynthesis(b.activityMBq, (injectionTimeOfPetScan(b) - prep.endsAtMs) / 60_000);
      const needed = others.reduce((s, b) => s + need(b), 0) + need(request);
      if (needed > prep.activityMBq) {
        problems.push(
          `preparation ${prep.id} yields ${Math.round(prep.activityMBq)} MBq at end of synthesis; its ${others.length + 1} patient(s) need ${Math.round(needed)} MBq then (decay over ${Math.round(holdMin)} min for this one)`,
        );
        continue;
      }
    }
    fits.push({ prep, holdMin });
  }
  if (fits.length > 0) {
    // The shortest hold: the least decay, the most activity left for others.
    fits.sort((a, b) => a.holdMin - b.holdMin);
    return fits[0]!.prep.id;
  }
  const window = ga68PreparationWindow({
    injectionAtMs: injectionMs,
    shelfLifeMin: product.shelfLifeMin,
    preparationMin: ctx.ga68PreparationMin ?? 45,
  });
  const named =
    request.preparationId && candidates.length === 0
      ? `preparation ${request.preparationId} is not a same-day ${product.id} preparation in a Ga-68 labelling cell; `
      : '';
  refuse({
    code: 'ga68-preparation',
    field: request.preparationId ? 'preparationId' : 'startsAt',
    bookingId: candidates.length === 1 ? candidates[0]!.id : null,
    reason:
      `a Ga-68 PET (${product.name}, injection at ${formatLocal(injectionMs, tz)}, ${petUptakeTime(product.id).minutes} min before the scan) needs a same-day preparation slot in the Ga-68 hot cell: ` +
      named +
      (problems.length > 0 ? `${problems.join('; ')}. ` : `none is booked on ${day}. `) +
      `Book a preparation ending between ${formatLocal(window.earliestEndMs, tz).slice(11)} and ${formatLocal(window.latestEndMs, tz).slice(11)} (labelling starting between ${formatLocal(window.earliestStartMs, tz).slice(11)} and ${formatLocal(window.latestStartMs, tz).slice(11)}; ${window.method})`,
  });
  return null;
}
