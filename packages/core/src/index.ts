export * from './model/provenance';
export * from './model/roles';
export * from './model/patient';
export * from './model/trial';
export * from './codes/oncotree';
export * from './codes/loinc';
export * from './cohort';
