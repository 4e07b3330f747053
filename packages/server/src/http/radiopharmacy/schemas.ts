import { BATCH_ORIGINS, BATCH_STATUSES, CLINICAL_READERS, type Role } from '@continuum/core';
import { z } from 'zod';
import { pageQuery } from '../common/pagination';

/** Who reads the radiopharmacy (batches, board, traceability): the clinical roles. */
export const RADIOPHARMACY_READERS: readonly Role[] = CLINICAL_READERS;
/** Who prepares, tests, releases and dispenses. */
export const RADIOPHARMACY_WRITERS: readonly Role[] = ['radiopharmacist', 'admin'];
/**
 * Who releases a batch: the radiopharmacist alone. Pharmaceutical release is the qualified
 * radiopharmacist's personal responsibility; an administrator account is an IT role, not a
 * pharmacist, and may not sign it.
 */
export const BATCH_RELEASERS: readonly Role[] = ['radiopharmacist'];
/** Who records an administration: the nuclear-medicine physician and the coordinator at the bedside. */
export const ADMINISTRATION_WRITERS: readonly Role[] = ['investigator', 'coordinator', 'admin'];

const instant = z.iso.datetime({ offset: true });
const activityMBq = z.number().positive('must be > 0 MBq').max(1e6, 'must be ≤ 1,000,000 MBq (1 TBq)');
const reason = z.string().trim().min(3, 'a reason of at least 3 characters is required').max(1000);
const version = z.number().int().positive();

export const batchParams = z.object({ id: z.uuid() });
export const doseParams = z.object({ id: z.uuid() });
export const patientParams = z.object({ id: z.uuid() });
export const wasteParams = z.object({ id: z.uuid() });

export const batchListQuery = z.object({
  status: z.enum(BATCH_STATUSES).optional(),
  productId: z.string().trim().max(100).optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});

export const boardQuery = z.object({ at: instant.optional() });

export const generatorBody = z.object({
  ge68CalibrationMBq: activityMBq,
  ge68CalibratedAt: instant,
  lastElutionAt: instant,
  elutedAt: instant,
  elutionEfficiency: z.number().gt(0, 'must be > 0').max(1, 'must be ≤ 1 (a fraction, not a percent)'),
  labellingYieldPct: z.number().gt(0).max(100).optional(),
});

export const createBatchBody = z.object({
  productId: z.string().trim().min(1).max(100),
  hotCellId: z.string().trim().min(1).max(100),
  origin: z.enum(BATCH_ORIGINS),
  supplierLot: z.string().trim().max(100).nullish(),
  activityMBq: activityMBq.optional(),
  calibratedAt: instant,
  volumeMl: z.number().positive().max(1000).nullish(),
  preparedAt: instant.optional(),
  staffDoseUSv: z.number().min(0).max(100_000).nullish(),
  carrierAdded: z.boolean().optional(),
  generator: generatorBody.optional(),
  reason: reason.optional(),
});

export const qcBody = z.object({
  version,
  results: z
    .array(
      z.object({
        test: z.string().trim().min(1).max(100),
        value: z.number().finite().nullish(),
        outcome: z.enum(['pass', 'fail']).nullish(),
        unit: z.string().trim().max(20).nullish(),
      }),
    )
    .min(1, 'at least one result')
    .max(50),
  reason: reason.optional(),
});

export const releaseBody = z.object({
  version,
  password: z.string().min(1, 're-enter your password to sign').max(1000),
  meaning: z.string().trim().min(1).max(2000),
});

export const rejectBody = z.object({ version, reason });

export const staffDoseBody = z.object({
  version,
  staffDoseUSv: z.number().min(0, 'must be ≥ 0 µSv').max(100_000),
  reason: reason.optional(),
});

export const drawBody = z.object({
  patientId: z.uuid(),
  prescribedMBq: activityMBq,
  drawnMBq: activityMBq,
  drawnAt: instant,
  plannedInjectionAt: instant,
  volumeMl: z.number().positive().max(100).nullish(),
  bookingId: z.uuid().nullish(),
  cycleId: z.uuid().nullish(),
  override: z.object({ reason }).nullish(),
  reason: reason.optional(),
});

export const administrationBody = z.object({
  version,
  administeredAt: instant,
  residualMBq: z.number().min(0, 'must be ≥ 0 MBq').max(1e6).nullish(),
  residualMeasuredAt: instant.nullish(),
  roomResourceId: z.string().trim().max(100).nullish(),
  cycleId: z.uuid().nullish(),
  reason: reason.optional(),
});

export const discardBody = z.object({ version, reason });

export const wasteBody = z.object({
  batchId: z.uuid().nullish(),
  container: z.string().trim().min(1).max(100),
  nuclide: z.string().trim().min(1).max(20).optional(),
  activityMBq: z.number().min(0, 'must be ≥ 0 MBq').max(1e6),
  measuredAt: instant,
  carrierAdded: z.boolean().optional(),
  halfLives: z.number().gt(0).max(100).optional(),
  note: z.string().trim().max(1000).nullish(),
});

export const wasteListQuery = z.object({ state: z.enum(['held', 'releasable', 'released']).optional(), ...pageQuery });
export const wasteReleaseBody = z.object({ version, reason: reason.optional() });
