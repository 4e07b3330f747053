/**
 * FHIR R4 genomics in mCODE's shape: a Bundle holding a GenomicsReport (DiagnosticReport,
 * LOINC 81247-9), GenomicVariant Observations (LOINC 69548-6) and GenomicRegionStudied
 * Observations (LOINC 53041-0), plus TMB (LOINC 94076-7) and MSI (LOINC 81695-9) results as
 * the HL7 Genomics Reporting IG writes them.
 *
 * GenomicVariant components read (LOINC): 48018-6 gene studied, 48005-3 amino-acid change,
 * 48004-6 DNA change (c.), 51958-7 transcript, 81258-6 sample VAF, 48002-0 genomic source class,
 * 62374-4 reference assembly, 48000-4 chromosome, 69547-8 / 69551-0 ref/alt allele,
 * 81254-5 allele start-end, and the molecular consequence (SO term). Copy-number changes
 * (62378-5 gain/loss, 82155-3 copy number) become copy-number records. Errors name the JSON
 * path of the offending element.
 */
import { BuildChecker, describeMismatch, normaliseBuild, normaliseChromosome, type GenomeBuild } from './build';
import { GenomicsParseError } from './errors';
import { fusionDriver, fusionName } from './fusion';
import type {
  CopyNumberRecord,
  FusionRecord,
  GenomicRecord,
  MsiStatus,
  ParsedGenomicFile,
  RegionStudied,
  VariantOrigin,
  VariantRecord,
} from './records';
import { cdnaFields, effectFromProtein, proteinFields } from './variant-fields';
import { classifySequenceVariant, mafVariantType, splitConsequences, type MafVariantType } from './variant-class';

export const FHIR_CODES = {
  genomicsReport: '81247-9',
  genomicVariant: '69548-6',
  regionStudied: '53041-0',
  tmb: '94076-7',
  msi: '81695-9',
  geneStudied: '48018-6',
  aminoAcidChange: '48005-3',
  dnaChange: '48004-6',
  transcript: '51958-7',
  vaf: '81258-6',
  sourceClass: '48002-0',
  assembly: '62374-4',
  chromosome: '48000-4',
  refAllele: '69547-8',
  altAllele: '69551-0',
  alleleStartEnd: '81254-5',
  copyNumberChange: '62378-5',
  copyNumber: '82155-3',
  rangesExamined: '51959-5',
  coordinateSystem: '92822-6',
  /** Answer codes for genomic source class. */
  somatic: 'LA6684-0',
  germline: 'LA6683-2',
  absent: 'LA9634-2',
  grch37: 'LA14029-5',
  grch38: 'LA26806-2',
} as const;

type Json = Record<string, unknown>;

interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function codings(concept: unknown): Coding[] {
  if (!isObject(concept)) return [];
  const list = Array.isArray(concept.coding) ? concept.coding : [];
  return list.filter(isObject).map((c) => ({
    ...(typeof c.system === 'string' ? { system: c.system } : {}),
    ...(typeof c.code === 'string' ? { code: c.code } : {}),
    ...(typeof c.display === 'string' ? { display: c.display } : {}),
  }));
}

function hasCode(concept: unknown, code: string): boolean {
  // LOINC codes are unique strings; the system is not checked because exporters often omit it.
  return codings(concept).some((c) => c.code === code);
}

function conceptText(concept: unknown): string | undefined {
  if (!isObject(concept)) return undefined;
  if (typeof concept.text === 'string' && concept.text.trim() !== '') return concept.text.trim();
  const c = codings(concept)[0];
  return c?.display ?? c?.code;
}

interface Component {
  code: unknown;
  valueCodeableConcept?: unknown;
  valueQuantity?: Json;
  valueString?: string;
  valueRange?: Json;
  valueInteger?: number;
  path: string;
}

function componentsOf(resource: Json, path: string): Component[] {
  const list = Array.isArray(resource.component) ? resource.component : [];
  return list.map(
    (c, i) => ({ ...(isObject(c) ? c : {}), code: isObject(c) ? c.code : undefined, path: `${path}.component[${i}]` }) as Component,
  );
}

function findComponents(components: Component[], code: string): Component[] {
  return components.filter((c) => hasCode(c.code, code));
}

