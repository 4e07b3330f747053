/**
 * The nuclides of the department, as cited facts.
 *
 * Half-lives, decay modes and branching fractions: ICRP Publication 107, "Nuclear Decay Data for
 * Dosimetric Calculations" (Ann. ICRP 38(3), 2008), read as individual values (the ICRP-07 data
 * files themselves may not be redistributed, so only the constants are entered here, each one a
 * fact with its source).
 *
 * Dose-rate constants: ambient dose equivalent H*(10) rate at 1 m from an unshielded point
 * source, in µSv·m²/(MBq·h). Values computed from the ICRP-107 photon spectra (lines >= 20 keV,
 * yield >= 0.01 %) with the ICRU Report 57 fluence-to-H*(10) conversion coefficients, as
 * tabulated by the NM Radionuclide Planner data set v1.2 (Sendon, 2026; there in
 * µSv·h⁻¹·GBq⁻¹·m², divided by 1000 here). Where Cornejo Díaz, Brosed Serreta & Ruiz Manzano,
 * Radioprotección 83:39–42 (2015), Tabla III, publish the same constant, their value is kept
 * alongside as an independent check. A nuclide without a cited constant has `null` and a reason:
 * radiation-protection functions then refuse to guess and ask for a measured value.
 */
import { closestNames, NucmedError } from './errors';

export type NuclideId =
  | 'F-18'
  | 'Ga-68'
  | 'Ge-68'
  | 'Tc-99m'
  | 'I-123'
  | 'I-131'
  | 'Lu-177'
  | 'Lu-177m'
  | 'Y-90'
  | 'In-111'
  | 'Cu-64'
  | 'Ac-225'
  | 'Pb-212'
  | 'Zr-89';

/** ICRP-107 groups positron emission and electron capture into one mode for these nuclides. */
export type DecayModeKind = 'β-' | 'β+/EC' | 'EC' | 'IT' | 'α';

export interface DecayBranch {
  readonly mode: DecayModeKind;
  readonly daughter: string;
  /** Branching fraction, 0..1. */
  readonly fraction: number;
}

export interface HalfLife {
  /** As tabulated, in `unit`. */
  readonly value: number;
  readonly unit: 'min' | 'h' | 'd';
  /** The same half-life in hours, the unit every calculation here uses. */
  readonly hours: number;
  readonly source: string;
}

export interface DoseRateConstant {
  /** H*(10) rate at 1 m per unit activity, µSv·m²/(MBq·h). */
  readonly uSvM2PerMBqH: number;
  readonly quantity: 'H*(10)';
  readonly source: string;
  /** Cornejo Díaz et al. 2015 Tabla III, same quantity and unit, when published. */
  readonly publishedCheck?: number;
  /** Progeny whose photons are included (secular equilibrium), when any. */
  readonly includesProgeny?: string;
}

export interface Nuclide {
  readonly id: NuclideId;
  readonly name: string;
  readonly element: string;
  readonly massNumber: number;
  readonly metastable: boolean;
  readonly halfLife: HalfLife;
  readonly decay: readonly DecayBranch[];
  readonly doseRateConstant: DoseRateConstant | null;
  /** Why there is no dose-rate constant, when there is none. */
  readonly doseRateConstantNote?: string;
  /**
   * Mean energy emitted as electrons (β±, internal conversion, Auger) per decay, MeV (ICRP-107,
   * as tabulated by the NM Radionuclide Planner data v1.2). The dosimetry tests use it to check
   * the unit of the S-value tables.
   */
  readonly meanElectronEnergyMeV?: number;
}

const ICRP107 = 'ICRP Publication 107 (2008)';
const H10_SOURCE =
  'H*(10) from ICRP-107 photon spectrum with ICRU-57 conversion coefficients (NM Radionuclide Planner data v1.2); check: Cornejo Díaz et al., Radioprotección 83:39-42 (2015) Tabla III';
const H10_SOURCE_NO_CHECK = 'H*(10) from ICRP-107 photon spectrum with ICRU-57 conversion coefficients (NM Radionuclide Planner data v1.2)';

const halfLife = (value: number, unit: HalfLife['unit']): HalfLife => ({
  value,
  unit,
  hours: unit === 'min' ? value / 60 : unit === 'd' ? value * 24 : value,
  source: ICRP107,
});

