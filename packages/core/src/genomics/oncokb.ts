/**
 * OncoKB as a pluggable knowledge source, for centres that hold an OncoKB licence and API token.
 *
 * OncoKB is licensed data: nothing of it ships with Continuum. The server asks OncoKB's API
 * (POST /annotate/mutations/byProteinChange, /annotate/copyNumberAlterations,
 * /annotate/structuralVariants) for exactly the alterations being annotated and hands the answers
 * to `OncoKbSource`, which then answers like any other source — synchronously, naming OncoKB's
 * data version on every item. This file only knows the request and answer shapes (the public
 * IndicatorQueryResp of the OncoKB API v1): it never opens a socket.
 *
 * Levels are OncoKB's own (LEVEL_1 … LEVEL_4 therapeutic sensitivity, LEVEL_R1/R2 resistance;
 * Chakravarty et al., JCO Precis Oncol 2017, levels as revised in 2019) and are shown as such
 * next to CIViC's and the approvals': the ESCAT suggestion stays computed from CIViC and the
 * approvals table, because OncoKB's levels are tied to FDA/NCCN and do not encode trial design.
 */
import type { EvidenceDirection } from './civic';
import { GenomicsParseError } from './errors';
import { formatProteinChange } from './hgvs-protein';
import type { AnnotationQuery, EvidenceItem, KnowledgeSource, TumourMatcher } from './knowledge-base';
import type { QueryAlteration } from './variant-spec';

export const ONCOKB_LEVELS = ['LEVEL_1', 'LEVEL_2', 'LEVEL_3A', 'LEVEL_3B', 'LEVEL_4', 'LEVEL_R1', 'LEVEL_R2'] as const;
export type OncoKbLevel = (typeof ONCOKB_LEVELS)[number];

/** One question to OncoKB, in the body shape of its POST annotate endpoints. */
export type OncoKbQuery =
  | { endpoint: 'mutations/byProteinChange'; key: string; body: { gene: { hugoSymbol: string }; alteration: string; tumorType: string } }
  | {
      endpoint: 'copyNumberAlterations';
      key: string;
      body: { gene: { hugoSymbol: string }; copyNameAlterationType: 'AMPLIFICATION' | 'DELETION'; tumorType: string };
    }
  | {
      endpoint: 'structuralVariants';
      key: string;
      body: {
        geneA: { hugoSymbol: string };
        geneB: { hugoSymbol: string };
        structuralVariantType: 'FUSION';
        functionalFusion: true;
        tumorType: string;
      };
    };

/** The part of OncoKB's IndicatorQueryResp the source reads. */
export interface OncoKbTreatment {
  alterations: string[];
  drugs: { drugName: string }[];
  level: OncoKbLevel;
  levelAssociatedCancerType?: { code?: string; name?: string; mainType?: { name?: string } };
  pmids: string[];
  description?: string;
}

export interface OncoKbAnswer {
  query: { hugoSymbol?: string; alteration?: string; tumorType?: string };
  geneExist: boolean;
  variantExist: boolean;
  oncogenic?: string;
  highestSensitiveLevel?: string | null;
  highestResistanceLevel?: string | null;
  treatments: OncoKbTreatment[];
  dataVersion: string;
}

/**
 * The OncoKB question for an alteration, or undefined when OncoKB has no endpoint for it
 * (biomarkers such as MSI-H and TMB are answered through the mutation endpoint only for genes).
 */
