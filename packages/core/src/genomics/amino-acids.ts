/**
 * Amino-acid codes as HGVS uses them (IUPAC-IUB one- and three-letter codes).
 *
 * Stop is "*" in one-letter form and "Ter" in three-letter form; older reports and many MAFs
 * write a stop as "X", which HGVS now reserves for "unknown amino acid" — we read "X" as a stop
 * only where a stop is the only sensible reading (see hgvs-protein.ts).
 */

export const THREE_TO_ONE: Readonly<Record<string, string>> = {
  Ala: 'A',
  Arg: 'R',
  Asn: 'N',
  Asp: 'D',
  Cys: 'C',
  Gln: 'Q',
  Glu: 'E',
  Gly: 'G',
  His: 'H',
  Ile: 'I',
  Leu: 'L',
  Lys: 'K',
  Met: 'M',
  Phe: 'F',
  Pro: 'P',
  Ser: 'S',
  Thr: 'T',
  Trp: 'W',
  Tyr: 'Y',
  Val: 'V',
  Sec: 'U',
  Pyl: 'O',
  Ter: '*',
  Xaa: 'X',
};

export const ONE_TO_THREE: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(THREE_TO_ONE).map(([three, one]) => [one, three]),
);

/** The 20 standard amino acids plus selenocysteine and pyrrolysine. */
export const STANDARD_ONE_LETTER = 'ACDEFGHIKLMNPQRSTVWYUO';

export function isOneLetterAminoAcid(c: string): boolean {
  return c.length === 1 && (STANDARD_ONE_LETTER.includes(c) || c === '*' || c === 'X');
}

/** "Val" → "V"; case-insensitive on the tail ("VAL", "val" read as "Val"); undefined if not a code. */
export function threeToOne(three: string): string | undefined {
  if (three.length !== 3) return undefined;
  const canonical = three[0]!.toUpperCase() + three.slice(1).toLowerCase();
  return THREE_TO_ONE[canonical];
}

export function oneToThree(one: string): string {
  const three = ONE_TO_THREE[one];
  if (three === undefined) throw new Error(`not a one-letter amino-acid code: "${one}"`);
  return three;
}

/**
 * Reads a run of amino acids written either all in three-letter codes ("SerLeuTer") or all in
 * one-letter codes ("SL*"), and returns the one-letter string. Mixed forms are refused because
 * "Ser" could otherwise be read as S-E-R.
 */
export function aminoAcidRunToOne(run: string): string | undefined {
  if (run === '') return '';
  if (/^([A-Z][a-z]{2})+$/.test(run)) {
    let out = '';
    for (let i = 0; i < run.length; i += 3) {
      const one = THREE_TO_ONE[run.slice(i, i + 3)];
      if (one === undefined) return undefined;
      out += one;
    }
    return out;
  }
  if (/^[A-Z*]+$/.test(run) && [...run].every(isOneLetterAminoAcid)) return run;
  return undefined;
}

export function aminoAcidRunToThree(run: string): string {
  return [...run].map(oneToThree).join('');
}
