import { editDistance } from '@continuum/core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../reference';

/** What criteria validation needs from HGNC: is a symbol known, and which known ones are close. */
export interface GeneSymbols {
  /** The approved symbol for an approved, previous or alias symbol (case-insensitive); undefined if unknown. */
  resolve(symbol: string): string | undefined;
  suggest(symbol: string, n?: number): string[];
}

/**
 * The HGNC symbols the product ships (data/genomics/gene_symbols.txt, one per line, and
 * gene_aliases.tsv: symbol, previous_symbols, alias_symbols with "|" lists). A trial naming a
 * gene nobody could ever report would never match anyone: it is refused with suggestions.
 */
export function parseGeneSymbols(symbolsText: string, aliasesText = ''): GeneSymbols {
  const known = new Map<string, string>();
  for (const line of symbolsText.split(/\r?\n/)) {
    const s = line.trim();
    if (s && !s.startsWith('#')) known.set(s.toUpperCase(), s);
  }
  const lines = aliasesText.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines.shift()?.split('\t') ?? [];
  const other = new Map<string, string>();
  for (const line of lines) {
    const cells = line.split('\t');
    const symbol = cells[header.indexOf('symbol')]?.trim();
    if (!symbol) continue;
    for (const col of ['previous_symbols', 'alias_symbols']) {
      for (const a of (cells[header.indexOf(col)] ?? '').split('|')) {
        const k = a.trim().toUpperCase();
        // An approved symbol always wins over another gene's alias.
        if (k && !known.has(k)) other.set(k, symbol);
      }
    }
  }
  return {
    resolve: (s) => known.get(s.trim().toUpperCase()) ?? other.get(s.trim().toUpperCase()),
    suggest: (s, n = 3) => {
      const q = s.trim().toUpperCase();
      const scored: Array<[string, number]> = [];
      for (const [k, symbol] of known) {
        if (Math.abs(k.length - q.length) > 2) continue;
        const d = editDistance(q, k);
        if (d <= 2) scored.push([symbol, d]);
      }
      return scored
        .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
        .slice(0, n)
        .map(([x]) => x);
    },
  };
}

let cached: GeneSymbols | null | undefined;

/** The shipped gene table, read once; null when the data files are absent (genes are then not checked). */
export function loadGeneSymbols(): GeneSymbols | null {
  if (cached !== undefined) return cached;
  const dir = join(DATA_DIR, 'genomics');
  const symbols = join(dir, 'gene_symbols.txt');
  if (!existsSync(symbols)) return (cached = null);
  const aliases = join(dir, 'gene_aliases.tsv');
  cached = parseGeneSymbols(readFileSync(symbols, 'utf8'), existsSync(aliases) ? readFileSync(aliases, 'utf8') : '');
  return cached;
}
