/**
 * HGVS protein changes as eligibility compares them: one-letter amino acids, a "p." prefix,
 * no parentheses (predicted consequences are written "p.(V600E)").
 */

/** The 20 standard amino acids (IUPAC one-letter codes). */
const ONE_LETTER = 'ACDEFGHIKLMNPQRSTVWY';

/** IUPAC three-letter → one-letter codes, plus Ter for a stop codon. */
// prettier-ignore
const THREE_TO_ONE: Readonly<Record<string, string>> = {
  Ala: 'A', Arg: 'R', Asn: 'N', Asp: 'D', Cys: 'C', Gln: 'Q', Glu: 'E', Gly: 'G', His: 'H', Ile: 'I',
  Leu: 'L', Lys: 'K', Met: 'M', Phe: 'F', Pro: 'P', Ser: 'S', Thr: 'T', Trp: 'W', Tyr: 'Y', Val: 'V',
  Ter: '*', Sec: 'U', Xaa: 'X',
};

/** "p.Val600Glu" → "p.V600E"; "V600E" → "p.V600E"; "p.(V600E)" → "p.V600E". */
export function normaliseProteinChange(input: string): string {
  let s = input.trim();
  if (/^p\./i.test(s)) s = s.slice(2);
  s = s.replace(/^\((.*)\)$/, '$1');
  // Three-letter codes start with a capital followed by two lower-case letters.
  s = s.replace(/([A-Z][a-z]{2})/g, (three) => THREE_TO_ONE[three] ?? three);
  return `p.${s}`;
}

/** Same change, compared case-insensitively after normalisation ("p.v600e" is a typing slip, not a new variant). */
export function sameProteinChange(a: string, b: string): boolean {
  return normaliseProteinChange(a).toUpperCase() === normaliseProteinChange(b).toUpperCase();
}

/**
 * Codon wildcard: "p.V600" matches a change that is that codon followed by exactly one standard
 * amino acid (p.V600E, p.V600K), not a stop, frameshift, deletion or synonymous change. That is
 * MatchMiner's reading of `wildcard_protein_change`.
 */
export function matchesCodon(proteinChange: string, codon: string): boolean {
  const change = normaliseProteinChange(proteinChange).toUpperCase();
  const prefix = normaliseProteinChange(codon).toUpperCase();
  if (!change.startsWith(prefix) || change.length !== prefix.length + 1) return false;
  return ONE_LETTER.includes(change[change.length - 1]!);
}

/** "p.V600" or "V600" (a residue and a position, nothing after): a valid codon wildcard. */
export function isCodon(text: string): boolean {
  return /^p\.[A-Z]\d+$/i.test(normaliseProteinChange(text));
}
