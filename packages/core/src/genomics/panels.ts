/**
 * Panels and coverage: what a test could have found, so that "not detected" is only said of
 * genes the panel covers, and a negative ctDNA result at low tumour fraction is called
 * uninformative rather than negative (matching sees the difference).
 *
 * Panel definition (JSON):
 * { "name": "Liquid 324", "version": "2", "specimen": "ctdna",
 *   "genes": ["KRAS", ...],
 *   "regions": [{ "gene": "TERT", "chromosome": "5", "start": 1295068, "end": 1295368 }],
 *   "limitOfDetection": { "snvVaf": 0.005, "indelVaf": 0.01, "cnvCopies": 6 },
 *   "minTumourFraction": 0.01 }
 * When a gene has regions, only those regions are covered (hotspot panels); otherwise the
 * whole gene is.
 */
import { normaliseChromosome } from './build';
import { GenomicsParseError } from './errors';
import type { GenomicRecord, ParsedGenomicFile, RegionStudied } from './records';

export interface PanelDefinition {
  name: string;
  version?: string;
  specimen?: 'tissue' | 'ctdna';
  genes: string[];
  regions?: RegionStudied[];
  limitOfDetection?: { snvVaf?: number; indelVaf?: number; cnvCopies?: number };
  /** Below this ctDNA tumour fraction a negative result is uninformative (default 0.01). */
  minTumourFraction?: number;
}

export type GeneResult = 'detected' | 'not_detected' | 'not_covered' | 'uninformative_low_tumour_fraction';

export const DEFAULT_MIN_TUMOUR_FRACTION = 0.01;

export function parsePanelDefinition(text: string, file: string): PanelDefinition {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new GenomicsParseError({ file, field: '(JSON)' }, `not valid JSON: ${(e as Error).message}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new GenomicsParseError({ file, field: '(root)' }, 'expected an object');
  const o = doc as Record<string, unknown>;
  if (typeof o.name !== 'string' || o.name === '') throw new GenomicsParseError({ file, field: 'name' }, 'required');
  if (!Array.isArray(o.genes) || o.genes.some((g) => typeof g !== 'string'))
    throw new GenomicsParseError({ file, field: 'genes' }, 'expected an array of gene symbols');
  const regions: RegionStudied[] = [];
  if (o.regions !== undefined) {
    if (!Array.isArray(o.regions)) throw new GenomicsParseError({ file, field: 'regions' }, 'expected an array');
    o.regions.forEach((r, i) => {
      const x = r as Record<string, unknown>;
      if (typeof x !== 'object' || x === null) throw new GenomicsParseError({ file, field: `regions[${i}]` }, 'expected an object');
      if (typeof x.start === 'number' && typeof x.end === 'number' && x.end < x.start) {
        throw new GenomicsParseError({ file, field: `regions[${i}].end` }, 'end before start');
      }
      regions.push({
        ...(typeof x.gene === 'string' ? { gene: x.gene } : {}),
        ...(typeof x.chromosome === 'string' ? { chromosome: normaliseChromosome(x.chromosome) } : {}),
        ...(typeof x.start === 'number' ? { start: x.start } : {}),
        ...(typeof x.end === 'number' ? { end: x.end } : {}),
      });
    });
  }
  const lod = o.limitOfDetection as PanelDefinition['limitOfDetection'] | undefined;
  const mtf = o.minTumourFraction;
  if (mtf !== undefined && (typeof mtf !== 'number' || mtf < 0 || mtf > 1))
    throw new GenomicsParseError({ file, field: 'minTumourFraction' }, 'expected a fraction 0..1');
  return {
    name: o.name,
    ...(typeof o.version === 'string' ? { version: o.version } : {}),
    ...(o.specimen === 'tissue' || o.specimen === 'ctdna' ? { specimen: o.specimen } : {}),
    genes: o.genes as string[],
    ...(regions.length > 0 ? { regions } : {}),
    ...(lod ? { limitOfDetection: lod } : {}),
    ...(typeof mtf === 'number' ? { minTumourFraction: mtf } : {}),
  };
}

/** A panel from what a report says it studied (FHIR GenomicRegionStudied, panel JSON genesTested). */
export function panelFromReport(parsed: ParsedGenomicFile): PanelDefinition | undefined {
  if (!parsed.regionsStudied || parsed.regionsStudied.length === 0) return undefined;
  const genes = [...new Set(parsed.regionsStudied.map((r) => r.gene).filter((g): g is string => g !== undefined))];
  return { name: parsed.panel ?? parsed.file, genes, ...(parsed.specimen ? { specimen: parsed.specimen } : {}) };
}

export function isGeneCovered(panel: PanelDefinition, gene: string): boolean {
  const g = gene.toUpperCase();
  return panel.genes.some((x) => x.toUpperCase() === g) || (panel.regions ?? []).some((r) => r.gene?.toUpperCase() === g);
}

/** Is a genomic position covered? Genes with regions are covered only inside them. */
export function isPositionCovered(panel: PanelDefinition, gene: string, chromosome: string, position: number): boolean {
  const g = gene.toUpperCase();
  const regions = (panel.regions ?? []).filter((r) => r.gene?.toUpperCase() === g);
  if (regions.length === 0) return isGeneCovered(panel, gene);
  const chrom = normaliseChromosome(chromosome);
  return regions.some(
    (r) =>
      (r.chromosome === undefined || r.chromosome === chrom) &&
      (r.start === undefined || position >= r.start) &&
      (r.end === undefined || position <= r.end),
  );
}

export interface CoverageContext {
  specimen?: 'tissue' | 'ctdna';
  tumourFraction?: number;
  /** Overrides the panel's threshold. */
  minTumourFraction?: number;
}

/**
 * The result for one gene. `predicate` narrows "detected" to the alterations a question is
 * about (e.g. only KRAS G12C); by default any record in the gene counts.
 */
export function geneResult(
  panel: PanelDefinition,
  gene: string,
  records: readonly GenomicRecord[],
  context: CoverageContext = {},
  predicate: (r: GenomicRecord) => boolean = () => true,
): GeneResult {
  const g = gene.toUpperCase();
  const found = records.some(
    (r) => (r.gene.toUpperCase() === g || (r.kind === 'fusion' && [r.gene5, r.gene3].some((x) => x?.toUpperCase() === g))) && predicate(r),
  );
  // A finding outside the panel's list is still a finding (reports add off-panel calls).
  if (found) return 'detected';
  if (!isGeneCovered(panel, gene)) return 'not_covered';
  const specimen = context.specimen ?? panel.specimen;
  const threshold = context.minTumourFraction ?? panel.minTumourFraction ?? DEFAULT_MIN_TUMOUR_FRACTION;
  if (specimen === 'ctdna' && context.tumourFraction !== undefined && context.tumourFraction < threshold) {
    return 'uninformative_low_tumour_fraction';
  }
  return 'not_detected';
}

/** Results for every gene asked about (default: the panel's genes), from a parsed report. */
export function coverageReport(
  panel: PanelDefinition,
  parsed: ParsedGenomicFile,
  genes: readonly string[] = panel.genes,
): Map<string, GeneResult> {
  const ctx: CoverageContext = {
    ...(parsed.specimen ? { specimen: parsed.specimen } : {}),
    ...(parsed.tumourFraction !== undefined ? { tumourFraction: parsed.tumourFraction } : {}),
  };
  return new Map(genes.map((g) => [g, geneResult(panel, g, parsed.records, ctx)]));
}
