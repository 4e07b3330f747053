/**
 * Matches rendered as MatchMiner `trial_match` documents: one per (sample, met match path,
 * reason), where a reason is a genomic row supporting an inclusion criterion, an exclusion
 * criterion, or a TMB comparison. Plain clinical reasons are left out, and a match with no
 * other reason still yields one document. The conformance suite counts these.
 */
import type { AlterationCriterion, CnvCall } from '../eligibility/criteria-genomic';
import type { AlterationFact, MmrStatus, SignatureFact } from '../eligibility/facts';
import { describeLeaf } from '../eligibility/describe';
import { ownStatus } from '../eligibility/trial';
import { canonicalJson, hash53 } from './canonical';
import type { LiteralOutcome } from './evaluate-paths';
import type { MatchMinerPatient } from './matchminer';
import type { LevelMatch } from './trials';

export interface MatchMinerMatchDoc {
  protocol_no: string;
  sample_id: string;
  clinical_id: string;
  match_level: 'trial' | 'step' | 'arm' | 'dose';
  internal_id?: string | number;
  code?: string;
  match_path: string;
  query_hash: string;
  trial_curation_level_status: 'open' | 'closed';
  trial_summary_status: 'open' | 'closed';
  cancer_type_match: 'specific' | 'all_solid' | 'all_liquid';
  show_in_ui: boolean;
  reason_type?: 'genomic' | 'clinical';
  q_depth?: number;
  q_width?: number;
  genomic_id?: string;
  match_type?: string;
  genomic_alteration?: string;
  /** Identity of the document's content (MatchMiner's `hash`). */
  hash: string;
}

type Reason = Pick<MatchMinerMatchDoc, 'reason_type' | 'q_depth' | 'q_width' | 'genomic_id' | 'match_type' | 'genomic_alteration'>;

const CNV_TEXT: Record<CnvCall, string> = {
  amplification: 'High level amplification',
  gain: 'Gain',
  homozygous_deletion: 'Homozygous deletion',
  heterozygous_deletion: 'Heterozygous deletion',
};
const SIGNATURE_TEXT: Record<string, string> = {
  apobec: 'APOBEC',
  pole: 'POLE',
  tobacco: 'Tobacco',
  temozolomide: 'Temozolomide',
  uva: 'UVA',
};
const GENOMIC_LEAVES = new Set(['alteration', 'mmr', 'signature']);

const realGene = (g: string | undefined) => g !== undefined && g !== '' && g.toLowerCase().replace(/\s+/g, '_') !== 'any_gene';

function inclusionText(c: AlterationCriterion, a: AlterationFact): { type: string; text: string } {
  const gene = a.gene ?? '';
  if (a.category === 'mutation') {
    if (a.proteinChange) return { type: c.proteinChange || c.codon ? 'variant' : 'gene', text: `${gene} ${a.proteinChange}` };
    return { type: 'gene', text: a.variantClassification ? `${gene} ${a.variantClassification}` : gene };
  }
  if (a.category === 'cnv') return { type: 'gene', text: a.cnvCall ? `${gene} ${CNV_TEXT[a.cnvCall]}` : gene };
  if (a.gene === undefined && a.partner === undefined)
    return { type: 'gene', text: c.gene ? `${c.gene} Structural Variation` : 'Structural Variation' };
  const type = realGene(c.gene) && realGene(c.partner) ? 'variant' : 'gene';
  const svType = a.svType ?? 'Structural Variant';
  if (a.gene && a.partner) return { type, text: `${a.gene}-${a.partner} ${svType}` };
  return { type, text: `${a.gene ?? a.partner ?? 'intergenic'}-intergenic ${svType}` };
}

function exclusionText(c: AlterationCriterion, svReporting: MatchMinerPatient['svReporting']): { type: string; text: string } {
  const gene = c.gene ?? '';
  if (c.codon) return { type: 'variant', text: `${gene} ${c.codon}` };
  if (c.proteinChange) return { type: 'variant', text: `${gene} ${c.proteinChange}` };
  if (c.cnvCall) return { type: 'gene', text: `${gene} ${CNV_TEXT[c.cnvCall]}` };
  if (c.variantClassification) return { type: 'gene', text: `${gene} ${c.variantClassification}` };
  if (c.category === 'structural_variant') {
    const partner = c.partner ?? '';
    if (svReporting === 'text') return { type: 'gene', text: `${gene} Structural Variation` };
    const type = realGene(gene) && realGene(partner) ? 'variant' : 'gene';
    return { type, text: gene && partner ? `${gene}-${partner} Structural Variation` : `${gene || partner} Structural Variation` };
  }
  return { type: 'gene', text: `${gene} Mutation` };
}

