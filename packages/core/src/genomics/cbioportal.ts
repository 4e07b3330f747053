/**
 * cBioPortal copy-number and structural-variant files — the formats many centres export.
 *
 * Copy number, three layouts:
 *   - discrete matrix: Hugo_Symbol [Entrez_Gene_Id] then one column per sample, GISTIC -2..2;
 *   - discrete long (DISCRETE_LONG): Hugo_Symbol, Sample_Id, Value (GISTIC) [+ cbp_driver...];
 *   - per-call table: Hugo_Symbol, Sample_Id (or Tumor_Sample_Barcode) and a Call column
 *     (AMP, GAIN, HETLOSS, HOMDEL, or words) with optional Copy_Number / Log2_Ratio.
 * Neutral calls (0) are not records. Structural variants: the current SV format (Site1_/Site2_
 * columns) and the older fusion format (Hugo_Symbol, Tumor_Sample_Barcode, Fusion).
 */
import { normaliseBuild, normaliseChromosome, type GenomeBuild } from './build';
import { GenomicsParseError } from './errors';
import { fusionDriver, fusionName, parseFusionName } from './fusion';
import type { CopyNumberRecord, FusionRecord, ParsedGenomicFile } from './records';
import { TsvTable, parseNumberField } from './text';
import { gisticToCnvCall, type CopyNumberCall, type GisticCall } from './variant-class';

const GISTIC_VALUES = new Set(['-2', '-1', '0', '1', '2']);

function gistic(value: string, where: { file: string; line: number; field: string }): GisticCall {
  const v = value.replace(/\.0+$/, '');
  if (!GISTIC_VALUES.has(v)) {
    throw new GenomicsParseError(where, `expected a GISTIC call -2, -1, 0, 1 or 2, found "${value}"`);
  }
  return Number(v) as GisticCall;
}

const CALL_WORDS: ReadonlyArray<[RegExp, CopyNumberCall]> = [
  [/^(amp|amplification|amplified|high[_ ]level[_ ]amplification|2)$/i, 'amplification'],
  [/^(gain|low[_ ]level[_ ]gain|1)$/i, 'gain'],
  [/^(homdel|deep[_ ]deletion|homozygous[_ ]deletion|loss[_ ]homozygous|-2)$/i, 'homozygous_deletion'],
  [/^(hetloss|shallow[_ ]deletion|heterozygous[_ ]deletion|hemizygous[_ ]deletion|loss|del|deletion|-1)$/i, 'heterozygous_deletion'],
  [/^(neutral|diploid|none|0)$/i, 'neutral'],
];

function callWord(value: string, where: { file: string; line: number; field: string }): CopyNumberCall {
  for (const [re, call] of CALL_WORDS) if (re.test(value.trim())) return call;
  throw new GenomicsParseError(where, `"${value}" is not a copy-number call (expected AMP, GAIN, HETLOSS, HOMDEL or NEUTRAL)`);
}

function cnvRecord(
  gene: string,
  sampleId: string,
  call: CopyNumberCall,
  source: { file: string; line: number },
  extra: Partial<CopyNumberRecord> = {},
): CopyNumberRecord {
  return {
    kind: 'copy_number',
    gene,
    sampleId,
    call,
    alterationClass: call === 'amplification' || call === 'gain' ? 'amplification' : 'deletion',
    category: 'cnv',
    source,
    ...extra,
  };
}

