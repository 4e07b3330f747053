/**
 * VCF 4.x reader for annotated somatic calls: Ensembl VEP (INFO/CSQ) or SnpEff (INFO/ANN),
 * with the annotation field order taken from the header, never assumed.
 *
 * Per ALT allele present in the tumour one record is produced; its annotation is the VEP entry
 * flagged PICK=1, else CANONICAL=YES, else the most severe; for SnpEff, the first entry (SnpEff
 * sorts by impact). SnpEff gene_fusion annotations become fusion records.
 */
import { BuildChecker, buildFromContigLength, describeMismatch, normaliseBuild, normaliseChromosome, type GenomeBuild } from './build';
import { GenomicsParseError } from './errors';
import type { FusionRecord, GenomicRecord, ParsedGenomicFile, VariantOrigin, VariantRecord } from './records';
import { fusionDriver, fusionName } from './fusion';
import { decodeAnnotationValue, numberedLines, rankNumber } from './text';
import { cdnaFields, proteinFields, vafFromCounts, vcfToMafAlleles, vepAlleleString } from './variant-fields';
import { classifySequenceVariant, mostSevereConsequence, splitConsequences } from './variant-class';

export interface VcfOptions {
  /** Tumour sample column; default: TUMOR/TUMOUR, else the only sample, else the first. */
  sample?: string;
  /** Build to assume when the header names none. */
  build?: GenomeBuild;
  /** A hotspot at the other build's position: 'error' (default) aborts, 'warn' records a warning. */
  onBuildMismatch?: 'error' | 'warn';
}

interface AnnotationSpec {
  kind: 'csq' | 'ann';
  fields: string[];
}

/** Parses `<ID=CSQ,Number=.,Type=String,Description="...">`; unquoted descriptions run to the closing ">". */
export function parseStructuredMeta(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  let s = body.trim();
  if (s.startsWith('<')) s = s.slice(1);
  if (s.endsWith('>')) s = s.slice(0, -1);
  let i = 0;
  while (i < s.length) {
    const eq = s.indexOf('=', i);
    if (eq < 0) break;
    const key = s.slice(i, eq).trim();
    let j = eq + 1;
    let value: string;
    if (s[j] === '"') {
      let k = j + 1;
      let v = '';
      while (k < s.length && s[k] !== '"') {
        if (s[k] === '\\' && k + 1 < s.length) k++;
        v += s[k];
        k++;
      }
      value = v;
      j = k + 1;
    } else if (key === 'Description') {
      value = s.slice(j);
      j = s.length;
    } else {
      const comma = s.indexOf(',', j);
      value = comma < 0 ? s.slice(j) : s.slice(j, comma);
      j = comma < 0 ? s.length : comma;
    }
    out[key] = value;
    i = s[j] === ',' ? j + 1 : j + 1;
  }
  return out;
}

function annotationFieldsFrom(id: string, description: string): AnnotationSpec | undefined {
  if (id === 'CSQ') {
    const m = /Format:\s*(.+)$/.exec(description);
    if (!m) return undefined;
    return {
      kind: 'csq',
      fields: m[1]!
        .trim()
        .replace(/["']$/, '')
        .split('|')
        .map((f) => f.trim()),
    };
  }
  if (id === 'ANN') {
    const m = /'([^']+)'/.exec(description) ?? /:\s*(.+)$/.exec(description);
    if (!m) return undefined;
    return { kind: 'ann', fields: m[1]!.split('|').map((f) => f.trim()) };
  }
  return undefined;
}

interface Annotation {
  values: Record<string, string>;
}

function splitAnnotations(raw: string, spec: AnnotationSpec, where: { file: string; line: number }): Annotation[] {
  return raw.split(',').map((entry, n) => {
    const parts = entry.split('|');
    if (parts.length !== spec.fields.length) {
      throw new GenomicsParseError(
        { ...where, field: `INFO/${spec.kind.toUpperCase()}` },
        `annotation ${n + 1} has ${parts.length} "|"-separated fields, the header declares ${spec.fields.length}`,
      );
    }
    const values: Record<string, string> = {};
    spec.fields.forEach((f, k) => {
      values[f] = decodeAnnotationValue(parts[k] ?? '').trim();
    });
    return { values };
  });
}

/** VEP: PICK=1, else CANONICAL=YES, else most severe, else first. */
function chooseCsq(entries: Annotation[]): Annotation | undefined {
  const pick = entries.find((e) => e.values.PICK === '1');
  if (pick) return pick;
  const canonical = entries.find((e) => e.values.CANONICAL === 'YES');
  if (canonical) return canonical;
  const worst = mostSevereConsequence(entries.flatMap((e) => splitConsequences(e.values.Consequence ?? '')));
  return entries.find((e) => splitConsequences(e.values.Consequence ?? '').includes(worst ?? '')) ?? entries[0];
}

