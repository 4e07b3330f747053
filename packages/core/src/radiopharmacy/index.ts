/**
 * The radiopharmacy's rules: which hot cell may prepare what, a batch's life (QC, signed
 * release, expiry), patient doses decay-corrected to injection against their tolerance, the
 * activity actually administered, decay-in-storage of waste, and traceability for recalls.
 * Pure functions: instants are passed in, the physics is core nucmed's.
 */
export * from './errors';
export * from './model';
export type { InstantInput } from './instants';
export * from './hot-cells';
export * from './qc';
export * from './lifecycle';
export * from './expiry';
export * from './dose';
export * from './administration';
export * from './waste';
export * from './release';
export * from './trace';
