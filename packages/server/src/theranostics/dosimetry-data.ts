import { loadDosimetryData, NUCMED_DATA_PATHS, type DosimetryData, type NucmedDataTexts } from '@continuum/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../reference';

let cached: DosimetryData | undefined;

/** The shipped S-value tables and organ masses (data/nucmed), read once per process. */
export function dosimetryData(): DosimetryData {
  if (cached) return cached;
  const repo = join(DATA_DIR, '..');
  const texts = Object.fromEntries(
    Object.entries(NUCMED_DATA_PATHS).map(([key, path]) => [key, readFileSync(join(repo, path), 'utf8')]),
  ) as NucmedDataTexts;
  cached = loadDosimetryData(texts);
  return cached;
}
