import { patientTheranosticEligibility, THERANOSTIC_RULES, type RuleEvaluation } from '@continuum/core';
import type { Queryable } from '../db/driver';
import { cumulativeFor, type CumulativeView } from './cumulative';
import { loadAdministrations, loadStudies, studyView, type StudyView } from './dosimetry-service';
import { petReadView, type PetReadView } from './pet-read-service';
import { loadPetReads } from './pet-reads';

export interface AdministrationView {
  id: string;
  administeredAt: string;
  activityMBq: number;
  productId: string;
  productName: string;
  nuclide: string;
  batchNumber: string;
  cycleNumber: number | null;
  studyId: string | null;
}

export interface PatientTheranostics {
  patient: { id: string; pseudonym: string; sex: string };
  petReads: PetReadView[];
  eligibility: RuleEvaluation[];
  rules: Array<{
    id: string;
    title: string;
    treatment: string;
    target: string;
    reference: string;
    conditions: Array<{ id: string; text: string }>;
  }>;
  administrations: AdministrationView[];
  dosimetry: StudyView[];
  cumulative: CumulativeView;
}

/** Everything the patient's theranostic page shows, or undefined for an unknown patient. */
export async function patientTheranostics(q: Queryable, patientId: string): Promise<PatientTheranostics | undefined> {
  const patient = (
    await q.query<{ id: string; pseudonym: string; sex: string }>('select id, pseudonym, sex from patient where id = $1', [patientId])
  ).rows[0];
  if (!patient) return undefined;
  const reads = (await loadPetReads(q, [patientId])).get(patientId) ?? [];
  const studies = await loadStudies(q, patientId);
  const studyByAdministration = new Map(studies.filter((s) => s.administrationId).map((s) => [s.administrationId!, s]));
  const administrations = (await loadAdministrations(q, patientId))
    .filter((a) => a.purpose === 'therapeutic')
    .map(
      (a): AdministrationView => ({
        id: a.id,
        administeredAt: a.administeredAt,
        activityMBq: a.activityMBq,
        productId: a.productId,
        productName: a.productName,
        nuclide: a.nuclide,
        batchNumber: a.batchNumber,
        cycleNumber: studyByAdministration.get(a.id)?.cycleNumber ?? a.cycleNumber,
        studyId: studyByAdministration.get(a.id)?.id ?? null,
      }),
    );
  return {
    patient,
    petReads: reads.map(petReadView).reverse(),
    eligibility: patientTheranosticEligibility(reads),
    rules: THERANOSTIC_RULES.map((r) => ({
      id: r.id,
      title: r.title,
      treatment: r.treatment,
      target: r.target,
      reference: r.reference,
      conditions: r.conditions.map((c) => ({ id: c.id, text: c.text })),
    })),
    administrations,
    dosimetry: studies.map(studyView),
    cumulative: await cumulativeFor(q, patientId, studies),
  };
}
