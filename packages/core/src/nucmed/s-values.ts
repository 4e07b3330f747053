/**
 * The reference data the dosimetry needs, and pure parsers for it. Core never reads files: the
 * server (or a test) reads the files at NUCMED_DATA_PATHS and passes their text to
 * `loadDosimetryData`.
 *
 * - Lu-177 organ S-values for the ICRP-89 adult male and female phantoms (rows = targets,
 *   columns = sources). The files do not state their unit. It is mGy/(MBq·s): the kidney
 *   self-dose S-value, 7.76e-5, equals the Lu-177 mean electron energy per decay (0.14792 MeV,
 *   ICRP-107) fully absorbed in the 310 g phantom kidneys, 7.64e-5 mGy/(MBq·s), plus 1.5 % of
 *   photon self-absorption; a test checks this for several organs.
 * - ICRP-89 reference organ masses (g), female and male.
 * - Lu-177 S-values of unit-density spheres for 5 soft-tissue/bone compositions, in Gy/(Bq·s)
 *   (0.932 g: 2.49e-11, against 2.54e-11 for all electron energy absorbed), for lesions.
 */
import { NucmedError } from './errors';

export const NUCMED_DATA_PATHS = {
  lu177SValuesMale: 'data/nucmed/lu177-s-values-icrp89-adult-male.csv',
  lu177SValuesFemale: 'data/nucmed/lu177-s-values-icrp89-adult-female.csv',
  organMasses: 'data/nucmed/icrp89-reference-organ-masses.csv',
  lu177SphereSValues: 'data/nucmed/lu177-sphere-s-values.json',
} as const;

export type NucmedDataTexts = { [K in keyof typeof NUCMED_DATA_PATHS]: string };

export type Phantom = 'male' | 'female';

export const S_VALUE_SOURCE =
  'Lu-177 S-values, ICRP-89 adult phantoms (OLINDA-style organ set), from PyTheranostics (qurit/PyTheranostics, Apache-2.0), unit mGy/(MBq·s)';

/** An organ S-value table: mean absorbed dose to a target per decay in a source. */
export class SValueTable {
  readonly unit = 'mGy/(MBq·s)';
  private readonly targetIndex: Map<string, number>;
  private readonly sourceIndex: Map<string, number>;

  constructor(
    readonly nuclide: 'Lu-177',
    readonly phantom: Phantom,
    readonly targets: readonly string[],
    readonly sources: readonly string[],
    private readonly values: Float64Array,
    readonly file: string,
  ) {
    this.targetIndex = new Map(targets.map((t, i) => [t, i]));
    this.sourceIndex = new Map(sources.map((s, i) => [s, i]));
  }

  hasTarget(row: string): boolean {
    return this.targetIndex.has(row);
  }

  hasSource(column: string): boolean {
    return this.sourceIndex.has(column);
  }

  /** S(target ← source) in mGy/(MBq·s), or undefined when the table has no such row or column. */
  value(targetRow: string, sourceColumn: string): number | undefined {
    const t = this.targetIndex.get(targetRow);
    const s = this.sourceIndex.get(sourceColumn);
    if (t === undefined || s === undefined) return undefined;
    return this.values[t * this.sources.length + s];
  }
}

function splitCsvLine(line: string, field: string): string[] {
  // These tables hold no quoted fields; a quote would mean a format this parser does not know.
  if (line.includes('"')) throw new NucmedError({ field, code: 'unsupported', reason: 'quoted CSV fields are not expected' });
  return line.split(',').map((cell) => cell.trim());
}

function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

export function parseSValueCsv(text: string, phantom: Phantom, file: string): SValueTable {
  const rows = lines(text).filter((l) => l.trim().length > 0);
  const header = rows[0];
  if (header === undefined) throw new NucmedError({ field: file, code: 'no-data', reason: 'empty S-value table' });
  const columns = splitCsvLine(header, `${file} line 1`);
  if (columns[0] !== 'Target')
    throw new NucmedError({
      field: `${file} line 1`,
      code: 'unsupported',
      reason: `first header cell is "${columns[0]}"`,
      expected: '"Target"',
    });
  const sources = columns.slice(1);
  const targets: string[] = [];
  const values = new Float64Array((rows.length - 1) * sources.length);
  rows.slice(1).forEach((row, r) => {
    const cells = splitCsvLine(row, `${file} line ${r + 2}`);
    if (cells.length !== columns.length) {
      throw new NucmedError({
        field: `${file} line ${r + 2}`,
        code: 'out-of-range',
        reason: `${cells.length} cells`,
        expected: `${columns.length} cells`,
      });
    }
    targets.push(cells[0] ?? '');
    cells.slice(1).forEach((cell, c) => {
      const v = Number(cell);
      if (cell === '' || !Number.isFinite(v) || v < 0) {
        throw new NucmedError({
          field: `${file} line ${r + 2}, column "${sources[c]}"`,
          code: 'not-a-number',
          reason: `"${cell}"`,
          expected: 'a number >= 0',
        });
      }
      values[r * sources.length + c] = v;
    });
  });
  return new SValueTable('Lu-177', phantom, targets, sources, values, file);
}

