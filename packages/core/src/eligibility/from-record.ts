/** PatientRecord (the platform's model) → PatientFacts (what the evaluator reads). */
import type { Alteration, PatientRecord } from '../model/patient';
import type { Provenance } from '../model/provenance';
import type { AlterationFact, Fact, GenomicFacts, MmrStatus, PatientFacts } from './facts';
import type { EligibilityAlteration, EligibilityRecord } from './record-extensions';

export interface FromRecordOptions {
  /**
   * Use the identity's exact birth date for ages. Off by default: eligibility works on
   * pseudonymised data, where the birth year makes ages near a threshold `unknown`.
   */
  exactBirthDate?: boolean;
}

export function fromPatientRecord(record: PatientRecord | EligibilityRecord, options: FromRecordOptions = {}): PatientFacts {
  const r = record as EligibilityRecord;
  // Demographics carry no provenance in the record: attribute them to the record itself.
  const base: Provenance = { source: `record:${r.pseudonym}`, observedAt: '', recordedAt: '', recordedBy: 'system' };
  const fact = <T>(value: T, provenance: Provenance = base, id?: string): Fact<T> =>
    id ? { value, provenance, id } : { value, provenance };
  const facts: PatientFacts = {
    id: r.pseudonym,
    sex: fact(r.sex),
    vitalStatus: fact(r.vitalStatus),
    ...(r.birthYear !== null ? { birthYear: fact(r.birthYear) } : {}),
    diagnoses: r.conditions.map((c) =>
      fact(
        { oncotree: c.oncotreeCode, kind: c.kind, ...(c.stage ? { stage: c.stage } : {}), ...(c.bodySite ? { bodySite: c.bodySite } : {}) },
        c.provenance,
      ),
    ),
    ecog: r.performance.map((p) => fact<number>(p.ecog, p.provenance)),
    labs: r.labs.map(({ provenance, ...lab }) => fact(lab, provenance)),
    therapyLines: r.therapyLines.map((t) =>
      fact(
        {
          lineNumber: t.lineNumber,
          setting: t.setting,
          drugs: t.drugs.map((d) => ({ name: d.name, drugClass: d.drugClass })),
          startedAt: t.startedAt,
          ...(t.endedAt ? { endedAt: t.endedAt } : {}),
        },
        t.provenance,
      ),
    ),
  };
  if (options.exactBirthDate && r.identity?.birthDate) facts.birthDate = fact(r.identity.birthDate);
  if (r.brainMetastases)
    facts.brainMetastases = fact({ present: r.brainMetastases.present, active: r.brainMetastases.active }, r.brainMetastases.provenance);
  if (r.measurableDisease) facts.measurableDisease = fact(r.measurableDisease.present, r.measurableDisease.provenance);
  if (r.receptors) facts.receptors = r.receptors.map((x) => fact({ receptor: x.receptor, positive: x.positive }, x.provenance));
  if (r.theranosticEligibility) {
    facts.theranosticEligibility = r.theranosticEligibility.map((t) =>
      fact(
        { rule: t.rule, verdict: t.verdict, reasons: [...t.reasons], ...(t.tracer ? { tracer: t.tracer } : {}) },
        t.provenance,
        t.petReadId,
      ),
    );
  }
  if (r.molecularReports.length > 0) facts.genomics = genomics(r);
  return facts;
}

function genomics(r: EligibilityRecord): GenomicFacts {
  const g: GenomicFacts = { alterations: [], tmb: [], mmr: [], signatures: [], tumourFraction: [] };
  const tested = new Set<string>();
  let everyPanelListsGenes = true;
  r.molecularReports.forEach((m, ri) => {
    const p = m.provenance;
    m.alterations.forEach((a, ai) => g.alterations.push({ value: alteration(a), provenance: p, id: `report${ri}/alteration${ai}` }));
    if (m.tmb !== undefined) g.tmb!.push({ value: m.tmb, provenance: p });
    if (m.msi)
      g.mmr!.push({
        value: ({ 'MSI-H': 'deficient', MSS: 'proficient', indeterminate: 'indeterminate' } as const)[m.msi] as MmrStatus,
        provenance: p,
      });
    if (m.tumourFraction !== undefined) g.tumourFraction!.push({ value: m.tumourFraction, provenance: p });
    for (const s of m.signatures ?? []) g.signatures!.push({ value: s, provenance: p });
    if (m.genesTested) m.genesTested.forEach((x) => tested.add(x));
    else everyPanelListsGenes = false;
  });
  // Coverage is only known when every report says what it covered.
  if (everyPanelListsGenes) g.genesTested = [...tested];
  return g;
}

function alteration(a: Alteration | EligibilityAlteration): AlterationFact {
  const x = a as EligibilityAlteration;
  const extra = {
    ...(x.vaf !== undefined ? { vaf: x.vaf } : {}),
    ...(x.exon !== undefined ? { exon: x.exon } : {}),
    ...(x.variantClassification ? { variantClassification: x.variantClassification } : {}),
  };
  switch (a.alterationClass) {
    case 'mutation':
      return { category: 'mutation', gene: a.gene, ...(a.hgvsProtein ? { proteinChange: a.hgvsProtein } : {}), ...extra };
    case 'amplification':
      return { category: 'cnv', gene: a.gene, cnvCall: x.cnvCall ?? 'amplification', ...extra };
    case 'deletion':
      return { category: 'cnv', gene: a.gene, cnvCall: x.cnvCall ?? 'homozygous_deletion', ...extra };
    case 'fusion':
    case 'structural_variant':
      // A fusion with no partner on record: the partner is not reported (unknown), not intergenic.
      return {
        category: 'structural_variant',
        gene: a.gene,
        ...(a.fusionPartner ? { partner: a.fusionPartner } : {}),
        svType: a.alterationClass === 'fusion' ? 'Fusion' : 'Structural Variant',
        ...extra,
      };
  }
}