/** A component's value as text: the code of a CodeableConcept (HGVS, SO terms), or its string. */
function componentText(c: Component | undefined): string | undefined {
  if (!c) return undefined;
  if (typeof c.valueString === 'string') return c.valueString;
  const coding = codings(c.valueCodeableConcept)[0];
  return coding?.code ?? coding?.display ?? conceptText(c.valueCodeableConcept);
}

/** HGNC gene: the display is the symbol ("BRAF"); the code is "HGNC:1097". */
function geneSymbol(c: Component): string | undefined {
  const coding = codings(c.valueCodeableConcept);
  const hgnc = coding.find((x) => (x.system ?? '').includes('genenames')) ?? coding[0];
  return hgnc?.display ?? conceptText(c.valueCodeableConcept);
}

function quantity(q: Json | undefined, path: string, file: string): { value: number; unit?: string } | undefined {
  if (!q) return undefined;
  if (typeof q.value !== 'number' || !Number.isFinite(q.value)) {
    throw new GenomicsParseError({ file, field: `${path}.valueQuantity.value` }, 'expected a number');
  }
  const unit = typeof q.code === 'string' ? q.code : typeof q.unit === 'string' ? q.unit : undefined;
  return { value: q.value, ...(unit !== undefined ? { unit } : {}) };
}

function msiFrom(text: string | undefined): MsiStatus | undefined {
  if (!text) return undefined;
  const t = text.toLowerCase();
  if (/msi-?h|high|unstable/.test(t) && !/stable/.test(t.replace('unstable', ''))) return 'MSI-H';
  if (/mss|stable|msi-?l|low/.test(t)) return 'MSS';
  if (/indeterminate|equivocal|inconclusive/.test(t)) return 'indeterminate';
  return undefined;
}

