/**
 * HGNC gene symbols: approved symbols, previous symbols and aliases, resolved the way HGNC
 * asks — an approved symbol always wins; a previous symbol maps to its one successor; an alias
 * maps only when it names one gene. Unknown symbols get edit-distance suggestions.
 *
 * The product ships a compact table (data/genomics/gene_symbols.txt and gene_aliases.tsv, see
 * data/genomics/SOURCES.md); core receives their text from the caller.
 */
import { editDistance } from '../codes/oncotree';
import { UnknownGeneError } from './errors';

export type GeneResolution =
  | { status: 'approved'; symbol: string; input: string }
  | { status: 'previous' | 'alias'; symbol: string; input: string }
  | { status: 'ambiguous'; input: string; candidates: string[] }
  | { status: 'unknown'; input: string; suggestions: string[] };

/** MAF writes "Unknown" for intergenic calls; it is a placeholder, not a gene. */
export const NO_GENE_PLACEHOLDERS: ReadonlySet<string> = new Set(['UNKNOWN', '', '.', 'NA']);

export class GeneTable {
  private readonly approved = new Map<string, string>();
  private readonly previous = new Map<string, Set<string>>();
  private readonly aliases = new Map<string, Set<string>>();

  constructor(entries: Iterable<{ symbol: string; previous?: readonly string[]; aliases?: readonly string[] }>) {
    for (const e of entries) {
      const symbol = e.symbol.trim();
      if (symbol === '') continue;
      this.approved.set(symbol.toUpperCase(), symbol);
      for (const p of e.previous ?? []) add(this.previous, p, symbol);
      for (const a of e.aliases ?? []) add(this.aliases, a, symbol);
    }
  }

  get size(): number {
    return this.approved.size;
  }

  isApproved(symbol: string): boolean {
    return this.approved.has(symbol.trim().toUpperCase());
  }

  resolve(input: string): GeneResolution {
    const key = input.trim().toUpperCase();
    const approved = this.approved.get(key);
    if (approved) return { status: 'approved', symbol: approved, input };
    for (const [status, map] of [
      ['previous', this.previous],
      ['alias', this.aliases],
    ] as const) {
      const targets = map.get(key);
      if (targets && targets.size === 1) return { status, symbol: [...targets][0]!, input };
      if (targets && targets.size > 1) return { status: 'ambiguous', input, candidates: [...targets].sort() };
    }
    return { status: 'unknown', input, suggestions: this.suggest(input) };
  }

  /** The approved symbol, or throws UnknownGeneError (with suggestions) / an ambiguity error. */
  normalise(input: string): string {
    const r = this.resolve(input);
    if ('symbol' in r) return r.symbol;
    throw new UnknownGeneError(input, r.status === 'ambiguous' ? r.candidates : r.suggestions);
  }

  /** Closest approved symbols (edit distance ≤ 2, or a previous/alias spelling that close), best first. */
  suggest(input: string, n = 3): string[] {
    const key = input.trim().toUpperCase();
    const scored = new Map<string, number>();
    const consider = (candidate: string, target: string) => {
      if (Math.abs(candidate.length - key.length) > 2) return;
      const d = editDistance(key, candidate);
      if (d <= 2 && (scored.get(target) ?? Infinity) > d) scored.set(target, d);
    };
    for (const [k, symbol] of this.approved) consider(k, symbol);
    for (const map of [this.previous, this.aliases]) {
      for (const [k, targets] of map) for (const t of targets) consider(k, t);
    }
    return [...scored.entries()]
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([s]) => s);
  }
}

function add(map: Map<string, Set<string>>, key: string, symbol: string): void {
  const k = key.trim().toUpperCase();
  if (k === '') return;
  let set = map.get(k);
  if (!set) {
    set = new Set();
    map.set(k, set);
  }
  set.add(symbol);
}

/**
 * Builds the table from the shipped files: `symbolsText` has one approved symbol per line
 * ("#" comments allowed); `aliasesText` is a TSV with columns symbol, previous_symbols,
 * alias_symbols (lists separated by "|").
 */
export function loadGeneTable(symbolsText: string, aliasesText = ''): GeneTable {
  const entries = new Map<string, { symbol: string; previous: string[]; aliases: string[] }>();
  for (const line of symbolsText.split(/\r?\n/)) {
    const s = line.trim();
    if (s === '' || s.startsWith('#')) continue;
    entries.set(s.toUpperCase(), { symbol: s, previous: [], aliases: [] });
  }
  const lines = aliasesText.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines.shift()?.split('\t') ?? [];
  const col = (name: string) => header.indexOf(name);
  for (const line of lines) {
    const cells = line.split('\t');
    const symbol = cells[col('symbol')]?.trim();
    if (!symbol) continue;
    const list = (name: string) =>
      (cells[col(name)] ?? '')
        .split('|')
        .map((x) => x.trim())
        .filter((x) => x !== '');
    const e = entries.get(symbol.toUpperCase()) ?? { symbol, previous: [], aliases: [] };
    e.previous.push(...list('previous_symbols'));
    e.aliases.push(...list('alias_symbols'));
    entries.set(symbol.toUpperCase(), e);
  }
  return new GeneTable(entries.values());
}
