/**
 * The LOINC laboratory codes oncology trial eligibility asks for, with UCUM units and adult
 * reference intervals.
 *
 * Codes and display names: LOINC (Regenstrief Institute), loinc.org.
 * Reference intervals: typical adult intervals, rounded, consistent with Kratz A, et al.
 * "Laboratory reference values", N Engl J Med 2004;351:1548-63 and the Mayo Clinic Laboratories
 * test catalogue. Every laboratory publishes its own intervals: these are defaults for synthetic
 * data and for labs that report none, never a replacement for the reporting lab's values.
 * Tumour-marker upper limits are the customary cut-offs: PSA 4.0 ng/mL; CEA 5 ng/mL;
 * CA-125 35 U/mL (Bast RC, et al. N Engl J Med 1983;309:883-7); CA 19-9 37 U/mL; CA 15-3 30 U/mL.
 * eGFR: KDIGO 2012 CKD guideline, < 60 mL/min/1.73 m2 is CKD category G3a or worse.
 */

export interface ReferenceRange {
  low?: number;
  high?: number;
}

export interface LoincLab {
  /** LOINC code, e.g. "718-7". */
  code: string;
  /** Short key used by code and tests, e.g. "hemoglobin". */
  key: LabKey;
  display: string;
  /** UCUM unit. */
  unit: string;
  /** Adult reference interval; `female`/`male` override it where the sexes differ. */
  range: ReferenceRange;
  female?: ReferenceRange;
  male?: ReferenceRange;
  /** Decimal places labs usually report. */
  decimals: number;
  kind: 'haematology' | 'chemistry' | 'renal' | 'liver' | 'tumour-marker' | 'endocrine' | 'coagulation';
}

export type LabKey =
  | 'hemoglobin'
  | 'leukocytes'
  | 'neutrophils'
  | 'lymphocytes'
  | 'platelets'
  | 'creatinine'
  | 'egfr'
  | 'creatinineClearance'
  | 'alt'
  | 'ast'
  | 'bilirubinTotal'
  | 'alkalinePhosphatase'
  | 'albumin'
  | 'ldh'
  | 'sodium'
  | 'potassium'
  | 'calcium'
  | 'glucose'
  | 'inr'
  | 'tsh'
  | 'psa'
  | 'cea'
  | 'ca125'
  | 'ca199'
  | 'ca153';

