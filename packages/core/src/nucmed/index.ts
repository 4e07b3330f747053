/**
 * Nuclear medicine and theranostics: nuclides and decay, generator ingrowth, time-activity fits,
 * organ and lesion dosimetry, BED and dose limits across cycles, radiation protection.
 * Pure functions only: no clock, no files (see s-values.ts for the shipped data and its paths).
 */
export * from './errors';
export * from './units';
export * from './instants';
export * from './nuclides';
export * from './decay';
export * from './generator';
export * from './time-activity';
export * from './goodness-of-fit';
export * from './levenberg-marquardt';
export * from './exponential-fits';
export * from './trapezoid';
export * from './single-time-point';
export * from './fit-time-activity';
export * from './phantom-organs';
export * from './s-values';
export * from './organ-dose';
export * from './lesion-dose';
export * from './bed';
export * from './dose-limits';
export * from './radiation-protection';
export * from './run-dosimetry';
