/** Where a clinical fact came from, when it was true, and when and by whom it was recorded. */
export interface Provenance {
  /** e.g. "seed:S42", "import:genomics/report-123.json", "user:alice", "report:<id>" */
  source: string;
  /** ISO 8601 instant or date at which the fact was observed (biopsy date, lab draw...). */
  observedAt: string;
  /** ISO 8601 instant at which Continuum recorded it. */
  recordedAt: string;
  /** Account id (or "system") that recorded it. */
  recordedBy: string;
}
