import type { Role } from '@continuum/core';

// Mirrors the role sets of @continuum/core's model/roles.ts (imported as types only so the
// bundle stays free of server-side code). The server remains the judge; these sets only
// decide what the navigation offers.
export const CLINICAL_READERS: readonly Role[] = ['admin', 'investigator', 'coordinator', 'mtb', 'radiopharmacist', 'physicist'];
/** Who may see names, birth dates and hospital numbers (server: IDENTITY_READERS). */
export const IDENTITY_READERS: readonly Role[] = ['admin', 'investigator', 'coordinator'];
export const TRIAL_READERS: readonly Role[] = [...CLINICAL_READERS, 'sponsor'];
export const TRIAL_WRITERS: readonly Role[] = ['admin', 'investigator', 'coordinator'];
/** Who sees a trial's candidate patients (docs/api.md: GET /api/trials/:id/candidates). */
export const CANDIDATE_READERS: readonly Role[] = ['admin', 'investigator', 'coordinator', 'mtb'];
export const AUDIT_READERS: readonly Role[] = ['admin'];
export const KPI_READERS: readonly Role[] = ['sponsor', 'admin'];
export const REFERRAL_READERS: readonly Role[] = ['referrer', 'coordinator', 'investigator', 'admin'];
export const REFERRAL_WRITERS: readonly Role[] = ['referrer'];
/** Who confirms or rejects a resistance classification (server http/genomics/schemas.ts RESISTANCE_REVIEWERS). */
export const RESISTANCE_REVIEWERS: readonly Role[] = ['mtb', 'investigator', 'admin'];
/** Who records MTB recommendations, runs its meetings and signs as chair (server: http/mtb/schemas.ts). */
export const MTB_WRITERS: readonly Role[] = ['mtb', 'admin', 'investigator'];

/** Who uses the radiopharmacy board (server: http/radiopharmacy/schemas.ts; writes are radiopharmacist/admin). */
export const RADIOPHARMACY_USERS: readonly Role[] = ['radiopharmacist', 'admin', 'investigator'];
/** Who records diagnostic PET reads (server: http/theranostics/routes.ts PET_READ_WRITERS). */
export const PET_READ_WRITERS: readonly Role[] = ['investigator', 'admin'];
/** Who books resources, plans radioligand courses and schedules cycles (server: http/scheduling; radiopharmacists book preparations only). */
export const SCHEDULERS: readonly Role[] = ['admin', 'investigator', 'coordinator'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  investigator: 'Investigator',
  coordinator: 'Research coordinator',
  mtb: 'MTB member',
  radiopharmacist: 'Radiopharmacist',
  physicist: 'Medical physicist',
  referrer: 'Referring physician',
  sponsor: 'Sponsor',
};

export function can(role: Role | undefined, allowed: readonly Role[]): boolean {
  return role !== undefined && allowed.includes(role);
}

/** Where a role lands after sign-in: its main job. */
export function homeFor(role: Role): string {
  if (can(role, CLINICAL_READERS)) return '/patients';
  if (role === 'sponsor') return '/sponsor';
  return '/referrals';
}
