import {
  krenningGrade,
  measured,
  patientTheranosticEligibility,
  tracerTarget,
  type KrenningGrade,
  type PetLesion,
  type ReferenceUptake,
  type RuleEvaluation,
  type TracerTarget,
} from '@continuum/core';
import type { Actor } from '../audit/record';
import type { Queryable } from '../db/driver';
import type { Audit } from '../http/common/audited';
import { badRequest } from '../http/common/problem';
import { loadPetReads, type StoredPetRead } from './pet-reads';

export interface PetReadInput {
  tracer: string;
  scannedAt: string;
  reference: ReferenceUptake;
  lesions: PetLesion[];
  conclusion?: string | null;
  reason: string;
}

export interface PetLesionView {
  id: string;
  site: string;
  region: string;
  suvMax: number;
  shortAxisMm: number | null;
  ctMeasurable: boolean | null;
  /** SUVmax against the liver's SUVmean: true above, false at or below, null when the liver was not measured. */
  aboveLiver: boolean | null;
  /** Somatostatin-receptor reads only. */
  krenning: KrenningGrade | null;
}

export interface PetReadView {
  id: string;
  tracer: string;
  target: TracerTarget | null;
  scannedAt: string;
  reference: { liverSuvMean: number | null; parotidSuvMean: number | null; spleenSuvMean: number | null };
  conclusion: string | null;
  lesions: PetLesionView[];
  provenance: StoredPetRead['provenance'];
  version: number;
}

export function petReadView(r: StoredPetRead): PetReadView {
  const target = tracerTarget(r.tracer) ?? null;
  const liver = measured(r.reference.liverSuvMean);
  return {
    id: r.id,
    tracer: r.tracer,
    target,
    scannedAt: r.scannedAt,
    reference: {
      liverSuvMean: measured(r.reference.liverSuvMean) ?? null,
      parotidSuvMean: measured(r.reference.parotidSuvMean) ?? null,
      spleenSuvMean: measured(r.reference.spleenSuvMean) ?? null,
    },
    conclusion: r.conclusion,
    lesions: r.lesions.map((l) => ({
      ...l,
      aboveLiver: liver === undefined ? null : l.suvMax > liver,
      krenning: target === 'sstr' ? krenningGrade(l, r.reference) : null,
    })),
    provenance: r.provenance,
    version: r.version,
  };
}

/** Checks what the schema cannot: a known tracer, a scan that already happened. */
function check(input: PetReadInput, now: Date): void {
  if (tracerTarget(input.tracer) === undefined) {
    throw badRequest(`Unknown tracer "${input.tracer}".`, [
      {
        path: 'body.tracer',
        message:
          'a tracer whose target is known: PSMA (e.g. [68Ga]Ga-PSMA-11, [18F]PSMA-1007), somatostatin receptor ([68Ga]Ga-DOTATATE, -DOTATOC), GRPR (NeoB), FAP (FAPI-46) or FDG',
      },
    ]);
  }
  if (Date.parse(input.scannedAt) > now.getTime()) {
    throw badRequest('The scan is dated in the future.', [
      { path: 'body.scannedAt', message: `must not be after now (${now.toISOString()})` },
    ]);
  }
}

/**
 * Records a PET read with its lesions, audited, then re-matches the patient in the same
 * transaction (a read changes the theranostic eligibility facts). The caller bumps the patient's
 * facts version first, when it holds the transaction.
 */
export async function recordPetRead(
  tx: Queryable,
  audit: Audit,
  o: { patientId: string; input: PetReadInput; actor: Actor; now: Date; rematch: (tx: Queryable, patientId: string) => Promise<unknown> },
): Promise<{ read: PetReadView; eligibility: RuleEvaluation[] }> {
  const { patientId, input, actor } = o;
  check(input, o.now);
  await tx.query('update patient set facts_version = facts_version + 1 where id = $1', [patientId]);
  const reference = Object.fromEntries(
    (['liverSuvMean', 'parotidSuvMean', 'spleenSuvMean'] as const).flatMap((k) =>
      measured(input.reference[k]) === undefined ? [] : [[k, input.reference[k]]],
    ),
  );
  const row = (
    await tx.query<{ id: string }>(
      `insert into pet_read (patient_id, tracer, scanned_at, reference_uptake, conclusion, source, observed_at, recorded_at, recorded_by)
       values ($1, $2, $3, $4::jsonb, $5, $6, $3, $7, $8) returning id`,
      [
        patientId,
        input.tracer,
        input.scannedAt,
        JSON.stringify(reference),
        input.conclusion ?? null,
        `user:${actor.username}`,
        o.now.toISOString(),
        actor.username,
      ],
    )
  ).rows[0]!;
  for (const [i, l] of input.lesions.entries()) {
    await tx.query(
      `insert into pet_lesion (pet_read_id, site, region, suv_max, short_axis_mm, ct_measurable, ordinal) values ($1, $2, $3, $4, $5, $6, $7)`,
      [row.id, l.site, l.region, l.suvMax, l.shortAxisMm ?? null, l.ctMeasurable ?? null, i],
    );
  }
  const reads = (await loadPetReads(tx, [patientId])).get(patientId) ?? [];
  const stored = reads.find((r) => r.id === row.id)!;
  const eligibility = patientTheranosticEligibility(reads);
  await audit({
    action: 'create',
    entityType: 'pet_read',
    entityId: row.id,
    patientId,
    after: { ...petReadView(stored), eligibility: eligibility.map((e) => ({ rule: e.rule, verdict: e.verdict, reasons: e.reasons })) },
    reason: input.reason,
  });
  await o.rematch(tx, patientId);
  return { read: petReadView(stored), eligibility };
}