export function oncoKbQueryFor(a: QueryAlteration, tumourType: string): OncoKbQuery | undefined {
  const tumorType = tumourType.toUpperCase();
  switch (a.kind) {
    case 'mutation': {
      if (!a.protein) return undefined;
      // OncoKB names protein changes without the "p." prefix (V600E, E746_A750del).
      const alteration = formatProteinChange(a.protein).replace(/^p\./, '');
      return {
        endpoint: 'mutations/byProteinChange',
        key: `mut|${a.gene}|${alteration}|${tumorType}`,
        body: { gene: { hugoSymbol: a.gene }, alteration, tumorType },
      };
    }
    case 'amplification':
    case 'deletion': {
      const type = a.kind === 'amplification' ? 'AMPLIFICATION' : 'DELETION';
      return {
        endpoint: 'copyNumberAlterations',
        key: `cna|${a.gene}|${type}|${tumorType}`,
        body: { gene: { hugoSymbol: a.gene }, copyNameAlterationType: type, tumorType },
      };
    }
    case 'fusion':
    case 'structural_variant': {
      if (!a.gene5 || !a.gene3) return undefined;
      return {
        endpoint: 'structuralVariants',
        key: `sv|${a.gene5}|${a.gene3}|${tumorType}`,
        body: {
          geneA: { hugoSymbol: a.gene5 },
          geneB: { hugoSymbol: a.gene3 },
          structuralVariantType: 'FUSION',
          functionalFusion: true,
          tumorType,
        },
      };
    }
    default:
      return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Validates one OncoKB answer; `where` names the request for the error. */
export function parseOncoKbAnswer(value: unknown, where: string): OncoKbAnswer {
  const fail = (field: string, expected: string): never => {
    throw new GenomicsParseError({ file: `OncoKB answer to ${where}`, field }, `expected ${expected}`);
  };
  if (!isObject(value)) return fail('(root)', 'an IndicatorQueryResp object');
  const treatments = value.treatments;
  if (!Array.isArray(treatments)) return fail('treatments', 'an array');
  if (typeof value.dataVersion !== 'string' || value.dataVersion === '') return fail('dataVersion', 'the OncoKB data version (string)');
  const parsed = treatments.map((t, i): OncoKbTreatment => {
    const field = `treatments[${i}]`;
    if (!isObject(t)) return fail(field, 'an object');
    if (typeof t.level !== 'string' || !(ONCOKB_LEVELS as readonly string[]).includes(t.level))
      return fail(`${field}.level`, `one of ${ONCOKB_LEVELS.join(', ')}`);
    if (!Array.isArray(t.drugs) || t.drugs.some((d) => !isObject(d) || typeof d.drugName !== 'string'))
      return fail(`${field}.drugs`, 'an array of { drugName }');
    const cancer = isObject(t.levelAssociatedCancerType) ? t.levelAssociatedCancerType : undefined;
    return {
      alterations: Array.isArray(t.alterations) ? t.alterations.filter((x): x is string => typeof x === 'string') : [],
      drugs: (t.drugs as { drugName: string }[]).map((d) => ({ drugName: d.drugName })),
      level: t.level as OncoKbLevel,
      ...(cancer
        ? {
            levelAssociatedCancerType: {
              ...(typeof cancer.code === 'string' ? { code: cancer.code } : {}),
              ...(typeof cancer.name === 'string' ? { name: cancer.name } : {}),
              ...(isObject(cancer.mainType) && typeof cancer.mainType.name === 'string'
                ? { mainType: { name: cancer.mainType.name } }
                : {}),
            },
          }
        : {}),
      pmids: Array.isArray(t.pmids) ? t.pmids.map(String) : [],
      ...(typeof t.description === 'string' ? { description: t.description } : {}),
    };
  });
  const query = isObject(value.query) ? value.query : {};
  return {
    query: {
      ...(typeof query.hugoSymbol === 'string' ? { hugoSymbol: query.hugoSymbol } : {}),
      ...(typeof query.alteration === 'string' ? { alteration: query.alteration } : {}),
      ...(typeof query.tumorType === 'string' ? { tumorType: query.tumorType } : {}),
    },
    geneExist: value.geneExist === true,
    variantExist: value.variantExist === true,
    ...(typeof value.oncogenic === 'string' ? { oncogenic: value.oncogenic } : {}),
    highestSensitiveLevel: typeof value.highestSensitiveLevel === 'string' ? value.highestSensitiveLevel : null,
    highestResistanceLevel: typeof value.highestResistanceLevel === 'string' ? value.highestResistanceLevel : null,
    treatments: parsed,
    dataVersion: value.dataVersion,
  };
}

const direction = (level: OncoKbLevel): EvidenceDirection => (level.startsWith('LEVEL_R') ? 'resistance' : 'sensitivity');

/** Tier-I-like OncoKB levels: FDA-recognised (1) and standard of care (2), and standard resistance (R1). */
export function isOncoKbStandardLevel(level: string): boolean {
  return level === 'LEVEL_1' || level === 'LEVEL_2' || level === 'LEVEL_R1';
}

/** Answers prefetched from OncoKB for one annotation run, served as a synchronous source. */
export class OncoKbSource implements KnowledgeSource {
  readonly name = 'OncoKB';
  readonly version: string;

  constructor(private readonly answers: ReadonlyMap<string, OncoKbAnswer>) {
    const versions = new Set([...answers.values()].map((a) => a.dataVersion));
    this.version = versions.size === 0 ? 'no answers' : [...versions].sort().join(', ');
  }

  query(q: AnnotationQuery, tumours: TumourMatcher): EvidenceItem[] {
    const request = oncoKbQueryFor(q.alteration, q.tumourType);
    const answer = request && this.answers.get(request.key);
    if (!request || !answer) return [];
    return answer.treatments.map((t) => {
      const code = t.levelAssociatedCancerType?.code;
      const name =
        t.levelAssociatedCancerType?.name ?? t.levelAssociatedCancerType?.mainType?.name ?? answer.query.tumorType ?? q.tumourType;
      const oncotree = code && tumours.oncotree.has(code.toUpperCase()) ? code.toUpperCase() : undefined;
      return {
        source: this.name,
        version: answer.dataVersion,
        level: t.level,
        // OncoKB lists a combination as one treatment of several drugs.
        therapies: [t.drugs.map((d) => d.drugName).join(' + ')],
        direction: direction(t.level),
        supports: true,
        citations: t.pmids.map((p) => `PMID:${p}`),
        alteration: `${answer.query.hugoSymbol ?? q.alteration.gene} ${t.alterations.join(', ') || answer.query.alteration || ''}`.trim(),
        disease: { name, ...(oncotree ? { oncotree } : {}), relation: oncotree ? tumours.relation(q.tumourType, oncotree) : 'unmapped' },
        id: `OncoKB:${request.key}:${t.level}:${t.drugs.map((d) => d.drugName).join('+')}`,
        url: `https://www.oncokb.org/gene/${encodeURIComponent(answer.query.hugoSymbol ?? q.alteration.gene)}`,
        // The answer is for this exact alteration (OncoKB resolves codon and gene-level rules itself).
        specificity: 5,
      };
    });
  }
}