export function parseCbioportalCna(text: string, file: string): ParsedGenomicFile {
  const table = new TsvTable(file, text);
  if (!table.has('Hugo_Symbol') && !table.has('Entrez_Gene_Id')) {
    throw new GenomicsParseError(
      { file, line: table.headerLine, field: 'Hugo_Symbol' },
      'missing required column "Hugo_Symbol" (or "Entrez_Gene_Id")',
    );
  }
  const records: CopyNumberRecord[] = [];
  const samples = new Set<string>();
  const sampleColumn = table.has('Sample_Id') ? 'Sample_Id' : table.has('Tumor_Sample_Barcode') ? 'Tumor_Sample_Barcode' : undefined;
  const geneOf = (row: { cells: string[]; line: number }) => {
    const g =
      table.get(row, 'Hugo_Symbol') ?? (table.get(row, 'Entrez_Gene_Id') ? `Entrez:${table.get(row, 'Entrez_Gene_Id')}` : undefined);
    if (g === undefined) throw new GenomicsParseError({ file, line: row.line, field: 'Hugo_Symbol' }, 'empty gene symbol');
    return g;
  };

  // Long formats: one row per (gene, sample).
  if (sampleColumn) {
    const valueColumn = table.has('Value') ? 'Value' : table.has('Call') ? 'Call' : table.has('Alteration') ? 'Alteration' : undefined;
    if (!valueColumn) {
      throw new GenomicsParseError(
        { file, line: table.headerLine, field: 'Value' },
        'a long copy-number file needs a "Value" (GISTIC) or "Call" column',
      );
    }
    for (const row of table.rows) {
      const gene = geneOf(row);
      const sample = table.get(row, sampleColumn);
      if (sample === undefined) throw new GenomicsParseError({ file, line: row.line, field: sampleColumn }, 'empty sample id');
      samples.add(sample);
      const raw = table.get(row, valueColumn);
      if (raw === undefined) continue;
      const where = { file, line: row.line, field: valueColumn };
      const g = valueColumn === 'Value' ? gistic(raw, where) : undefined;
      const call = g !== undefined ? gisticToCnvCall(g) : callWord(raw, where);
      if (call === 'neutral') continue;
      const cn = table.get(row, 'Copy_Number');
      const log2 = table.get(row, 'Log2_Ratio') ?? table.get(row, 'log2');
      records.push(
        cnvRecord(
          gene,
          sample,
          call,
          { file, line: row.line },
          {
            ...(g !== undefined ? { gistic: g } : {}),
            ...(cn !== undefined ? { copyNumber: parseNumberField(cn, { file, line: row.line, field: 'Copy_Number' }) } : {}),
            ...(log2 !== undefined ? { log2Ratio: parseNumberField(log2, { file, line: row.line, field: 'Log2_Ratio' }) } : {}),
          },
        ),
      );
    }
    return {
      file,
      format: valueColumn === 'Value' ? 'cbioportal_cna_discrete' : 'cbioportal_cna_calls',
      buildCheck: { evidence: [], mismatch: false },
      records,
      samples: [...samples],
      warnings: [],
    };
  }

  // Matrix: every column after the gene columns is a sample.
  const geneColumns = new Set(['Hugo_Symbol', 'Entrez_Gene_Id', 'Cytoband']);
  const sampleColumns = table.header.map((h, k) => [h, k] as const).filter(([h]) => !geneColumns.has(h));
  if (sampleColumns.length === 0) {
    throw new GenomicsParseError({ file, line: table.headerLine }, 'no sample columns after Hugo_Symbol / Entrez_Gene_Id');
  }
  for (const [s] of sampleColumns) samples.add(s);
  for (const row of table.rows) {
    const gene = geneOf(row);
    for (const [sample, k] of sampleColumns) {
      const raw = row.cells[k]?.trim() ?? '';
      if (raw === '' || raw === 'NA') continue;
      const g = gistic(raw, { file, line: row.line, field: sample });
      const call = gisticToCnvCall(g);
      if (call === 'neutral') continue;
      records.push(cnvRecord(gene, sample, call, { file, line: row.line }, { gistic: g }));
    }
  }
  return {
    file,
    format: 'cbioportal_cna_discrete',
    buildCheck: { evidence: [], mismatch: false },
    records,
    samples: [...samples],
    warnings: [],
  };
}

