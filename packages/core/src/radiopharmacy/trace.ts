/**
 * Traceability for a recall: from a batch to every patient who received (or was about to
 * receive) a dose from it, and from a patient to every batch. The rows come from the database;
 * these helpers only decide what a recall must act on.
 */

export interface TracedDose {
  readonly id: string;
  readonly batchId: string;
  readonly patientId: string;
  readonly status: 'drawn' | 'administered' | 'discarded';
}

export interface RecallSummary {
  /** Patients with at least one dose from the batch that was not discarded. */
  readonly patients: readonly string[];
  /** Doses already injected: those patients need follow-up. */
  readonly administered: number;
  /** Doses drawn and not yet injected: stop them. */
  readonly toStop: readonly string[];
  readonly discarded: number;
}

export function recallSummary(doses: readonly TracedDose[]): RecallSummary {
  const live = doses.filter((d) => d.status !== 'discarded');
  return {
    patients: [...new Set(live.map((d) => d.patientId))],
    administered: doses.filter((d) => d.status === 'administered').length,
    toStop: doses.filter((d) => d.status === 'drawn').map((d) => d.id),
    discarded: doses.length - live.length,
  };
}
