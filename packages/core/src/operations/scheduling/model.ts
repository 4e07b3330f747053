/**
 * What the scheduling rules reason about: resources with opening hours, products (only what the
 * rules need of them) and bookings. Instants are UTC epoch milliseconds here (cheap to compare a
 * year of bookings); ISO strings live at the edges (server, web).
 */
import type { OpeningHours } from './opening-hours';

export const RESOURCE_KINDS = ['pet-scanner', 'gamma-camera', 'shielded-room', 'hot-cell'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const BOOKING_KINDS = ['pet-scan', 'scintigraphy', 'therapy-admission', 'preparation', 'maintenance'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];

export type HotCellClass = 'pet-fractionation' | 'ga68-labelling' | 'low-medium-energy' | 'therapy-high-energy';

/** The resource kind each booking kind needs (maintenance fits any). */
export const RESOURCE_KIND_FOR: Readonly<Record<Exclude<BookingKind, 'maintenance'>, ResourceKind>> = {
  'pet-scan': 'pet-scanner',
  scintigraphy: 'gamma-camera',
  'therapy-admission': 'shielded-room',
  preparation: 'hot-cell',
};

export interface SchedulingResource {
  readonly id: string;
  readonly kind: ResourceKind;
  readonly name: string;
  /** For hot-cell resources: the cell and its energy class. */
  readonly hotCellId: string | null;
  readonly hotCellClass: HotCellClass | null;
  readonly opening: OpeningHours;
  readonly active: boolean;
}

export interface SchedulingProduct {
  readonly id: string;
  readonly name: string;
  readonly nuclide: string;
  readonly purpose: 'diagnostic' | 'therapeutic';
  readonly hotCellClass: HotCellClass;
  readonly shelfLifeMin: number;
}

export interface Booking {
  readonly id: string;
  readonly resourceId: string;
  readonly patientId: string | null;
  readonly kind: BookingKind;
  readonly startsAtMs: number;
  readonly endsAtMs: number;
  readonly productId: string | null;
  /** A Ga-68 PET scan: the same-day preparation its dose comes from. */
  readonly preparationId: string | null;
  /**
   * Patient bookings: the prescribed activity at injection; preparations: the activity expected at
   * the end of synthesis (what the doses drawn from it share), MBq.
   */
  readonly activityMBq: number | null;
  readonly cycleId?: string | null;
}

/** A booking being asked for: no id yet (or the id of the booking it would replace). */
export type BookingRequest = Omit<Booking, 'id'> & { readonly id?: string };

export type ConflictCode =
  | 'times-out-of-order'
  | 'unknown-resource'
  | 'resource-inactive'
  | 'wrong-resource-kind'
  | 'needs-shielded-room'
  | 'patient-required'
  | 'product-required'
  | 'unknown-product'
  | 'hot-cell-class'
  | 'outside-opening-hours'
  | 'resource-overlap'
  | 'patient-double-booked'
  | 'ga68-preparation';

/** One reason a booking is refused; names the resource and, when there is one, the booking in the way. */
export interface BookingConflict {
  readonly code: ConflictCode;
  /** The request field the conflict is about (startsAt, resourceId, patientId, productId, preparationId). */
  readonly field: string;
  readonly resourceId: string;
  readonly bookingId: string | null;
  readonly reason: string;
}

export const overlaps = (a: { startsAtMs: number; endsAtMs: number }, startMs: number, endMs: number): boolean =>
  a.startsAtMs < endMs && startMs < a.endsAtMs;
