import {
  patientTheranosticEligibility,
  type EligibilityRecord,
  type PetLesionRegion,
  type PetRead,
  type Provenance,
} from '@continuum/core';
import type { Queryable } from '../db/driver';

/** A stored PET read: core's read plus its row's provenance and version. */
export interface StoredPetRead extends PetRead {
  id: string;
  patientId: string;
  conclusion: string | null;
  provenance: Provenance;
  version: number;
  lesions: StoredPetLesion[];
}

export interface StoredPetLesion {
  id: string;
  site: string;
  region: PetLesionRegion;
  suvMax: number;
  shortAxisMm: number | null;
  ctMeasurable: boolean | null;
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const iso = (v: unknown): string => (v == null ? '' : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const num = (v: unknown): number | null => (v == null ? null : Number(v));

/** The PET reads of these patients, oldest scan first, each with its lesions in the order written. */
export async function loadPetReads(db: Queryable, patientIds: readonly string[]): Promise<Map<string, StoredPetRead[]>> {
  const out = new Map<string, StoredPetRead[]>();
  if (patientIds.length === 0) return out;
  const reads = await db.query<Row>(
    `select id, patient_id, tracer, scanned_at, reference_uptake, conclusion, source, observed_at, recorded_at, recorded_by, version
       from pet_read where patient_id = any($1::uuid[]) order by patient_id, scanned_at, recorded_at, id`,
    [patientIds],
  );
  if (reads.rows.length === 0) return out;
  const lesions = await db.query<Row>(
    `select l.id, l.pet_read_id, l.site, l.region, l.suv_max, l.short_axis_mm, l.ct_measurable
       from pet_lesion l join pet_read r on r.id = l.pet_read_id
      where r.patient_id = any($1::uuid[]) order by l.pet_read_id, l.ordinal, l.id`,
    [patientIds],
  );
  const byRead = new Map<string, StoredPetLesion[]>();
  for (const l of lesions.rows) {
    const list = byRead.get(l.pet_read_id) ?? [];
    list.push({
      id: l.id,
      site: l.site,
      region: l.region,
      suvMax: Number(l.suv_max),
      shortAxisMm: num(l.short_axis_mm),
      ctMeasurable: l.ct_measurable ?? null,
    });
    byRead.set(l.pet_read_id, list);
  }
  for (const r of reads.rows) {
    const ref = (typeof r.reference_uptake === 'string' ? JSON.parse(r.reference_uptake) : r.reference_uptake) ?? {};
    const read: StoredPetRead = {
      id: r.id,
      patientId: r.patient_id,
      tracer: r.tracer,
      scannedAt: iso(r.scanned_at),
      reference: {
        liverSuvMean: num(ref.liverSuvMean),
        parotidSuvMean: num(ref.parotidSuvMean),
        spleenSuvMean: num(ref.spleenSuvMean),
      },
      lesions: byRead.get(r.id) ?? [],
      conclusion: r.conclusion ?? null,
      provenance: { source: r.source, observedAt: iso(r.observed_at), recordedAt: iso(r.recorded_at), recordedBy: r.recorded_by },
      version: r.version,
    };
    const list = out.get(r.patient_id) ?? [];
    list.push(read);
    out.set(r.patient_id, list);
  }
  return out;
}

/**
 * The eligibility facts matching reads: each rule's verdict on the patient's latest read of the
 * rule's tracer, with that read's provenance. Rules with no such read get no fact (their
 * criteria are unknown: "no PET read evaluated").
 */
export function theranosticEligibilityFacts(reads: readonly StoredPetRead[]): NonNullable<EligibilityRecord['theranosticEligibility']> {
  const byId = new Map(reads.map((r) => [r.id, r]));
  return patientTheranosticEligibility(reads).flatMap((e) => {
    const read = e.petRead?.id ? byId.get(e.petRead.id) : undefined;
    if (!read) return [];
    return [{ rule: e.rule, verdict: e.verdict, reasons: e.reasons, tracer: read.tracer, petReadId: read.id, provenance: read.provenance }];
  });
}