export const LOINC_LABS: readonly LoincLab[] = [
  // Haematology
  {
    code: '718-7',
    key: 'hemoglobin',
    display: 'Hemoglobin [Mass/volume] in Blood',
    unit: 'g/dL',
    range: { low: 12.0, high: 17.5 },
    female: { low: 12.0, high: 15.5 },
    male: { low: 13.5, high: 17.5 },
    decimals: 1,
    kind: 'haematology',
  },
  {
    code: '6690-2',
    key: 'leukocytes',
    display: 'Leukocytes [#/volume] in Blood by Automated count',
    unit: '10*3/uL',
    range: { low: 4.0, high: 11.0 },
    decimals: 1,
    kind: 'haematology',
  },
  {
    code: '751-8',
    key: 'neutrophils',
    display: 'Neutrophils [#/volume] in Blood by Automated count',
    unit: '10*3/uL',
    range: { low: 1.8, high: 7.7 },
    decimals: 2,
    kind: 'haematology',
  },
  {
    code: '731-0',
    key: 'lymphocytes',
    display: 'Lymphocytes [#/volume] in Blood by Automated count',
    unit: '10*3/uL',
    range: { low: 1.0, high: 4.8 },
    decimals: 2,
    kind: 'haematology',
  },
  {
    code: '777-3',
    key: 'platelets',
    display: 'Platelets [#/volume] in Blood by Automated count',
    unit: '10*3/uL',
    range: { low: 150, high: 400 },
    decimals: 0,
    kind: 'haematology',
  },
  // Renal
  {
    code: '2160-0',
    key: 'creatinine',
    display: 'Creatinine [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    range: { low: 0.6, high: 1.3 },
    female: { low: 0.59, high: 1.04 },
    male: { low: 0.74, high: 1.35 },
    decimals: 2,
    kind: 'renal',
  },
  // CKD-EPI (2009) eGFR, the formula this code names; computed from creatinine, age and sex.
  {
    code: '62238-1',
    key: 'egfr',
    display:
      'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)',
    unit: 'mL/min/{1.73_m2}',
    range: { low: 60 },
    decimals: 0,
    kind: 'renal',
  },
  {
    code: '2164-2',
    key: 'creatinineClearance',
    display: 'Creatinine renal clearance in 24 hour Urine and Serum or Plasma',
    unit: 'mL/min',
    range: { low: 90, high: 140 },
    decimals: 0,
    kind: 'renal',
  },
  // Liver
  {
    code: '1742-6',
    key: 'alt',
    display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
    unit: 'U/L',
    range: { low: 7, high: 55 },
    female: { low: 7, high: 45 },
    male: { low: 7, high: 55 },
    decimals: 0,
    kind: 'liver',
  },
  {
    code: '1920-8',
    key: 'ast',
    display: 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
    unit: 'U/L',
    range: { low: 8, high: 48 },
    female: { low: 8, high: 43 },
    male: { low: 8, high: 48 },
    decimals: 0,
    kind: 'liver',
  },
  {
    code: '1975-2',
    key: 'bilirubinTotal',
    display: 'Bilirubin.total [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    range: { low: 0.1, high: 1.2 },
    decimals: 1,
    kind: 'liver',
  },
  {
    code: '6768-6',
    key: 'alkalinePhosphatase',
    display: 'Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma',
    unit: 'U/L',
    range: { low: 40, high: 129 },
    female: { low: 35, high: 104 },
    male: { low: 40, high: 129 },
    decimals: 0,
    kind: 'liver',
  },
  {
    code: '1751-7',
    key: 'albumin',
    display: 'Albumin [Mass/volume] in Serum or Plasma',
    unit: 'g/dL',
    range: { low: 3.5, high: 5.0 },
    decimals: 1,
    kind: 'chemistry',
  },
  // Chemistry
  {
    code: '2532-0',
    key: 'ldh',
    display: 'Lactate dehydrogenase [Enzymatic activity/volume] in Serum or Plasma',
    unit: 'U/L',
    range: { low: 122, high: 222 },
    decimals: 0,
    kind: 'chemistry',
  },
  {
    code: '2951-2',
    key: 'sodium',
    display: 'Sodium [Moles/volume] in Serum or Plasma',
    unit: 'mmol/L',
    range: { low: 135, high: 145 },
    decimals: 0,
    kind: 'chemistry',
  },
  {
    code: '2823-3',
    key: 'potassium',
    display: 'Potassium [Moles/volume] in Serum or Plasma',
    unit: 'mmol/L',
    range: { low: 3.5, high: 5.0 },
    decimals: 1,
    kind: 'chemistry',
  },
  {
    code: '17861-6',
    key: 'calcium',
    display: 'Calcium [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    range: { low: 8.6, high: 10.3 },
    decimals: 1,
    kind: 'chemistry',
  },
  {
    code: '2345-7',
    key: 'glucose',
    display: 'Glucose [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    range: { low: 70, high: 99 },
    decimals: 0,
    kind: 'chemistry',
  },
  // Coagulation and endocrine (immunotherapy screening asks for TSH)
  {
    code: '6301-6',
    key: 'inr',
    display: 'INR in Platelet poor plasma by Coagulation assay',
    unit: '{INR}',
    range: { low: 0.8, high: 1.2 },
    decimals: 2,
    kind: 'coagulation',
  },
  {
    code: '3016-3',
    key: 'tsh',
    display: 'Thyrotropin [Units/volume] in Serum or Plasma',
    unit: 'm[IU]/L',
    range: { low: 0.3, high: 4.2 },
    decimals: 2,
    kind: 'endocrine',
  },
  // Tumour markers: upper limit only
  {
    code: '2857-1',
    key: 'psa',
    display: 'Prostate specific Ag [Mass/volume] in Serum or Plasma',
    unit: 'ng/mL',
    range: { high: 4.0 },
    decimals: 2,
    kind: 'tumour-marker',
  },
  {
    code: '2039-6',
    key: 'cea',
    display: 'Carcinoembryonic Ag [Mass/volume] in Serum or Plasma',
    unit: 'ng/mL',
    range: { high: 5.0 },
    decimals: 1,
    kind: 'tumour-marker',
  },
  {
    code: '10334-1',
    key: 'ca125',
    display: 'Cancer Ag 125 [Units/volume] in Serum or Plasma',
    unit: 'U/mL',
    range: { high: 35 },
    decimals: 0,
    kind: 'tumour-marker',
  },
  {
    code: '24108-3',
    key: 'ca199',
    display: 'Cancer Ag 19-9 [Units/volume] in Serum or Plasma',
    unit: 'U/mL',
    range: { high: 37 },
    decimals: 0,
    kind: 'tumour-marker',
  },
  {
    code: '6875-9',
    key: 'ca153',
    display: 'Cancer Ag 15-3 [Units/volume] in Serum or Plasma',
    unit: 'U/mL',
    range: { high: 30 },
    decimals: 0,
    kind: 'tumour-marker',
  },
];

const BY_CODE = new Map(LOINC_LABS.map((l) => [l.code, l]));
const BY_KEY = new Map(LOINC_LABS.map((l) => [l.key, l]));

export function loincByCode(code: string): LoincLab | undefined {
  return BY_CODE.get(code.trim());
}

export function loincByKey(key: LabKey): LoincLab {
  const lab = BY_KEY.get(key);
  if (!lab) throw new Error(`no LOINC entry for lab key "${key}"`);
  return lab;
}

/** The reference interval that applies to a patient of this sex (falls back to the adult one). */
export function referenceRange(lab: LoincLab, sex: 'female' | 'male' | 'other' | 'unknown'): ReferenceRange {
  if (sex === 'female' && lab.female) return lab.female;
  if (sex === 'male' && lab.male) return lab.male;
  return lab.range;
}

/**
 * CKD-EPI 2009 creatinine equation (Levey AS, et al. Ann Intern Med 2009;150:604-12), without
 * the race coefficient (French records do not hold race). Creatinine in mg/dL, result in
 * mL/min/1.73 m2: 141 x min(Scr/k,1)^a x max(Scr/k,1)^-1.209 x 0.993^age [x 1.018 if female],
 * k = 0.7 (F) / 0.9 (M), a = -0.329 (F) / -0.411 (M).
 */
export function ckdEpi2009(creatinineMgDl: number, ageYears: number, sex: 'female' | 'male'): number {
  const female = sex === 'female';
  const k = female ? 0.7 : 0.9;
  const a = female ? -0.329 : -0.411;
  const r = creatinineMgDl / k;
  return 141 * Math.min(r, 1) ** a * Math.max(r, 1) ** -1.209 * 0.993 ** ageYears * (female ? 1.018 : 1);
}
