import type { Queryable } from '../db/driver';

/** A column and its PostgreSQL type, for json_to_recordset. */
export type Column = readonly [name: string, type: string];

/**
 * Inserts many rows in one statement: the rows travel as one JSON parameter and PostgreSQL
 * unpacks them with json_to_recordset. One round trip per batch instead of one per row.
 */
export async function bulkInsert(tx: Queryable, table: string, columns: readonly Column[], rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([n]) => n).join(', ');
  const types = columns.map(([n, t]) => `${n} ${t}`).join(', ');
  await tx.query(`insert into ${table} (${names}) select ${names} from json_to_recordset($1::json) as x(${types})`, [JSON.stringify(rows)]);
}

/** Buffers rows per table and flushes a table when its buffer is full. */
export class BulkWriter {
  private readonly buffers = new Map<string, Record<string, unknown>[]>();

  constructor(
    private readonly tx: Queryable,
    private readonly tables: Record<string, readonly Column[]>,
    private readonly batchSize = 5000,
  ) {}

  async add(table: string, row: Record<string, unknown>): Promise<void> {
    const buffer = this.buffers.get(table) ?? [];
    buffer.push(row);
    this.buffers.set(table, buffer);
    if (buffer.length >= this.batchSize) await this.flushTable(table);
  }

  /** Flushes in the order the tables were declared, so foreign keys are satisfied. */
  async flush(): Promise<void> {
    for (const table of Object.keys(this.tables)) await this.flushTable(table);
  }

  private async flushTable(table: string): Promise<void> {
    const columns = this.tables[table];
    if (!columns) throw new Error(`BulkWriter: unknown table ${table}`);
    // Parents first: a child batch may reference rows still buffered in a parent table.
    for (const parent of Object.keys(this.tables)) {
      if (parent === table) break;
      await this.flushOne(parent);
    }
    await this.flushOne(table);
  }

  private async flushOne(table: string): Promise<void> {
    const rows = this.buffers.get(table);
    if (!rows || rows.length === 0) return;
    this.buffers.set(table, []);
    await bulkInsert(this.tx, table, this.tables[table]!, rows);
  }
}
