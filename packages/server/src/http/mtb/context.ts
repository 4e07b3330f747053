import type { OncoTree } from '@continuum/core';
import { loadShippedGenomicsKnowledge } from '../../genomics/knowledge';
import type { MtbContext } from '../../mtb/recommendations';

export type MtbContextSource = () => MtbContext;

/**
 * The knowledge base is built on first use, not at start: building it parses the CIViC dump and
 * the gene table, a cost every test app and CLI start would otherwise pay whether or not it
 * opens an MTB case. Once built it is cached for the process.
 */
export function mtbContextSource(oncotree: OncoTree): MtbContextSource {
  return () => ({ knowledge: loadShippedGenomicsKnowledge(), oncotree });
}
