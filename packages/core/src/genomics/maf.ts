/**
 * Mutation Annotation Format (MAF) reader: GDC/TCGA MAFs (full column set) and cBioPortal's
 * data_mutations files (which may leave out positions and carry only the protein change).
 *
 * Required: Hugo_Symbol (or Entrez_Gene_Id), Tumor_Sample_Barcode, Variant_Classification.
 * Protein change: HGVSp_Short, else HGVSp, else Amino_Acid_Change / amino_acid_change (older
 * WashU and cBioPortal files). VAF: t_alt_count / t_depth (or t_ref + t_alt); the TCGA 2012
 * WashU columns TumorVarReads_WU / TumorRefReads_WU are a fallback.
 */
import { BuildChecker, describeMismatch, normaliseBuild, normaliseChromosome, type GenomeBuild } from './build';
import { GenomicsParseError } from './errors';
import type { ParsedGenomicFile, VariantOrigin, VariantRecord } from './records';
import { TsvTable, rankNumber } from './text';
import { cdnaFields, proteinFields, vafFromCounts } from './variant-fields';
import {
  MAF_VARIANT_CLASSIFICATIONS,
  classifyMafClassification,
  isMafVariantClassification,
  mafVariantType,
  splitConsequences,
  type MafVariantType,
} from './variant-class';

export interface MafOptions {
  build?: GenomeBuild;
  onBuildMismatch?: 'error' | 'warn';
}

const VARIANT_TYPES: readonly MafVariantType[] = ['SNP', 'DNP', 'TNP', 'ONP', 'INS', 'DEL'];

