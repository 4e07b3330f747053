/**
 * Acquired resistance: an alteration present at progression and absent at baseline, classified
 * against the literature-derived reference table (data/genomics/acquired_resistance_reference.tsv)
 * as on-target (secondary mutation, amplification or isoform switch of the target), bypass
 * (another pathway takes over), lineage change (e.g. SCLC transformation) or reversion (the
 * driver defect is undone, e.g. BRCA reversion under PARP inhibition).
 *
 * Every call is "needs review": the table is not curated evidence, and the MTB confirms.
 */
import { GenomicsParseError } from './errors';
import { TsvTable } from './text';
import { parseVariantSpec, specMatches, type QueryAlteration, type VariantSpec } from './variant-spec';

export type ResistanceMechanism = 'on_target' | 'bypass' | 'lineage' | 'reversion';

const MECHANISM_OF: Readonly<Record<string, ResistanceMechanism>> = {
  on_target_secondary: 'on_target',
  on_target_amplification: 'on_target',
  on_target_isoform_switch: 'on_target',
  splice_variant: 'on_target',
  bypass_rtk: 'bypass',
  bypass_downstream: 'bypass',
  lineage_transformation: 'lineage',
  reversion_restoration: 'reversion',
};

export interface ResistancePattern {
  gene: string;
  spec: VariantSpec;
  text: string;
}

export interface ResistanceReferenceRow {
  targetGene: string;
  primaryDriverContext: string;
  drugOrClass: string;
  resistanceAlteration: string;
  mechanismClass: string;
  mechanism: ResistanceMechanism;
  tumourContext: string;
  civicSupport: string;
  notes: string;
  patterns: ResistancePattern[];
  line: number;
}

const GENE_TOKEN = /^[A-Z][A-Z0-9]{1,9}$/;
const NOT_GENES = new Set(['ORF', 'SCLC', 'TKI', 'RTK', 'CNV', 'AND', 'WITH', 'LOSS', 'DNA', 'RNA', 'CTC', 'V7']);

/**
 * Reads the free-text "resistance_alteration" column into patterns. The column mixes forms:
 * "EGFR T790M", "ALK L1196M (gatekeeper), G1269A", "KRAS G12D/R/V/W, G13D, Q61H",
 * "MET amplification", "RET/ALK/BRAF/FGFR3 fusions", "KRAS/NRAS/BRAF V600E, PIK3CA, MAP2K1
 * mutations", "RB1 + TP53 loss ...", "BRCA1 reversion mutations restoring ORF".
 * A protein change applies to the gene written before it; a bare gene list takes the event word
 * that ends the clause (fusions, amplification, mutations, loss), else "any mutation".
 */
/** "MAP2K1/2" names MAP2K1 and MAP2K2: a bare number after a slash replaces the previous gene's trailing number. */
function expandGeneShorthand(parts: string[]): string[] {
  return parts.map((part, i) => {
    const previous = parts[i - 1];
    if (i === 0 || !/^\d+$/.test(part) || previous === undefined) return part;
    const stem = /^([A-Z][A-Z0-9]*?[A-Z])\d+$/.exec(previous);
    return stem ? `${stem[1]}${part}` : part;
  });
}

