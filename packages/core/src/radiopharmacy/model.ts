/**
 * What the radiopharmacy prepares and where: products with their release specification, and
 * the shielded hot cells with the energy class and nuclides each may handle (DOMAIN.md: four
 * cells — PET fractionation with a dispensing tunnel, Ga-68 labelling, Tc-99m/I-123, therapy).
 */

export const ENERGY_CLASSES = ['pet-fractionation', 'ga68-labelling', 'low-medium-energy', 'therapy-high-energy'] as const;
export type EnergyClass = (typeof ENERGY_CLASSES)[number];

export interface HotCell {
  readonly id: string;
  readonly name: string;
  readonly energyClass: EnergyClass;
  /** Canonical nuclide ids (core nucmed spelling, e.g. "Lu-177"). */
  readonly nuclides: readonly string[];
}

/**
 * One release test. A numeric test has a unit and min and/or max (inclusive); a pass/fail test
 * (appearance, filter integrity, sterility) has an outcome. `required: false` marks tests whose
 * result comes after release (sterility, Ge-68 breakthrough once Ga-68 has decayed): recorded
 * when known, never a condition of release.
 */
export interface QcSpecItem {
  readonly test: string;
  readonly label: string;
  readonly kind: 'numeric' | 'pass-fail';
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  readonly required: boolean;
  /** Where the limit comes from: monograph, SmPC, IMPD. */
  readonly reference: string;
}

export const PURPOSES = ['diagnostic', 'therapeutic'] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface Product {
  readonly id: string;
  readonly name: string;
  readonly nuclide: string;
  readonly purpose: Purpose;
  readonly investigational: boolean;
  readonly hotCellClass: EnergyClass;
  /** From calibration. */
  readonly shelfLifeMin: number;
  readonly qcSpec: readonly QcSpecItem[];
  /** Accepted deviation of the activity at injection from the prescription, percent. */
  readonly tolerancePct: number;
}

export const BATCH_ORIGINS = ['delivery', 'generator-elution', 'synthesis'] as const;
export type BatchOrigin = (typeof BATCH_ORIGINS)[number];
