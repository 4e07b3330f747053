/**
 * What a knowledge-base row is about ("V600E", "V600", "EXON 19 DELETION", "EML4-ALK",
 * "AMPLIFICATION", "MUTATION", "EML4-ALK L1196M"...) and whether a patient's alteration is it.
 *
 * CIViC variant names and the approvals table use the same small language, so one parser
 * serves both. Names that are not DNA findings (EXPRESSION, METHYLATION, rs numbers...) are
 * kept as `unsupported` and never match.
 */
import { parseCdnaChange, formatCdnaChange } from './hgvs-cdna';
import {
  formatProteinChange,
  parseExonShorthand,
  proteinSpan,
  tryParseProteinChange,
  type ExonEvent,
  type ProteinChange,
} from './hgvs-protein';
import { parseFusionName } from './fusion';
import { isProteinAltering, isTruncating, type MutationEffect } from './variant-class';

export type VariantSpec =
  | { kind: 'protein'; change: ProteinChange }
  | { kind: 'codon'; ref: string; position: number }
  | { kind: 'cdna'; hgvsc: string }
  | { kind: 'exon'; exon: number; event: ExonEvent }
  | { kind: 'any_mutation' }
  | { kind: 'truncating' }
  | { kind: 'inframe_insertion' }
  | { kind: 'promoter_mutation' }
  | { kind: 'amplification' }
  | { kind: 'deletion' }
  | { kind: 'fusion'; partner5?: string; partner3?: string }
  | { kind: 'biomarker'; name: 'MSI-H' | 'TMB-H' }
  | { kind: 'any_of'; specs: VariantSpec[] }
  | { kind: 'all_of'; specs: VariantSpec[] }
  | { kind: 'unsupported'; text: string };

/** An alteration as the knowledge base sees it: gene already HGNC-normalised. */
export interface QueryAlteration {
  gene: string;
  kind: 'mutation' | 'amplification' | 'deletion' | 'fusion' | 'structural_variant' | 'biomarker';
  protein?: ProteinChange;
  effect?: MutationEffect;
  exon?: number;
  intron?: number;
  hgvsc?: string;
  gene5?: string;
  gene3?: string;
  biomarker?: 'MSI-H' | 'TMB-H';
}

const WORDS: ReadonlyArray<[RegExp, VariantSpec]> = [
  [
    /^(MUTATION|MUTATIONS|ANY MUTATION|ONCOGENIC MUTATIONS?|SOMATIC MUTATION|PATHOGENIC VARIANTS?|ACTIVATING MUTATIONS?|ALTERATION)$/i,
    { kind: 'any_mutation' },
  ],
  [
    /^(LOSS[- ]OF[- ]FUNCTION|LOSS OF FUNCTION MUTATIONS?|TRUNCATING MUTATIONS?|FRAMESHIFT TRUNCATION|NONSENSE|FRAMESHIFT( MUTATION)?|INACTIVATING MUTATIONS?)$/i,
    { kind: 'truncating' },
  ],
  [/^(INTERNAL TANDEM DUPLICATION|ITD)$/i, { kind: 'inframe_insertion' }],
  [/^(PROMOTER MUTATIONS?|PROMOTER VARIANTS?)$/i, { kind: 'promoter_mutation' }],
  [/^(AMPLIFICATION|AMPLIFICATIONS|COPY NUMBER GAIN|HIGH[- ]LEVEL AMPLIFICATION)$/i, { kind: 'amplification' }],
  [/^(DELETION|HOMOZYGOUS DELETION|LOSS|COPY NUMBER LOSS|DEEP DELETION)$/i, { kind: 'deletion' }],
  [/^(FUSION|FUSIONS|REARRANGEMENT|REARRANGEMENTS|TRANSLOCATION|TRANSLOCATIONS|GENE FUSION)$/i, { kind: 'fusion' }],
  [/^(MSI-H|MSI HIGH|MICROSATELLITE INSTABILITY-HIGH|DMMR)$/i, { kind: 'biomarker', name: 'MSI-H' }],
  [/^(TMB-H|TMB HIGH|HIGH TMB)$/i, { kind: 'biomarker', name: 'TMB-H' }],
];

/** "ABL" in "BCR-ABL" is the old name of ABL1; callers pass a resolver so fusion partners normalise. */
export type SymbolResolver = (symbol: string) => string;

