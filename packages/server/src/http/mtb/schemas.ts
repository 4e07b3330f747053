import { ESCAT_TIERS, type Role } from '@continuum/core';
import { z } from 'zod';
import { pageQuery } from '../common/pagination';
import { CASE_STATUSES } from '../../mtb/case-record';
import { RECOMMENDATION_KINDS } from '../../mtb/recommendations';

/** Who records recommendations, runs meetings and signs (as chair): the board's members and the physicians who lead it. */
export const MTB_WRITERS: readonly Role[] = ['mtb', 'admin', 'investigator'];

export const caseParams = z.object({ id: z.uuid() });
export const recommendationParams = z.object({ id: z.uuid(), recommendationId: z.uuid() });
export const meetingParams = z.object({ id: z.uuid() });
export const agendaItemParams = z.object({ id: z.uuid(), caseId: z.uuid() });

const reason = z.string().trim().min(3, 'a reason of at least 3 characters is required').max(1000);
const version = z.number().int().positive();

export const caseListQuery = z.object({
  status: z.enum([...CASE_STATUSES, 'open']).optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});

export const queueBody = z.object({ reportId: z.uuid(), reason });

/** "MSI-H", "TMB-H", or an alteration row id of the case's report. */
const alterationKey = z.union([z.uuid(), z.enum(['MSI-H', 'TMB-H'])]);
const therapy = z.string().trim().min(2, 'name the therapy').max(300).nullable();

export const recommendationBody = z.object({
  alterationKey,
  kind: z.enum(RECOMMENDATION_KINDS),
  therapy: therapy.optional(),
  trialId: z.uuid().nullable().optional(),
  escatDecided: z.enum(ESCAT_TIERS),
  rationale: z.string().trim().min(3, 'give the rationale (at least 3 characters)').max(4000),
  reason,
});

export const recommendationUpdateBody = z.object({
  version,
  reason,
  kind: z.enum(RECOMMENDATION_KINDS).optional(),
  therapy: therapy.optional(),
  trialId: z.uuid().nullable().optional(),
  escatDecided: z.enum(ESCAT_TIERS).optional(),
  rationale: z.string().trim().min(3, 'give the rationale (at least 3 characters)').max(4000).optional(),
});

export const versionedReasonBody = z.object({ version, reason });

export const meetingListQuery = z.object({ when: z.enum(['upcoming', 'past']).optional(), ...pageQuery });

const instant = z.iso.datetime({ offset: true });

export const meetingBody = z.object({
  title: z.string().trim().min(3, 'a title of at least 3 characters').max(200),
  scheduledAt: instant,
  chairId: z.uuid(),
  reason,
});

export const meetingUpdateBody = z.object({
  version,
  reason,
  title: z.string().trim().min(3).max(200).optional(),
  scheduledAt: instant.optional(),
  chairId: z.uuid().optional(),
});

export const agendaAddBody = z.object({ caseId: z.uuid(), version, reason });
export const agendaOrderBody = z.object({ caseIds: z.array(z.uuid()).max(500), version, reason });

export const signBody = z.object({
  version,
  /** The hash the signer was shown: the server signs only if the content still hashes to it. */
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'the SHA-256 shown, 64 lower-case hex digits'),
  meaning: z.string().trim().min(1).max(500),
  password: z.string().min(1, 're-enter your password to sign').max(1000),
});
