/**
 * The JSON panel report: what a laboratory or a hand-entered report gives when it is neither a
 * VCF nor FHIR — alterations plus TMB, MSI, tumour fraction and the panel name.
 *
 * {
 *   "panel": "Tempus xF 105", "specimen": "ctdna", "reportedAt": "2025-03-02",
 *   "genomeBuild": "GRCh38", "sampleId": "S1",
 *   "tmb": 12.4 | { "value": 12.4, "unit": "mut/Mb" },
 *   "msi": "MSI-H" | "MSS" | "indeterminate",
 *   "tumourFraction": 0.08 (or "tumorFraction"; a "%" string is accepted),
 *   "genesTested": ["KRAS", ...],
 *   "alterations": [
 *     { "gene": "KRAS", "type": "mutation", "hgvsp": "p.G12C", "hgvsc": "c.34G>T", "vaf": 0.21,
 *       "chromosome": "12", "position": 25245351, "ref": "C", "alt": "A", "consequence": "missense_variant",
 *       "origin": "somatic" },
 *     { "gene": "ERBB2", "type": "amplification", "copyNumber": 14 },
 *     { "gene": "CDKN2A", "type": "deletion" },
 *     { "gene": "ALK", "type": "fusion", "partner": "EML4" }   or "fusion": "EML4-ALK"
 *   ]
 * }
 * Errors name the JSON path ("alterations[2].vaf").
 */
import { BuildChecker, describeMismatch, normaliseBuild, normaliseChromosome, type GenomeBuild } from './build';
import { GenomicsParseError } from './errors';
import { fusionDriver, fusionName, parseFusionName } from './fusion';
import type { GenomicRecord, MsiStatus, ParsedGenomicFile, VariantOrigin } from './records';
import { cdnaFields, effectFromProtein, proteinFields, vcfToMafAlleles } from './variant-fields';
import { classifySequenceVariant, splitConsequences } from './variant-class';

type Json = Record<string, unknown>;
const TYPES = ['mutation', 'amplification', 'deletion', 'fusion', 'structural_variant'] as const;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fraction(value: unknown, file: string, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  let n: number;
  if (typeof value === 'string' && /^\s*[\d.]+\s*%\s*$/.test(value)) n = Number(value.replace('%', '')) / 100;
  else if (typeof value === 'number') n = value;
  else throw new GenomicsParseError({ file, field }, `expected a fraction 0..1 (or "12 %"), found ${JSON.stringify(value)}`);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new GenomicsParseError({ file, field }, `expected a fraction between 0 and 1, found ${JSON.stringify(value)}`);
  return n;
}

function str(o: Json, key: string, file: string, path: string, required = false): string | undefined {
  const v = o[key];
  if (v === undefined || v === null || v === '') {
    if (required) throw new GenomicsParseError({ file, field: `${path}${key}` }, 'required');
    return undefined;
  }
  if (typeof v !== 'string')
    throw new GenomicsParseError({ file, field: `${path}${key}` }, `expected a string, found ${JSON.stringify(v)}`);
  return v;
}

