/**
 * HGVS protein notation — the subset that sequencing reports, MAF files, VEP/SnpEff and CIViC
 * actually write — parsed into a typed change, and written back in one- or three-letter form.
 *
 * Accepted (with or without "p.", a reference-sequence prefix "NP_004324.2:" and the
 * parentheses HGVS uses for predicted consequences):
 *   missense        V600E, Val600Glu
 *   nonsense        R213*, Arg213Ter, R213X (old reports: X as stop)
 *   synonymous      R81=, Arg81=, R81R (old MAFs), =
 *   frameshift      E746fs, E746Rfs*5, Glu746ArgfsTer5, K224Nfs*19, Glu746fsTer?
 *   in-frame        E746_A750del, V1270del, A767_V769dup, D770_N771insSVD, L747_P753delinsS
 *   extension       *757Wext*?, Ter110GlnextTer17, M1ext-5
 *   start loss      M1?, Met1?
 *   whole protein   ? (unknown), 0 (no protein)
 *   codon wildcard  V600 (any substitution at V600 — CIViC/CTML write this)
 *   splice          X331_splice (vcf2maf/cBioPortal convention for splice sites)
 *   exon shorthand  "exon 19 deletion", "ex19del", "Exon 20 insertion", "exon 14 skipping"
 *   WashU legacy    p.601in_frame_insSSD, p.SG167in_frame_del, e10-1 (TCGA 2012 MAFs)
 */
import { NotationError } from './errors';
import { THREE_TO_ONE, aminoAcidRunToThree, oneToThree } from './amino-acids';

/** One residue of the reference protein: its one-letter code ("" when the source omits it). */
export interface Residue {
  aa: string;
  position: number;
}

export type ExonEvent = 'deletion' | 'insertion' | 'skipping' | 'mutation' | 'duplication';

export type ProteinChange =
  | { kind: 'substitution'; ref: string; position: number; alt: string; predicted?: boolean }
  | { kind: 'synonymous'; ref?: string; position?: number; predicted?: boolean }
  | { kind: 'frameshift'; ref: string; position: number; alt?: string; stop?: number | '?'; predicted?: boolean }
  | { kind: 'deletion'; start: Residue; end?: Residue; predicted?: boolean }
  | { kind: 'duplication'; start: Residue; end?: Residue; predicted?: boolean }
  | { kind: 'insertion'; start: Residue; end: Residue; inserted: string; predicted?: boolean }
  | { kind: 'delins'; start: Residue; end?: Residue; inserted: string; predicted?: boolean }
  | { kind: 'extension'; terminus: 'C' | 'N'; ref: string; position: number; alt: string; length?: number | '?'; predicted?: boolean }
  | { kind: 'start_loss'; predicted?: boolean }
  | { kind: 'unknown' }
  | { kind: 'no_protein'; predicted?: boolean }
  | { kind: 'codon'; ref: string; position: number }
  | { kind: 'splice'; position?: number; exon?: number }
  | { kind: 'exon'; exon: number; event: ExonEvent };

export type ProteinChangeKind = ProteinChange['kind'];

const AA = '[A-Z*]';

/**
 * Replaces every three-letter code ("Val", "Ter") by its one-letter code. Keywords are lower
 * case, so a capital followed by two lower-case letters is a code — except where a one-letter
 * residue runs into a keyword ("Rfs" in "S1982Rfs*22", "Wext"), which is left as it is.
 */
function threeLetterToOne(text: string): string {
  return text.replace(/[A-Z][a-z]{2}/g, (three) => THREE_TO_ONE[three] ?? three);
}

const EXON_WORDS: ReadonlyArray<[RegExp, ExonEvent]> = [
  [/^(del|deletion|deletions)$/i, 'deletion'],
  [/^(ins|insertion|insertions)$/i, 'insertion'],
  [/^(dup|duplication|duplications)$/i, 'duplication'],
  [/^(skip|skipping|skipping mutation|skipping alteration)$/i, 'skipping'],
  [/^(mut|mutation|mutations|variant|variants)$/i, 'mutation'],
];

/**
 * "exon 19 deletion", "EGFR exon 19 deletion", "ex19del", "Ex20ins", "exon 14 skipping",
 * "METex14" (the usual MET shorthand means skipping). Returns undefined when it is not one.
 */
export function parseExonShorthand(text: string): { exon: number; event: ExonEvent } | undefined {
  const t = text.trim().replace(/^[A-Z0-9]+\s+(?=ex)/i, '');
  const m = /^(?:[A-Z0-9]+)?ex(?:on)?\s*(\d+)\s*(.*)$/i.exec(t);
  if (!m) return undefined;
  const exon = Number(m[1]);
  const rest = m[2]!.trim().replace(/^-/, '').trim();
  if (rest === '') {
    // "METex14" with nothing after means exon 14 skipping by convention; plain "exon 11" is any mutation.
    return /^MET/i.test(text.trim()) ? { exon, event: 'skipping' } : { exon, event: 'mutation' };
  }
  for (const [re, event] of EXON_WORDS) if (re.test(rest)) return { exon, event };
  return undefined;
}

