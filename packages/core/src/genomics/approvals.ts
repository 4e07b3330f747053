/**
 * The curated table of biomarker-linked regulatory approvals (data/genomics/regulatory_approvals.tsv).
 *
 * The bundled CIViC dump stops in August 2021; this table carries the standards of care that
 * came after (KRAS G12C inhibitors, capivasertib, elacestrant...) and the design of the trial
 * behind each approval, which is what ESCAT tiers are defined by.
 */
import { GenomicsParseError } from './errors';
import { TsvTable } from './text';

export type TrialDesign = 'randomised' | 'single_arm' | 'basket';

export interface RegulatoryApproval {
  agency: 'FDA' | 'EMA';
  /** ISO date (FDA action date) or year-month (EMA Commission decision). */
  date: string;
  therapies: string[];
  gene: string;
  /** Variant-spec text ("G12C", "EXON 19 DELETION", "FUSION", "MSI-H"). */
  alteration: string;
  /** OncoTree code; TISSUE for tumour-agnostic approvals. */
  oncotree: string;
  indication: string;
  approvalType: string;
  basisTrial: string;
  basisDesign: TrialDesign;
  /** A randomised trial that showed a survival end-point benefit (PFS/OS) for this match, if any. */
  randomisedTrial?: string;
  pmids: string[];
  source: string;
  line: number;
}

const DESIGNS: readonly TrialDesign[] = ['randomised', 'single_arm', 'basket'];

export function parseRegulatoryApprovals(text: string, file: string): RegulatoryApproval[] {
  const table = new TsvTable(file, text);
  table.requireColumns(['agency', 'date', 'therapies', 'gene', 'alteration', 'oncotree', 'basis_design', 'source']);
  return table.rows.map((row) => {
    const at = (field: string) => ({ file, line: row.line, field });
    const req = (name: string) => {
      const v = table.get(row, name);
      if (v === undefined) throw new GenomicsParseError(at(name), 'required');
      return v;
    };
    const agency = req('agency');
    if (agency !== 'FDA' && agency !== 'EMA') throw new GenomicsParseError(at('agency'), `expected FDA or EMA, found "${agency}"`);
    const date = req('date');
    if (!/^\d{4}-\d{2}(-\d{2})?$/.test(date)) throw new GenomicsParseError(at('date'), `expected YYYY-MM-DD or YYYY-MM, found "${date}"`);
    const design = req('basis_design') as TrialDesign;
    if (!DESIGNS.includes(design)) throw new GenomicsParseError(at('basis_design'), `expected ${DESIGNS.join(', ')}, found "${design}"`);
    const pmids = (table.get(row, 'pmids') ?? '')
      .split(/[;,]/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    for (const p of pmids) if (!/^\d+$/.test(p)) throw new GenomicsParseError(at('pmids'), `"${p}" is not a PubMed id`);
    const randomisedTrial = table.get(row, 'randomised_trial');
    return {
      agency,
      date,
      therapies: req('therapies')
        .split('+')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
      gene: req('gene'),
      alteration: req('alteration'),
      oncotree: req('oncotree'),
      indication: table.get(row, 'indication') ?? '',
      approvalType: table.get(row, 'approval_type') ?? '',
      basisTrial: table.get(row, 'basis_trial') ?? '',
      basisDesign: design,
      ...(randomisedTrial ? { randomisedTrial } : {}),
      pmids,
      source: req('source'),
      line: row.line,
    };
  });
}
