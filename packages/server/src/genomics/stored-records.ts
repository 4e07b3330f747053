/**
 * Which parsed records become alteration rows, and with which gene symbol.
 *
 * Only what annotate reports is stored (core annotate.ts `reportable`, mirrored here until core
 * exports it): protein-altering variants, TERT promoter variants, amplifications, deep
 * deletions, fusions and rearrangements. A synonymous or intronic KRAS call stored as a KRAS
 * "mutation" row would satisfy a "KRAS mutation" criterion in matching.
 */
import {
  NO_GENE_PLACEHOLDERS,
  isProteinAltering,
  recordToAlteration,
  type Alteration,
  type GeneTable,
  type GenomicRecord,
} from '@continuum/core';

export function isStoredRecord(r: GenomicRecord): boolean {
  switch (r.kind) {
    case 'variant':
      return (
        isProteinAltering(r.effect) ||
        (r.gene === 'TERT' && r.effect === 'noncoding') ||
        (r.effect === 'unknown' && r.protein !== undefined)
      );
    case 'copy_number':
      return r.call === 'amplification' || r.call === 'homozygous_deletion';
    case 'fusion':
      return true;
  }
}

export interface UnknownGene {
  symbol: string;
  suggestions: string[];
  /** First lines (or JSON paths) it occurs on. */
  where: string[];
  occurrences: number;
}

const MAX_WHERE = 5;

/**
 * HGNC normalisation with a per-symbol cache (a cohort MAF repeats ~20,000 symbols a million
 * times; an unknown symbol's suggestions scan the whole table). Unknown and ambiguous symbols
 * are collected with where they occur, for one error listing them all.
 */
export class GeneNormaliser {
  private readonly cache = new Map<string, { symbol: string; known: boolean; suggestions: string[] }>();
  private readonly unknown = new Map<string, UnknownGene>();

  constructor(private readonly genes: GeneTable | undefined) {}

  /** The approved symbol, or the symbol as written when unknown (and then remembered). */
  normalise(symbol: string, where: string): string {
    // MAF's "Unknown" (intergenic) and empty partners are placeholders, not symbols to check.
    if (NO_GENE_PLACEHOLDERS.has(symbol.trim().toUpperCase())) return symbol;
    let hit = this.cache.get(symbol);
    if (!hit) {
      const r = this.genes?.resolve(symbol);
      hit =
        !r || 'symbol' in r
          ? { symbol: r && 'symbol' in r ? r.symbol : symbol, known: true, suggestions: [] }
          : { symbol, known: false, suggestions: r.status === 'ambiguous' ? r.candidates : r.suggestions };
      this.cache.set(symbol, hit);
    }
    if (!hit.known) {
      const u = this.unknown.get(symbol) ?? { symbol, suggestions: hit.suggestions, where: [], occurrences: 0 };
      u.occurrences++;
      if (u.where.length < MAX_WHERE) u.where.push(where);
      this.unknown.set(symbol, u);
    }
    return hit.symbol;
  }

  get hasUnknown(): boolean {
    return this.unknown.size > 0;
  }

  unknownGenes(): UnknownGene[] {
    return [...this.unknown.values()].sort((a, b) => a.symbol.localeCompare(b.symbol));
  }
}

/** The platform's Alteration for a stored record, genes normalised. */
export function storedAlteration(r: GenomicRecord, genes: GeneNormaliser): Alteration | undefined {
  const a = recordToAlteration(r);
  if (!a) return undefined;
  const where = r.source.line !== undefined ? `line ${r.source.line}` : (r.source.path ?? r.source.file);
  return {
    ...a,
    gene: genes.normalise(a.gene, where),
    ...(a.fusionPartner !== undefined ? { fusionPartner: genes.normalise(a.fusionPartner, where) } : {}),
  };
}
