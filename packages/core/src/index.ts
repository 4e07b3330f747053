export * from './model/provenance';
export * from './model/roles';
export * from './model/patient';
export * from './model/trial';
