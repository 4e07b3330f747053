/**
 * HGVS coding-DNA notation (c.) for the changes reports carry: substitutions, deletions,
 * duplications, insertions and deletion-insertions, with intronic offsets (c.1234+1, c.2888-2)
 * and UTR positions (c.-14, c.*32).
 *
 *   c.1799T>A            substitution
 *   c.2235_2249del       deletion (old style "delGGAATTAAGAGAAGC" accepted, the bases kept)
 *   c.2300_2308dup       duplication
 *   c.2310_2311insGGT    insertion
 *   c.2239_2240delinsCA  deletion-insertion ("delTGinsAT" old style accepted)
 *   c.3028+1G>A          splice donor (+1, +2) / c.2888-2A>G acceptor (-1, -2)
 *   ENST00000288602.6:c.1799T>A  — a transcript prefix is kept apart
 */
import { NotationError } from './errors';

/** A position on the coding sequence: base number plus an optional intronic offset. */
export interface CdnaPosition {
  /** Coding base number; negative for 5' UTR (c.-14). */
  base: number;
  /** Intronic offset: +1 is the first intron base after `base`, -2 the second before it. */
  offset?: number;
  /** True for 3' UTR positions written c.*32. */
  utr3?: boolean;
}

export type CdnaChange =
  | { kind: 'substitution'; start: CdnaPosition; ref: string; alt: string }
  | { kind: 'deletion'; start: CdnaPosition; end?: CdnaPosition; deleted?: string }
  | { kind: 'duplication'; start: CdnaPosition; end?: CdnaPosition; duplicated?: string }
  | { kind: 'insertion'; start: CdnaPosition; end: CdnaPosition; inserted: string }
  | { kind: 'delins'; start: CdnaPosition; end?: CdnaPosition; deleted?: string; inserted: string }
  | { kind: 'identity'; start: CdnaPosition; end?: CdnaPosition };

export interface ParsedCdna {
  /** Transcript accession when the text carried one ("ENST00000288602.6", "NM_004333.4"). */
  transcript?: string;
  change: CdnaChange;
}

const POS = String.raw`(-?\*?\d+)([+-]\d+)?`;

function position(base: string, offset: string | undefined): CdnaPosition {
  const utr3 = base.startsWith('*');
  const n = Number(base.replace('*', ''));
  return {
    base: n,
    ...(offset !== undefined ? { offset: Number(offset) } : {}),
    ...(utr3 ? { utr3: true } : {}),
  };
}

function compare(a: CdnaPosition, b: CdnaPosition): number {
  const rank = (p: CdnaPosition) => (p.utr3 ? 1e9 : 0) + p.base;
  return rank(a) - rank(b) || (a.offset ?? 0) - (b.offset ?? 0);
}

export function parseCdnaChange(input: string): ParsedCdna {
  let s = input.trim();
  let transcript: string | undefined;
  const colon = s.lastIndexOf(':');
  if (colon >= 0) {
    transcript = s.slice(0, colon);
    s = s.slice(colon + 1);
  }
  if (!/^c\./.test(s)) throw new NotationError(input, 'a coding-DNA change starts with "c."');
  s = s.slice(2).replace(/^\((.*)\)$/, '$1');
  const t = transcript !== undefined ? { transcript } : {};

  let m = new RegExp(`^${POS}([ACGTN])>([ACGTN])$`, 'i').exec(s);
  if (m) {
    const ref = m[3]!.toUpperCase();
    const alt = m[4]!.toUpperCase();
    if (ref === alt) throw new NotationError(input, 'a substitution must change the base');
    return { ...t, change: { kind: 'substitution', start: position(m[1]!, m[2]), ref, alt } };
  }

  m = new RegExp(`^${POS}(?:_${POS})?(delins|del|dup|ins|=)([ACGTN]*)(?:ins([ACGTN]+))?$`, 'i').exec(s);
  if (!m) throw new NotationError(input, 'not a c. substitution, del, dup, ins or delins this parser knows');
  const start = position(m[1]!, m[2]);
  const end = m[3] !== undefined ? position(m[3], m[4]) : undefined;
  if (end && compare(end, start) <= 0) throw new NotationError(input, 'range end is not after its start');
  const op = m[5]!.toLowerCase();
  const seq = m[6]!.toUpperCase();
  const oldStyleInserted = m[7]?.toUpperCase();
  const range = end ? { end } : {};

  switch (op) {
    case '=':
      return { ...t, change: { kind: 'identity', start, ...range } };
    case 'del':
      if (oldStyleInserted !== undefined) {
        // "c.1799_1800delTGinsAT": the pre-2016 spelling of a delins.
        return { ...t, change: { kind: 'delins', start, ...range, deleted: seq, inserted: oldStyleInserted } };
      }
      return { ...t, change: { kind: 'deletion', start, ...range, ...(seq ? { deleted: seq } : {}) } };
    case 'dup':
      return { ...t, change: { kind: 'duplication', start, ...range, ...(seq ? { duplicated: seq } : {}) } };
    case 'ins':
      if (!end) throw new NotationError(input, 'an insertion needs the two flanking positions (c.10_11insA)');
      if (!seq) throw new NotationError(input, 'an insertion needs the inserted bases');
      return { ...t, change: { kind: 'insertion', start, end, inserted: seq } };
    default:
      if (!seq) throw new NotationError(input, 'a delins needs the inserted bases');
      return { ...t, change: { kind: 'delins', start, ...range, inserted: seq } };
  }
}

function formatPosition(p: CdnaPosition): string {
  const base = p.utr3 ? `*${p.base}` : `${p.base}`;
  if (p.offset === undefined || p.offset === 0) return base;
  return p.offset > 0 ? `${base}+${p.offset}` : `${base}${p.offset}`;
}

/** Canonical (HGVS 2016+) form: deleted bases are not repeated, "delTGinsAT" becomes "delinsAT". */
export function formatCdnaChange(change: CdnaChange): string {
  const range = (c: { start: CdnaPosition; end?: CdnaPosition }) =>
    c.end ? `${formatPosition(c.start)}_${formatPosition(c.end)}` : formatPosition(c.start);
  switch (change.kind) {
    case 'substitution':
      return `c.${formatPosition(change.start)}${change.ref}>${change.alt}`;
    case 'deletion':
      return `c.${range(change)}del`;
    case 'duplication':
      return `c.${range(change)}dup`;
    case 'insertion':
      return `c.${range(change)}ins${change.inserted}`;
    case 'delins':
      return `c.${range(change)}delins${change.inserted}`;
    case 'identity':
      return `c.${range(change)}=`;
  }
}

export function normaliseCdnaChange(input: string): string {
  return formatCdnaChange(parseCdnaChange(input).change);
}

/**
 * Splice-site position: an intronic offset of ±1 or ±2 is the canonical donor/acceptor
 * dinucleotide (what VEP calls splice_donor / splice_acceptor); ±3..±8 is the splice region.
 */
export function spliceSiteKind(change: CdnaChange): 'donor' | 'acceptor' | 'region' | undefined {
  const positions = [change.start, 'end' in change ? change.end : undefined].filter((p): p is CdnaPosition => p !== undefined);
  let kind: 'donor' | 'acceptor' | 'region' | undefined;
  for (const p of positions) {
    const o = p.offset ?? 0;
    if (o === 1 || o === 2) return 'donor';
    if (o === -1 || o === -2) return 'acceptor';
    if (Math.abs(o) >= 3 && Math.abs(o) <= 8) kind = 'region';
  }
  return kind;
}
