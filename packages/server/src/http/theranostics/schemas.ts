import { PET_LESION_REGIONS } from '@continuum/core';
import { z } from 'zod';

export const patientParams = z.object({ id: z.uuid() });
export const idParams = z.object({ id: z.uuid() });

const reason = z.string().trim().min(3, 'a reason of at least 3 characters is required for changes to clinical data').max(1000);
const suv = z.number().finite().min(0, 'an SUV is >= 0').max(1000);

export const petReadBody = z.object({
  tracer: z.string().trim().min(1).max(100),
  scannedAt: z.iso.datetime({ offset: true }),
  reference: z.strictObject({
    liverSuvMean: suv.nullable().optional(),
    parotidSuvMean: suv.nullable().optional(),
    spleenSuvMean: suv.nullable().optional(),
  }),
  lesions: z
    .array(
      z.strictObject({
        site: z.string().trim().min(1).max(200),
        region: z.enum(PET_LESION_REGIONS),
        suvMax: suv,
        shortAxisMm: z.number().finite().min(0, 'a short axis is >= 0 mm').max(500).nullable().optional(),
        ctMeasurable: z.boolean().nullable().optional(),
      }),
    )
    .max(200),
  conclusion: z.string().trim().max(4000).nullable().optional(),
  reason,
});

// Values are only shaped here (numbers, arrays); their limits — activities >= 0, times increasing,
// a known organ or model — are core's to check, so the error names the field and the limit as the
// `continuum dosimetry` command does.
const region = z.object({
  name: z.string().max(200),
  organ: z.string().max(200),
  timesH: z.array(z.number()).max(100),
  activitiesMBq: z.array(z.number()).max(100),
  massG: z.number().optional(),
  model: z.string().max(100).optional(),
  composition: z.string().max(50).optional(),
});

export const dosimetryBody = z.object({
  nuclide: z.string().trim().min(1).max(40).optional(),
  injectedMBq: z.number().optional(),
  injectedActivity: z.string().trim().min(1).max(40).optional(),
  phantom: z.enum(['male', 'female']).optional(),
  regions: z.array(region).min(1).max(50),
  reason,
});

export const dosimetryReplaceBody = dosimetryBody.extend({ version: z.number().int().positive() });
