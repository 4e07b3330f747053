/**
 * The questions the conflict rules ask of the bookings already made. Two answers to them: the
 * indexed calendar (calendar.ts) the server and the benchmark use, and a scan of every booking
 * (the naive baseline the benchmark measures against; it must give the same verdicts).
 */
import { DEPARTMENT_TIME_ZONE, toLocal } from './department-time';
import { overlaps, type Booking } from './model';

export interface BookingLookup {
  /** Active bookings on a resource overlapping [startMs, endMs). */
  onResource(resourceId: string, startMs: number, endMs: number): readonly Booking[];
  /** Active bookings of a patient overlapping [startMs, endMs), on any resource. */
  ofPatient(patientId: string, startMs: number, endMs: number): readonly Booking[];
  /** Active preparation bookings whose end of synthesis falls on a local date. */
  preparationsOn(date: string): readonly Booking[];
  /** Active bookings drawing their dose from a preparation. */
  linkedTo(preparationId: string): readonly Booking[];
  get(id: string): Booking | undefined;
}

/** The baseline: every question answered by scanning all bookings. */
export class ScanLookup implements BookingLookup {
  constructor(
    private readonly bookings: Booking[],
    private readonly timeZone = DEPARTMENT_TIME_ZONE,
  ) {}
  add(b: Booking): void {
    this.bookings.push(b);
  }
  onResource(resourceId: string, startMs: number, endMs: number): readonly Booking[] {
    return this.bookings.filter((b) => b.resourceId === resourceId && overlaps(b, startMs, endMs));
  }
  ofPatient(patientId: string, startMs: number, endMs: number): readonly Booking[] {
    return this.bookings.filter((b) => b.patientId === patientId && overlaps(b, startMs, endMs));
  }
  preparationsOn(date: string): readonly Booking[] {
    return this.bookings.filter((b) => b.kind === 'preparation' && toLocal(b.endsAtMs, this.timeZone).date === date);
  }
  linkedTo(preparationId: string): readonly Booking[] {
    return this.bookings.filter((b) => b.preparationId === preparationId);
  }
  get(id: string): Booking | undefined {
    return this.bookings.find((b) => b.id === id);
  }
}
