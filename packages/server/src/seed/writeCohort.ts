import { randomUUID } from 'node:crypto';
import type { EligibilityTrial, PatientRecord, Provenance, Trial } from '@continuum/core';
import { appendAudit, type Actor } from '../audit/record';
import type { Db, Queryable } from '../db/driver';
import type { Matcher } from '../matching/matcher';
import { BulkWriter } from './bulk';
import { COHORT_TABLES } from './tables';

export interface RowSink {
  add(table: string, row: Record<string, unknown>): Promise<void>;
}

const prov = (p: Provenance) => ({ source: p.source, observed_at: p.observedAt, recorded_at: p.recordedAt, recorded_by: p.recordedBy });

/** Inserts trials that are not there yet (by protocol number); returns protocol number → id. */
export async function upsertTrials(tx: Queryable, trials: Trial[]): Promise<Map<string, string>> {
  for (const t of trials) {
    const inserted = (await tx.query<{ id: string }>(
      `insert into trial (protocol_number, nct_id, title, acronym, phase, status, sponsor, committee, oncotree_codes, biomarkers)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) on conflict (protocol_number) do nothing returning id`,
      [t.protocolNumber, t.nctId ?? null, t.title, t.acronym ?? null, t.phase, t.status, t.sponsor, t.committee, t.oncotreeCodes, t.biomarkers],
    )).rows[0];
    if (!inserted) continue;
    for (const a of t.arms) {
      await tx.query(
        `insert into trial_arm (trial_id, code, name, kind, status, slots_total, slots_used, summary) values ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [inserted.id, a.code, a.name, a.kind, a.status, a.slotsTotal, a.slotsUsed, a.summary ?? null],
      );
    }
  }
  const rows = (await tx.query<{ id: string; protocol_number: string }>('select id, protocol_number from trial')).rows;
  return new Map(rows.map((r) => [r.protocol_number, r.id]));
}

/** Maps one patient record to its rows, handed to a row sink (the bulk writer, or a benchmark's baseline). */
export async function addPatientRows(w: RowSink, p: PatientRecord, trialIds: Map<string, string>): Promise<void> {
  const id = randomUUID();
  await w.add('patient', { id, pseudonym: p.pseudonym, sex: p.sex, birth_year: p.birthYear, vital_status: p.vitalStatus });
  const i = p.identity;
  await w.add('patient_identity', { patient_id: id, family_name: i.familyName, given_name: i.givenName, birth_date: i.birthDate, hospital_number: i.hospitalNumber });
  for (const c of p.conditions) {
    await w.add('condition', {
      patient_id: id, kind: c.kind, oncotree_code: c.oncotreeCode, body_site: c.bodySite ?? null, diagnosed_at: c.diagnosedAt,
      tnm_t: c.tnm?.t ?? null, tnm_n: c.tnm?.n ?? null, tnm_m: c.tnm?.m ?? null, stage: c.stage ?? null, ...prov(c.provenance),
    });
  }
  for (const s of p.performance) await w.add('performance_status', { patient_id: id, ecog: s.ecog, ...prov(s.provenance) });
  for (const l of p.labs) {
    await w.add('lab_result', {
      patient_id: id, loinc: l.loinc, display: l.display, value: l.value, unit: l.unit,
      upper_limit_of_normal: l.upperLimitOfNormal ?? null, lower_limit_of_normal: l.lowerLimitOfNormal ?? null, ...prov(l.provenance),
    });
  }
  for (const t of p.therapyLines) {
    await w.add('therapy_line', {
      patient_id: id, line_number: t.lineNumber, setting: t.setting, drugs: t.drugs, started_at: t.startedAt, ended_at: t.endedAt ?? null,
      best_response: t.bestResponse ?? null, stop_reason: t.stopReason ?? null, ...prov(t.provenance),
    });
  }
  for (const m of p.molecularReports) {
    const reportId = randomUUID();
    await w.add('molecular_report', {
      id: reportId, patient_id: id, specimen: m.specimen, panel: m.panel, reported_at: m.reportedAt, tmb: m.tmb ?? null, msi: m.msi ?? null,
      tumour_fraction: m.tumourFraction ?? null, ...prov(m.provenance),
    });
    for (const a of m.alterations) {
      await w.add('alteration', {
        report_id: reportId, patient_id: id, gene: a.gene, alteration_class: a.alterationClass, hgvs_protein: a.hgvsProtein ?? null,
        hgvs_cdna: a.hgvsCdna ?? null, vaf: a.vaf ?? null, copy_number: a.copyNumber ?? null, fusion_partner: a.fusionPartner ?? null,
      });
    }
  }
  for (const d of p.documents) {
    await w.add('clinical_document', { patient_id: id, kind: d.kind, title: d.title, authored_at: d.authoredAt, body: d.text, ...prov(d.provenance) });
  }
  for (const t of p.participations) {
    const trialId = trialIds.get(t.protocolNumber);
    if (!trialId) throw new Error(`patient ${p.pseudonym}: participation in unknown trial ${t.protocolNumber}`);
    await w.add('trial_participation', { patient_id: id, trial_id: trialId, status: t.status, since: t.since, ...prov(t.provenance) });
  }
}

export interface CohortWriteOptions {
  trials: Trial[];
  patients: Iterable<PatientRecord>;
  /** What the audit entry says this import was, e.g. { seed: 42, patients: 2000 }. */
  description: Record<string, unknown>;
  actor: Actor;
  onProgress?: (written: number) => void;
  /**
   * Criteria for the trials (by protocol number), stored for trials that have none yet, and
   * the matcher that then matches every patient against every trial in the same transaction.
   */
  matching?: { criteria: ReadonlyMap<string, EligibilityTrial>; matcher: Matcher; onProgress?: (matched: number) => void };
}

/** Stores criteria for the trials that have none; returns how many were stored. */
async function storeCriteria(tx: Queryable, criteria: ReadonlyMap<string, EligibilityTrial>, trialIds: Map<string, string>): Promise<number> {
  const rows = [...criteria]
    .filter(([protocol]) => trialIds.has(protocol))
    .map(([protocol, eligibility]) => ({ trial_id: trialIds.get(protocol)!, eligibility }));
  const { rows: written } = await tx.query<{ n: number }>(
    `with stored as (
       insert into trial_criteria (trial_id, version, source_format, eligibility, updated_by)
       select trial_id, 1, 'catalogue', eligibility, 'system' from json_to_recordset($1::json) as x(trial_id uuid, eligibility jsonb)
       on conflict (trial_id) do nothing returning 1)
     select count(*)::int n from stored`,
    [JSON.stringify(rows)],
  );
  return written[0]!.n;
}

/**
 * Writes a cohort in one transaction: it lands whole or not at all (a duplicate pseudonym
 * rolls everything back). One audit entry records the import as a whole, with its counts;
 * per-row entries for a synthetic cohort of 52,000 patients would bury the trail.
 */
export async function writeCohort(db: Db, opts: CohortWriteOptions): Promise<{ patients: number; trials: number; criteria: number; matches: number }> {
  return db.transaction(async (tx) => {
    const trialIds = await upsertTrials(tx, opts.trials);
    const criteria = opts.matching ? await storeCriteria(tx, opts.matching.criteria, trialIds) : 0;
    const writer = new BulkWriter(tx, COHORT_TABLES);
    let n = 0;
    for (const p of opts.patients) {
      await addPatientRows(writer, p, trialIds);
      n += 1;
      if (n % 500 === 0) opts.onProgress?.(n);
    }
    await writer.flush();
    opts.onProgress?.(n);
    await appendAudit(tx, opts.actor, {
      action: 'import', entityType: 'cohort', after: { ...opts.description, patientsWritten: n, trials: opts.trials.length, criteriaStored: criteria },
    });
    // Initial matches, after the audit entry (re-matches always take their lock after the audit's).
    const matched = opts.matching ? await opts.matching.matcher.rematch(tx, {}, opts.matching.onProgress) : undefined;
    return { patients: n, trials: opts.trials.length, criteria, matches: matched?.matches ?? 0 };
  });
}
