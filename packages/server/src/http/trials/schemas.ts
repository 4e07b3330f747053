import { z } from 'zod';
import { pageQuery } from '../common/pagination';

export const TRIAL_STATUSES = ['in-preparation', 'open', 'suspended', 'closed-to-accrual', 'completed'] as const;
export const PHASES = ['I', 'I/II', 'II', 'II/III', 'III', 'IV'] as const;

export const trialListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(TRIAL_STATUSES).optional(),
  phase: z.enum(PHASES).optional(),
  ...pageQuery,
});
export const trialParams = z.object({ id: z.uuid() });
export const armParams = z.object({ id: z.uuid(), armId: z.uuid() });

const reason = z.string().trim().min(3, 'a reason of at least 3 characters is required').max(1000);

export const trialUpdateBody = z.object({
  version: z.number().int().positive(),
  reason,
  status: z.enum(TRIAL_STATUSES).optional(),
  title: z.string().trim().min(3).max(500).optional(),
});

export const armUpdateBody = z
  .object({
    version: z.number().int().positive(),
    reason,
    status: z.enum(['open', 'closed', 'suspended']).optional(),
    slotsTotal: z.number().int().min(0).max(10_000).optional(),
    slotsUsed: z.number().int().min(0).max(10_000).optional(),
  });