export function parseResistanceAlterations(text: string, targetGene: string): ResistancePattern[] {
  const out: ResistancePattern[] = [];
  const clean = text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const reversion = /reversion/i.test(clean);
  const eventOf = (clause: string): VariantSpec | undefined => {
    const lower = clause.toLowerCase();
    if (reversion) return { kind: 'any_mutation' };
    if (/fusion/.test(lower)) return { kind: 'fusion' };
    if (/amplification/.test(lower)) return { kind: 'amplification' };
    if (/\bloss\b/.test(lower)) return { kind: 'any_of', specs: [{ kind: 'deletion' }, { kind: 'truncating' }] };
    return undefined;
  };

  let currentGene: string | undefined;
  // "RB1 + TP53 loss": the event word of the last clause applies to genes of the clauses before it.
  const clauses = clean.split(/[,;]/);
  for (const clause of clauses) {
    const pendingGenes: string[] = [];
    const parts = clause.split('+');
    const clauseEvent = eventOf(clause);
    for (const part of parts) {
      for (const raw of part
        .trim()
        .split(' ')
        .filter((w) => w !== '')) {
        const word = raw.replace(/[.:]$/, '');
        const genes = expandGeneShorthand(word.split('/'));
        // A protein change is one residue letter then its number (T790M); a gene symbol is not.
        if (genes.every((g) => GENE_TOKEN.test(g) && !NOT_GENES.has(g) && !/^[A-Z*]\d/.test(g))) {
          // A gene (or gene list); protein changes after it belong to the last one.
          pendingGenes.push(...genes);
          currentGene = genes[genes.length - 1];
          continue;
        }
        const spec = parseVariantSpec(word);
        if (
          spec.kind !== 'unsupported' &&
          spec.kind !== 'any_mutation' &&
          spec.kind !== 'fusion' &&
          spec.kind !== 'amplification' &&
          spec.kind !== 'deletion'
        ) {
          const gene = currentGene ?? targetGene;
          const k = pendingGenes.lastIndexOf(gene);
          if (k >= 0) pendingGenes.splice(k, 1);
          out.push({ gene, spec, text: `${gene} ${word}` });
        }
      }
    }
    // Genes named without a protein change take the clause's event, else any protein-altering mutation.
    for (const g of pendingGenes) out.push({ gene: g, spec: clauseEvent ?? { kind: 'any_mutation' }, text: `${g} ${clause.trim()}` });
  }
  return out;
}

export function parseResistanceReference(text: string, file: string): ResistanceReferenceRow[] {
  const table = new TsvTable(file, text);
  table.requireColumns(['target_gene', 'drug_or_class', 'resistance_alteration', 'mechanism_class']);
  return table.rows.map((row) => {
    const at = (field: string) => ({ file, line: row.line, field });
    const mechanismClass = table.get(row, 'mechanism_class') ?? '';
    const mechanism = MECHANISM_OF[mechanismClass];
    if (!mechanism) throw new GenomicsParseError(at('mechanism_class'), `unknown mechanism class "${mechanismClass}"`);
    const targetGene = table.get(row, 'target_gene');
    const alteration = table.get(row, 'resistance_alteration');
    if (!targetGene || !alteration) throw new GenomicsParseError(at(!targetGene ? 'target_gene' : 'resistance_alteration'), 'required');
    return {
      targetGene,
      primaryDriverContext: table.get(row, 'primary_driver_context') ?? '',
      drugOrClass: table.get(row, 'drug_or_class') ?? '',
      resistanceAlteration: alteration,
      mechanismClass,
      mechanism,
      tumourContext: table.get(row, 'tumor_context') ?? '',
      civicSupport: table.get(row, 'civic_2021_support') ?? '',
      notes: table.get(row, 'notes') ?? '',
      patterns: parseResistanceAlterations(alteration, targetGene),
      line: row.line,
    };
  });
}

export interface ResistanceCall {
  mechanism: ResistanceMechanism;
  /** The reference table's finer class (on_target_secondary, bypass_rtk...). */
  mechanismClass: string;
  targetGene: string;
  drugOrClass: string;
  tumourContext: string;
  referenceAlteration: string;
  notes: string;
  /** Whether CIViC 2021 supports the row, as the table records it. */
  civicSupport: string;
  /** Whether the baseline sample had an alteration in the target gene (unknown when no baseline given). */
  driverAtBaseline?: boolean;
  status: 'needs review';
  referenceLine: number;
}

export interface ResistanceContext {
  /** Therapies received before the progression sample (drug names or classes). */
  priorTherapies?: readonly string[];
  /** Alterations at baseline, to check the driver context. */
  baseline?: readonly QueryAlteration[];
}

/**
 * Drug → the class names the reference table uses, so that "erlotinib" finds rows written
 * for "EGFR TKI" (pharmacological classes; INN names).
 */