export function parseFhirGenomicsBundle(text: string, file: string): ParsedGenomicFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new GenomicsParseError({ file, field: '(JSON)' }, `not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(doc) || doc.resourceType !== 'Bundle') {
    throw new GenomicsParseError({ file, field: 'resourceType' }, 'expected a FHIR Bundle');
  }
  const entries = Array.isArray(doc.entry) ? doc.entry : [];
  const records: GenomicRecord[] = [];
  const regions: RegionStudied[] = [];
  const warnings: string[] = [];
  const samples = new Set<string>();
  let build: GenomeBuild | undefined;
  let panel: string | undefined;
  let reportedAt: string | undefined;
  let tmb: number | undefined;
  let msi: MsiStatus | undefined;
  let tumourFraction: number | undefined;
  let specimen: 'tissue' | 'ctdna' | undefined;
  const checker = new BuildChecker(undefined);

  entries.forEach((entry, i) => {
    const path = `Bundle.entry[${i}].resource`;
    const r = isObject(entry) ? entry.resource : undefined;
    if (!isObject(r)) throw new GenomicsParseError({ file, field: path }, 'entry without a resource');
    const subject = isObject(r.subject) && typeof r.subject.reference === 'string' ? r.subject.reference : undefined;
    if (subject) samples.add(subject);

    if (r.resourceType === 'DiagnosticReport' && hasCode(r.code, FHIR_CODES.genomicsReport)) {
      panel = conceptText(r.code) === 'Master HL7 genetic variant reporting panel' ? panel : (conceptText(r.code) ?? panel);
      if (typeof r.issued === 'string') reportedAt = r.issued;
      else if (typeof r.effectiveDateTime === 'string') reportedAt = r.effectiveDateTime;
      return;
    }
    if (r.resourceType === 'Specimen') {
      const type = (conceptText(r.type) ?? '').toLowerCase();
      if (/plasma|blood|ctdna|cfdna|liquid/.test(type)) specimen = 'ctdna';
      else if (type !== '') specimen = 'tissue';
      return;
    }
    if (r.resourceType !== 'Observation') return;

    if (hasCode(r.code, FHIR_CODES.tmb)) {
      tmb = quantity(isObject(r.valueQuantity) ? r.valueQuantity : undefined, path, file)?.value;
      return;
    }
    if (hasCode(r.code, FHIR_CODES.msi)) {
      msi = msiFrom(conceptText(r.valueCodeableConcept) ?? (typeof r.valueString === 'string' ? r.valueString : undefined));
      if (!msi) warnings.push(`${file} ${path}: MSI result not understood`);
      return;
    }
    if (/tumou?r fraction/i.test(conceptText(r.code) ?? '')) {
      const q = quantity(isObject(r.valueQuantity) ? r.valueQuantity : undefined, path, file);
      if (q) tumourFraction = q.unit === '%' ? q.value / 100 : q.value;
      return;
    }
    const components = componentsOf(r, path);
    if (hasCode(r.code, FHIR_CODES.regionStudied)) {
      for (const c of findComponents(components, FHIR_CODES.geneStudied)) {
        for (const coding of codings(c.valueCodeableConcept)) {
          const gene = coding.display ?? coding.code;
          if (gene) regions.push({ gene });
        }
      }
      return;
    }
    if (!hasCode(r.code, FHIR_CODES.genomicVariant)) return;

    // A variant "Absent" is a negative result for that variant, not a finding.
    if (codings(r.valueCodeableConcept).some((c) => c.code === FHIR_CODES.absent)) return;

    const genes = findComponents(components, FHIR_CODES.geneStudied);
    if (genes.length === 0)
      throw new GenomicsParseError(
        { file, field: `${path}.component` },
        `GenomicVariant without a gene-studied component (LOINC ${FHIR_CODES.geneStudied})`,
      );
    const gene = geneSymbol(genes[0]!);
    if (!gene) throw new GenomicsParseError({ file, field: `${genes[0]!.path}.valueCodeableConcept` }, 'gene studied without a symbol');

    const assembly = findComponents(components, FHIR_CODES.assembly)[0];
    if (assembly) {
      const code = codings(assembly.valueCodeableConcept)[0];
      const b =
        code?.code === FHIR_CODES.grch37
          ? 'GRCh37'
          : code?.code === FHIR_CODES.grch38
            ? 'GRCh38'
            : normaliseBuild(code?.display ?? conceptText(assembly.valueCodeableConcept));
      if (!b) throw new GenomicsParseError({ file, field: `${assembly.path}.valueCodeableConcept` }, 'unknown reference assembly');
      if (build && b !== build)
        throw new GenomicsParseError(
          { file, field: `${assembly.path}.valueCodeableConcept` },
          `assembly ${b} differs from ${build} in an earlier variant`,
        );
      build = b;
    }

    const consequenceComponent = components.find(
      (c) => /consequence/i.test(conceptText(c.code) ?? '') || codings(c.code).some((x) => x.code === 'molecular-consequence'),
    );
    const consequenceText = consequenceComponent
      ? (codings(consequenceComponent.valueCodeableConcept)[0]?.display ?? componentText(consequenceComponent))
      : undefined;

    const cnChange = findComponents(components, FHIR_CODES.copyNumberChange)[0];
    if (cnChange) {
      const t = (conceptText(cnChange.valueCodeableConcept) ?? '').toLowerCase();
      const cn = quantity(findComponents(components, FHIR_CODES.copyNumber)[0]?.valueQuantity, `${path}`, file)?.value;
      const call = /gain|amplif/.test(t) ? 'amplification' : /loss|delet/.test(t) ? 'homozygous_deletion' : undefined;
      if (!call)
        throw new GenomicsParseError(
          { file, field: `${cnChange.path}.valueCodeableConcept` },
          'copy-number change is neither gain nor loss',
        );
      const rec: CopyNumberRecord = {
        kind: 'copy_number',
        gene,
        call,
        alterationClass: call === 'amplification' ? 'amplification' : 'deletion',
        category: 'cnv',
        source: { file, path },
        ...(subject ? { sampleId: subject } : {}),
        ...(cn !== undefined ? { copyNumber: cn } : {}),
      };
      records.push(rec);
      return;
    }

    if (genes.length >= 2 && /fusion/i.test(consequenceText ?? '')) {
      const g5 = gene;
      const g3 = geneSymbol(genes[1]!);
      const rec: FusionRecord = {
        kind: 'fusion',
        gene: fusionDriver(g5, g3) ?? g5,
        gene5: g5,
        ...(g3 ? { gene3: g3 } : {}),
        name: fusionName(g5, g3),
        alterationClass: 'fusion',
        category: 'structural_variant',
        source: { file, path },
        ...(subject ? { sampleId: subject } : {}),
        ...(build ? { build } : {}),
      };
      records.push(rec);
      return;
    }

    const ref = componentText(findComponents(components, FHIR_CODES.refAllele)[0]);
    const alt = componentText(findComponents(components, FHIR_CODES.altAllele)[0]);
    const chromText = conceptText(findComponents(components, FHIR_CODES.chromosome)[0]?.valueCodeableConcept);
    const range = findComponents(components, FHIR_CODES.alleleStartEnd)[0]?.valueRange;
    // Genomics Reporting allows 0-based interval counting (component 92822-6); store 1-based.
    const zeroBased = /0-based/i.test(conceptText(findComponents(components, FHIR_CODES.coordinateSystem)[0]?.valueCodeableConcept) ?? '');
    const low = isObject(range) && isObject(range.low) && typeof range.low.value === 'number' ? range.low.value : undefined;
    const start = low !== undefined && zeroBased ? low + 1 : low;
    const end = isObject(range) && isObject(range.high) && typeof range.high.value === 'number' ? range.high.value : undefined;
    const variantType: MafVariantType | undefined = ref && alt ? mafVariantType(ref, alt) : undefined;
    if (chromText && start !== undefined && ref && alt && variantType === 'SNP') {
      checker.setDeclared(build);
      const ev = checker.observe(chromText.replace(/^chromosome\s*/i, ''), start, ref, alt);
      if (ev && build && ev.build !== build) {
        throw new GenomicsParseError({ file, field: `${path}.component` }, describeMismatch(build, ev));
      }
    }
    const cls = classifySequenceVariant(consequenceText ?? '', variantType ?? 'SNP');
    const cdna = cdnaFields(componentText(findComponents(components, FHIR_CODES.dnaChange)[0]));
    const prot = proteinFields(componentText(findComponents(components, FHIR_CODES.aminoAcidChange)[0]), cdna.hgvsc, cls.effect);
    if (!consequenceText && prot.protein) {
      // No SO term: infer the effect from the protein change itself.
      cls.effect = effectFromProtein(prot.protein);
    }
    const vafComponent = findComponents(components, FHIR_CODES.vaf)[0];
    const vafQ = quantity(vafComponent?.valueQuantity, vafComponent?.path ?? path, file);
    let vaf: number | undefined;
    if (vafQ) {
      vaf = vafQ.unit === '%' ? vafQ.value / 100 : vafQ.value;
      if (vaf < 0 || vaf > 1)
        throw new GenomicsParseError(
          { file, field: `${vafComponent!.path}.valueQuantity` },
          `VAF ${vafQ.value}${vafQ.unit ?? ''} is outside 0–100 %`,
        );
    }
    const sourceClass = codings(findComponents(components, FHIR_CODES.sourceClass)[0]?.valueCodeableConcept)[0]?.code;
    const origin: VariantOrigin | undefined =
      sourceClass === FHIR_CODES.somatic ? 'somatic' : sourceClass === FHIR_CODES.germline ? 'germline' : undefined;
    const transcript = componentText(findComponents(components, FHIR_CODES.transcript)[0]);

    const rec: VariantRecord = {
      kind: 'variant',
      gene,
      alterationClass: 'mutation',
      category: 'mutation',
      source: { file, path },
      ...(subject ? { sampleId: subject } : {}),
      ...(chromText ? { chromosome: normaliseChromosome(chromText.replace(/^chromosome\s*/i, '')) } : {}),
      ...(start !== undefined ? { start } : {}),
      ...(end !== undefined ? { end } : {}),
      ...(ref ? { ref } : {}),
      ...(alt ? { alt } : {}),
      ...(variantType ? { variantType } : {}),
      ...(build ? { build } : {}),
      ...(consequenceText ? { consequences: splitConsequences(consequenceText) } : {}),
      mafClassification: cls.mafClassification,
      effect: cls.effect,
      ...prot,
      ...cdna,
      ...(transcript ? { transcript } : {}),
      ...(vaf !== undefined ? { vaf } : {}),
      ...(origin ? { origin } : {}),
    };
    records.push(rec);
  });

  return {
    file,
    format: 'fhir_bundle',
    ...(build ? { build } : {}),
    buildCheck: checker.result(),
    records,
    samples: [...samples],
    ...(panel ? { panel } : {}),
    ...(specimen ? { specimen } : {}),
    ...(reportedAt ? { reportedAt } : {}),
    ...(tmb !== undefined ? { tmb } : {}),
    ...(msi ? { msi } : {}),
    ...(tumourFraction !== undefined ? { tumourFraction } : {}),
    ...(regions.length > 0 ? { regionsStudied: regions } : {}),
    warnings,
  };
}
