/**
 * Field derivations shared by the VCF, MAF, FHIR and panel parsers, so that the same variant
 * gets the same coordinates, class and protein string whichever file it arrived in.
 */
import { parseCdnaChange } from './hgvs-cdna';
import { formatProteinChange, spliceShortForm, tryParseProteinChange, type ProteinChange } from './hgvs-protein';
import { decodeAnnotationValue } from './text';
import { mafVariantType, type MafVariantType, type MutationEffect } from './variant-class';

/**
 * VCF alleles → MAF coordinates, as vcf2maf writes them: one shared leading (anchor) base is
 * dropped from indels, an empty allele becomes "-", a deletion starts after the anchor and an
 * insertion spans the anchor and the next base.
 *   1:11290178 TA>T   → 11290179-11290179 A>-
 *   2:220439700 G>GCT → 220439700-220439701 ->CT
 *   5:112174757 GAAGA>GGA → 112174758-112174761 AAGA>GA
 */
export function vcfToMafAlleles(
  position: number,
  ref: string,
  alt: string,
): { start: number; end: number; ref: string; alt: string; variantType: MafVariantType } {
  let r = ref.toUpperCase();
  let a = alt.toUpperCase();
  let start = position;
  if (r.length !== a.length && r.length > 0 && a.length > 0 && r[0] === a[0]) {
    r = r.slice(1);
    a = a.slice(1);
    start += 1;
  }
  const variantType = mafVariantType(r === '' ? '-' : r, a === '' ? '-' : a);
  if (r === '') {
    // Insertion: MAF puts it between the anchor base and the next one.
    return { start: start - 1, end: start, ref: '-', alt: a, variantType };
  }
  return { start, end: start + r.length - 1, ref: r, alt: a === '' ? '-' : a, variantType };
}

/** VEP's allele string for an ALT: the MAF-style allele ("-" for a deletion). */
export function vepAlleleString(ref: string, alt: string): string {
  return vcfToMafAlleles(1, ref, alt).alt;
}

/** Drops an "ENSP…:" / "NP_…:" prefix and VEP's percent-encoding ("p.Ser406%3D"). */
export function cleanHgvs(text: string | undefined): { value?: string; reference?: string } {
  if (text === undefined) return {};
  const decoded = decodeAnnotationValue(text.trim());
  if (decoded === '') return {};
  const colon = decoded.lastIndexOf(':');
  if (colon > 0 && /^[cgnmpr]\./.test(decoded.slice(colon + 1))) {
    return { value: decoded.slice(colon + 1), reference: decoded.slice(0, colon) };
  }
  return { value: decoded };
}

export interface ProteinFields {
  hgvspRaw?: string;
  protein?: ProteinChange;
  hgvsp?: string;
}

/**
 * The protein string a record stores: the normalised one-letter HGVS when there is one; for a
 * splice-site variant with no protein consequence, vcf2maf's "p.X{codon}_splice" short form.
 */
export function proteinFields(hgvspText: string | undefined, hgvsc: string | undefined, effect: MutationEffect): ProteinFields {
  const raw = cleanHgvs(hgvspText).value;
  const protein = tryParseProteinChange(raw);
  if (protein) return { hgvspRaw: raw!, protein, hgvsp: formatProteinChange(protein) };
  if (effect === 'splice_site' && hgvsc !== undefined) {
    try {
      const { change } = parseCdnaChange(hgvsc);
      return { ...(raw !== undefined ? { hgvspRaw: raw } : {}), hgvsp: spliceShortForm(change.start.base) };
    } catch {
      /* an unreadable c. string leaves the protein field empty */
    }
  }
  return raw !== undefined ? { hgvspRaw: raw } : {};
}

/** "c.1799T>A" without its transcript prefix, plus the transcript. */
export function cdnaFields(hgvscText: string | undefined): { hgvsc?: string; transcript?: string } {
  const { value, reference } = cleanHgvs(hgvscText);
  return { ...(value !== undefined ? { hgvsc: value } : {}), ...(reference !== undefined ? { transcript: reference } : {}) };
}

/** VAF from allele depths: alt / (sum of depths), or alt / DP when the reference depth is missing. */
export function vafFromCounts(altCount: number | undefined, depth: number | undefined): number | undefined {
  if (altCount === undefined || depth === undefined || depth <= 0) return undefined;
  return altCount / depth;
}

/** Effect implied by a protein change when the report gives no consequence term. */
export function effectFromProtein(p: ProteinChange | undefined): MutationEffect {
  switch (p?.kind) {
    case 'substitution':
      return p.alt === '*' ? 'nonsense' : p.position === 1 && p.ref === 'M' ? 'start_loss' : 'missense';
    case 'frameshift':
      return 'frameshift';
    case 'synonymous':
      return 'synonymous';
    case 'deletion':
      return 'inframe_deletion';
    case 'insertion':
    case 'duplication':
      return 'inframe_insertion';
    case 'delins':
      return 'missense';
    case 'start_loss':
      return 'start_loss';
    case 'extension':
      return 'stop_loss';
    case 'splice':
      return 'splice_site';
    case 'exon':
      return p.event === 'deletion'
        ? 'inframe_deletion'
        : p.event === 'insertion' || p.event === 'duplication'
          ? 'inframe_insertion'
          : p.event === 'skipping'
            ? 'splice_site'
            : 'unknown';
    default:
      return 'unknown';
  }
}