const table: readonly Nuclide[] = [
  {
    id: 'F-18',
    name: 'fluorine-18',
    element: 'F',
    massNumber: 18,
    metastable: false,
    halfLife: halfLife(109.77, 'min'),
    decay: [{ mode: 'β+/EC', daughter: 'O-18', fraction: 1 }],
    doseRateConstant: { uSvM2PerMBqH: 0.16553, quantity: 'H*(10)', source: H10_SOURCE, publishedCheck: 0.166 },
    meanElectronEnergyMeV: 0.2416,
  },
  {
    id: 'Ga-68',
    name: 'gallium-68',
    element: 'Ga',
    massNumber: 68,
    metastable: false,
    halfLife: halfLife(67.71, 'min'),
    decay: [{ mode: 'β+/EC', daughter: 'Zn-68', fraction: 1 }],
    doseRateConstant: { uSvM2PerMBqH: 0.15784, quantity: 'H*(10)', source: H10_SOURCE_NO_CHECK },
    meanElectronEnergyMeV: 0.73794,
  },
  {
    id: 'Ge-68',
    name: 'germanium-68',
    element: 'Ge',
    massNumber: 68,
    metastable: false,
    halfLife: halfLife(270.95, 'd'),
    decay: [{ mode: 'EC', daughter: 'Ga-68', fraction: 1 }],
    doseRateConstant: null,
    // Ge-68 decays by electron capture with no photon >= 20 keV; what a generator emits comes
    // from the Ga-68 it holds, which is counted as Ga-68 activity (see generator.ts).
    doseRateConstantNote: 'Ge-68 alone emits no photon >= 20 keV; count the Ga-68 in equilibrium with it as Ga-68',
  },
  {
    id: 'Tc-99m',
    name: 'technetium-99m',
    element: 'Tc',
    massNumber: 99,
    metastable: true,
    halfLife: halfLife(6.015, 'h'),
    decay: [
      { mode: 'IT', daughter: 'Tc-99', fraction: 0.99996 },
      { mode: 'β-', daughter: 'Ru-99', fraction: 3.7e-5 },
    ],
    doseRateConstant: { uSvM2PerMBqH: 0.02172, quantity: 'H*(10)', source: H10_SOURCE, publishedCheck: 0.0217 },
    meanElectronEnergyMeV: 0.01618,
  },
  {
    id: 'I-123',
    name: 'iodine-123',
    element: 'I',
    massNumber: 123,
    metastable: false,
    halfLife: halfLife(13.27, 'h'),
    decay: [
      { mode: 'EC', daughter: 'Te-123', fraction: 0.99996 },
      { mode: 'EC', daughter: 'Te-123m', fraction: 4.442e-5 },
    ],
    doseRateConstant: { uSvM2PerMBqH: 0.0462, quantity: 'H*(10)', source: H10_SOURCE, publishedCheck: 0.0464 },
    meanElectronEnergyMeV: 0.02818,
  },
  {
    id: 'I-131',
    name: 'iodine-131',
    element: 'I',
    massNumber: 131,
    metastable: false,
    halfLife: halfLife(8.0207, 'd'),
    decay: [
      { mode: 'β-', daughter: 'Xe-131', fraction: 0.98824 },
      { mode: 'β-', daughter: 'Xe-131m', fraction: 0.011759 },
    ],
    doseRateConstant: { uSvM2PerMBqH: 0.06578, quantity: 'H*(10)', source: H10_SOURCE, publishedCheck: 0.0657 },
    meanElectronEnergyMeV: 0.19184,
  },
  {
    id: 'Lu-177',
    name: 'lutetium-177',
    element: 'Lu',
    massNumber: 177,
    metastable: false,
    halfLife: halfLife(6.647, 'd'),
    decay: [{ mode: 'β-', daughter: 'Hf-177', fraction: 1 }],
    doseRateConstant: { uSvM2PerMBqH: 0.00628, quantity: 'H*(10)', source: H10_SOURCE, publishedCheck: 0.006 },
    meanElectronEnergyMeV: 0.14792,
  },
  {
    id: 'Lu-177m',
    name: 'lutetium-177m',
    element: 'Lu',
    massNumber: 177,
    metastable: true,
    halfLife: halfLife(160.4, 'd'),
    decay: [
      { mode: 'β-', daughter: 'Hf-177', fraction: 0.783 },
      { mode: 'IT', daughter: 'Lu-177', fraction: 0.217 },
    ],
    doseRateConstant: null,
    doseRateConstantNote: 'no H*(10) constant in the cited sources; supply a measured value',
  },
  {
    id: 'Y-90',
    name: 'yttrium-90',
    element: 'Y',
    massNumber: 90,
    metastable: false,
    halfLife: halfLife(64.1, 'h'),
    decay: [{ mode: 'β-', daughter: 'Zr-90', fraction: 1 }],
    doseRateConstant: null,
    doseRateConstantNote:
      'pure β- emitter: the external dose comes from bremsstrahlung, which depends on the surrounding material; supply a measured value',
  },
  {
    id: 'In-111',
    name: 'indium-111',
    element: 'In',
    massNumber: 111,
    metastable: false,
    halfLife: halfLife(2.8047, 'd'),
    decay: [
      { mode: 'EC', daughter: 'Cd-111', fraction: 0.99995 },
      { mode: 'EC', daughter: 'Cd-111m', fraction: 4.9998e-5 },
    ],
    doseRateConstant: { uSvM2PerMBqH: 0.08871, quantity: 'H*(10)', source: H10_SOURCE, publishedCheck: 0.0899 },
    meanElectronEnergyMeV: 0.03481,
  },
  {
    id: 'Cu-64',
    name: 'copper-64',
    element: 'Cu',
    massNumber: 64,
    metastable: false,
    halfLife: halfLife(12.7, 'h'),
    decay: [
      { mode: 'β+/EC', daughter: 'Ni-64', fraction: 0.61 },
      { mode: 'β-', daughter: 'Zn-64', fraction: 0.39 },
    ],
    doseRateConstant: { uSvM2PerMBqH: 0.03066, quantity: 'H*(10)', source: H10_SOURCE, publishedCheck: 0.031 },
    meanElectronEnergyMeV: 0.12475,
  },
  {
    id: 'Ac-225',
    name: 'actinium-225',
    element: 'Ac',
    massNumber: 225,
    metastable: false,
    halfLife: halfLife(10.0, 'd'),
    decay: [{ mode: 'α', daughter: 'Fr-221', fraction: 1 }],
    doseRateConstant: {
      uSvM2PerMBqH: 0.0352,
      quantity: 'H*(10)',
      source: H10_SOURCE_NO_CHECK,
      includesProgeny: 'Fr-221, At-217, Bi-213, Po-213, Tl-209, Pb-209 in secular equilibrium',
    },
  },
  {
    id: 'Pb-212',
    name: 'lead-212',
    element: 'Pb',
    massNumber: 212,
    metastable: false,
    halfLife: halfLife(10.64, 'h'),
    decay: [{ mode: 'β-', daughter: 'Bi-212', fraction: 1 }],
    doseRateConstant: null,
    doseRateConstantNote: 'no H*(10) constant in the cited sources (and the Tl-208 progeny dominates it); supply a measured value',
  },
  {
    id: 'Zr-89',
    name: 'zirconium-89',
    element: 'Zr',
    massNumber: 89,
    metastable: false,
    halfLife: halfLife(78.41, 'h'),
    decay: [{ mode: 'β+/EC', daughter: 'Y-89', fraction: 1 }],
    doseRateConstant: { uSvM2PerMBqH: 0.17829, quantity: 'H*(10)', source: H10_SOURCE_NO_CHECK },
  },
];