export function parseVariantSpec(text: string, resolve: SymbolResolver = (s) => s): VariantSpec {
  const t = text.trim().replace(/\s+/g, ' ');
  for (const [re, spec] of WORDS) if (re.test(t)) return spec;

  // Compounds: "V600E AND AMPLIFICATION", "EML4-ALK L1196M", "BCR-ABL T315I".
  if (/ AND /i.test(t)) {
    const parts = t.split(/ AND /i).map((p) => parseVariantSpec(p, resolve));
    return parts.some((p) => p.kind === 'unsupported') ? { kind: 'unsupported', text } : { kind: 'all_of', specs: parts };
  }
  const fusionThen = /^([A-Za-z0-9]+(?:-|::)[A-Za-z0-9]+)\s+(.+)$/.exec(t);
  if (fusionThen && parseFusionName(fusionThen[1]!) && !/^(FUSION|FUSIONS)$/i.test(fusionThen[2]!)) {
    const rest = parseVariantSpec(fusionThen[2]!, resolve);
    const fusion = parseVariantSpec(fusionThen[1]!, resolve);
    return rest.kind === 'unsupported' ? { kind: 'unsupported', text } : { kind: 'all_of', specs: [fusion, rest] };
  }
  const geneFusionThen = /^([A-Z0-9]+) FUSIONS? (.+)$/i.exec(t);
  if (geneFusionThen) {
    const rest = parseVariantSpec(geneFusionThen[2]!, resolve);
    return rest.kind === 'unsupported' ? { kind: 'unsupported', text } : { kind: 'all_of', specs: [{ kind: 'fusion' }, rest] };
  }

  const exon = parseExonShorthand(t);
  if (exon) return { kind: 'exon', ...exon };

  const fusion = parseFusionName(t.replace(/ FUSIONS?$/i, ''));
  if (fusion && !/^[A-Z*]\d/.test(t)) {
    return { kind: 'fusion', partner5: resolve(fusion[0]), partner3: resolve(fusion[1]) };
  }

  if (/^c\./.test(t)) {
    try {
      return { kind: 'cdna', hgvsc: formatCdnaChange(parseCdnaChange(t).change) };
    } catch {
      return { kind: 'unsupported', text };
    }
  }

  // "V600E/K", "G12/G13", "G12D/R/V/W": alternatives at one or more residues.
  if (t.includes('/')) {
    const [head, ...tails] = t.split('/');
    const m = /^([A-Z])(\d+)([A-Z*]?)$/.exec(head!);
    if (m) {
      const specs: VariantSpec[] = [parseVariantSpec(head!, resolve)];
      for (const tail of tails) {
        specs.push(parseVariantSpec(/^[A-Z*]$/.test(tail) && m[3] ? `${m[1]}${m[2]}${tail}` : tail, resolve));
      }
      return specs.some((s) => s.kind === 'unsupported') ? { kind: 'unsupported', text } : { kind: 'any_of', specs };
    }
  }

  const protein = tryParseProteinChange(t);
  if (protein) {
    if (protein.kind === 'codon') return { kind: 'codon', ref: protein.ref, position: protein.position };
    if (protein.kind !== 'unknown') return { kind: 'protein', change: protein };
  }
  return { kind: 'unsupported', text };
}

/**
 * Codon ranges of exons that reports name by number (exon 19 deletion, exon 14 skipping), used
 * when a record has a protein change but no exon number. EGFR: NM_005228 exons 18–21 cover
 * codons 688–728, 729–761, 762–823, 824–875; MET exon 14 (NM_000245) covers codons 963–1010.
 */
export const EXON_CODON_RANGES: Readonly<Record<string, Readonly<Record<number, readonly [number, number]>>>> = {
  EGFR: { 18: [688, 728], 19: [729, 761], 20: [762, 823], 21: [824, 875] },
  MET: { 14: [963, 1010] },
};

function inExon(gene: string, exon: number, alt: QueryAlteration): boolean {
  if (alt.exon === exon) return true;
  const range = EXON_CODON_RANGES[gene]?.[exon];
  const span = alt.protein ? proteinSpan(alt.protein) : undefined;
  return range !== undefined && span !== undefined && span[0] >= range[0] && span[1] <= range[1];
}

/** Net length change of an in-frame protein change: negative = residues lost. */
function netLength(p: ProteinChange | undefined): number | undefined {
  if (!p) return undefined;
  switch (p.kind) {
    case 'deletion':
      return -((p.end ?? p.start).position - p.start.position + 1);
    case 'insertion':
      return p.inserted.length;
    case 'duplication':
      return (p.end ?? p.start).position - p.start.position + 1;
    case 'delins':
      return p.inserted.length - ((p.end ?? p.start).position - p.start.position + 1);
    default:
      return undefined;
  }
}

/**
 * Does `alt` (in gene `gene`) satisfy `spec`? `context` holds the sample's other alterations,
 * which compound specs ("EML4-ALK L1196M") need.
 */
