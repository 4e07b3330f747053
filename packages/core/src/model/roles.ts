/** The roles of DESIGN.md. Least privilege: each route names the roles it admits. */
export const ROLES = [
  'admin',
  'investigator',
  'coordinator',
  'mtb',
  'radiopharmacist',
  'physicist',
  'referrer',
  'sponsor',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may read patient-level pseudonymised clinical data. Sponsors never do; referrers only their own referrals. */
export const CLINICAL_READERS: readonly Role[] = [
  'admin',
  'investigator',
  'coordinator',
  'mtb',
  'radiopharmacist',
  'physicist',
];
/** Roles that may read identity data (names, birth dates, hospital numbers). */
export const IDENTITY_READERS: readonly Role[] = ['admin', 'investigator', 'coordinator'];
/** Roles that may change clinical data (always with a reason). */
export const CLINICAL_WRITERS: readonly Role[] = ['admin', 'investigator', 'coordinator', 'mtb'];
/** Roles that may change trials, arms and slots. */
export const TRIAL_WRITERS: readonly Role[] = ['admin', 'investigator', 'coordinator'];
