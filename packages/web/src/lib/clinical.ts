import type { ConditionView, LabView, MolecularReportView } from '../api/types';
import { formatNumber, formatPercent, MISSING, timeOf } from './format';

export type LabFlag = 'high' | 'low' | null;

/** Abnormal only against limits the lab itself reported; no limits means no judgement. */
export function labFlag(lab: LabView): LabFlag {
  if (lab.upperLimitOfNormal != null && lab.value > lab.upperLimitOfNormal) return 'high';
  if (lab.lowerLimitOfNormal != null && lab.value < lab.lowerLimitOfNormal) return 'low';
  return null;
}

export function referenceRange(lab: LabView): string {
  const { lowerLimitOfNormal: lo, upperLimitOfNormal: hi } = lab;
  if (lo != null && hi != null) return `${formatNumber(lo, 3)}–${formatNumber(hi, 3)}`;
  if (hi != null) return `≤ ${formatNumber(hi, 3)}`;
  if (lo != null) return `≥ ${formatNumber(lo, 3)}`;
  return MISSING;
}

/** The first primary diagnosis: the same rule as the server's patient list, so both agree. */
export function primaryCondition(conditions: readonly ConditionView[] | undefined): ConditionView | undefined {
  return [...(conditions ?? [])].filter((c) => c.kind === 'primary').sort((a, b) => timeOf(a.diagnosedAt) - timeOf(b.diagnosedAt))[0];
}

/** "T2 N1 M0"; the prefix is added only when the stored value lacks it. */
export function tnmText(tnm: ConditionView['tnm']): string {
  if (!tnm) return MISSING;
  const part = (letter: string, v: string | null | undefined) => (v ? (v.toUpperCase().startsWith(letter) ? v : `${letter}${v}`) : '');
  const text = [part('T', tnm.t), part('N', tnm.n), part('M', tnm.m)].filter(Boolean).join(' ');
  return text || MISSING;
}

export function specimenLabel(specimen: MolecularReportView['specimen']): string {
  return specimen === 'ctdna' ? 'Liquid biopsy (ctDNA)' : 'Tissue';
}

/** "TMB 12 mut/Mb · MSS · tumour fraction 8.0 %": the report-level biomarkers in one line. */
export function reportBiomarkers(report: MolecularReportView): string {
  const parts: string[] = [];
  if (report.tmb != null) parts.push(`TMB ${formatNumber(report.tmb, 1)} mut/Mb`);
  if (report.msi) parts.push(report.msi);
  if (report.tumourFraction != null) parts.push(`tumour fraction ${formatPercent(report.tumourFraction)}`);
  return parts.join(' · ');
}