export const NUCLIDES: Readonly<Record<NuclideId, Nuclide>> = Object.fromEntries(table.map((n) => [n.id, n])) as Record<NuclideId, Nuclide>;
export const NUCLIDE_IDS: readonly NuclideId[] = table.map((n) => n.id);

const ELEMENTS: Readonly<Record<string, string>> = {
  f: 'F',
  fluorine: 'F',
  ga: 'Ga',
  gallium: 'Ga',
  ge: 'Ge',
  germanium: 'Ge',
  tc: 'Tc',
  technetium: 'Tc',
  i: 'I',
  iodine: 'I',
  lu: 'Lu',
  lutetium: 'Lu',
  y: 'Y',
  yttrium: 'Y',
  in: 'In',
  indium: 'In',
  cu: 'Cu',
  copper: 'Cu',
  ac: 'Ac',
  actinium: 'Ac',
  pb: 'Pb',
  lead: 'Pb',
  zr: 'Zr',
  zirconium: 'Zr',
};

/** "Lu-177", "Lu177", "177Lu", "lutetium-177", "99mTc", "Tc-99m" → canonical "Lu-177" / "Tc-99m" spelling, or null. */
function canonicalSpelling(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/[\s_]/g, '');
  const symbolFirst = /^([a-z]+)-?(\d+)(m?)$/.exec(t);
  const massFirst = /^(\d+)(m?)-?([a-z]+)$/.exec(t);
  const [element, mass, meta] = symbolFirst
    ? [symbolFirst[1], symbolFirst[2], symbolFirst[3]]
    : massFirst
      ? [massFirst[3], massFirst[1], massFirst[2]]
      : [undefined, undefined, undefined];
  if (element === undefined || mass === undefined) return null;
  const symbol = ELEMENTS[element] ?? element.charAt(0).toUpperCase() + element.slice(1);
  return `${symbol}-${Number(mass)}${meta ? 'm' : ''}`;
}

export function isNuclideId(text: string): text is NuclideId {
  return Object.hasOwn(NUCLIDES, text);
}

/**
 * Look a nuclide up by any usual spelling. Unknown → NucmedError (code "unknown-nuclide") naming
 * the field, with the closest known nuclides as suggestions.
 */
export function nuclide(name: string | Nuclide, field = 'nuclide'): Nuclide {
  if (typeof name !== 'string') return name;
  const canonical = canonicalSpelling(name);
  if (canonical !== null && isNuclideId(canonical)) return NUCLIDES[canonical];
  throw new NucmedError({
    field,
    code: 'unknown-nuclide',
    reason: `unknown nuclide "${name}"${canonical !== null && canonical !== name ? ` (read as ${canonical})` : ''}`,
    expected: `one of ${NUCLIDE_IDS.join(', ')}`,
    suggestions: closestNames(canonical ?? name, NUCLIDE_IDS),
  });
}

/** Decay constant λ = ln 2 / T½, per hour. */
export function decayConstantPerH(n: Nuclide | string): number {
  return Math.LN2 / nuclide(n).halfLife.hours;
}
