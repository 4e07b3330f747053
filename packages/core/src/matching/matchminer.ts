/**
 * MatchMiner clinical and genomic documents → PatientFacts. Pure: the caller reads the files
 * and passes their text (or parsed values).
 *
 * Field names are those of MatchMiner's default config (HARMONIZED_* genomic fields). MatchMiner
 * treats its genomic collection as complete: a sample with no row for a gene is wild type, and a
 * field missing from a row does not match. The adapter states that explicitly: every sample is
 * "tested", and a missing alteration field becomes `null` (reported absent), not `undefined`.
 */
import type { Provenance } from '../model/provenance';
import type { CnvCall } from '../eligibility/criteria-genomic';
import type { AlterationFact, Fact, GenomicFacts, MmrStatus, PatientFacts } from '../eligibility/facts';

export type MatchMinerDocument = Record<string, unknown>;

export interface MatchMinerPatient {
  sampleId: string;
  /** The clinical document's `_id` (genomic rows point to it with CLINICAL_ID). */
  clinicalId: string;
  /**
   * How this sample's structural variants were reported: as structured partner genes, or only
   * as free-text comments (MatchMiner reads SVs of reports before 2018-12-01 from the comments).
   */
  svReporting: 'structured' | 'text';
  facts: PatientFacts;
}

export interface MatchMinerOptions {
  /** Reports on or after this date have structured SVs; before it, SVs are read from comments. Default 2018-12-01. */
  structuredSvSince?: string;
}

/** MongoDB extended JSON (a JSON array, or one document per line) → plain values: ids and dates become strings. */
export function parseExtendedJson(text: string): MatchMinerDocument[] {
  const reviver = (_key: string, v: unknown): unknown => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length !== 1) return v;
    const inner = o[keys[0]!];
    switch (keys[0]) {
      case '$oid':
        return String(inner);
      case '$date': {
        const ms = typeof inner === 'object' && inner !== null ? Number((inner as Record<string, unknown>).$numberLong) : inner;
        return typeof ms === 'number' ? new Date(ms).toISOString() : String(ms);
      }
      case '$numberLong':
      case '$numberInt':
      case '$numberDouble':
      case '$numberDecimal':
        return Number(inner);
      default:
        return v;
    }
  };
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed, reviver) as MatchMinerDocument[];
  return trimmed
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l, reviver) as MatchMinerDocument);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
      ? Number(v)
      : undefined;

const CNV_CALLS: Record<string, CnvCall> = {
  'high level amplification': 'amplification',
  gain: 'gain',
  'homozygous deletion': 'homozygous_deletion',
  'heterozygous deletion': 'heterozygous_deletion',
};
const SIGNATURE_FIELDS: Record<string, string> = {
  APOBEC_STATUS: 'APOBEC',
  POLE_STATUS: 'POLE',
  TOBACCO_STATUS: 'tobacco',
  TEMOZOLOMIDE_STATUS: 'temozolomide',
  UVA_STATUS: 'UVA',
};

function mmrStatus(v: string): MmrStatus {
  if (/deficient|msi-h/i.test(v)) return 'deficient';
  if (/proficient|mss/i.test(v)) return 'proficient';
  return 'indeterminate';
}

/** BIRTH_DATE_INT (yyyymmdd, MatchMiner's age field) or else BIRTH_DATE → ISO date. */
function birthDate(doc: MatchMinerDocument): string | undefined {
  const n = num(doc.BIRTH_DATE_INT);
  if (n !== undefined) {
    const s = String(Math.trunc(n)).padStart(8, '0');
    return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  }
  return str(doc.BIRTH_DATE)?.slice(0, 10);
}