function residue(aa: string, pos: string): Residue {
  return { aa, position: Number(pos) };
}

function stopOrAa(c: string): string {
  // In a one-letter change, "X" as the new residue is the pre-2016 way of writing a stop.
  return c === 'X' ? '*' : c;
}

/** Parses one protein change; throws NotationError naming the text and what was expected. */
export function parseProteinChange(input: string): ProteinChange {
  const original = input;
  let s = input.trim();
  if (s === '') throw new NotationError(original, 'empty protein change');

  const exon = parseExonShorthand(s);
  if (exon) return { kind: 'exon', ...exon };

  // "NP_004324.2:p.(Val600Glu)" → "p.(Val600Glu)"
  const colon = s.lastIndexOf(':');
  if (colon >= 0 && /p\./.test(s.slice(colon))) s = s.slice(colon + 1);

  // WashU splice notation "e10-1" / "e23+1": a splice site next to an exon.
  const wu = /^e(\d+)[+-]\d+$/.exec(s);
  if (wu) return { kind: 'splice', exon: Number(wu[1]) };

  if (/^p\./i.test(s)) s = s.slice(2);
  let predicted = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    predicted = true;
    s = paren[1]!;
  }
  const pred = predicted ? { predicted: true } : {};

  if (s === '?') return { kind: 'unknown' };
  if (s === '0' || s === '0?') return { kind: 'no_protein', ...pred };
  if (s === '=') return { kind: 'synonymous', ...pred };

  const splice = /^(?:X|\*)?(\d+)_splice$/i.exec(s);
  if (splice) return { kind: 'splice', position: Number(splice[1]) };

  s = threeLetterToOne(s);

  let m: RegExpExecArray | null;

  // WashU in-frame notation: "SG167in_frame_del", "601in_frame_insSSD".
  if ((m = /^([A-Z]*)(\d+)in_frame_del$/.exec(s))) {
    const refs = m[1]!;
    const start = Number(m[2]);
    if (refs.length <= 1) return { kind: 'deletion', start: { aa: refs, position: start }, ...pred };
    return {
      kind: 'deletion',
      start: { aa: refs[0]!, position: start },
      end: { aa: refs[refs.length - 1]!, position: start + refs.length - 1 },
      ...pred,
    };
  }
  if ((m = /^([A-Z]*?)(\d+)in_frame_ins([A-Z*]+)$/.exec(s))) {
    const pos = Number(m[2]);
    return {
      kind: 'insertion',
      start: { aa: m[1]!.slice(-1), position: pos },
      end: { aa: '', position: pos + 1 },
      inserted: m[3]!,
      ...pred,
    };
  }

  if ((m = new RegExp(`^(${AA})(\\d+)=$`).exec(s))) {
    return { kind: 'synonymous', ref: m[1]!, position: Number(m[2]), ...pred };
  }
  if ((m = /^M1\?$/.exec(s)) || (m = /^M1(?:ext)?0$/.exec(s))) return { kind: 'start_loss', ...pred };

  // Frameshift: E746fs, E746Rfs*5, E746fs*5, E746Rfs*?, E746RfsX5 (X = stop in old reports).
  if ((m = new RegExp(`^(${AA})(\\d+)([A-Z])?fs(?:[*X](\\d+|\\?))?$`, 'i').exec(s))) {
    const stop = m[4] === undefined ? undefined : m[4] === '?' ? ('?' as const) : Number(m[4]);
    return {
      kind: 'frameshift',
      ref: m[1]!.toUpperCase(),
      position: Number(m[2]),
      ...(m[3] ? { alt: m[3].toUpperCase() } : {}),
      ...(stop !== undefined ? { stop } : {}),
      ...pred,
    };
  }

  // C-terminal extension (stop lost): *757Wext*?, *110Qext*17; also the short "*757W".
  if ((m = new RegExp(`^\\*(\\d+)([A-Z])(?:ext\\*?(\\d+|\\?))?$`).exec(s))) {
    const length = m[3] === undefined ? undefined : m[3] === '?' ? ('?' as const) : Number(m[3]);
    return {
      kind: 'extension',
      terminus: 'C',
      ref: '*',
      position: Number(m[1]),
      alt: m[2]!,
      ...(length !== undefined ? { length } : {}),
      ...pred,
    };
  }
  // N-terminal extension: M1ext-5 (a new upstream start).
  if ((m = /^M1ext-(\d+|\?)$/.exec(s))) {
    return { kind: 'extension', terminus: 'N', ref: 'M', position: 1, alt: 'M', length: m[1] === '?' ? '?' : Number(m[1]), ...pred };
  }

  // Range operations. The keyword follows a position number, which is what keeps "DEL" the
  // keyword apart from the residues D-E-L in upper-case names such as CIViC's "T1151INST".
  // CIViC sometimes leaves out the second flanking residue ("V769_770insASV").
  if ((m = new RegExp(`^(${AA})(\\d+)(?:_(${AA})?(\\d+))?(delins|del|dup|ins)(.*)$`, 'i').exec(s))) {
    const start = residue(m[1]!, m[2]!);
    const end = m[4] !== undefined ? residue(m[3] ?? '', m[4]) : undefined;
    const op = m[5]!.toLowerCase();
    let tail = m[6]!;
    if (end && end.position <= start.position) {
      throw new NotationError(original, `range end ${end.position} is not after start ${start.position}`);
    }
    if (op === 'del' || op === 'dup') {
      // Old style lists the deleted residues ("E746_A750delELREA"): accepted, not kept.
      if (tail !== '' && !/^[A-Z*]+$/.test(tail) && !/^\d+$/.test(tail)) {
        throw new NotationError(original, `unexpected text "${tail}" after "${op}"`);
      }
      return op === 'del'
        ? { kind: 'deletion', start, ...(end ? { end } : {}), ...pred }
        : { kind: 'duplication', start, ...(end ? { end } : {}), ...pred };
    }
    tail = tail.toUpperCase();
    if (!/^[A-Z*]+$/.test(tail)) {
      throw new NotationError(original, `"${op}" needs the inserted residues (e.g. "${op}SVD")`);
    }
    if (op === 'ins') {
      if (!end) {
        // CIViC writes "T1151INST" for an insertion after T1151; HGVS needs both flanks.
        return { kind: 'insertion', start, end: { aa: '', position: start.position + 1 }, inserted: tail, ...pred };
      }
      if (end.position !== start.position + 1) {
        throw new NotationError(original, 'an insertion lies between two adjacent residues');
      }
      return { kind: 'insertion', start, end, inserted: tail, ...pred };
    }
    return { kind: 'delins', start, ...(end ? { end } : {}), inserted: tail, ...pred };
  }

  // Substitutions (missense, nonsense, old-style synonymous "R81R", stop lost "*757W" above).
  if ((m = new RegExp(`^(${AA})(\\d+)(${AA}|X)$`).exec(s))) {
    const ref = m[1]!;
    const alt = stopOrAa(m[3]!);
    const position = Number(m[2]);
    if (ref === alt) return { kind: 'synonymous', ref, position, ...pred };
    return { kind: 'substitution', ref, position, alt, ...pred };
  }

  if ((m = new RegExp(`^(${AA})(\\d+)$`).exec(s))) {
    return { kind: 'codon', ref: m[1]!, position: Number(m[2]) };
  }

  throw new NotationError(original, 'not a protein change this parser knows (expected e.g. p.V600E, p.Glu746ArgfsTer5, p.E746_A750del)');
}

