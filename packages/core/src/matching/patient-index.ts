/**
 * Patients indexed by what trials ask: primary diagnosis codes, alteration shapes (by gene),
 * MSI/MMR, TMB, tumour fraction, sex, drugs and classes received, and number of prior lines —
 * plus the columns the status-only evaluators read (patient-columns.ts).
 *
 * Every bucket also records who cannot be ruled out — no diagnosis, no molecular testing, an
 * assay that did not cover a gene, a gene or partner not reported, a drug without its class —
 * because those patients are `unknown`, never `not_met`, and a potential match must never be
 * dropped by the index. `guards.ts` turns these buckets into candidate sets.
 *
 * Built once per population, with no reference date: everything date-dependent is asked at
 * match time. A new or changed patient is re-matched with `matchOnePatient`, which needs no
 * patient index.
 */
import type { PatientFacts } from '../eligibility/facts';
import { bitset, setBit, type Bitset } from './bitset';
import { buildColumns, MMR_DEFICIENT, MMR_OTHER, MMR_PROFICIENT, Vocabulary, type PatientColumns } from './patient-columns';

export interface PatientIndex {
  size: number;
  patients: readonly PatientFacts[];
  columns: PatientColumns;
  vocabulary: Vocabulary;
  /** First ordinal of each patient id. */
  ordinalOf: Map<string, number>;
  /** Not deceased (matched by default). */
  alive: Bitset;

  /** No primary diagnosis on record: a diagnosis criterion is unknown for them. */
  noPrimary: Bitset;
  /** Primary diagnosis code → patients with it. */
  byPrimary: Map<string, Bitset>;

  /** No molecular testing on record: every genomic criterion is unknown for them. */
  noGenomics: Bitset;
  /** Patients whose assays list the genes they covered (a gene outside that list is unknown). */
  coverageListed: number[];
  /** Shape id → patients carrying it (ascending, once each). */
  shapePatients: number[][];
  /** Upper-case gene → shape ids naming it (either side of an SV). */
  shapesByGene: Map<string, number[]>;
  /** Shape ids a gene criterion cannot rule out whatever its gene. */
  wildShapes: number[];

  /** Could meet "MSI-H / MMR-deficient" (or "MSS / MMR-proficient"): not contradicted by a result. */
  mmrDeficientPossible: Bitset;
  mmrProficientPossible: Bitset;

  /** Sex not recorded or unknown; by recorded value. */
  sexUnknown: Bitset;
  bySex: Map<string, Bitset>;

  /** No treatment history recorded. */
  noLines: Bitset;
  /** Some drug on record has no class. */
  classless: Bitset;
  /** Lower-cased drug name / class → patients who received it. */
  byDrug: Map<string, Bitset>;
  byDrugClass: Map<string, Bitset>;
}

export function buildPatientIndex(patients: readonly PatientFacts[]): PatientIndex {
  const size = patients.length;
  const vocabulary = new Vocabulary();
  const columns = buildColumns(patients, vocabulary);
  const c = columns;
  const ordinalOf = new Map<string, number>();
  const alive = bitset(size);
  const noPrimary = bitset(size);
  const byCode: Bitset[] = [];
  const noGenomics = bitset(size);
  const coverageListed: number[] = [];
  const shapePatients: number[][] = vocabulary.shapes.shapes.map(() => []);
  const mmrDeficientPossible = bitset(size);
  const mmrProficientPossible = bitset(size);
  const sexUnknown = bitset(size);
  const bySex = new Map<string, Bitset>();
  const noLines = bitset(size);
  const classless = bitset(size);
  const byDrugId: Bitset[] = [];
  const byClassId: Bitset[] = [];
  const bucket = (list: Bitset[], id: number): Bitset => (list[id] ??= bitset(size));

  for (let i = 0; i < size; i++) {
    const p = patients[i]!;
    if (!ordinalOf.has(p.id)) ordinalOf.set(p.id, i);
    if (p.vitalStatus?.value !== 'deceased') setBit(alive, i);

    if (c.primaryStart[i] === c.primaryStart[i + 1]) setBit(noPrimary, i);
    for (let k = c.primaryStart[i]!; k < c.primaryStart[i + 1]!; k++) setBit(bucket(byCode, c.primaryCode[k]!), i);

    if (c.genomics[i] === 0) {
      setBit(noGenomics, i);
      setBit(mmrDeficientPossible, i);
      setBit(mmrProficientPossible, i);
    } else {
      if (c.coverage[i] === 1) coverageListed.push(i);
      for (let k = c.shapeStart[i]!; k < c.shapeStart[i + 1]!; k++) {
        const list = shapePatients[c.shapeIds[k]!]!;
        if (list[list.length - 1] !== i) list.push(i);
      }
      // The MMR rule: a result equal to the one asked meets it; another definite result fails it.
      const m = c.mmr[i]!;
      if (m & MMR_DEFICIENT || !(m & (MMR_PROFICIENT | MMR_OTHER))) setBit(mmrDeficientPossible, i);
      if (m & MMR_PROFICIENT || !(m & (MMR_DEFICIENT | MMR_OTHER))) setBit(mmrProficientPossible, i);
    }

    const sex = p.sex?.value;
    if (sex === undefined || sex === 'unknown') setBit(sexUnknown, i);
    else {
      let b = bySex.get(sex);
      if (!b) bySex.set(sex, (b = bitset(size)));
      setBit(b, i);
    }

    if (c.hasLines[i] === 0) setBit(noLines, i);
    if (c.classless[i] === 1) setBit(classless, i);
    for (let k = c.drugStart[i]!; k < c.drugStart[i + 1]!; k++) setBit(bucket(byDrugId, c.drugIds[k]!), i);
    for (let k = c.classStart[i]!; k < c.classStart[i + 1]!; k++) setBit(bucket(byClassId, c.classIds[k]!), i);
  }

  const shapesByGene = new Map<string, number[]>();
  const wildShapes: number[] = [];
  vocabulary.shapes.shapes.forEach((s, id) => {
    if (s.wild) wildShapes.push(id);
    for (const g of new Set(s.genes)) {
      const list = shapesByGene.get(g);
      if (list) list.push(id);
      else shapesByGene.set(g, [id]);
    }
  });
  const byName = (values: string[], sets: Bitset[]) => new Map(values.map((v, id) => [v, sets[id] ?? bitset(size)]));

  return {
    size,
    patients,
    columns,
    vocabulary,
    ordinalOf,
    alive,
    noPrimary,
    byPrimary: byName(vocabulary.codes.values, byCode),
    noGenomics,
    coverageListed,
    shapePatients,
    shapesByGene,
    wildShapes,
    mmrDeficientPossible,
    mmrProficientPossible,
    sexUnknown,
    bySex,
    noLines,
    classless,
    byDrug: byName(vocabulary.drugs.values, byDrugId),
    byDrugClass: byName(vocabulary.classes.values, byClassId),
  };
}
