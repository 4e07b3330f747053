/**
 * What every genomic parser returns: typed records with their provenance in the file, plus
 * the report-level facts (panel, TMB, MSI, tumour fraction, genome build).
 *
 * Records keep what the file said (gene symbol as written, HGVS as written) next to the
 * normalised form, so an MTB can always see both.
 */
import type { Alteration, AlterationClass, MolecularReport } from '../model/patient';
import type { Provenance } from '../model/provenance';
import type { BuildCheck, GenomeBuild } from './build';
import type { ProteinChange } from './hgvs-protein';
import type {
  CopyNumberCall,
  GisticCall,
  MafVariantClassification,
  MafVariantType,
  MutationEffect,
  AlterationCategory,
} from './variant-class';

export type GenomicFileFormat =
  | 'vcf'
  | 'maf'
  | 'cbioportal_cna_discrete'
  | 'cbioportal_cna_calls'
  | 'cbioportal_sv'
  | 'fhir_bundle'
  | 'panel_json';

/** Where a record came from: the file and its 1-based line (text formats) or JSON path. */
export interface RecordSource {
  file: string;
  line?: number;
  path?: string;
}

export type VariantOrigin = 'somatic' | 'germline' | 'unknown';

interface RecordBase {
  /** Sample (tumour) identifier when the file names one. */
  sampleId?: string;
  /** Gene symbol as written in the file. */
  gene: string;
  alterationClass: AlterationClass;
  category: AlterationCategory;
  source: RecordSource;
}

export interface VariantRecord extends RecordBase {
  kind: 'variant';
  alterationClass: 'mutation';
  chromosome?: string;
  /** MAF-style 1-based start/end with "-" for an empty allele (vcf2maf's convention). */
  start?: number;
  end?: number;
  ref?: string;
  alt?: string;
  /** VCF position and alleles as written (anchored indels). */
  vcf?: { position: number; ref: string; alt: string };
  variantType?: MafVariantType;
  build?: GenomeBuild;
  /** Sequence Ontology terms (VEP/SnpEff), most severe first when known. */
  consequences?: string[];
  mafClassification?: MafVariantClassification;
  effect: MutationEffect;
  /** Protein change as written (e.g. "p.Leu429Arg", "ENSP..:p.Leu429Arg", "p.I268fs"). */
  hgvspRaw?: string;
  /** Parsed protein change, when the text could be read. */
  protein?: ProteinChange;
  /** Normalised one-letter form ("p.L429R"), or vcf2maf's "p.X168_splice" for splice sites. */
  hgvsp?: string;
  hgvsc?: string;
  transcript?: string;
  exon?: number;
  intron?: number;
  vaf?: number;
  depth?: number;
  altCount?: number;
  origin?: VariantOrigin;
  filter?: string;
  dbsnp?: string;
}

export interface CopyNumberRecord extends RecordBase {
  kind: 'copy_number';
  call: CopyNumberCall;
  gistic?: GisticCall;
  /** Absolute copy number, when reported. */
  copyNumber?: number;
  log2Ratio?: number;
}

export interface FusionRecord extends RecordBase {
  kind: 'fusion';
  /** 5' partner (cBioPortal Site1). `gene` is the partner that carries the kinase/driver when known, else site1. */
  gene5?: string;
  gene3?: string;
  /** "EML4-ALK" style name with 5' partner first. */
  name: string;
  breakpoints?: { chromosome: string; position: number; gene?: string; exon?: number }[];
  frame?: 'in_frame' | 'frameshift' | 'unknown';
  /** cBioPortal Class / SnpEff term, e.g. "FUSION", "DELETION", "TRANSLOCATION". */
  svClass?: string;
  build?: GenomeBuild;
}

export type GenomicRecord = VariantRecord | CopyNumberRecord | FusionRecord;

export type MsiStatus = 'MSI-H' | 'MSS' | 'indeterminate';

/** One sequenced region of a panel (0 coverage outside). Coordinates 1-based inclusive. */
export interface RegionStudied {
  gene?: string;
  chromosome?: string;
  start?: number;
  end?: number;
}

export interface ParsedGenomicFile {
  file: string;
  format: GenomicFileFormat;
  build?: GenomeBuild;
  buildCheck: BuildCheck;
  records: GenomicRecord[];
  samples: string[];
  /** Report-level facts (panel JSON, FHIR). */
  panel?: string;
  specimen?: 'tissue' | 'ctdna';
  reportedAt?: string;
  /** Mutations per megabase. */
  tmb?: number;
  msi?: MsiStatus;
  /** ctDNA tumour fraction 0..1. */
  tumourFraction?: number;
  regionsStudied?: RegionStudied[];
  /** Non-fatal observations (skipped rows, unknown columns), each naming its line. */
  warnings: string[];
}

/** The platform's Alteration (model/patient.ts) for one record; copy-number neutral/gain/loss calls map to none. */
export function recordToAlteration(record: GenomicRecord): Alteration | undefined {
  switch (record.kind) {
    case 'variant':
      return {
        gene: record.gene,
        alterationClass: 'mutation',
        ...(record.hgvsp !== undefined ? { hgvsProtein: record.hgvsp } : {}),
        ...(record.hgvsc !== undefined ? { hgvsCdna: record.hgvsc } : {}),
        ...(record.vaf !== undefined ? { vaf: record.vaf } : {}),
      };
    case 'copy_number':
      if (record.call !== 'amplification' && record.call !== 'homozygous_deletion') return undefined;
      return {
        gene: record.gene,
        alterationClass: record.call === 'amplification' ? 'amplification' : 'deletion',
        ...(record.copyNumber !== undefined ? { copyNumber: record.copyNumber } : {}),
      };
    case 'fusion': {
      const partner = record.gene === record.gene5 ? record.gene3 : record.gene5;
      return {
        gene: record.gene,
        alterationClass: record.alterationClass,
        ...(partner !== undefined ? { fusionPartner: partner } : {}),
      };
    }
  }
}

/**
 * A parsed single-sample report as the platform's MolecularReport. Panel, specimen and date
 * come from the file when it has them (panel JSON, FHIR) or from the caller.
 */
export function toMolecularReport(
  parsed: ParsedGenomicFile,
  defaults: { panel: string; specimen: 'tissue' | 'ctdna'; reportedAt: string; provenance: Provenance; sampleId?: string },
): MolecularReport {
  const records = defaults.sampleId === undefined ? parsed.records : parsed.records.filter((r) => r.sampleId === defaults.sampleId);
  return {
    specimen: parsed.specimen ?? defaults.specimen,
    panel: parsed.panel ?? defaults.panel,
    reportedAt: parsed.reportedAt ?? defaults.reportedAt,
    ...(parsed.tmb !== undefined ? { tmb: parsed.tmb } : {}),
    ...(parsed.msi !== undefined ? { msi: parsed.msi } : {}),
    ...(parsed.tumourFraction !== undefined ? { tumourFraction: parsed.tumourFraction } : {}),
    alterations: records.map(recordToAlteration).filter((a): a is Alteration => a !== undefined),
    provenance: defaults.provenance,
  };
}
