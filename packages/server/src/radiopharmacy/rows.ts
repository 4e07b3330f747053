/**
 * Rows of the radiopharmacy tables and their API views. Timestamps leave as ISO strings in UTC,
 * activities in MBq, with the unit in every name.
 */
import type { EnergyClass, HotCell, Product, QcSpecItem } from '@continuum/core';

export type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const isoOf = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
export const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : isoOf(v));

export const productOf = (r: Row): Product & { active: boolean; version: number } => ({
  id: r.id,
  name: r.name,
  nuclide: r.nuclide,
  purpose: r.purpose,
  investigational: r.investigational,
  hotCellClass: r.hot_cell_class as EnergyClass,
  shelfLifeMin: r.shelf_life_min,
  qcSpec: r.qc_spec as QcSpecItem[],
  tolerancePct: r.tolerance_pct,
  active: r.active,
  version: r.version,
});

export const hotCellOf = (r: Row): HotCell & { version: number } => ({
  id: r.id,
  name: r.name,
  energyClass: r.energy_class as EnergyClass,
  nuclides: r.nuclides as string[],
  version: r.version,
});

export const qcResultView = (r: Row) => ({
  id: r.id as string,
  test: r.test as string,
  value: r.value as number | null,
  outcome: r.outcome as 'pass' | 'fail' | null,
  unit: r.unit as string | null,
  passed: r.passed as boolean,
  recordedBy: r.recorded_by as string,
  recordedAt: isoOf(r.recorded_at),
});
export type QcResultView = ReturnType<typeof qcResultView>;

/** The stored batch, as the audit trail and the API see it (status as stored; see views.ts for the status as of now). */
export const batchRecord = (r: Row) => ({
  id: r.id as string,
  batchNumber: r.batch_number as string,
  productId: r.product_id as string,
  hotCellId: r.hot_cell_id as string,
  origin: r.origin as string,
  originDetail: (r.origin_detail ?? null) as Record<string, unknown> | null,
  supplierLot: r.supplier_lot as string | null,
  activityMBq: r.activity_mbq as number,
  calibratedAt: isoOf(r.calibrated_at),
  volumeMl: r.volume_ml as number | null,
  expiresAt: isoOf(r.expires_at),
  storedStatus: r.status as string,
  preparedBy: r.prepared_by as string,
  preparedAt: isoOf(r.prepared_at),
  staffDoseUSv: r.staff_dose_usv as number | null,
  releasedBy: r.released_by as string | null,
  releasedAt: isoOrNull(r.released_at),
  releaseMeaning: r.release_meaning as string | null,
  releaseHash: r.release_hash as string | null,
  rejectionReason: r.rejection_reason as string | null,
  carrierAdded: r.carrier_added as boolean,
  version: r.version as number,
});
export type BatchRecord = ReturnType<typeof batchRecord>;

export const doseRecord = (r: Row) => ({
  id: r.id as string,
  batchId: r.batch_id as string,
  patientId: r.patient_id as string,
  prescribedMBq: r.prescribed_mbq as number,
  tolerancePct: r.tolerance_pct as number,
  drawnMBq: r.drawn_mbq as number,
  drawnAt: isoOf(r.drawn_at),
  volumeMl: r.volume_ml as number | null,
  plannedInjectionAt: isoOf(r.planned_injection_at),
  activityAtInjectionMBq: r.activity_at_injection_mbq as number,
  deviationPct: ((r.activity_at_injection_mbq - r.prescribed_mbq) / r.prescribed_mbq) * 100,
  outOfTolerance: r.out_of_tolerance as boolean,
  overrideReason: r.override_reason as string | null,
  overrideBy: r.override_by as string | null,
  status: r.status as 'drawn' | 'administered' | 'discarded',
  discardReason: (r.discard_reason ?? null) as string | null,
  bookingId: r.booking_id as string | null,
  cycleId: r.cycle_id as string | null,
  drawnBy: r.drawn_by as string,
  version: r.version as number,
});
export type DoseRecord = ReturnType<typeof doseRecord>;

export const administrationRecord = (r: Row) => ({
  id: r.id as string,
  doseId: r.dose_id as string,
  patientId: r.patient_id as string,
  administeredAt: isoOf(r.administered_at),
  activityMBq: r.activity_mbq as number,
  residualMBq: r.residual_mbq as number | null,
  residualMeasuredAt: isoOrNull(r.residual_measured_at),
  roomResourceId: r.room_resource_id as string | null,
  cycleId: r.cycle_id as string | null,
  administeredBy: r.administered_by as string,
  recordedAt: isoOf(r.recorded_at),
});
export type AdministrationRecord = ReturnType<typeof administrationRecord>;

export const wasteRecord = (r: Row) => ({
  id: r.id as string,
  batchId: r.batch_id as string | null,
  container: r.container as string,
  nuclide: r.nuclide as string,
  governingNuclide: (r.governing_nuclide ?? r.nuclide) as string,
  halfLives: r.half_lives as number | null,
  activityMBq: r.activity_mbq as number,
  measuredAt: isoOf(r.measured_at),
  releaseAt: isoOf(r.release_at),
  note: r.note as string | null,
  releasedAt: isoOrNull(r.released_at),
  releasedBy: r.released_by as string | null,
  recordedBy: r.recorded_by as string,
  version: r.version as number,
});
export type WasteRecord = ReturnType<typeof wasteRecord>;
