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
