/** Reads the radiopharmacy needs inside a write: each refusal names the request field it came from. */
import type { Queryable } from '../db/driver';
import { notFound } from '../http/common/problem';
import { issuesProblem } from './problems';
import { hotCellOf, productOf, type Row } from './rows';

export async function loadProduct(tx: Queryable, id: string, field = 'productId') {
  const row = (await tx.query<Row>('select * from radiopharm_product where id = $1', [id])).rows[0];
  if (!row) {
    const known = (await tx.query<{ id: string }>('select id from radiopharm_product where active order by id')).rows.map((r) => r.id);
    throw issuesProblem([{ field, code: 'invalid', message: `no product "${id}"`, limit: `one of ${known.join(', ')}` }]);
  }
  return productOf(row);
}

export async function loadHotCell(tx: Queryable, id: string, field = 'hotCellId') {
  const row = (await tx.query<Row>('select * from hot_cell where id = $1', [id])).rows[0];
  if (!row) {
    const known = (await tx.query<{ id: string }>('select id from hot_cell order by id')).rows.map((r) => r.id);
    throw issuesProblem([{ field, code: 'invalid', message: `no hot cell "${id}"`, limit: `one of ${known.join(', ')}` }]);
  }
  return hotCellOf(row);
}

/** The batch row, locked for the rest of the transaction (two draws from one vial must not both see its old content). */
export async function lockBatch(tx: Queryable, id: string): Promise<Row> {
  const row = (await tx.query<Row>('select * from radiopharm_batch where id = $1 for update', [id])).rows[0];
  if (!row) throw notFound(`Batch ${id}`);
  return row;
}

export async function qcRowsOf(tx: Queryable, batchId: string): Promise<Row[]> {
  return (await tx.query<Row>('select * from qc_result where batch_id = $1 order by recorded_at, id', [batchId])).rows;
}

export async function doseRowsOfBatch(tx: Queryable, batchId: string): Promise<Row[]> {
  return (await tx.query<Row>('select * from patient_dose where batch_id = $1 order by drawn_at, id', [batchId])).rows;
}
