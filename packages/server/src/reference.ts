import { parseOncoTreeTsv, type OncoTree } from '@continuum/core';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's data/ folder: reference data the product ships (see data/SOURCES.md). */
export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data');

let cached: OncoTree | undefined;

/** OncoTree, parsed once per process from the TSV shipped under data/oncotree. */
export function loadOncoTree(): OncoTree {
  if (cached) return cached;
  const dir = join(DATA_DIR, 'oncotree');
  const file = readdirSync(dir).find((f) => f.endsWith('.tsv'));
  if (!file) throw new Error(`no OncoTree TSV in ${dir}`);
  cached = parseOncoTreeTsv(readFileSync(join(dir, file), 'utf8'));
  return cached;
}
