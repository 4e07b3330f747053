import { BOOKING_KINDS, RESOURCE_KINDS } from '@continuum/core';
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true, message: 'an ISO 8601 instant with offset, e.g. 2026-03-02T09:30:00+01:00' });
const date = z.iso.date({ message: 'a date YYYY-MM-DD' });
const reason = z.string().trim().min(3, 'a reason of at least 3 characters is required').max(1000);
const DAY_MS = 86_400_000;

export const bookingParams = z.object({ id: z.uuid() });
export const cycleParams = z.object({ id: z.uuid() });
export const patientParams = z.object({ patientId: z.uuid() });
export const resourceParams = z.object({ id: z.string().min(1).max(40) });

export const bookingBody = z
  .object({
    resourceId: z.string().trim().min(1).max(40),
    kind: z.enum(BOOKING_KINDS),
    patientId: z.uuid().nullish(),
    productId: z.string().trim().min(1).max(60).nullish(),
    startsAt: instant,
    endsAt: instant,
    /** Patient bookings: prescribed activity at injection; preparations: expected at end of synthesis. */
    activityMBq: z.number().positive('an activity > 0 MBq').max(100_000).nullish(),
    preparationId: z.uuid().nullish(),
    note: z.string().trim().max(1000).nullish(),
    reason: z.string().trim().max(1000).optional(),
  })
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), { path: ['endsAt'], message: 'endsAt must be after startsAt' })
  .refine((b) => Date.parse(b.endsAt) - Date.parse(b.startsAt) <= 7 * DAY_MS, {
    path: ['endsAt'],
    message: 'a booking lasts at most 7 days',
  });

export const cancelBody = z.object({ version: z.number().int().positive(), reason });

const range = (maxDays: number) =>
  z
    .object({ from: date, to: date })
    .refine((q) => q.to >= q.from, { path: ['to'], message: 'to must not be before from' })
    .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS <= maxDays, { path: ['to'], message: `at most ${maxDays} days` });

export const calendarQuery = z.intersection(
  range(42),
  z.object({ kind: z.enum(RESOURCE_KINDS).optional(), resourceId: z.string().trim().min(1).max(40).optional() }),
);
export const resourceCalendarQuery = range(42);
export const utilisationQuery = range(366);

export const slotQuery = z.object({
  kind: z.enum(RESOURCE_KINDS),
  durationMin: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60),
  notBefore: instant,
  patientId: z.uuid().optional(),
});

export const courseBody = z.object({
  regimenId: z.string().trim().min(1).max(60),
  startedOn: date,
  kidneyRiskFactors: z.boolean(),
  protocol: z
    .object({
      cycles: z.number().int().min(1).max(20).optional(),
      intervalWeeks: z.number().int().min(1).max(52).optional(),
      activitiesMBq: z.array(z.number().positive().max(100_000)).min(1).max(20).optional(),
    })
    .optional(),
  reason,
});

export const scheduleBody = z.object({
  version: z.number().int().positive(),
  startsAt: instant,
  /** A shielded room; the first free one when absent. */
  resourceId: z.string().trim().min(1).max(40).optional(),
  /** The stay in the shielded room: department default one night (24 h). */
  stayHours: z.number().min(1).max(120).default(24),
  /** A reduced activity for this cycle (never above the regimen's for an approved one). */
  prescribedMBq: z.number().positive().max(100_000).optional(),
  /** Required to schedule past an organ-at-risk limit; investigators and admins only (audited). */
  overrideReason: z.string().trim().min(3, 'an override reason of at least 3 characters').max(2000).optional(),
  reason,
});

export const limitCheckQuery = z.object({ prescribedMBq: z.coerce.number().positive().max(100_000).optional() });