export function specMatches(spec: VariantSpec, gene: string, alt: QueryAlteration, context: readonly QueryAlteration[] = []): boolean {
  const sameGene = alt.gene === gene;
  const mutation = alt.kind === 'mutation';
  switch (spec.kind) {
    case 'protein':
      if (!sameGene || !mutation || !alt.protein) return false;
      if (spec.change.kind === 'exon')
        return alt.protein.kind === 'exon' && alt.protein.exon === spec.change.exon && alt.protein.event === spec.change.event;
      return formatProteinChange(spec.change) === formatProteinChange(alt.protein);
    case 'codon':
      return (
        sameGene &&
        mutation &&
        alt.protein?.kind === 'substitution' &&
        alt.protein.position === spec.position &&
        alt.protein.ref === spec.ref &&
        alt.protein.alt !== '*'
      );
    case 'cdna':
      return sameGene && mutation && alt.hgvsc !== undefined && alt.hgvsc === spec.hgvsc;
    case 'exon': {
      if (!sameGene || !mutation) return false;
      if (alt.protein?.kind === 'exon') {
        return alt.protein.exon === spec.exon && (alt.protein.event === spec.event || spec.event === 'mutation');
      }
      const effect = alt.effect ?? 'unknown';
      const net = netLength(alt.protein);
      switch (spec.event) {
        case 'deletion':
          return (
            (effect === 'inframe_deletion' || (net !== undefined && net < 0 && effect !== 'frameshift')) && inExon(gene, spec.exon, alt)
          );
        case 'insertion':
        case 'duplication':
          return (
            (effect === 'inframe_insertion' || (net !== undefined && net > 0 && effect !== 'frameshift')) && inExon(gene, spec.exon, alt)
          );
        case 'skipping':
          // Exon skipping comes from the splice sites that flank the exon (or deletions across them).
          return (
            (effect === 'splice_site' || effect === 'splice_region' || effect === 'inframe_deletion') &&
            (alt.exon === spec.exon || alt.intron === spec.exon || alt.intron === spec.exon - 1 || inExon(gene, spec.exon, alt))
          );
        case 'mutation':
          return isProteinAltering(effect) && inExon(gene, spec.exon, alt);
      }
      return false;
    }
    case 'any_mutation':
      return sameGene && mutation && isProteinAltering(alt.effect ?? 'unknown');
    case 'truncating':
      return sameGene && mutation && isTruncating(alt.effect ?? 'unknown');
    case 'inframe_insertion':
      return sameGene && mutation && (alt.effect === 'inframe_insertion' || (netLength(alt.protein) ?? 0) > 0);
    case 'promoter_mutation':
      return sameGene && mutation && alt.effect === 'noncoding';
    case 'amplification':
      return sameGene && alt.kind === 'amplification';
    case 'deletion':
      return sameGene && alt.kind === 'deletion';
    case 'fusion': {
      if (alt.kind !== 'fusion' && alt.kind !== 'structural_variant') return false;
      const partners = [alt.gene5, alt.gene3, alt.gene].filter((g): g is string => g !== undefined);
      if (spec.partner5 === undefined) return partners.includes(gene);
      const a = alt.gene5;
      const b = alt.gene3;
      return (a === spec.partner5 && b === spec.partner3) || (a === spec.partner3 && b === spec.partner5);
    }
    case 'biomarker':
      return alt.kind === 'biomarker' && alt.biomarker === spec.name;
    case 'any_of':
      return spec.specs.some((s) => specMatches(s, gene, alt, context));
    case 'all_of':
      // The alteration must satisfy one part; every other part must be met by some alteration of the sample.
      return spec.specs.some(
        (part, i) =>
          specMatches(part, gene, alt, context) &&
          spec.specs.every((other, j) => j === i || [alt, ...context].some((c) => specMatches(other, gene, c, context))),
      );
    case 'unsupported':
      return false;
  }
}

/** How specific a spec is, for ranking (exact change beats codon beats exon beats gene-level). */
export function specSpecificity(spec: VariantSpec): number {
  switch (spec.kind) {
    case 'protein':
    case 'cdna':
      return 5;
    case 'all_of':
      return 6;
    case 'codon':
      return 4;
    case 'any_of':
      return 4;
    case 'exon':
    case 'fusion':
      return spec.kind === 'fusion' && spec.partner5 ? 5 : 3;
    case 'amplification':
    case 'deletion':
    case 'biomarker':
      return 3;
    case 'inframe_insertion':
    case 'promoter_mutation':
    case 'truncating':
      return 2;
    case 'any_mutation':
      return 1;
    case 'unsupported':
      return 0;
  }
}
