/** Decay-in-storage containers: recorded with their computed release date, released only once it has passed. */
import { wasteRelease } from '@continuum/core';
import type { Actor } from '../audit/record';
import type { Queryable } from '../db/driver';
import type { Audit } from '../http/common/audited';
import { conflict, notFound } from '../http/common/problem';
import { issuesProblem } from './problems';
import { isoOf, wasteRecord, type Row } from './rows';
import { loadProduct } from './store';

export interface WasteInput {
  batchId?: string | null;
  container: string;
  nuclide?: string;
  activityMBq: number;
  measuredAt: string;
  /** Carrier-added Lu-177 (Lu-177m inside); taken from the batch when one is named. */
  carrierAdded?: boolean;
  halfLives?: number;
  note?: string | null;
}

export async function recordWaste(tx: Queryable, audit: Audit, actor: Actor, input: WasteInput) {
  let nuclide = input.nuclide;
  let carrierAdded = input.carrierAdded ?? false;
  if (input.batchId) {
    const batch = (await tx.query<Row>('select * from radiopharm_batch where id = $1', [input.batchId])).rows[0];
    if (!batch) throw issuesProblem([{ field: 'batchId', code: 'invalid', message: `no batch ${input.batchId}` }]);
    const product = await loadProduct(tx, batch.product_id, 'batchId');
    if (nuclide && nuclide !== product.nuclide) {
      throw issuesProblem([
        {
          field: 'nuclide',
          code: 'invalid',
          message: `batch ${batch.batch_number} is ${product.nuclide}, not ${nuclide}`,
          limit: product.nuclide,
        },
      ]);
    }
    nuclide = product.nuclide;
    carrierAdded = carrierAdded || batch.carrier_added;
  }
  if (!nuclide)
    throw issuesProblem([
      { field: 'nuclide', code: 'invalid', message: 'the nuclide is missing (or name the batch)', limit: 'a nuclide, e.g. Lu-177' },
    ]);
  const release = wasteRelease({
    nuclide,
    activityMBq: input.activityMBq,
    measuredAt: input.measuredAt,
    carrierAdded,
    halfLives: input.halfLives,
  });
  const note = [input.note, release.note].filter(Boolean).join(' — ') || null;
  const row = (
    await tx.query<Row>(
      `insert into radioactive_waste (batch_id, container, nuclide, activity_mbq, measured_at, release_at, note, recorded_by, governing_nuclide, half_lives)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) returning *`,
      [
        input.batchId ?? null,
        input.container,
        release.nuclide,
        input.activityMBq,
        input.measuredAt,
        release.releaseAt,
        note,
        actor.username,
        release.governingNuclide,
        release.halfLives,
      ],
    )
  ).rows[0]!;
  await audit({
    action: 'create',
    entityType: 'radioactive_waste',
    entityId: row.id,
    after: { ...wasteRecord(row), method: release.method },
  });
  return { row, release };
}

export async function releaseWaste(
  tx: Queryable,
  audit: Audit,
  actor: Actor,
  id: string,
  input: { version: number; reason?: string },
  now: Date,
) {
  const row = (await tx.query<Row>('select * from radioactive_waste where id = $1 for update', [id])).rows[0];
  if (!row) throw notFound(`Waste container ${id}`);
  if (row.version !== input.version)
    throw conflict(`Waste container ${row.container} is at version ${row.version}, not ${input.version}. Reload and retry.`);
  if (row.released_at) throw conflict(`Waste container ${row.container} was already released at ${isoOf(row.released_at)}.`);
  if (now.getTime() < new Date(row.release_at).getTime()) {
    throw issuesProblem([
      {
        field: 'waste.releaseAt',
        code: 'invalid',
        message: `container ${row.container} (${row.governing_nuclide ?? row.nuclide}) may not leave decay-in-storage before ${isoOf(row.release_at)}`,
        limit: `≥ ${isoOf(row.release_at)}`,
      },
    ]);
  }
  const after = (
    await tx.query<Row>(
      'update radioactive_waste set released_at = $2, released_by = $3, version = version + 1 where id = $1 returning *',
      [id, now.toISOString(), actor.username],
    )
  ).rows[0]!;
  await audit({
    action: 'release-waste',
    entityType: 'radioactive_waste',
    entityId: id,
    before: wasteRecord(row),
    after: wasteRecord(after),
    reason: input.reason ?? null,
  });
  return after;
}
