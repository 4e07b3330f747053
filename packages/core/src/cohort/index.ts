/** Public API of the synthetic cohort: generator, catalogue and the tables behind them. */
export {
  generateCohort,
  generatePatient,
  pseudonymFor,
  PSEUDONYM_PREFIX,
  CTDNA_PANEL,
  TISSUE_PANEL_V1,
  TISSUE_PANEL_V2,
  HAEM_PANEL,
} from './generate';
export type { CohortOptions } from './generate';
export { TRIAL_CATALOGUE, TRIAL_ENTRIES, COMMITTEES, trialByProtocolNumber, trialPeriod } from './trials';
export type { CatalogueEntry, TrialPeriod } from './trials';
export { TUMOUR_TYPES, TUMOUR_TABLE, tumourTypeByCode, ACQUIRED_RESISTANCE, TMB_HIGH_CUTOFF, CTDNA_VAF_LOD } from './frequencies';
export type { TumourType, TumourGroup, MetastaticSite, AlterationGroup } from './frequencies';
export { ALT, TP53_HOTSPOTS, APC_TRUNCATING, NON_GENOMIC_BIOMARKERS } from './alterations';
export type { AlterationSpec, AlterationChoice } from './alterations';
export { DRUGS, metastaticSequence, adjuvantRegimen } from './regimens';
export type { Regimen, RegimenKind, LineContext } from './regimens';
export { Rng, WeightedTable, mixSeed } from './random';
export { catalogueEligibility } from './criteria';
export { eligibilityTrial } from './criteria-levels';
export { PROTOCOL_CRITERIA, type ArmClause } from './criteria-protocols';
export { syntheticTrials, countLeaves, type SyntheticTrialsOptions } from './trials-synthetic';
