import { GENOMICS_DATA_PATHS, loadGenomicsKnowledge, type GenomicsDataTexts, type GenomicsKnowledge } from '@continuum/core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATA_DIR, loadOncoTree } from '../reference';

/** GENOMICS_DATA_PATHS are relative to the repository root, which holds data/. */
const REPO_ROOT = resolve(DATA_DIR, '..');

let cached: GenomicsKnowledge | undefined;

/**
 * The shipped genomics knowledge (CIViC, approvals, gene table, resistance reference), read
 * from data/genomics and built once per process: building it parses ~2,300 CIViC items and
 * ~17,000 gene symbols, which costs far more than annotating a report.
 */
export function loadShippedGenomicsKnowledge(): GenomicsKnowledge {
  if (cached) return cached;
  const texts = Object.fromEntries(
    Object.entries(GENOMICS_DATA_PATHS).map(([key, path]) => [key, readFileSync(resolve(REPO_ROOT, path), 'utf8')]),
  ) as GenomicsDataTexts;
  cached = loadGenomicsKnowledge(texts, loadOncoTree());
  return cached;
}