export function parseCbioportalSv(text: string, file: string): ParsedGenomicFile {
  const table = new TsvTable(file, text);
  const records: FusionRecord[] = [];
  const samples = new Set<string>();
  const warnings: string[] = [];
  let build: GenomeBuild | undefined;

  // Older cBioPortal fusion file: one row per gene of a fusion, "Fusion" holds the event name.
  if (table.has('Fusion') && table.has('Tumor_Sample_Barcode') && !table.has('Site1_Hugo_Symbol')) {
    const seen = new Set<string>();
    for (const row of table.rows) {
      const sample = table.get(row, 'Tumor_Sample_Barcode');
      const fusion = table.get(row, 'Fusion');
      if (sample === undefined || fusion === undefined) {
        throw new GenomicsParseError(
          { file, line: row.line, field: sample === undefined ? 'Tumor_Sample_Barcode' : 'Fusion' },
          'empty value',
        );
      }
      const key = `${sample}\t${fusion}`;
      if (seen.has(key)) continue;
      seen.add(key);
      samples.add(sample);
      const [gene5, gene3] = parseFusionName(fusion) ?? [table.get(row, 'Hugo_Symbol'), undefined];
      records.push(fusionRecord(file, row.line, sample, gene5, gene3, {}));
    }
    return { file, format: 'cbioportal_sv', buildCheck: { evidence: [], mismatch: false }, records, samples: [...samples], warnings };
  }

  table.requireColumns(['Sample_Id']);
  if (!table.has('Site1_Hugo_Symbol') && !table.has('Site2_Hugo_Symbol')) {
    throw new GenomicsParseError(
      { file, line: table.headerLine, field: 'Site1_Hugo_Symbol' },
      'missing "Site1_Hugo_Symbol" / "Site2_Hugo_Symbol" columns',
    );
  }
  for (const row of table.rows) {
    const at = (field: string) => ({ file, line: row.line, field });
    const sample = table.get(row, 'Sample_Id');
    if (sample === undefined) throw new GenomicsParseError(at('Sample_Id'), 'empty sample id');
    const gene5 = table.get(row, 'Site1_Hugo_Symbol');
    const gene3 = table.get(row, 'Site2_Hugo_Symbol');
    if (gene5 === undefined && gene3 === undefined) {
      throw new GenomicsParseError(at('Site1_Hugo_Symbol'), 'neither Site1_Hugo_Symbol nor Site2_Hugo_Symbol is given');
    }
    const b = table.get(row, 'NCBI_Build');
    if (b !== undefined) {
      const nb = normaliseBuild(b);
      if (!nb) throw new GenomicsParseError(at('NCBI_Build'), `unknown genome build "${b}"`);
      if (build && nb !== build)
        throw new GenomicsParseError(at('NCBI_Build'), `genome build ${nb} differs from ${build} earlier in the file`);
      build = nb;
    }
    const breakpoints: NonNullable<FusionRecord['breakpoints']> = [];
    for (const [site, gene] of [
      ['Site1', gene5],
      ['Site2', gene3],
    ] as const) {
      const chrom = table.get(row, `${site}_Chromosome`);
      const pos = table.get(row, `${site}_Position`);
      if (chrom !== undefined && pos !== undefined) {
        if (!/^\d+$/.test(pos)) throw new GenomicsParseError(at(`${site}_Position`), `expected a position, found "${pos}"`);
        const exon =
          table.get(row, `${site}_Exon`) ??
          (table.get(row, `${site}_Region`) === 'EXON' ? table.get(row, `${site}_Region_Number`) : undefined);
        breakpoints.push({
          chromosome: normaliseChromosome(chrom),
          position: Number(pos),
          ...(gene !== undefined ? { gene } : {}),
          ...(exon !== undefined && /^\d+$/.test(exon) ? { exon: Number(exon) } : {}),
        });
      }
    }
    const frameText = (table.get(row, 'Site2_Effect_On_Frame') ?? table.get(row, 'Frame'))?.toLowerCase();
    const frame =
      frameText === undefined
        ? undefined
        : /in[_ -]?frame/.test(frameText)
          ? 'in_frame'
          : /frame[_ ]?shift|out/.test(frameText)
            ? 'frameshift'
            : 'unknown';
    const svClass = table.get(row, 'Class') ?? table.get(row, 'Event_Info');
    samples.add(sample);
    records.push(
      fusionRecord(file, row.line, sample, gene5, gene3, {
        ...(breakpoints.length > 0 ? { breakpoints } : {}),
        ...(frame ? { frame } : {}),
        ...(svClass ? { svClass } : {}),
        ...(build ? { build } : {}),
      }),
    );
  }
  return {
    file,
    format: 'cbioportal_sv',
    ...(build ? { build } : {}),
    buildCheck: { ...(build ? { declared: build } : {}), evidence: [], mismatch: false },
    records,
    samples: [...samples],
    warnings,
  };
}

function fusionRecord(
  file: string,
  line: number,
  sampleId: string,
  gene5: string | undefined,
  gene3: string | undefined,
  extra: Partial<FusionRecord>,
): FusionRecord {
  const intragenic = gene5 !== undefined && gene5 === gene3;
  return {
    kind: 'fusion',
    gene: fusionDriver(gene5, gene3) ?? '',
    ...(gene5 !== undefined ? { gene5 } : {}),
    ...(gene3 !== undefined ? { gene3 } : {}),
    name: fusionName(gene5, gene3),
    // Two genes joined is a fusion; one gene rearranged within itself (EGFR vIII-like) is an SV.
    alterationClass: intragenic || gene5 === undefined || gene3 === undefined ? 'structural_variant' : 'fusion',
    category: 'structural_variant',
    sampleId,
    source: { file, line },
    ...extra,
  };
}
