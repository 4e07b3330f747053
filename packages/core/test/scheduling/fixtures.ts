/**
 * The department's resources and products as the migration stores them (005_theranostics.sql),
 * rebuilt here so the core tests need no database.
 */
import {
  parseOpeningHours,
  type Booking,
  type BookingRequest,
  type HotCellClass,
  type ResourceKind,
  type SchedulingProduct,
  type SchedulingResource,
} from '../../src/operations/scheduling/index';

const weekdays = (from: string, to: string, days = [1, 2, 3, 4, 5]) => parseOpeningHours(days.map((weekday) => ({ weekday, from, to })));

const resource = (
  id: string,
  kind: ResourceKind,
  opening: ReturnType<typeof weekdays>,
  hotCellClass: HotCellClass | null = null,
): SchedulingResource => ({
  id,
  kind,
  name: id,
  hotCellId: hotCellClass ? id.replace('RES-', '') : null,
  hotCellClass,
  opening,
  active: true,
});

export const RESOURCES: SchedulingResource[] = [
  resource('PET-1', 'pet-scanner', weekdays('07:30', '19:00')),
  resource('PET-2', 'pet-scanner', weekdays('07:30', '19:00')),
  resource('GC-1', 'gamma-camera', weekdays('08:00', '18:00')),
  resource('GC-2', 'gamma-camera', weekdays('08:00', '18:00')),
  ...[1, 2, 3, 4].map((n) => resource(`ROOM-${n}`, 'shielded-room', weekdays('00:00', '24:00', [1, 2, 3, 4, 5, 6, 7]))),
  resource('RES-HC-PET', 'hot-cell', weekdays('06:30', '18:30'), 'pet-fractionation'),
  resource('RES-HC-GA68', 'hot-cell', weekdays('07:00', '17:00'), 'ga68-labelling'),
  resource('RES-HC-SPECT', 'hot-cell', weekdays('07:30', '17:00'), 'low-medium-energy'),
  resource('RES-HC-THERAPY', 'hot-cell', weekdays('07:30', '17:00'), 'therapy-high-energy'),
];
export const RESOURCE_MAP = new Map(RESOURCES.map((r) => [r.id, r]));

const product = (
  id: string,
  nuclide: string,
  purpose: 'diagnostic' | 'therapeutic',
  hotCellClass: HotCellClass,
  shelfLifeMin: number,
): SchedulingProduct => ({
  id,
  name: id,
  nuclide,
  purpose,
  hotCellClass,
  shelfLifeMin,
});

/** Shelf lives as the radiopharmacy section of the migration stores them (Locametz SmPC: 6 h; SomaKit TOC 4 h). */
export const PRODUCTS = new Map(
  [
    product('ga68-psma11', 'Ga-68', 'diagnostic', 'ga68-labelling', 360),
    product('ga68-dotatoc', 'Ga-68', 'diagnostic', 'ga68-labelling', 240),
    product('f18-fdg', 'F-18', 'diagnostic', 'pet-fractionation', 600),
    product('tc99m-mdp', 'Tc-99m', 'diagnostic', 'low-medium-energy', 480),
    product('lu177-psma617', 'Lu-177', 'therapeutic', 'therapy-high-energy', 7200),
  ].map((p) => [p.id, p]),
);

export const at = (iso: string): number => Date.parse(iso);

let counter = 0;
export function booking(partial: Partial<Booking> & Pick<Booking, 'resourceId' | 'kind' | 'startsAtMs' | 'endsAtMs'>): Booking {
  counter += 1;
  return { id: `b${counter}`, patientId: null, productId: null, preparationId: null, activityMBq: null, ...partial };
}

export function request(
  partial: Partial<BookingRequest> & Pick<BookingRequest, 'resourceId' | 'kind' | 'startsAtMs' | 'endsAtMs'>,
): BookingRequest {
  return { patientId: null, productId: null, preparationId: null, activityMBq: null, ...partial };
}
