import { ATLAS_MECHANISMS, REVIEWABLE_MECHANISMS, type Role } from '@continuum/core';
import { z } from 'zod';

/** Who may confirm or reject a resistance classification: the MTB, and the physicians and admins who chair it. */
export const RESISTANCE_REVIEWERS: readonly Role[] = ['mtb', 'investigator', 'admin'];

export const patientParams = z.object({ id: z.uuid() });
export const reviewParams = z.object({ id: z.uuid(), reviewId: z.uuid() });

const mechanism = z.enum(REVIEWABLE_MECHANISMS as unknown as ['on_target', 'bypass', 'lineage', 'reversion']);
const note = z.string().trim().min(3, 'a note of at least 3 characters is required: why the MTB decided so').max(2000);

const decisionFields = {
  decision: z.enum(['confirmed', 'rejected']),
  /** Required when confirmed: the mechanism as the MTB confirms it (may differ from the suggestion). */
  mechanism: mechanism.optional(),
  /** The finer class (on_target_secondary, bypass_rtk …), when the MTB names one. */
  mechanismClass: z.string().trim().min(1).max(100).optional(),
  note,
};

export const reviewCreateBody = z.object({
  /** The alteration row in the progression sample (the timeline's acquired.alterationId). */
  alterationId: z.uuid(),
  /** The line it is read as resistance to (the timeline's acquired.attribution.lineId). */
  therapyLineId: z.uuid(),
  ...decisionFields,
});

export const reviewUpdateBody = z.object({
  version: z.number().int().positive(),
  ...decisionFields,
});

export const atlasQuery = z.object({
  drugClass: z.string().trim().min(1).max(200).optional(),
  target: z.string().trim().min(1).max(200).optional(),
  mechanism: z.enum(ATLAS_MECHANISMS as unknown as [string, ...string[]]).optional(),
  status: z.enum(['needs review', 'confirmed']).optional(),
  /** How many of the cases behind the counts to return (all counts are always returned). */
  limit: z.coerce.number().int().min(0).max(5000).default(500),
});
