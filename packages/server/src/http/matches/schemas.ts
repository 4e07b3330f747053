import { z } from 'zod';
import { pageQuery } from '../common/pagination';
import { PHASES } from '../trials/schemas';

export const patientParams = z.object({ id: z.uuid() });
export const trialParams = z.object({ id: z.uuid() });

// Query strings carry text: "true"/"false" (and 1/0), not JSON booleans.
const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const patientMatchesQuery = z.object({ includeClosed: flag });

export const candidatesQuery = z.object({
  status: z.enum(['eligible', 'potential']).optional(),
  /** A level's path ("treatment_list.step.0.arm.1") or its cohort code ("A"). */
  level: z.string().trim().min(1).max(300).optional(),
  newOnly: flag,
  includeClosed: flag,
  ...pageQuery,
});

const reason = z.string().trim().min(3, 'a reason of at least 3 characters is required').max(1000);
const ctml = z.string().min(1, 'CTML text is required').max(4_000_000);
const format = z.enum(['json', 'yaml']);

/** Either CTML text (one trial) or a criterion tree per level path; never both. */
export const criteriaUpdateBody = z.object({
  version: z.number().int().min(0),
  reason,
  ctml: ctml.optional(),
  format: format.optional(),
  criteria: z.record(z.string(), z.unknown()).optional(),
});

export const importBody = z.object({
  reason,
  ctml,
  format,
  /** Trial fields CTML may lack (MatchMiner CTML has no sponsor or committee, often no phase). */
  defaults: z
    .object({
      phase: z.enum(PHASES).optional(),
      sponsor: z.string().trim().min(1).max(300).optional(),
      committee: z.string().trim().min(1).max(300).optional(),
    })
    .optional(),
});
