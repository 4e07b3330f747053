/**
 * A PatientRecord (the synthetic cohort's, or one read from NDJSON) as timeline input. Records
 * carry no row ids, so samples, alterations and lines get positional ones ("report2",
 * "report2/alteration0", "line3") — stable for one record, never database ids.
 */
import type { PatientRecord } from '../model/patient';
import type { GenomicTimelineInput } from './timeline';

export function timelineInputFromRecord(record: PatientRecord): GenomicTimelineInput {
  const primary = record.conditions.find((c) => c.kind === 'primary');
  return {
    ...(primary ? { tumourType: primary.oncotreeCode } : {}),
    samples: record.molecularReports.map((m, ri) => ({
      id: `report${ri}`,
      specimen: m.specimen,
      panel: m.panel,
      reportedAt: m.reportedAt,
      ...(m.tumourFraction !== undefined ? { tumourFraction: m.tumourFraction } : {}),
      ...(m.tmb !== undefined ? { tmb: m.tmb } : {}),
      ...(m.msi !== undefined ? { msi: m.msi } : {}),
      alterations: m.alterations.map((a, ai) => ({ ...a, id: `report${ri}/alteration${ai}` })),
    })),
    lines: record.therapyLines.map((l, li) => ({
      id: `line${li}`,
      lineNumber: l.lineNumber,
      setting: l.setting,
      drugs: l.drugs,
      startedAt: l.startedAt,
      ...(l.endedAt !== undefined ? { endedAt: l.endedAt } : {}),
      ...(l.stopReason !== undefined ? { stopReason: l.stopReason } : {}),
      ...(l.bestResponse !== undefined ? { bestResponse: l.bestResponse } : {}),
    })),
  };
}