/** Like parseProteinChange but returns undefined instead of throwing. */
export function tryParseProteinChange(input: string | undefined): ProteinChange | undefined {
  if (input === undefined) return undefined;
  try {
    return parseProteinChange(input);
  } catch (e) {
    if (e instanceof NotationError) return undefined;
    throw e;
  }
}

export interface FormatOptions {
  /** 'one' (default, the platform's stored form: p.V600E) or 'three' (p.Val600Glu). */
  letters?: 'one' | 'three';
  /** Wrap predicted changes in parentheses as HGVS asks ("p.(V600E)"). Default false. */
  parentheses?: boolean;
}

const EXON_EVENT_WORD: Record<ExonEvent, string> = {
  deletion: 'deletion',
  insertion: 'insertion',
  duplication: 'duplication',
  skipping: 'skipping',
  mutation: 'mutation',
};

/** Writes a change in canonical form; one-letter by default. */
export function formatProteinChange(change: ProteinChange, options: FormatOptions = {}): string {
  const three = options.letters === 'three';
  const aa = (one: string) => (one === '' ? '' : three ? oneToThree(one) : one);
  const run = (ones: string) => (three ? aminoAcidRunToThree(ones) : ones);
  const stop = three ? 'Ter' : '*';
  const res = (r: Residue) => `${aa(r.aa)}${r.position}`;
  const range = (start: Residue, end?: Residue) => (end ? `${res(start)}_${res(end)}` : res(start));

  let body: string;
  switch (change.kind) {
    case 'exon':
      return `exon ${change.exon} ${EXON_EVENT_WORD[change.event]}`;
    case 'splice':
      if (change.position !== undefined) return `p.X${change.position}_splice`;
      return change.exon !== undefined ? `exon ${change.exon} splice site` : 'splice site';
    case 'unknown':
      return 'p.?';
    case 'codon':
      return `p.${aa(change.ref)}${change.position}`;
    case 'substitution':
      body = `${aa(change.ref)}${change.position}${aa(change.alt)}`;
      break;
    case 'synonymous':
      body = change.position === undefined ? '=' : `${aa(change.ref ?? '')}${change.position}=`;
      break;
    case 'frameshift':
      body =
        `${aa(change.ref)}${change.position}${change.alt ? aa(change.alt) : ''}fs` +
        (change.stop !== undefined ? `${stop}${change.stop}` : '');
      break;
    case 'deletion':
      body = `${range(change.start, change.end)}del`;
      break;
    case 'duplication':
      body = `${range(change.start, change.end)}dup`;
      break;
    case 'insertion':
      body = `${range(change.start, change.end)}ins${run(change.inserted)}`;
      break;
    case 'delins':
      body = `${range(change.start, change.end)}delins${run(change.inserted)}`;
      break;
    case 'extension':
      body =
        change.terminus === 'C'
          ? `${aa('*')}${change.position}${aa(change.alt)}ext${stop}${change.length ?? '?'}`
          : `${aa('M')}1ext-${change.length ?? '?'}`;
      break;
    case 'start_loss':
      body = `${aa('M')}1?`;
      break;
    case 'no_protein':
      body = '0';
      break;
  }
  const predicted = 'predicted' in change && change.predicted === true;
  return options.parentheses && predicted ? `p.(${body})` : `p.${body}`;
}