export function parsePanelReport(text: string, file: string): ParsedGenomicFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new GenomicsParseError({ file, field: '(JSON)' }, `not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(doc)) throw new GenomicsParseError({ file, field: '(root)' }, 'expected a JSON object');
  const panel = str(doc, 'panel', file, '', true)!;
  const specimenText = str(doc, 'specimen', file, '');
  if (specimenText !== undefined && specimenText !== 'tissue' && specimenText !== 'ctdna') {
    throw new GenomicsParseError({ file, field: 'specimen' }, `expected "tissue" or "ctdna", found "${specimenText}"`);
  }
  const buildText = str(doc, 'genomeBuild', file, '');
  const build: GenomeBuild | undefined = buildText !== undefined ? normaliseBuild(buildText) : undefined;
  if (buildText !== undefined && !build)
    throw new GenomicsParseError({ file, field: 'genomeBuild' }, `unknown genome build "${buildText}"`);
  const sampleId = str(doc, 'sampleId', file, '');

  let tmb: number | undefined;
  const tmbRaw = doc.tmb;
  if (typeof tmbRaw === 'number') tmb = tmbRaw;
  else if (isObject(tmbRaw) && typeof tmbRaw.value === 'number') tmb = tmbRaw.value;
  else if (tmbRaw !== undefined && tmbRaw !== null)
    throw new GenomicsParseError({ file, field: 'tmb' }, 'expected mutations per megabase as a number or {"value": n}');
  if (tmb !== undefined && tmb < 0) throw new GenomicsParseError({ file, field: 'tmb' }, 'TMB cannot be negative');

  const msiText = str(doc, 'msi', file, '');
  let msi: MsiStatus | undefined;
  if (msiText !== undefined) {
    const t = msiText.toUpperCase().replace(/\s/g, '');
    msi =
      t === 'MSI-H' || t === 'MSIH' || t === 'HIGH'
        ? 'MSI-H'
        : t === 'MSS' || t === 'MSI-L' || t === 'STABLE'
          ? 'MSS'
          : t === 'INDETERMINATE'
            ? 'indeterminate'
            : undefined;
    if (!msi) throw new GenomicsParseError({ file, field: 'msi' }, `expected "MSI-H", "MSS" or "indeterminate", found "${msiText}"`);
  }
  const tumourFraction = fraction(
    doc.tumourFraction ?? doc.tumorFraction,
    file,
    doc.tumourFraction !== undefined ? 'tumourFraction' : 'tumorFraction',
  );

  const list = doc.alterations ?? [];
  if (!Array.isArray(list)) throw new GenomicsParseError({ file, field: 'alterations' }, 'expected an array');
  const records: GenomicRecord[] = [];
  const checker = new BuildChecker(build);

  list.forEach((a, i) => {
    const path = `alterations[${i}].`;
    if (!isObject(a)) throw new GenomicsParseError({ file, field: `alterations[${i}]` }, 'expected an object');
    const gene = str(a, 'gene', file, path, true)!;
    const type = str(a, 'type', file, path) ?? (a.fusion !== undefined || a.partner !== undefined ? 'fusion' : 'mutation');
    if (!(TYPES as readonly string[]).includes(type)) {
      throw new GenomicsParseError({ file, field: `${path}type` }, `expected one of ${TYPES.join(', ')}, found "${type}"`);
    }
    const source = { file, path: `alterations[${i}]` };
    const sample = sampleId !== undefined ? { sampleId } : {};
    if (type === 'amplification' || type === 'deletion') {
      const cn = a.copyNumber;
      if (cn !== undefined && (typeof cn !== 'number' || cn < 0))
        throw new GenomicsParseError({ file, field: `${path}copyNumber` }, 'expected a non-negative number');
      records.push({
        kind: 'copy_number',
        gene,
        call: type === 'amplification' ? 'amplification' : 'homozygous_deletion',
        alterationClass: type,
        category: 'cnv',
        source,
        ...sample,
        ...(typeof cn === 'number' ? { copyNumber: cn } : {}),
      });
      return;
    }
    if (type === 'fusion' || type === 'structural_variant') {
      const fusionText = str(a, 'fusion', file, path);
      const partner = str(a, 'partner', file, path);
      let g5: string | undefined;
      let g3: string | undefined;
      if (fusionText !== undefined) {
        const pair = parseFusionName(fusionText);
        if (!pair)
          throw new GenomicsParseError({ file, field: `${path}fusion` }, `expected "GENE1-GENE2" or "GENE1::GENE2", found "${fusionText}"`);
        [g5, g3] = pair;
      } else if (partner !== undefined) {
        // The reported gene is the driver; which side the partner is on is usually unstated.
        [g5, g3] = fusionDriver(partner, gene) === gene ? [partner, gene] : [gene, partner];
      } else {
        g5 = gene;
      }
      records.push({
        kind: 'fusion',
        gene: fusionText !== undefined ? (fusionDriver(g5, g3) ?? gene) : gene,
        ...(g5 ? { gene5: g5 } : {}),
        ...(g3 ? { gene3: g3 } : {}),
        name: fusionName(g5, g3),
        alterationClass: type === 'fusion' && g3 !== undefined ? 'fusion' : 'structural_variant',
        category: 'structural_variant',
        source,
        ...sample,
        ...(build ? { build } : {}),
      });
      return;
    }

    const vaf = fraction(a.vaf, file, `${path}vaf`);
    const consequence = str(a, 'consequence', file, path);
    const hgvspText = str(a, 'hgvsp', file, path) ?? str(a, 'proteinChange', file, path);
    const cdna = cdnaFields(str(a, 'hgvsc', file, path));
    const chromosome = str(a, 'chromosome', file, path);
    const position = a.position;
    if (position !== undefined && (typeof position !== 'number' || !Number.isInteger(position) || position < 1)) {
      throw new GenomicsParseError({ file, field: `${path}position` }, 'expected a positive integer');
    }
    const ref = str(a, 'ref', file, path);
    const alt = str(a, 'alt', file, path);
    const maf = typeof position === 'number' && ref && alt ? vcfToMafAlleles(position, ref, alt) : undefined;
    if (chromosome && typeof position === 'number' && ref && alt) {
      const ev = checker.observe(chromosome, position, ref, alt);
      if (ev && build && ev.build !== build) throw new GenomicsParseError({ file, field: `${path}position` }, describeMismatch(build, ev));
    }
    let cls = consequence ? classifySequenceVariant(consequence, maf?.variantType ?? 'SNP') : undefined;
    let prot = proteinFields(hgvspText, cdna.hgvsc, cls?.effect ?? 'unknown');
    if (hgvspText !== undefined && !prot.protein) {
      throw new GenomicsParseError(
        { file, field: `${path}hgvsp` },
        `protein change "${hgvspText}" not understood (expected e.g. "p.G12C", "p.Glu746_Ala750del", "exon 19 deletion")`,
      );
    }
    if (!cls) {
      const effect = effectFromProtein(prot.protein);
      cls = { alterationClass: 'mutation', category: 'mutation', effect, mafClassification: 'Unknown' };
      prot = proteinFields(hgvspText, cdna.hgvsc, effect);
    }
    const originText = str(a, 'origin', file, path);
    const origin: VariantOrigin | undefined =
      originText === 'somatic' || originText === 'germline' ? originText : originText === undefined ? undefined : 'unknown';
    const exon = a.exon;
    records.push({
      kind: 'variant',
      gene,
      alterationClass: 'mutation',
      category: 'mutation',
      source,
      ...sample,
      ...(chromosome ? { chromosome: normaliseChromosome(chromosome) } : {}),
      ...(maf ? { start: maf.start, end: maf.end, ref: maf.ref, alt: maf.alt, variantType: maf.variantType } : {}),
      ...(typeof position === 'number' && ref && alt ? { vcf: { position, ref, alt } } : {}),
      ...(build ? { build } : {}),
      ...(consequence ? { consequences: splitConsequences(consequence) } : {}),
      mafClassification: cls.mafClassification,
      effect: cls.effect,
      ...prot,
      ...cdna,
      ...(typeof exon === 'number' ? { exon } : {}),
      ...(vaf !== undefined ? { vaf } : {}),
      ...(origin ? { origin } : {}),
    });
  });

  const genesTested = Array.isArray(doc.genesTested) ? doc.genesTested.filter((g): g is string => typeof g === 'string') : undefined;
  const reportedAt = str(doc, 'reportedAt', file, '');
  return {
    file,
    format: 'panel_json',
    ...(build ? { build } : {}),
    buildCheck: checker.result(),
    records,
    samples: sampleId !== undefined ? [sampleId] : [],
    panel,
    ...(specimenText ? { specimen: specimenText as 'tissue' | 'ctdna' } : {}),
    ...(reportedAt ? { reportedAt } : {}),
    ...(tmb !== undefined ? { tmb } : {}),
    ...(msi ? { msi } : {}),
    ...(tumourFraction !== undefined ? { tumourFraction } : {}),
    ...(genesTested ? { regionsStudied: genesTested.map((gene) => ({ gene })) } : {}),
    warnings: [],
  };
}
