import { releaseContent } from '@continuum/core';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical';
import { batchRecord, isoOf, qcResultView, type Row } from './rows';

/**
 * SHA-256 of the canonical JSON (keys sorted, as the audit chain hashes) of what the release
 * signs: the batch, the QC results on record when it was signed, the meaning, the signer and the
 * instant. Results recorded later (sterility, Ge-68 breakthrough) are not part of it.
 */
export function releaseHash(batchRow: Row, qcRows: readonly Row[], meaning: string, signedBy: string, signedAt: string): string {
  const b = batchRecord(batchRow);
  const signedMs = Date.parse(signedAt);
  const qc = qcRows
    .filter((q) => Date.parse(isoOf(q.recorded_at)) <= signedMs)
    .map(qcResultView)
    .map(({ test, value, outcome, unit, passed, recordedBy, recordedAt }) => ({
      test,
      value,
      outcome,
      unit,
      passed,
      recordedBy,
      recordedAt,
    }));
  const content = releaseContent({ batch: { ...b }, qc, meaning, signedBy, signedAt });
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** Whether the stored release hash still matches the batch and its QC as they are now. */
export function releaseHashValid(batchRow: Row, qcRows: readonly Row[]): boolean | null {
  if (!batchRow.release_hash || !batchRow.released_at || !batchRow.released_by) return null;
  return (
    releaseHash(batchRow, qcRows, batchRow.release_meaning, batchRow.released_by, isoOf(batchRow.released_at)) === batchRow.release_hash
  );
}