/** Any accepted spelling → the platform's stored form (one-letter, no parentheses): "p.Val600Glu" → "p.V600E". */
export function normaliseHgvsProtein(input: string, options: FormatOptions = {}): string {
  return formatProteinChange(parseProteinChange(input), options);
}

/** 1-letter → 3-letter form, e.g. "p.V600E" → "p.Val600Glu". */
export function toThreeLetter(input: string): string {
  return normaliseHgvsProtein(input, { letters: 'three' });
}

/** The first reference residue a change touches (what a codon wildcard like p.V600 is about). */
export function proteinCodon(change: ProteinChange): Residue | undefined {
  switch (change.kind) {
    case 'substitution':
    case 'frameshift':
    case 'codon':
    case 'extension':
      return { aa: change.ref, position: change.position };
    case 'synonymous':
      return change.position !== undefined ? { aa: change.ref ?? '', position: change.position } : undefined;
    case 'deletion':
    case 'duplication':
    case 'insertion':
    case 'delins':
      return change.start;
    case 'start_loss':
      return { aa: 'M', position: 1 };
    case 'splice':
      return change.position !== undefined ? { aa: '', position: change.position } : undefined;
    default:
      return undefined;
  }
}

/** The residue span [first, last] a change covers, for range checks such as "exon 19 codons 729–761". */
export function proteinSpan(change: ProteinChange): [number, number] | undefined {
  switch (change.kind) {
    case 'deletion':
    case 'duplication':
    case 'delins':
      return [change.start.position, (change.end ?? change.start).position];
    case 'insertion':
      return [change.start.position, change.end.position];
    default: {
      const codon = proteinCodon(change);
      return codon ? [codon.position, codon.position] : undefined;
    }
  }
}

/**
 * Codon wildcard: "p.V600" matches a missense change at that residue (V600E, V600K) — the
 * reading CIViC and MatchMiner give it — but not a stop, frameshift, indel or synonymous change.
 */
export function matchesCodonWildcard(change: ProteinChange, codon: string | ProteinChange): boolean {
  const wildcard = typeof codon === 'string' ? parseProteinChange(codon) : codon;
  if (wildcard.kind !== 'codon')
    throw new NotationError(typeof codon === 'string' ? codon : formatProteinChange(codon), 'not a codon wildcard such as p.V600');
  return change.kind === 'substitution' && change.position === wildcard.position && change.ref === wildcard.ref && change.alt !== '*';
}

/** Same change after normalisation, so "p.Val600Glu", "V600E" and "p.(V600E)" are one change. */
export function sameHgvsProtein(a: ProteinChange, b: ProteinChange): boolean {
  return formatProteinChange(a) === formatProteinChange(b);
}

/**
 * vcf2maf's short form for a splice variant with no protein consequence: "p.X{codon}_splice",
 * where the codon is the one holding the nearest coding base of the c. position (ceil(c/3);
 * c.504_508+1dup → p.X168_splice, c.993+2T>G → p.X331_splice).
 */
export function spliceShortForm(cdnaPosition: number): string {
  const c = Math.max(1, cdnaPosition);
  return `p.X${Math.ceil(c / 3)}_splice`;
}