/** ICRP-89 reference organ masses in grams; a 0 in the table (e.g. male ovaries) means absent. */
export class PhantomMasses {
  constructor(private readonly rows: ReadonlyMap<string, { female: number; male: number }>) {}

  massG(phantom: Phantom, row: string): number | undefined {
    const m = this.rows.get(row)?.[phantom];
    return m !== undefined && m > 0 ? m : undefined;
  }
}

export function parseOrganMassesCsv(text: string, file: string): PhantomMasses {
  const rows = lines(text).filter((l) => l.trim().length > 0);
  const header = splitCsvLine(rows[0] ?? '', `${file} line 1`);
  const fi = header.indexOf('Female');
  const mi = header.indexOf('Male');
  if (header[0] !== 'Organ' || fi < 0 || mi < 0) {
    throw new NucmedError({
      field: `${file} line 1`,
      code: 'unsupported',
      reason: `header "${rows[0] ?? ''}"`,
      expected: 'Organ,Female,Male',
    });
  }
  const map = new Map<string, { female: number; male: number }>();
  rows.slice(1).forEach((row, r) => {
    const cells = splitCsvLine(row, `${file} line ${r + 2}`);
    const female = Number(cells[fi]);
    const male = Number(cells[mi]);
    if (!Number.isFinite(female) || !Number.isFinite(male) || female < 0 || male < 0) {
      throw new NucmedError({ field: `${file} line ${r + 2}`, code: 'not-a-number', reason: `"${row}"`, expected: 'masses in grams >= 0' });
    }
    map.set(cells[0] ?? '', { female, male });
  });
  return new PhantomMasses(map);
}

export interface SphereCurve {
  /** Sphere masses, g, increasing. */
  readonly massesG: readonly number[];
  /** S(sphere ← sphere), Gy/(Bq·s). */
  readonly sGyPerBqS: readonly number[];
}

/** Lu-177 sphere S-values by composition key ("100%/0%" = soft tissue/bone ... "0%/100%"). */
export class SphereSValues {
  constructor(
    readonly curves: ReadonlyMap<string, SphereCurve>,
    readonly file: string,
  ) {}

  get compositions(): string[] {
    return [...this.curves.keys()];
  }
}

export function parseSphereSValuesJson(text: string, file: string): SphereSValues {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new NucmedError({ field: file, code: 'unsupported', reason: `not JSON: ${(error as Error).message}` });
  }
  if (parsed === null || typeof parsed !== 'object') throw new NucmedError({ field: file, code: 'unsupported', reason: 'not an object' });
  const curves = new Map<string, SphereCurve>();
  for (const [composition, entry] of Object.entries(parsed as Record<string, unknown>)) {
    const e = entry as { tumor_mass?: unknown; total_s_value?: unknown };
    const masses = e.tumor_mass;
    const s = e.total_s_value;
    if (!Array.isArray(masses) || !Array.isArray(s) || masses.length !== s.length || masses.length < 2) {
      throw new NucmedError({
        field: `${file} "${composition}"`,
        code: 'unsupported',
        reason: 'tumor_mass and total_s_value must be arrays of the same length',
        expected: '>= 2 points',
      });
    }
    masses.forEach((m, i) => {
      if (typeof m !== 'number' || !(m > 0) || (i > 0 && !(m > (masses[i - 1] as number)))) {
        throw new NucmedError({
          field: `${file} "${composition}".tumor_mass[${i}]`,
          code: 'out-of-order',
          reason: `${String(m)}`,
          expected: 'increasing masses > 0',
        });
      }
      const v = s[i];
      if (typeof v !== 'number' || !(v > 0)) {
        throw new NucmedError({
          field: `${file} "${composition}".total_s_value[${i}]`,
          code: 'out-of-range',
          reason: `${String(v)}`,
          expected: '> 0',
        });
      }
    });
    curves.set(composition, { massesG: masses as number[], sGyPerBqS: s as number[] });
  }
  return new SphereSValues(curves, file);
}

export interface DosimetryData {
  readonly nuclide: 'Lu-177';
  readonly sValues: Readonly<Record<Phantom, SValueTable>>;
  readonly masses: PhantomMasses;
  readonly spheres: SphereSValues;
}

/** Build everything the dosimetry needs from the texts of the files at NUCMED_DATA_PATHS. */
export function loadDosimetryData(texts: NucmedDataTexts): DosimetryData {
  return {
    nuclide: 'Lu-177',
    sValues: {
      male: parseSValueCsv(texts.lu177SValuesMale, 'male', NUCMED_DATA_PATHS.lu177SValuesMale),
      female: parseSValueCsv(texts.lu177SValuesFemale, 'female', NUCMED_DATA_PATHS.lu177SValuesFemale),
    },
    masses: parseOrganMassesCsv(texts.organMasses, NUCMED_DATA_PATHS.organMasses),
    spheres: parseSphereSValuesJson(texts.lu177SphereSValues, NUCMED_DATA_PATHS.lu177SphereSValues),
  };
}