export const DRUG_CLASSES: Readonly<Record<string, readonly string[]>> = {
  gefitinib: ['egfr tki'],
  erlotinib: ['egfr tki'],
  afatinib: ['egfr tki'],
  dacomitinib: ['egfr tki'],
  osimertinib: ['egfr tki'],
  lazertinib: ['egfr tki'],
  crizotinib: ['alk tki', 'met tki'],
  ceritinib: ['alk tki'],
  alectinib: ['alk tki'],
  brigatinib: ['alk tki'],
  lorlatinib: ['alk tki'],
  capmatinib: ['met tki'],
  tepotinib: ['met tki'],
  sotorasib: ['kras g12c inhibitor'],
  adagrasib: ['kras g12c inhibitor'],
  selpercatinib: ['selective reti'],
  pralsetinib: ['selective reti'],
  dabrafenib: ['braf+mek'],
  trametinib: ['braf+mek'],
  vemurafenib: ['braf+mek'],
  encorafenib: ['braf+mek'],
  binimetinib: ['braf+mek'],
  cobimetinib: ['braf+mek'],
  cetuximab: ['anti-egfr mab'],
  panitumumab: ['anti-egfr mab'],
  olaparib: ['parp inhibitor'],
  niraparib: ['parp inhibitor'],
  rucaparib: ['parp inhibitor'],
  talazoparib: ['parp inhibitor'],
  enzalutamide: ['arsi'],
  apalutamide: ['arsi'],
  darolutamide: ['arsi'],
  abiraterone: ['arsi'],
  letrozole: ['aromatase inhibitor', 'endocrine therapy'],
  anastrozole: ['aromatase inhibitor', 'endocrine therapy'],
  exemestane: ['aromatase inhibitor', 'endocrine therapy'],
  tamoxifen: ['endocrine therapy'],
  fulvestrant: ['endocrine therapy'],
  ibrutinib: ['covalent btki'],
  acalabrutinib: ['covalent btki'],
  zanubrutinib: ['covalent btki'],
};

function therapyMatches(drugOrClass: string, prior: readonly string[]): boolean {
  const text = drugOrClass.toLowerCase();
  return prior.some((p) => {
    const t = p.toLowerCase().trim();
    if (t === '') return false;
    if (text.includes(t) || t.split(/\s+/).every((w) => text.includes(w))) return true;
    return (DRUG_CLASSES[t] ?? []).some((c) => text.includes(c));
  });
}

/**
 * Classifies one acquired alteration. Without `priorTherapies` every matching row is returned;
 * with them, only rows whose drug or class the patient received.
 */
export function classifyAcquiredAlteration(
  alteration: QueryAlteration,
  reference: readonly ResistanceReferenceRow[],
  context: ResistanceContext = {},
): ResistanceCall[] {
  const calls: ResistanceCall[] = [];
  for (const row of reference) {
    if (!row.patterns.some((p) => specMatches(p.spec, p.gene, alteration))) continue;
    if (context.priorTherapies && context.priorTherapies.length > 0 && !therapyMatches(row.drugOrClass, context.priorTherapies)) continue;
    // A reversion is only a reversion if the gene carried a (truncating) defect before.
    if (row.mechanism === 'reversion' && context.baseline && !context.baseline.some((b) => b.gene === alteration.gene)) continue;
    const driverAtBaseline = context.baseline ? context.baseline.some((b) => b.gene === row.targetGene) : undefined;
    calls.push({
      mechanism: row.mechanism,
      mechanismClass: row.mechanismClass,
      targetGene: row.targetGene,
      drugOrClass: row.drugOrClass,
      tumourContext: row.tumourContext,
      referenceAlteration: row.resistanceAlteration,
      notes: row.notes,
      civicSupport: row.civicSupport,
      ...(driverAtBaseline !== undefined ? { driverAtBaseline } : {}),
      status: 'needs review',
      referenceLine: row.line,
    });
  }
  return calls;
}

/** Key that identifies "the same alteration" across two samples of one patient. */
export function alterationKey(a: QueryAlteration): string {
  const p = a.protein ? JSON.stringify(a.protein) : '';
  return [a.gene, a.kind, p, a.gene5 ?? '', a.gene3 ?? '', a.biomarker ?? ''].join('|');
}

/** Alterations in `progression` absent from `baseline` (acquired) and the reverse (lost). */
export function compareSamples(
  baseline: readonly QueryAlteration[],
  progression: readonly QueryAlteration[],
): { acquired: QueryAlteration[]; lost: QueryAlteration[]; shared: QueryAlteration[] } {
  const before = new Set(baseline.map(alterationKey));
  const after = new Set(progression.map(alterationKey));
  return {
    acquired: progression.filter((a) => !before.has(alterationKey(a))),
    lost: baseline.filter((a) => !after.has(alterationKey(a))),
    shared: progression.filter((a) => before.has(alterationKey(a))),
  };
}
