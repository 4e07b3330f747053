import { CNV_CALLS, type EligibilityRecord } from '@continuum/core';
import { z } from 'zod';

/**
 * One line of Continuum's patient NDJSON: a PatientRecord (core model/patient.ts), with the
 * optional fields eligibility can also use (EligibilityRecord). Identity is optional: the
 * matcher works on pseudonymised records. Unknown fields are ignored.
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'an ISO date (YYYY-MM-DD…)');
const provenance = z.object({ source: z.string().min(1), observedAt: date, recordedAt: z.string(), recordedBy: z.string() });

const alteration = z.object({
  gene: z.string().min(1),
  alterationClass: z.enum(['mutation', 'amplification', 'deletion', 'fusion', 'structural_variant']),
  hgvsProtein: z.string().optional(),
  hgvsCdna: z.string().optional(),
  vaf: z.number().min(0).max(1).optional(),
  copyNumber: z.number().optional(),
  fusionPartner: z.string().optional(),
  exon: z.number().int().optional(),
  variantClassification: z.string().optional(),
  cnvCall: z.enum(CNV_CALLS as unknown as [string, ...string[]]).optional(),
});

export const patientRecordSchema = z.object({
  pseudonym: z.string().min(1),
  sex: z.enum(['female', 'male', 'other', 'unknown']),
  birthYear: z.number().int().min(1880).max(2100).nullable(),
  vitalStatus: z.enum(['alive', 'deceased', 'unknown']),
  identity: z.object({ familyName: z.string(), givenName: z.string(), birthDate: date, hospitalNumber: z.string() }).optional(),
  conditions: z.array(
    z.object({
      kind: z.enum(['primary', 'secondary']),
      oncotreeCode: z.string().min(1),
      bodySite: z.string().optional(),
      diagnosedAt: date,
      stage: z.string().optional(),
      provenance,
    }),
  ),
  performance: z.array(z.object({ ecog: z.number().int().min(0).max(5), provenance })).default([]),
  labs: z
    .array(
      z.object({
        loinc: z.string().min(1), display: z.string(), value: z.number(), unit: z.string(),
        upperLimitOfNormal: z.number().optional(), lowerLimitOfNormal: z.number().optional(), provenance,
      }),
    )
    .default([]),
  therapyLines: z
    .array(
      z.object({
        lineNumber: z.number().int().min(0),
        setting: z.enum(['neoadjuvant', 'adjuvant', 'metastatic', 'maintenance']),
        drugs: z.array(z.object({ name: z.string().min(1), drugClass: z.string() })),
        startedAt: date,
        endedAt: date.optional(),
        provenance,
      }),
    )
    .default([]),
  molecularReports: z
    .array(
      z.object({
        specimen: z.enum(['tissue', 'ctdna']),
        panel: z.string(),
        reportedAt: date,
        tmb: z.number().min(0).optional(),
        msi: z.enum(['MSI-H', 'MSS', 'indeterminate']).optional(),
        tumourFraction: z.number().min(0).max(1).optional(),
        alterations: z.array(alteration),
        signatures: z.array(z.object({ signature: z.string(), present: z.boolean() })).optional(),
        genesTested: z.array(z.string()).optional(),
        provenance,
      }),
    )
    .default([]),
  documents: z.array(z.unknown()).default([]),
  participations: z.array(z.unknown()).default([]),
  brainMetastases: z.object({ present: z.boolean(), active: z.boolean().optional(), provenance }).optional(),
  measurableDisease: z.object({ present: z.boolean(), provenance }).optional(),
  receptors: z.array(z.object({ receptor: z.enum(['ER', 'PR', 'HER2']), positive: z.boolean(), provenance })).optional(),
});

/** A parsed line, or the first problem: the field's path and what was expected. */
export function parsePatientRecord(value: unknown): { ok: true; record: EligibilityRecord } | { ok: false; path: string; message: string } {
  const r = patientRecordSchema.safeParse(value);
  if (r.success) return { ok: true, record: r.data as unknown as EligibilityRecord };
  const issue = r.error.issues[0]!;
  return { ok: false, path: issue.path.join('.') || '(the line)', message: issue.message };
}
