/**
 * One entry point for "here is a file": picks the reader from the file name and the first
 * bytes, so the CLI and the importer do not each guess.
 */
import { parseCbioportalCna, parseCbioportalSv } from './cbioportal';
import { GenomicsParseError } from './errors';
import { parseFhirGenomicsBundle } from './fhir';
import { parseMaf, type MafOptions } from './maf';
import { parsePanelReport } from './panel-report';
import type { GenomicFileFormat, ParsedGenomicFile } from './records';
import { parseVcf, type VcfOptions } from './vcf';

export type ParseOptions = VcfOptions & MafOptions & { format?: GenomicFileFormat };

/** The first non-comment line of a tab-separated file, split into column names. */
function headerColumns(text: string): string[] {
  for (const line of text.split(/\r?\n/, 200)) {
    if (line.startsWith('#') || line.trim() === '') continue;
    return line.split('\t').map((c) => c.trim());
  }
  return [];
}

export function detectGenomicFormat(text: string, fileName: string): GenomicFileFormat {
  const name = fileName.toLowerCase();
  const head = text.trimStart().slice(0, 4096);
  if (head.startsWith('##fileformat=VCF') || /\.vcf$/.test(name)) return 'vcf';
  if (head.startsWith('{') || head.startsWith('[') || /\.json$/.test(name)) {
    return /"resourceType"\s*:\s*"Bundle"/.test(head) ? 'fhir_bundle' : 'panel_json';
  }
  const cols = new Set(headerColumns(text));
  if (cols.has('Variant_Classification') || /\.maf(\.txt)?$/.test(name)) return 'maf';
  if (cols.has('Site1_Hugo_Symbol') || cols.has('Site2_Hugo_Symbol') || cols.has('Fusion')) return 'cbioportal_sv';
  if (cols.has('Hugo_Symbol') || cols.has('Entrez_Gene_Id')) {
    return cols.has('Call') || cols.has('Alteration') ? 'cbioportal_cna_calls' : 'cbioportal_cna_discrete';
  }
  throw new GenomicsParseError(
    { file: fileName, line: 1 },
    'unrecognised genomic file: expected a VCF, a MAF, a cBioPortal CNA or SV table, a FHIR Bundle or a panel report JSON',
  );
}

/** Parses any supported file; the result is whole or an error is thrown (nothing partial). */
export function parseGenomicFile(text: string, fileName: string, options: ParseOptions = {}): ParsedGenomicFile {
  const format = options.format ?? detectGenomicFormat(text, fileName);
  switch (format) {
    case 'vcf':
      return parseVcf(text, fileName, options);
    case 'maf':
      return parseMaf(text, fileName, options);
    case 'cbioportal_cna_discrete':
    case 'cbioportal_cna_calls':
      return parseCbioportalCna(text, fileName);
    case 'cbioportal_sv':
      return parseCbioportalSv(text, fileName);
    case 'fhir_bundle':
      return parseFhirGenomicsBundle(text, fileName);
    case 'panel_json':
      return parsePanelReport(text, fileName);
  }
}
