/**
 * Reading the nucmed fixtures (packages/core/test/fixtures/nucmed, see its SOURCES.md) and the
 * shipped reference data (data/nucmed). Tests read files; core never does.
 */
import { readFileSync } from 'node:fs';
import { loadDosimetryData, NUCMED_DATA_PATHS, type DosimetryData, type NucmedDataTexts } from '../../src/nucmed/index';

export const fixtureText = (name: string): string => readFileSync(new URL(`../fixtures/nucmed/${name}`, import.meta.url), 'utf8');
export const fixtureJson = <T = unknown>(name: string): T => JSON.parse(fixtureText(name)) as T;
export const repoText = (path: string): string => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');

let cached: DosimetryData | undefined;
export function dosimetryData(): DosimetryData {
  if (cached === undefined) {
    const texts = Object.fromEntries(Object.entries(NUCMED_DATA_PATHS).map(([key, path]) => [key, repoText(path)])) as NucmedDataTexts;
    cached = loadDosimetryData(texts);
  }
  return cached;
}

/** Minimal CSV reader for the reference files: commas, double-quoted cells, no embedded newlines. */
export function parseCsv(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map((line) => {
      const cells: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted) {
          if (ch === '"' && line[i + 1] === '"') {
            cell += '"';
            i++;
          } else if (ch === '"') quoted = false;
          else cell += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') {
          cells.push(cell);
          cell = '';
        } else cell += ch;
      }
      cells.push(cell);
      return cells;
    });
}

/** "[np.float64(1.5), 2]" → [1.5, 2] (the reference CSV writes numpy scalars that way). */
export function numberList(cell: string): number[] {
  const inner = cell.trim().replace(/^\[/, '').replace(/\]$/, '');
  return inner
    .replace(/np\.float64\(([^()]*)\)/g, '$1')
    .split(',')
    .map((s) => Number(s.trim()));
}

export interface SnmmiRegion {
  name: string;
  timesH: number[];
  volumesMl: number[];
  activitiesMBq: number[];
  densityHu: number[];
  fitParams: number[];
  rSquared: number;
  aic: number;
  tiaMBqH: number;
  tiaH: number;
}

/** Rows of the challenge reference `expected_results.csv` (PyTheranostics). */
export function snmmiExpectedResults(): SnmmiRegion[] {
  const [header, ...rows] = parseCsv(fixtureText('snmmi-2021-expected_results.csv'));
  const col = (name: string) => (header ?? []).indexOf(name);
  return rows.map((r) => {
    const cell = (name: string) => r[col(name)] ?? '';
    const [rSquared, aic] = numberList(cell('R_squared_AIC'));
    return {
      name: r[0] ?? '',
      timesH: numberList(cell('Time_hr')),
      volumesMl: numberList(cell('Volume_CT_mL')),
      activitiesMBq: numberList(cell('Activity_MBq')),
      densityHu: numberList(cell('Density_HU')),
      fitParams: numberList(cell('Fit_params')),
      rSquared: rSquared ?? Number.NaN,
      aic: aic ?? Number.NaN,
      tiaMBqH: Number(cell('TIA_MBq_h')),
      tiaH: Number(cell('TIA_h')),
    };
  });
}

/** Rows of `expected_df_ad.csv`: absorbed dose (Gy) and per GBq. */
export function snmmiExpectedDoses(): Map<string, { doseGy: number; doseGyPerGBq: number }> {
  const [, ...rows] = parseCsv(fixtureText('snmmi-2021-expected_df_ad.csv'));
  return new Map(rows.map((r) => [r[0] ?? '', { doseGy: Number(r[1]), doseGyPerGBq: Number(r[2]) }]));
}

export const relativeError = (computed: number, expected: number): number => Math.abs(computed / expected - 1);