export function matchMinerPatients(
  clinical: readonly MatchMinerDocument[],
  genomic: readonly MatchMinerDocument[],
  options: MatchMinerOptions = {},
): MatchMinerPatient[] {
  const since = options.structuredSvSince ?? '2018-12-01';
  const rowsByClinicalId = new Map<string, MatchMinerDocument[]>();
  for (const g of genomic) {
    const id = str(g.CLINICAL_ID);
    if (!id) continue;
    const list = rowsByClinicalId.get(id) ?? [];
    list.push(g);
    rowsByClinicalId.set(id, list);
  }
  return clinical.map((c) => {
    const clinicalId = String(c._id);
    const sampleId = str(c.SAMPLE_ID) ?? clinicalId;
    const reportDate = str(c.REPORT_DATE) ?? '';
    const provenance = (collection: string, id: string): Provenance => ({
      source: `matchminer:${collection}/${id}`,
      observedAt: reportDate,
      recordedAt: str(c._updated) ?? reportDate,
      recordedBy: 'import',
    });
    const cp = provenance('clinical', clinicalId);
    const fact = <T>(value: T, p: Provenance = cp): Fact<T> => ({ value, provenance: p, id: clinicalId });
    const facts: PatientFacts = { id: sampleId };
    const born = birthDate(c);
    if (born) facts.birthDate = fact(born);
    const gender = str(c.GENDER)?.toLowerCase();
    if (gender) facts.sex = fact(gender === 'male' || gender === 'female' ? gender : 'other');
    const vital = str(c.VITAL_STATUS)?.toLowerCase();
    if (vital) facts.vitalStatus = fact(vital === 'alive' || vital === 'deceased' ? vital : 'unknown');
    const dx = str(c.ONCOTREE_PRIMARY_DIAGNOSIS_NAME);
    facts.diagnoses = dx ? [fact({ oncotree: dx, kind: 'primary' as const })] : [];

    const svReporting = reportDate !== '' && reportDate.slice(0, 10) >= since ? 'structured' : 'text';
    const g: GenomicFacts = { alterations: [], tmb: [], mmr: [], signatures: [] };
    const tmb = num(c.TUMOR_MUTATIONAL_BURDEN_PER_MEGABASE);
    if (tmb !== undefined) g.tmb!.push(fact(tmb));
    for (const row of rowsByClinicalId.get(clinicalId) ?? []) {
      const id = String(row._id);
      const p = provenance('genomic', id);
      const a = alteration(row, svReporting);
      if (a) g.alterations.push({ value: a, provenance: p, id });
      const mmr = str(row.MMR_STATUS);
      if (mmr) g.mmr!.push({ value: mmrStatus(mmr), provenance: p, id });
      for (const [field, signature] of Object.entries(SIGNATURE_FIELDS)) {
        const v = str(row[field])?.toLowerCase();
        if (v === 'yes' || v === 'no') g.signatures!.push({ value: { signature, present: v === 'yes' }, provenance: p, id });
      }
    }
    facts.genomics = g;
    return { sampleId, clinicalId, svReporting, facts };
  });
}

function alteration(row: MatchMinerDocument, svReporting: 'structured' | 'text'): AlterationFact | undefined {
  const gene = str(row.HARMONIZED_HUGO_SYMBOL) ?? null;
  const exon = num(row.HARMONIZED_TRANSCRIPT_EXON) ?? null;
  const vaf = num(row.ALLELE_FRACTION);
  const common = { exon, ...(vaf !== undefined ? { vaf } : {}) };
  switch (str(row.VARIANT_CATEGORY)?.toUpperCase()) {
    case 'MUTATION':
      return {
        category: 'mutation',
        gene,
        proteinChange: str(row.HARMONIZED_PROTEIN_CHANGE) ?? null,
        variantClassification: str(row.HARMONIZED_VARIANT_CLASSIFICATION) ?? null,
        cnvCall: null,
        ...common,
      };
    case 'CNV':
      return {
        category: 'cnv',
        gene,
        cnvCall: CNV_CALLS[str(row.CNV_CALL)?.toLowerCase() ?? ''] ?? null,
        proteinChange: null,
        variantClassification: str(row.HARMONIZED_VARIANT_CLASSIFICATION) ?? null,
        ...common,
      };
    case 'SV': {
      const svType = str(row.STRUCTURAL_VARIANT_TYPE);
      const base = {
        category: 'structural_variant' as const,
        proteinChange: null,
        variantClassification: null,
        cnvCall: null,
        ...common,
        ...(svType ? { svType } : {}),
      };
      // Before structured SV reporting, the comment is all there is (and all MatchMiner reads).
      if (svReporting === 'text') return { ...base, text: str(row.STRUCTURAL_VARIANT_COMMENT) ?? '' };
      return { ...base, gene: str(row.HARMONIZED_LEFT_PARTNER_GENE) ?? null, partner: str(row.HARMONIZED_RIGHT_PARTNER_GENE) ?? null };
    }
    default:
      return undefined;
  }
}