const ALLELE_RE = /^[ACGTN]+$/i;

export function parseVcf(text: string, file: string, options: VcfOptions = {}): ParsedGenomicFile {
  const lines = numberedLines(text);
  const warnings: string[] = [];
  const first = lines[0];
  if (!first || !/^##fileformat=VCFv4\.\d/.test(first.text)) {
    throw new GenomicsParseError({ file, line: 1 }, 'a VCF starts with "##fileformat=VCFv4.x"');
  }

  let spec: AnnotationSpec | undefined;
  let declared: GenomeBuild | undefined;
  let header: string[] | undefined;
  let headerLine = 0;
  let civicGeneKey = false;
  const records: GenomicRecord[] = [];
  const checker = new BuildChecker(undefined);
  let sampleIndex: number | undefined;
  let sampleName: string | undefined;
  // Build named by ##contig lengths, with the line that showed it (checked against the declared one).
  let contigBuild: { build: GenomeBuild; line: number; chromosome: string; length: number } | undefined;

  for (const { line, text: row } of lines) {
    if (row.startsWith('##')) {
      const eq = row.indexOf('=');
      const key = row.slice(2, eq);
      const body = row.slice(eq + 1);
      if (key === 'INFO') {
        const meta = parseStructuredMeta(body);
        const id = meta.ID ?? '';
        if (id === 'GN') civicGeneKey = true;
        const s = annotationFieldsFrom(id, meta.Description ?? '');
        // VEP wins when a file carries both (the platform's pipelines run VEP).
        if (s && (!spec || s.kind === 'csq')) spec = s;
      } else if (key === 'reference' || key === 'assembly') {
        declared = normaliseBuild(body) ?? declared;
      } else if (key === 'contig') {
        const meta = parseStructuredMeta(body);
        declared = declared ?? normaliseBuild(meta.assembly);
        const length = Number(meta.length);
        const byLength = meta.ID && Number.isFinite(length) ? buildFromContigLength(meta.ID, length) : undefined;
        if (byLength && !contigBuild) contigBuild = { build: byLength, line, chromosome: meta.ID!, length };
      } else if (key === 'VEP') {
        const m = /assembly="?([^"\s]+)/.exec(body);
        declared = declared ?? normaliseBuild(m?.[1]);
      } else if (key === 'SnpEffCmd' || key === 'SnpEffVersion') {
        declared = declared ?? normaliseBuild(/GRCh3[78]|hg19|hg38/.exec(body)?.[0]);
      }
      continue;
    }
    if (row.startsWith('#')) {
      header = row.slice(1).split('\t');
      headerLine = line;
      const expected = ['CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'];
      expected.forEach((name, k) => {
        if (header![k] !== name) {
          throw new GenomicsParseError(
            { file, line, field: name },
            `header column ${k + 1} must be "${name}", found "${header![k] ?? ''}"`,
          );
        }
      });
      const samples = header.slice(9);
      if (samples.length > 0) {
        const wanted = options.sample;
        let k = wanted !== undefined ? samples.indexOf(wanted) : samples.findIndex((s) => /^tumou?r$/i.test(s));
        if (wanted !== undefined && k < 0) {
          throw new GenomicsParseError(
            { file, line, field: 'sample' },
            `sample "${wanted}" is not a column (columns: ${samples.join(', ')})`,
          );
        }
        if (k < 0) {
          k = 0;
          if (samples.length > 1) warnings.push(`${file} line ${line}: no TUMOR column; used the first sample "${samples[0]}"`);
        }
        sampleIndex = 9 + k;
        sampleName = samples[k];
      }
      declared = declared ?? options.build;
      if (declared && contigBuild && contigBuild.build !== declared) {
        const message = `genome build mismatch: the file declares ${declared}, but contig ${contigBuild.chromosome} has length ${contigBuild.length}, the ${contigBuild.build} length`;
        if ((options.onBuildMismatch ?? 'error') === 'error')
          throw new GenomicsParseError({ file, line: contigBuild.line, field: '##contig' }, message);
        warnings.push(`${file} line ${contigBuild.line}: ${message}`);
      }
      declared = declared ?? contigBuild?.build;
      checker.setDeclared(declared);
      continue;
    }
    if (row.trim() === '') continue;
    if (!header) throw new GenomicsParseError({ file, line }, 'data line before the "#CHROM" header line');

    const cols = row.split('\t');
    if (cols.length < 8 || (header.length > 8 && cols.length !== header.length)) {
      throw new GenomicsParseError(
        { file, line },
        `expected ${header.length} tab-separated columns (header on line ${headerLine}), found ${cols.length}`,
      );
    }
    const [chrom, posText, id, ref, altText, , filter, info] = cols as [string, string, string, string, string, string, string, string];
    if (!/^\d+$/.test(posText) || Number(posText) < 1) {
      throw new GenomicsParseError({ file, line, field: 'POS' }, `expected a position ≥ 1, found "${posText}"`);
    }
    const pos = Number(posText);
    if (ref === '') {
      // Not valid VCF, but CIViCpy writes insertions this way: read as an unanchored insertion.
      warnings.push(`${file} line ${line}: empty REF read as an insertion (VCF requires an anchor base)`);
    } else if (!ALLELE_RE.test(ref)) {
      throw new GenomicsParseError({ file, line, field: 'REF' }, `expected bases A/C/G/T/N, found "${ref}"`);
    }
    const alts = altText.split(',');

    const infoMap = new Map<string, string>();
    if (info !== '.' && info !== '') {
      for (const item of info.split(';')) {
        const eq = item.indexOf('=');
        if (eq < 0) infoMap.set(item, '');
        else infoMap.set(item.slice(0, eq), item.slice(eq + 1));
      }
    }
    const annotations =
      spec && infoMap.has(spec.kind.toUpperCase()) ? splitAnnotations(infoMap.get(spec.kind.toUpperCase())!, spec, { file, line }) : [];

    // Tumour genotype and depths.
    let gtAlleles: number[] | undefined;
    let ad: (number | undefined)[] | undefined;
    let dp: number | undefined;
    let afs: (number | undefined)[] | undefined;
    if (sampleIndex !== undefined && cols.length > sampleIndex) {
      const format = (cols[8] ?? '').split(':');
      const values = (cols[sampleIndex] ?? '').split(':');
      const get = (k: string) => {
        const i = format.indexOf(k);
        return i < 0 ? undefined : values[i];
      };
      const gt = get('GT');
      if (gt !== undefined && gt !== '.' && gt !== './.') {
        gtAlleles = gt
          .split(/[/|]/)
          .filter((a) => a !== '.')
          .map(Number);
      }
      const num = (v: string | undefined) => (v === undefined || v === '.' || v === '' ? undefined : Number(v));
      const adText = get('AD');
      if (adText !== undefined) ad = adText.split(',').map(num);
      dp = num(get('DP'));
      const afText = get('AF');
      if (afText !== undefined) afs = afText.split(',').map(num);
      for (const [k, v] of [['DP', dp], ...(ad ?? []).map((x) => ['AD', x] as const)] as const) {
        if (v !== undefined && (!Number.isFinite(v) || v < 0)) {
          throw new GenomicsParseError({ file, line, field: `FORMAT/${k}` }, `expected a non-negative count`);
        }
      }
    }

    alts.forEach((alt, altIndex) => {
      const alleleNumber = altIndex + 1;
      if (alt === '.' || alt === '*') return;
      if (gtAlleles && alts.length > 1 && !gtAlleles.includes(alleleNumber)) return;

      // Structural (symbolic or breakend) alleles: only SnpEff fusion annotations are kept.
      if (!ALLELE_RE.test(alt)) {
        if (!/^<[^>]+>$/.test(alt) && !/[[\]]/.test(alt)) {
          throw new GenomicsParseError(
            { file, line, field: 'ALT' },
            `expected bases, a symbolic allele <...> or a breakend, found "${alt}"`,
          );
        }
        const fusion = annotations.find((a) => /gene_fusion/.test(a.values.Annotation ?? ''));
        if (fusion) records.push(fusionFromAnn(fusion, file, line, chrom, pos, sampleName, declared));
        else warnings.push(`${file} line ${line}: structural allele ${alt} without a gene_fusion annotation skipped`);
        return;
      }

      const maf = vcfToMafAlleles(pos, ref, alt);
      const ev = checker.observe(chrom, pos, ref, alt, line);
      if (ev && declared && ev.build !== declared) {
        const message = describeMismatch(declared, ev);
        if ((options.onBuildMismatch ?? 'error') === 'error') throw new GenomicsParseError({ file, line, field: 'POS' }, message);
        warnings.push(`${file} line ${line}: ${message}`);
      }

      let chosen: Annotation | undefined;
      if (spec?.kind === 'csq') {
        const allele = vepAlleleString(ref, alt);
        const mine = annotations.filter(
          (a) => a.values.ALLELE_NUM === String(alleleNumber) || a.values.Allele === allele || a.values.Allele === alt,
        );
        chosen = chooseCsq(mine.length > 0 ? mine : annotations);
      } else if (spec?.kind === 'ann') {
        chosen = annotations.find((a) => a.values.Allele === alt) ?? annotations[0];
      }

      const v = chosen?.values ?? {};
      const consequenceText = spec?.kind === 'ann' ? (v.Annotation ?? '') : (v.Consequence ?? '');
      const cls = classifySequenceVariant(consequenceText, maf.variantType);
      const gene =
        (spec?.kind === 'ann' ? v.Gene_Name : v.SYMBOL) ||
        (civicGeneKey ? infoMap.get('GN') : undefined) ||
        (consequenceText ? 'Unknown' : '');
      const cdna = cdnaFields(spec?.kind === 'ann' ? v['HGVS.c'] : v.HGVSc);
      const prot = proteinFields(spec?.kind === 'ann' ? v['HGVS.p'] : v.HGVSp, cdna.hgvsc, cls.effect);
      const exon = rankNumber(spec?.kind === 'ann' ? (cls.effect === 'noncoding' ? undefined : v.Rank) : v.EXON);
      const intron = rankNumber(spec?.kind === 'ann' ? undefined : v.INTRON);

      const altDepth = afs ? undefined : ad?.[alleleNumber];
      const refDepth = ad?.[0];
      const depth = dp ?? (ad && ad.every((x) => x !== undefined) ? (ad as number[]).reduce((s, x) => s + x, 0) : undefined);
      const vaf =
        afs?.[altIndex] ??
        vafFromCounts(altDepth, depth ?? (refDepth !== undefined && altDepth !== undefined ? refDepth + altDepth : undefined));

      if (!chosen && spec === undefined && records.length === 0) {
        warnings.push(`${file}: no CSQ (VEP) or ANN (SnpEff) annotation in the header; genes and consequences are unknown`);
      }

      const origin: VariantOrigin | undefined = infoMap.has('SOMATIC') ? 'somatic' : infoMap.has('GERMLINE') ? 'germline' : undefined;
      const record: VariantRecord = {
        kind: 'variant',
        gene,
        alterationClass: 'mutation',
        category: 'mutation',
        ...(sampleName !== undefined ? { sampleId: sampleName } : {}),
        source: { file, line },
        chromosome: normaliseChromosome(chrom),
        start: maf.start,
        end: maf.end,
        ref: maf.ref,
        alt: maf.alt,
        vcf: { position: pos, ref, alt },
        variantType: maf.variantType,
        ...(declared ? { build: declared } : {}),
        ...(consequenceText ? { consequences: splitConsequences(consequenceText) } : {}),
        mafClassification: cls.mafClassification,
        effect: cls.effect,
        ...prot,
        ...cdna,
        ...(spec?.kind === 'ann' && v.Feature_ID ? { transcript: v.Feature_ID } : {}),
        ...(spec?.kind === 'csq' && v.Feature ? { transcript: v.Feature } : {}),
        ...(exon !== undefined ? { exon } : {}),
        ...(intron !== undefined ? { intron } : {}),
        ...(vaf !== undefined ? { vaf } : {}),
        ...(depth !== undefined ? { depth } : {}),
        ...(altDepth !== undefined ? { altCount: altDepth } : {}),
        ...(origin ? { origin } : {}),
        ...(filter !== '.' ? { filter } : {}),
        ...(id !== '.' && /^rs\d+$/.test(id) ? { dbsnp: id } : {}),
      };
      records.push(record);
    });
  }

  if (!header) throw new GenomicsParseError({ file, line: lines.length }, 'no "#CHROM" header line');
  return {
    file,
    format: 'vcf',
    ...(declared ? { build: declared } : {}),
    buildCheck: checker.result(),
    records,
    samples: sampleName !== undefined ? [sampleName] : [],
    warnings,
  };
}

/** SnpEff writes a fusion's genes as "EML4&ALK" in Gene_Name. */
function fusionFromAnn(
  a: Annotation,
  file: string,
  line: number,
  chrom: string,
  pos: number,
  sampleId: string | undefined,
  build: GenomeBuild | undefined,
): FusionRecord {
  const genes = (a.values.Gene_Name ?? '').split(/[&-]/).filter((g) => g !== '');
  const [gene5, gene3] = genes;
  if (!gene5) throw new GenomicsParseError({ file, line, field: 'INFO/ANN' }, 'gene_fusion annotation without gene names');
  return {
    kind: 'fusion',
    gene: fusionDriver(gene5, gene3) ?? gene5,
    gene5,
    ...(gene3 ? { gene3 } : {}),
    name: fusionName(gene5, gene3),
    alterationClass: 'fusion',
    category: 'structural_variant',
    source: { file, line },
    breakpoints: [{ chromosome: normaliseChromosome(chrom), position: pos }],
    svClass: 'FUSION',
    ...(sampleId !== undefined ? { sampleId } : {}),
    ...(build ? { build } : {}),
  };
}
