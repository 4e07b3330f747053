/**
 * The next free slot of a given length on any resource of a kind: walk each resource's open
 * periods from `notBefore`, skipping past the bookings in the way (and the patient's own other
 * bookings, when a patient is given), on a fixed grid of minutes. The earliest start wins; ties
 * go to the resource listed first.
 */
import { addDays, DEPARTMENT_TIME_ZONE, toLocal } from './department-time';
import type { BookingLookup } from './lookup';
import { eachOpenPeriod } from './opening-hours';
import type { SchedulingResource } from './model';

export interface SlotRequest {
  readonly resources: readonly SchedulingResource[];
  readonly durationMin: number;
  readonly notBeforeMs: number;
  readonly lookup: BookingLookup;
  readonly patientId?: string | null;
  readonly horizonDays?: number;
  readonly granularityMin?: number;
  readonly timeZone?: string;
}

export interface Slot {
  readonly resourceId: string;
  readonly startsAtMs: number;
  readonly endsAtMs: number;
}

export function findNextSlot(req: SlotRequest): Slot | null {
  const tz = req.timeZone ?? DEPARTMENT_TIME_ZONE;
  const durMs = req.durationMin * 60_000;
  const gridMs = (req.granularityMin ?? 5) * 60_000;
  const up = (t: number) => Math.ceil(t / gridMs) * gridMs;
  const first = toLocal(req.notBeforeMs, tz).date;
  const last = addDays(first, req.horizonDays ?? 28);
  let best: Slot | null = null;
  for (const resource of req.resources) {
    if (!resource.active) continue;
    for (const period of eachOpenPeriod(resource.opening, first, last, tz)) {
      if (period.endMs <= req.notBeforeMs) continue;
      if (best !== null && period.startMs >= best.startsAtMs) break;
      let t = up(Math.max(period.startMs, req.notBeforeMs));
      let found: number | null = null;
      while (t + durMs <= period.endMs) {
        const blocking = [
          ...req.lookup.onResource(resource.id, t, t + durMs),
          ...(req.patientId ? req.lookup.ofPatient(req.patientId, t, t + durMs) : []),
        ];
        if (blocking.length === 0) {
          found = t;
          break;
        }
        t = up(Math.max(...blocking.map((b) => b.endsAtMs)));
      }
      if (found !== null) {
        if (best === null || found < best.startsAtMs) best = { resourceId: resource.id, startsAtMs: found, endsAtMs: found + durMs };
        break;
      }
    }
  }
  return best;
}
