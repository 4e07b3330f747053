/**
 * Test helpers: fixture text, the shipped knowledge base, and the shared reference data
 * (../shared/data/genomics) that some suites use when it is present — those suites say so
 * when they skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ONCOTREE_DATA_PATH, parseOncoTreeTsv, type OncoTree } from '../../src/codes/oncotree';
import { GENOMICS_DATA_PATHS, loadGenomicsKnowledge, type GenomicsDataTexts, type GenomicsKnowledge } from '../../src/genomics';

const repoRoot = new URL('../../../../', import.meta.url);

export function fixture(path: string): string {
  return readFileSync(new URL(`packages/core/test/fixtures/genomics/${path}`, repoRoot), 'utf8');
}

export function repoFile(path: string): string {
  return readFileSync(new URL(path, repoRoot), 'utf8');
}

/** The shared reference data beside the repository (present on developer machines and CI). */
export const SHARED_GENOMICS = new URL('../shared/data/genomics/', repoRoot);
export const HAS_SHARED = existsSync(SHARED_GENOMICS);
if (!HAS_SHARED) {
  console.warn('genomics: ../shared/data/genomics not found — reference suites on the full TCGA MAF and cBioPortal study_es_0 are skipped');
}

export function shared(path: string): string {
  return readFileSync(new URL(path, SHARED_GENOMICS), 'utf8');
}

let tree: OncoTree | undefined;
export function oncotree(): OncoTree {
  tree ??= parseOncoTreeTsv(readFileSync(new URL(ONCOTREE_DATA_PATH, repoRoot)));
  return tree;
}

let knowledge: GenomicsKnowledge | undefined;
export function shippedKnowledge(): GenomicsKnowledge {
  if (!knowledge) {
    const texts = Object.fromEntries(Object.entries(GENOMICS_DATA_PATHS).map(([k, p]) => [k, repoFile(p)])) as GenomicsDataTexts;
    knowledge = loadGenomicsKnowledge(texts, oncotree());
  }
  return knowledge;
}