function reasons(o: LiteralOutcome, patient: MatchMinerPatient): Reason[] {
  const { leaf: c, negated, depth } = o.literal;
  if (c.kind === 'tmb' && !negated) {
    const tmb = o.leaf.evidence[0]?.fact.value as number | undefined;
    return tmb ? [{ reason_type: 'clinical', q_depth: depth, q_width: 1, match_type: 'tmb', genomic_alteration: `TMB = ${tmb}` }] : [];
  }
  if (!GENOMIC_LEAVES.has(c.kind)) return [];
  if (negated) {
    const x = c.kind === 'alteration' ? exclusionText(c, patient.svReporting) : { type: 'gene', text: describeLeaf(c) };
    return [{ reason_type: 'genomic', q_depth: depth, q_width: -1, match_type: x.type, genomic_alteration: `!${x.text}` }];
  }
  // One reason per supporting genomic row, in a stable order.
  const rows = new Map(o.leaf.evidence.map((e) => [e.fact.id ?? '', e.fact]));
  const ids = [...rows.keys()].sort();
  return ids.map((id) => {
    const value = rows.get(id)!.value;
    let x: { type: string; text: string };
    if (c.kind === 'alteration') x = inclusionText(c, value as AlterationFact);
    else if (c.kind === 'mmr') x = { type: 'mmr', text: (value as MmrStatus) === 'deficient' ? 'MMR-D/MSI-H' : 'MMR-P/MSS' };
    else {
      const s = value as SignatureFact;
      const name = `${SIGNATURE_TEXT[s.signature.toLowerCase()] ?? s.signature} Signature`;
      x = { type: 'signature', text: s.present ? name : `No ${name}` };
    }
    return { reason_type: 'genomic', q_depth: depth, q_width: ids.length, genomic_id: id, match_type: x.type, genomic_alteration: x.text };
  });
}

export function matchMinerDocuments(match: LevelMatch, patient: MatchMinerPatient): MatchMinerMatchDoc[] {
  const lvl = match.level;
  const docs: MatchMinerMatchDoc[] = [];
  for (const path of match.outcome.paths) {
    if (path.status !== 'met') continue;
    const diagnoses = path.literals.map((l) => l.literal.leaf).filter((l) => l.kind === 'diagnosis');
    const cancerType = diagnoses.some((d) => d.oncotree === '_LIQUID_')
      ? 'all_liquid'
      : diagnoses.some((d) => d.oncotree === '_SOLID_')
        ? 'all_solid'
        : 'specific';
    const fromText = path.literals.some(
      (l) =>
        !l.literal.negated &&
        l.leaf.evidence.some((e) => e.field === 'genomics.alterations' && (e.fact.value as AlterationFact).text !== undefined),
    );
    const base = {
      protocol_no: lvl.protocolNo,
      sample_id: patient.sampleId,
      clinical_id: patient.clinicalId,
      match_level: lvl.kind === 'dose_level' ? 'dose' : lvl.kind,
      ...(lvl.level?.internalId !== undefined ? { internal_id: lvl.level.internalId } : {}),
      ...(lvl.level?.code !== undefined ? { code: lvl.level.code } : {}),
      match_path: lvl.matchPath,
      query_hash: path.path.key,
      trial_curation_level_status: lvl.chain.some((l) => ownStatus(l) === 'closed') ? 'closed' : 'open',
      trial_summary_status: lvl.trialStatus,
      cancer_type_match: cancerType,
      // MatchMiner hides matches resting on free-text SV comments from its UI.
      show_in_ui: !fromText,
    } as const;
    const found = path.literals.flatMap((l) => reasons(l, patient));
    for (const r of found.length ? found : [{}]) {
      const doc = { ...base, ...r } as Omit<MatchMinerMatchDoc, 'hash'>;
      docs.push({ ...doc, hash: hash53(canonicalJson(doc)) });
    }
  }
  return docs;
}
