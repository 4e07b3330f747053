/**
 * A diagnostic PET read as the theranostic eligibility rules see it: the tracer, the uptake of
 * the reference organs (SUVmean) and the lesions (SUVmax, short axis on CT).
 *
 * Absence is meaningful: a reference organ left out (undefined or null) is "not measured", so a
 * comparison with it is unknown; an empty lesion list is "read, no lesion found".
 */

export const PET_LESION_REGIONS = ['prostate', 'lymph-node', 'bone', 'liver', 'lung', 'brain', 'soft-tissue', 'other'] as const;
export type PetLesionRegion = (typeof PET_LESION_REGIONS)[number];

export interface PetLesion {
  /** Where, in words: "L3 vertebra", "left external iliac node". */
  site: string;
  region: PetLesionRegion;
  suvMax: number;
  /**
   * Short axis on CT, mm. For a bone lesion, the short axis of its soft-tissue component (absent
   * for a purely osseous lesion, which has none).
   */
  shortAxisMm?: number | null;
  /**
   * The reader's call that the lesion meets the CT size criteria (is measurable); used when the
   * short axis itself was not recorded.
   */
  ctMeasurable?: boolean | null;
}

/** Reference organs' uptake, SUVmean. */
export interface ReferenceUptake {
  liverSuvMean?: number | null;
  parotidSuvMean?: number | null;
  spleenSuvMean?: number | null;
}

export interface PetRead {
  /** The stored read's id, carried into explanations. */
  id?: string;
  /** As written on the request: "[68Ga]Ga-PSMA-11", "[18F]PSMA-1007", "[68Ga]Ga-DOTATATE"… */
  tracer: string;
  /** ISO instant of the scan. */
  scannedAt: string;
  reference: ReferenceUptake;
  lesions: readonly PetLesion[];
}

/** The molecular target a tracer images: what decides which rules a read can answer. */
export type TracerTarget = 'psma' | 'sstr' | 'grpr' | 'fap' | 'glucose';

export const TRACER_TARGET_NAMES: Readonly<Record<TracerTarget, string>> = {
  psma: 'PSMA',
  sstr: 'somatostatin-receptor',
  grpr: 'GRPR (bombesin)',
  fap: 'FAP',
  glucose: 'FDG',
};

// Ligand names and INNs, lower case without punctuation: "[68Ga]Ga-PSMA-11" → "68gagapsma11".
const TARGET_PATTERNS: ReadonlyArray<readonly [TracerTarget, RegExp]> = [
  ['psma', /psma|dcfpyl|piflufolastat|flotufolastat|gozetotide|vipivotide/],
  ['sstr', /dotatate|dotatoc|dotanoc|oxodotreotide|edotreotide|octreotide|octreoscan|sstr|somatostatin/],
  ['grpr', /neob|rm2|bombesin|grpr/],
  ['fap', /fapi|fap/],
  ['glucose', /fdg|fluorodeoxyglucose/],
];

/** The target of a tracer name, or undefined when the name says nothing we know. */
export function tracerTarget(tracer: string): TracerTarget | undefined {
  const key = tracer.toLowerCase().replace(/[^a-z0-9]/g, '');
  return TARGET_PATTERNS.find(([, pattern]) => pattern.test(key))?.[0];
}

/** A lesion outside the prostate: what "metastatic" means in the PSMA rules. */
export const isMetastatic = (l: PetLesion): boolean => l.region !== 'prostate';

/** A reference value that was measured (a number >= 0), else undefined. */
export function measured(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
