import { z } from 'zod';
import { pageQuery } from '../common/pagination';

export const PARTICIPATION_STATUSES = [
  'pre-screened', 'screening', 'consented', 'screen-failure', 'enrolled', 'on-treatment', 'follow-up', 'off-study',
] as const;

export const patientListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  tumourType: z.string().trim().max(40).optional(),
  biomarker: z.string().trim().max(100).optional(),
  trialStatus: z.enum(PARTICIPATION_STATUSES).optional(),
  ...pageQuery,
});

export const patientParams = z.object({ id: z.uuid() });

const reason = z.string().trim().min(3, 'a reason of at least 3 characters is required for changes to clinical data').max(1000);
const isoDateOrInstant = z.iso.date().or(z.iso.datetime({ offset: true }));

export const patientUpdateBody = z.object({
  version: z.number().int().positive(),
  reason,
  vitalStatus: z.enum(['alive', 'deceased', 'unknown']).optional(),
  sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
});

export const performanceBody = z.object({
  ecog: z.number().int().min(0).max(5),
  observedAt: isoDateOrInstant,
  reason,
});

export const labBody = z.object({
  loinc: z.string().regex(/^\d{1,7}-\d$/, 'a LOINC code such as 2160-0'),
  display: z.string().trim().min(1).max(200),
  value: z.number().finite(),
  unit: z.string().trim().min(1).max(40),
  upperLimitOfNormal: z.number().finite().optional(),
  lowerLimitOfNormal: z.number().finite().optional(),
  observedAt: isoDateOrInstant,
  reason,
});