export function parseMaf(text: string, file: string, options: MafOptions = {}): ParsedGenomicFile {
  const table = new TsvTable(file, text);
  if (!table.has('Hugo_Symbol') && !table.has('Entrez_Gene_Id')) {
    throw new GenomicsParseError(
      { file, line: table.headerLine, field: 'Hugo_Symbol' },
      'missing required column "Hugo_Symbol" (or "Entrez_Gene_Id")',
    );
  }
  table.requireColumns(['Tumor_Sample_Barcode', 'Variant_Classification']);

  const warnings: string[] = [];
  const records: VariantRecord[] = [];
  const samples = new Set<string>();
  let declared: GenomeBuild | undefined = options.build;
  let declaredLine: number | undefined;
  const checker = new BuildChecker(declared);

  for (const row of table.rows) {
    const line = row.line;
    const at = (field: string) => ({ file, line, field });
    const gene =
      table.get(row, 'Hugo_Symbol') ?? (table.get(row, 'Entrez_Gene_Id') ? `Entrez:${table.get(row, 'Entrez_Gene_Id')}` : undefined);
    if (gene === undefined) throw new GenomicsParseError(at('Hugo_Symbol'), 'empty gene symbol');
    const sample = table.get(row, 'Tumor_Sample_Barcode');
    if (sample === undefined) throw new GenomicsParseError(at('Tumor_Sample_Barcode'), 'empty sample barcode');
    const vc = table.get(row, 'Variant_Classification');
    if (vc === undefined || !isMafVariantClassification(vc)) {
      throw new GenomicsParseError(
        at('Variant_Classification'),
        `"${vc ?? ''}" is not a MAF Variant_Classification (expected one of ${MAF_VARIANT_CLASSIFICATIONS.slice(0, 8).join(', ')}, …)`,
      );
    }

    // Genome build: one per file; "37" and "GRCh37" are the same.
    const buildText = table.get(row, 'NCBI_Build');
    if (buildText !== undefined) {
      const b = normaliseBuild(buildText);
      if (!b) throw new GenomicsParseError(at('NCBI_Build'), `unknown genome build "${buildText}" (expected GRCh37 or GRCh38)`);
      if (declared === undefined) {
        declared = b;
        declaredLine = line;
        checker.setDeclared(b);
      } else if (b !== declared) {
        throw new GenomicsParseError(
          at('NCBI_Build'),
          `genome build ${b} differs from ${declared}${declaredLine !== undefined ? ` on line ${declaredLine}` : ' (declared by the caller)'}; one file holds one build`,
        );
      }
    }

    const chromosome = table.get(row, 'Chromosome');
    const startText = table.get(row, 'Start_Position');
    const endText = table.get(row, 'End_Position');
    const start = startText !== undefined ? intField(startText, at('Start_Position')) : undefined;
    const end = endText !== undefined ? intField(endText, at('End_Position')) : undefined;
    if (start !== undefined && end !== undefined && end < start) {
      throw new GenomicsParseError(at('End_Position'), `end ${end} is before start ${start}`);
    }
    const ref = table.get(row, 'Reference_Allele');
    const allele1 = table.get(row, 'Tumor_Seq_Allele1');
    const allele2 = table.get(row, 'Tumor_Seq_Allele2');
    const alt = allele2 !== undefined && allele2 !== ref ? allele2 : allele1 !== ref ? allele1 : allele2;
    for (const [name, value] of [
      ['Reference_Allele', ref],
      ['Tumor_Seq_Allele2', alt],
    ] as const) {
      if (value !== undefined && !/^(-|[ACGTN]+)$/i.test(value)) {
        throw new GenomicsParseError(at(name), `expected bases A/C/G/T/N or "-", found "${value}"`);
      }
    }
    const vtText = table.get(row, 'Variant_Type');
    let variantType: MafVariantType | undefined;
    if (vtText !== undefined) {
      if (!(VARIANT_TYPES as readonly string[]).includes(vtText)) {
        throw new GenomicsParseError(at('Variant_Type'), `"${vtText}" is not a MAF Variant_Type (SNP, DNP, TNP, ONP, INS, DEL)`);
      }
      variantType = vtText as MafVariantType;
    } else if (ref !== undefined && alt !== undefined) {
      variantType = mafVariantType(ref, alt);
    }

    if (chromosome !== undefined && start !== undefined && ref !== undefined && alt !== undefined && variantType === 'SNP') {
      const ev = checker.observe(chromosome, start, ref, alt, line);
      if (ev && declared && ev.build !== declared) {
        const message = describeMismatch(declared, ev);
        if ((options.onBuildMismatch ?? 'error') === 'error') throw new GenomicsParseError(at('Start_Position'), message);
        warnings.push(`${file} line ${line}: ${message}`);
      }
    }

    const cls = classifyMafClassification(vc);
    const cdna = cdnaFields(table.get(row, 'HGVSc'));
    const proteinText =
      table.get(row, 'HGVSp_Short') ??
      table.get(row, 'HGVSp') ??
      table.get(row, 'Amino_Acid_Change') ??
      table.get(row, 'amino_acid_change');
    const prot = proteinFields(proteinText, cdna.hgvsc, cls.effect);
    if (proteinText !== undefined && prot.protein === undefined && prot.hgvsp === undefined) {
      warnings.push(`${file} line ${line}: protein change "${proteinText}" not understood; kept as written`);
    }

    const tDepth = optionalInt(table.get(row, 't_depth'), at('t_depth'));
    const tRef = optionalInt(table.get(row, 't_ref_count'), at('t_ref_count'));
    const tAlt = optionalInt(table.get(row, 't_alt_count'), at('t_alt_count'));
    const wuRef = optionalInt(table.get(row, 'TumorRefReads_WU'), at('TumorRefReads_WU'));
    const wuAlt = optionalInt(table.get(row, 'TumorVarReads_WU'), at('TumorVarReads_WU'));
    const altCount = tAlt ?? wuAlt;
    const depth =
      tDepth ??
      (tRef !== undefined && tAlt !== undefined ? tRef + tAlt : wuRef !== undefined && wuAlt !== undefined ? wuRef + wuAlt : undefined);
    const vaf = vafFromCounts(altCount, depth);

    const status = table.get(row, 'Mutation_Status')?.toLowerCase();
    const origin: VariantOrigin | undefined = status === 'somatic' ? 'somatic' : status === 'germline' ? 'germline' : undefined;
    const consequence = table.get(row, 'Consequence');
    const exon = rankNumber(table.get(row, 'Exon_Number') ?? table.get(row, 'EXON'));
    const intron = rankNumber(table.get(row, 'INTRON'));
    const transcript = table.get(row, 'Transcript_ID') ?? cdna.transcript;
    const dbsnp = table.get(row, 'dbSNP_RS');

    samples.add(sample);
    records.push({
      kind: 'variant',
      gene,
      alterationClass: 'mutation',
      category: 'mutation',
      sampleId: sample,
      source: { file, line },
      ...(chromosome !== undefined ? { chromosome: normaliseChromosome(chromosome) } : {}),
      ...(start !== undefined ? { start } : {}),
      ...(end !== undefined ? { end } : {}),
      ...(ref !== undefined ? { ref } : {}),
      ...(alt !== undefined ? { alt } : {}),
      ...(variantType ? { variantType } : {}),
      ...(declared ? { build: declared } : {}),
      ...(consequence !== undefined ? { consequences: splitConsequences(consequence) } : {}),
      mafClassification: vc,
      effect: cls.effect,
      ...prot,
      ...(cdna.hgvsc !== undefined ? { hgvsc: cdna.hgvsc } : {}),
      ...(transcript !== undefined ? { transcript } : {}),
      ...(exon !== undefined ? { exon } : {}),
      ...(intron !== undefined ? { intron } : {}),
      ...(vaf !== undefined ? { vaf } : {}),
      ...(depth !== undefined ? { depth } : {}),
      ...(altCount !== undefined ? { altCount } : {}),
      ...(origin ? { origin } : {}),
      ...(dbsnp !== undefined && /^rs\d+/.test(dbsnp) ? { dbsnp } : {}),
    });
  }

  return {
    file,
    format: 'maf',
    ...(declared ? { build: declared } : {}),
    buildCheck: checker.result(),
    records,
    samples: [...samples],
    warnings,
  };
}

function intField(value: string, where: { file: string; line: number; field: string }): number {
  if (!/^\d+$/.test(value)) throw new GenomicsParseError(where, `expected a positive integer, found "${value}"`);
  return Number(value);
}

function optionalInt(value: string | undefined, where: { file: string; line: number; field: string }): number | undefined {
  if (value === undefined) return undefined;
  return intField(value, where);
}
