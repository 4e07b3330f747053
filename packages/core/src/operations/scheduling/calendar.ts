/**
 * An indexed set of active bookings: per resource sorted by start (an overlap query is a binary
 * search plus the few bookings that can reach back into the interval, bounded by the longest
 * booking on that resource), per patient, preparations per local day, and the doses drawn from
 * each preparation. Cancelled bookings are simply not added (or are removed).
 */
import { DEPARTMENT_TIME_ZONE, toLocal } from './department-time';
import type { BookingLookup } from './lookup';
import { overlaps, type Booking } from './model';

interface ResourceIndex {
  readonly starts: number[];
  readonly bookings: Booking[];
  maxDurationMs: number;
}

/** First index whose value is >= x in a sorted array. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const pushTo = <K>(map: Map<K, Booking[]>, key: K, b: Booking) => {
  const list = map.get(key);
  if (list) list.push(b);
  else map.set(key, [b]);
};
const removeFrom = <K>(map: Map<K, Booking[]>, key: K, id: string) => {
  const list = map.get(key);
  const i = list?.findIndex((b) => b.id === id) ?? -1;
  if (list && i >= 0) list.splice(i, 1);
};

export class BookingCalendar implements BookingLookup {
  private readonly byResource = new Map<string, ResourceIndex>();
  private readonly byPatient = new Map<string, Booking[]>();
  private readonly byId = new Map<string, Booking>();
  private readonly preparationsByDate = new Map<string, Booking[]>();
  private readonly linked = new Map<string, Booking[]>();

  constructor(
    bookings: Iterable<Booking> = [],
    private readonly timeZone = DEPARTMENT_TIME_ZONE,
  ) {
    for (const b of bookings) this.add(b);
  }

  get size(): number {
    return this.byId.size;
  }

  all(): IterableIterator<Booking> {
    return this.byId.values();
  }

  add(b: Booking): void {
    if (this.byId.has(b.id)) this.remove(b.id);
    this.byId.set(b.id, b);
    let r = this.byResource.get(b.resourceId);
    if (r === undefined) {
      r = { starts: [], bookings: [], maxDurationMs: 0 };
      this.byResource.set(b.resourceId, r);
    }
    // Bookings mostly arrive in time order: appending is the common case.
    const i =
      r.starts.length === 0 || r.starts[r.starts.length - 1]! <= b.startsAtMs ? r.starts.length : lowerBound(r.starts, b.startsAtMs);
    r.starts.splice(i, 0, b.startsAtMs);
    r.bookings.splice(i, 0, b);
    r.maxDurationMs = Math.max(r.maxDurationMs, b.endsAtMs - b.startsAtMs);
    if (b.patientId) pushTo(this.byPatient, b.patientId, b);
    if (b.kind === 'preparation') pushTo(this.preparationsByDate, toLocal(b.endsAtMs, this.timeZone).date, b);
    if (b.preparationId) pushTo(this.linked, b.preparationId, b);
  }

  remove(id: string): Booking | undefined {
    const b = this.byId.get(id);
    if (b === undefined) return undefined;
    this.byId.delete(id);
    const r = this.byResource.get(b.resourceId)!;
    const i = r.bookings.findIndex((x) => x.id === id);
    r.starts.splice(i, 1);
    r.bookings.splice(i, 1);
    if (b.patientId) removeFrom(this.byPatient, b.patientId, id);
    if (b.kind === 'preparation') removeFrom(this.preparationsByDate, toLocal(b.endsAtMs, this.timeZone).date, id);
    if (b.preparationId) removeFrom(this.linked, b.preparationId, id);
    return b;
  }

  onResource(resourceId: string, startMs: number, endMs: number): readonly Booking[] {
    const r = this.byResource.get(resourceId);
    if (r === undefined) return [];
    const found: Booking[] = [];
    // Everything starting before endMs, walking back until nothing can still be running at startMs.
    for (let i = lowerBound(r.starts, endMs) - 1; i >= 0; i--) {
      const b = r.bookings[i]!;
      if (b.startsAtMs + r.maxDurationMs <= startMs) break;
      if (overlaps(b, startMs, endMs)) found.push(b);
    }
    return found.reverse();
  }

  /** Active bookings on a resource in start order (for calendars and the slot finder). */
  onResourceSorted(resourceId: string): readonly Booking[] {
    return this.byResource.get(resourceId)?.bookings ?? [];
  }

  ofPatient(patientId: string, startMs: number, endMs: number): readonly Booking[] {
    return (this.byPatient.get(patientId) ?? []).filter((b) => overlaps(b, startMs, endMs));
  }

  preparationsOn(date: string): readonly Booking[] {
    return this.preparationsByDate.get(date) ?? [];
  }

  linkedTo(preparationId: string): readonly Booking[] {
    return this.linked.get(preparationId) ?? [];
  }

  get(id: string): Booking | undefined {
    return this.byId.get(id);
  }
}
