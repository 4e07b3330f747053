/**
 * The theranostic pathway per patient: PET reads, eligibility rules as data (VISION PSMA-PET,
 * somatostatin-receptor uptake by the Krenning score) evaluated three-valued, and the dosimetry
 * of each administration with the organ-at-risk figures the cumulative limits need.
 */
export * from './pet-read';
export * from './krenning';
export * from './rules';
export * from './evaluate-rule';
export * from './administration-dosimetry';
