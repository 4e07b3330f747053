/** Matching: compiled match paths, patient × trial evaluation, re-match reconciliation, MatchMiner interop. */
export * from './compile';
export * from './evaluate-paths';
export * from './trials';
export * from './reconcile';
export { canonicalJson, hash53 } from './canonical';
export * from './ctml-match-tree';
export * from './matchminer';
export * from './matchminer-docs';
export * from './ranking';
// Matching at the centre's scale: patient and trial indexes, status-only screening, the naive baseline.
export { buildPatientIndex, type PatientIndex } from './patient-index';
export { matchCohort, explainCohortMatch, matchesByTrial, CohortMatches, type CohortMatch, type CohortMatchStats } from './cohort-match';
export { buildTrialIndex, matchOnePatient, type TrialIndex } from './trial-index';
export { naiveMatchPatient, type NaiveMatch } from './naive';
export { preparePortfolio, type Portfolio } from './portfolio';
