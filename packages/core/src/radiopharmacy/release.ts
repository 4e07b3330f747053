/**
 * The signed release. The radiopharmacist re-enters the password and signs a meaning; what is
 * signed is the canonical content of the batch and every QC result on record at that moment, so
 * a later change to either no longer matches the stored hash (21 CFR 11.70-style linking of a
 * signature to its record). Hashing is the server's (it owns crypto); the content is defined
 * here so that whoever verifies rebuilds exactly the same object.
 */

export function releaseMeaning(batchNumber: string, productName: string): string {
  return `I certify that batch ${batchNumber} of ${productName} was prepared and tested according to its specification, that every required quality-control result passes, and I release it for administration to patients.`;
}

export interface ReleaseBatchContent {
  readonly id: string;
  readonly batchNumber: string;
  readonly productId: string;
  readonly hotCellId: string;
  readonly origin: string;
  readonly supplierLot: string | null;
  readonly activityMBq: number;
  readonly calibratedAt: string;
  readonly expiresAt: string;
  readonly preparedBy: string;
  readonly preparedAt: string;
  readonly carrierAdded: boolean;
}

export interface ReleaseQcContent {
  readonly test: string;
  readonly value: number | null;
  readonly outcome: string | null;
  readonly unit: string | null;
  readonly passed: boolean;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** The object whose canonical JSON is hashed at release; QC results in recording order. */
export function releaseContent(input: {
  batch: ReleaseBatchContent;
  qc: readonly ReleaseQcContent[];
  meaning: string;
  signedBy: string;
  signedAt: string;
}): Record<string, unknown> {
  const b = input.batch;
  return {
    batch: {
      id: b.id,
      batchNumber: b.batchNumber,
      productId: b.productId,
      hotCellId: b.hotCellId,
      origin: b.origin,
      supplierLot: b.supplierLot,
      activityMBq: b.activityMBq,
      calibratedAt: new Date(b.calibratedAt).toISOString(),
      expiresAt: new Date(b.expiresAt).toISOString(),
      preparedBy: b.preparedBy,
      preparedAt: new Date(b.preparedAt).toISOString(),
      carrierAdded: b.carrierAdded,
    },
    qc: [...input.qc]
      .sort((x, y) => Date.parse(x.recordedAt) - Date.parse(y.recordedAt) || x.test.localeCompare(y.test))
      .map((q) => ({ ...q, recordedAt: new Date(q.recordedAt).toISOString() })),
    meaning: input.meaning,
    signedBy: input.signedBy,
    signedAt: new Date(input.signedAt).toISOString(),
  };
}
