/**
 * Eligibility of each catalogue trial, arm by arm, written the way the protocols are: adults,
 * the diagnosis (OncoTree node with its descendants), the trial's biomarkers as genomic
 * criteria, performance status, prior lines and drugs, organ function with the protocol's
 * freshness window, exclusions, and — where a criterion is not computable from structured data
 * (PET positivity, IHC scores, biopsy access) — its text, kept verbatim.
 *
 * These are synthetic restatements shaped like the registered protocols' key criteria, not
 * copies of them: thresholds are the usual ones (ANC ≥ 1.5 G/L, platelets ≥ 100 G/L,
 * creatinine and bilirubin ≤ 1.5 × ULN, AST/ALT ≤ 2.5 × ULN) unless a trial is known to differ
 * in kind (cell therapy, myeloma, cisplatin-based chemoradiotherapy).
 */
import type { Criterion } from '../eligibility/criteria';
import { allOf, anyOf, notOf } from '../eligibility/criteria';
import type { TrialArm } from '../model/trial';
import {
  ADULT,
  ARPI,
  BRCA1_2,
  EGFR_SENSITISING,
  KRAS_G12C,
  MSI_HIGH,
  NO_ACTIVE_BRAIN_METASTASES,
  PD1_PDL1,
  SOLID_TUMOUR,
  age,
  amplification,
  codon,
  deletion,
  dx,
  dxAny,
  ecog,
  excludedClass,
  excludedDrug,
  freeText,
  fusion,
  labAtLeast,
  mutation,
  organFunction,
  priorClass,
  priorDrug,
  priorLines,
  receptor,
  requiredClasses,
  stage,
  tmbAtLeast,
  washout,
} from './criteria-leaves';

/** The clause of one arm, cohort or dose level of a catalogue trial. */
export type ArmClause = (arm: TrialArm) => Criterion;

const same =
  (...of: Criterion[]): ArmClause =>
  () =>
    allOf(...of);

/** A common part plus each arm's own criteria; arms not listed (dose levels, often) take `others`. */
const byArm =
  (common: Criterion[], arms: Record<string, Criterion[]>, others: Criterion[] = []): ArmClause =>
  (arm) =>
    allOf(...common, ...(arms[arm.code] ?? others));

const PHASE1_ORGANS = organFunction({ withinDays: 14 });
const ORGANS_28 = organFunction({ withinDays: 28 });
// Imaging eligibility is computable from PET reads (core theranostics rules): the protocol's wording
// stays as the label; without a read the criterion is unknown, as the free text was.
const PSMA_PET: Criterion = {
  kind: 'theranosticEligibility',
  rule: 'vision-psma-pet',
  label:
    'PSMA-positive disease on [68Ga]Ga-PSMA-11 PET/CT: at least one PSMA-positive lesion and no PSMA-negative measurable lesion (central read)',
};
const SSTR_IMAGING: Criterion = {
  kind: 'theranosticEligibility',
  rule: 'sstr-uptake-netter1',
  label: 'Somatostatin-receptor-positive disease on SSTR imaging, uptake in every target lesion at least that of normal liver',
};
const LVEF = freeText('Left ventricular ejection fraction ≥ 50% by echocardiography or MUGA within 28 days');

export const PROTOCOL_CRITERIA: Readonly<Record<string, ArmClause>> = {
  // --- Nuclear medicine ----------------------------------------------------------------------
  'CTM-2018-101': same(
    ADULT,
    dx('PRAD'),
    PSMA_PET,
    priorClass(...ARPI),
    priorClass('taxane'),
    excludedClass('PSMA radioligand'),
    ecog(2),
    ...organFunction({ withinDays: 28, haemoglobin: 9, creatinine: 1.5 }),
  ),
  'CTM-2012-045': same(
    ADULT,
    dx('SBWDNET'),
    SSTR_IMAGING,
    priorClass('somatostatin analogue'),
    excludedClass('SSTR radioligand'),
    ecog(2),
    ...ORGANS_28,
  ),
  'CTM-2020-012': same(
    age('>=', 15),
    dxAny('GINET', 'PANET'),
    SSTR_IMAGING,
    freeText('Well-differentiated grade 2 or 3 tumour, Ki-67 index ≥ 10% and ≤ 55%'),
    priorLines('==', 0),
    excludedClass('SSTR radioligand'),
    ecog(2),
    ...ORGANS_28,
  ),
  'CTM-2021-033': same(
    ADULT,
    dx('PRAD'),
    PSMA_PET,
    priorClass(...ARPI),
    excludedClass('taxane'),
    excludedClass('PSMA radioligand'),
    ecog(1),
    ...ORGANS_28,
  ),
  'CTM-2023-019': same(
    ADULT,
    dx('PRAD'),
    PSMA_PET,
    priorClass(...ARPI),
    excludedClass('PSMA radioligand'),
    freeText('At least one metastasis amenable to image-guided biopsy at baseline and after cycle 2'),
    ecog(1),
    ...ORGANS_28,
  ),
  'CTM-2025-002': same(
    ADULT,
    dx('BREAST'),
    receptor('ER', true),
    receptor('HER2', false),
    freeText('GRPR-positive disease on [68Ga]Ga-NeoB PET/CT'),
    priorClass('CDK4/6 inhibitor'),
    priorLines('>=', 1),
    ecog(1),
    ...PHASE1_ORGANS,
    washout(28),
  ),
  'CTM-2024-011': same(
    ADULT,
    dxAny('SOFT_TISSUE', 'PAAD'),
    notOf(dx('GIST')),
    freeText('FAPI-avid disease on [68Ga]Ga-FAPI-46 PET/CT, SUVmax above that of the liver in all target lesions'),
    priorLines('>=', 1),
    ecog(1),
    ...PHASE1_ORGANS,
    washout(28),
  ),
  'CTM-2023-027': same(
    ADULT,
    dx('PRAD'),
    PSMA_PET,
    priorClass('PSMA radioligand'),
    priorClass(...ARPI),
    ecog(1),
    ...PHASE1_ORGANS,
    washout(42),
  ),

  // --- KRAS / RAS ------------------------------------------------------------------------------
  'CTM-2018-077': byArm(
    [
      ADULT,
      KRAS_G12C,
      excludedClass('KRAS G12C inhibitor'),
      priorLines('>=', 1),
      ecog(1),
      NO_ACTIVE_BRAIN_METASTASES,
      ...PHASE1_ORGANS,
      washout(28),
    ],
    {
      'P2-NSCLC': [dx('NSCLC'), priorClass('platinum', ...PD1_PDL1)],
      'P2-CRC': [dx('COADREAD'), priorClass('fluoropyrimidine'), priorDrug('oxaliplatin', 'irinotecan')],
    },
    [SOLID_TUMOUR],
  ),
  'CTM-2020-018': same(
    ADULT,
    dx('NSCLC'),
    KRAS_G12C,
    priorClass('platinum'),
    priorClass(...PD1_PDL1),
    excludedDrug('docetaxel'),
    excludedClass('KRAS G12C inhibitor'),
    ecog(1),
    NO_ACTIVE_BRAIN_METASTASES,
    ...ORGANS_28,
  ),
  'CTM-2019-064': byArm([ADULT, KRAS_G12C, excludedClass('KRAS G12C inhibitor'), ecog(1), ...ORGANS_28, washout(21)], {
    '1A-NSCLC': [dx('NSCLC'), priorClass('platinum', ...PD1_PDL1), NO_ACTIVE_BRAIN_METASTASES],
    '2B-CRC': [dx('COADREAD'), priorClass('fluoropyrimidine'), priorDrug('oxaliplatin', 'irinotecan'), excludedClass('anti-EGFR')],
    '3-OTHER': [SOLID_TUMOUR, notOf(dx('NSCLC')), notOf(dx('COADREAD')), priorLines('>=', 1)],
  }),
  'CTM-2022-044': same(
    ADULT,
    dx('NSCLC'),
    KRAS_G12C,
    excludedClass('KRAS G12C inhibitor'),
    freeText('Tumour accessible to image-guided biopsy before treatment, at week 6 and at progression'),
    ecog(1),
    ...ORGANS_28,
  ),
  'CTM-2024-017': byArm(
    [ADULT, mutation('KRAS', 'p.G12D', 'KRAS p.G12D'), priorLines('>=', 1), ecog(1), ...PHASE1_ORGANS, washout(21)],
    { 'BF-DL3': [dx('PAAD'), priorClass('platinum', 'antimetabolite')] },
    [dxAny('PAAD', 'COADREAD', 'NSCLC')],
  ),
  'CTM-2025-009': same(
    ADULT,
    SOLID_TUMOUR,
    anyOf(mutation('KRAS'), mutation('NRAS')),
    priorLines('>=', 1),
    ecog(1),
    NO_ACTIVE_BRAIN_METASTASES,
    ...PHASE1_ORGANS,
    washout(28),
  ),

  // --- Breast --------------------------------------------------------------------------------
  'CTM-2019-031': same(
    ADULT,
    dx('BREAST'),
    receptor('HER2', false),
    freeText('HER2-low: IHC 1+, or IHC 2+ with negative ISH, on central testing'),
    priorLines('>=', 1),
    priorLines('<=', 2),
    excludedClass('anti-HER2 ADC'),
    ecog(1),
    LVEF,
    ...ORGANS_28,
  ),
  'CTM-2020-058': same(
    ADULT,
    dx('BREAST'),
    receptor('ER', true),
    receptor('HER2', false),
    freeText('HER2-low (IHC 1+ or 2+/ISH−) or HER2-ultralow (IHC 0 with membrane staining) on central testing'),
    priorClass('CDK4/6 inhibitor', 'aromatase inhibitor', 'SERD'),
    excludedClass('taxane', 'anthracycline', 'anti-TROP2 ADC'),
    ecog(1),
    ...ORGANS_28,
  ),
  'CTM-2019-090': byArm([ADULT, dx('BREAST'), priorLines('>=', 1), excludedClass('anti-HER2 ADC'), ecog(1), LVEF, ...ORGANS_28], {
    C1: [receptor('HER2', true)],
    C2: [receptor('HER2', false), freeText('HER2 IHC 1+ or 2+ with negative ISH')],
    C3: [receptor('HER2', false), freeText('HER2 IHC 0')],
  }),
  'CTM-2019-015': same(
    ADULT,
    dx('BREAST'),
    receptor('ER', true),
    receptor('HER2', false),
    // ESR1 status is a stratification factor: it must be known (ctDNA), either way.
    anyOf(mutation('ESR1', undefined, 'ESR1 mutation on ctDNA'), notOf(mutation('ESR1', undefined, 'ESR1 mutation on ctDNA'))),
    priorClass('CDK4/6 inhibitor'),
    priorLines('<=', 2),
    excludedClass('oral SERD'),
    ecog(1),
    ...ORGANS_28,
  ),
  'CTM-2023-036': same(
    ADULT,
    dx('BREAST'),
    receptor('ER', true),
    receptor('HER2', false),
    anyOf(codon('ESR1', 'p.D538'), codon('ESR1', 'p.Y537'), codon('ESR1', 'p.E380'), codon('ESR1', 'p.L536')),
    priorClass('CDK4/6 inhibitor'),
    priorLines('<=', 2),
    excludedClass('oral SERD'),
    ecog(1),
    ...ORGANS_28,
  ),

  // --- Digestive -----------------------------------------------------------------------------
  'CTM-2017-050': same(
    ADULT,
    dx('COADREAD'),
    mutation('BRAF', 'p.V600E', 'BRAF p.V600E'),
    priorLines('>=', 1),
    priorLines('<=', 2),
    excludedClass('BRAF inhibitor', 'MEK inhibitor', 'anti-EGFR'),
    ecog(1),
    ...ORGANS_28,
  ),
  'CTM-2016-022': same(
    ADULT,
    dx('COADREAD'),
    MSI_HIGH,
    priorLines('==', 0),
    excludedClass(...PD1_PDL1, 'anti-CTLA-4'),
    ecog(1),
    ...ORGANS_28,
  ),
  'CTM-2017-088': same(
    ADULT,
    dx('COAD'),
    stage('III'),
    MSI_HIGH,
    freeText('Complete (R0) resection within the previous 10 weeks'),
    priorLines('==', 0, ['neoadjuvant', 'adjuvant', 'metastatic']),
    ecog(2),
    ...ORGANS_28,
  ),
  'CTM-2017-061': byArm([ADULT, dx('CHOL'), priorLines('>=', 1), excludedClass('FGFR inhibitor'), ecog(2), ...ORGANS_28], {
    A: [fusion('FGFR2', undefined, 'FGFR2 fusion or rearrangement')],
    B: [
      notOf(fusion('FGFR2', undefined, 'FGFR2 fusion or rearrangement')),
      anyOf(mutation('FGFR2'), amplification('FGFR2'), amplification('FGFR1'), mutation('FGFR3'), fusion('FGFR3')),
    ],
    // "No FGF/FGFR alteration", written leaf by leaf as CTML negates: none of them.
    C: [fusion('FGFR2'), mutation('FGFR2'), amplification('FGFR2'), amplification('FGFR1'), mutation('FGFR3'), fusion('FGFR3')].map(notOf),
  }),
  'CTM-2017-035': same(
    ADULT,
    dx('CHOL'),
    codon('IDH1', 'p.R132', 'IDH1 p.R132'),
    priorLines('>=', 1),
    priorLines('<=', 2),
    excludedClass('IDH1 inhibitor'),
    ecog(1),
    ...ORGANS_28,
  ),
  'CTM-2015-044': same(
    ADULT,
    dx('PAAD'),
    BRCA1_2,
    freeText('Deleterious or suspected deleterious germline BRCA1 or BRCA2 mutation'),
    priorClass('platinum'),
    excludedClass('PARP inhibitor'),
    ecog(1),
    ...ORGANS_28,
  ),

  // --- Thoracic ------------------------------------------------------------------------------
  'CTM-2015-067': same(
    ADULT,
    dx('NSCLC'),
    EGFR_SENSITISING,
    priorLines('==', 0),
    excludedClass('EGFR TKI'),
    ecog(1),
    NO_ACTIVE_BRAIN_METASTASES,
    ...ORGANS_28,
  ),
  'CTM-2024-045': byArm(
    [
      ADULT,
      dx('NSCLC'),
      EGFR_SENSITISING,
      priorDrug('osimertinib'),
      excludedClass('EGFR-MET bispecific'),
      ecog(1),
      ...ORGANS_28,
      washout(14),
    ],
    {
      A: [amplification('MET', 'MET amplification at progression')],
      B: [notOf(amplification('MET', 'MET amplification at progression'))],
    },
  ),
  'CTM-2024-022': same(
    ADULT,
    dxAny('SCLC', 'PRNE', 'HGNEC'),
    priorClass('platinum'),
    ecog(1),
    NO_ACTIVE_BRAIN_METASTASES,
    ...PHASE1_ORGANS,
    washout(21),
  ),

  // --- Tumour-agnostic, biomarker-selected ----------------------------------------------------
  'CTM-2018-024': byArm(
    [ADULT, priorLines('>=', 1), excludedClass('RET inhibitor'), ecog(2), ...PHASE1_ORGANS, washout(14)],
    {
      'P2-NSCLC': [dx('NSCLC'), fusion('RET', undefined, 'RET fusion'), priorClass('platinum')],
      'P2-MTC': [dx('THME'), mutation('RET', undefined, 'RET mutation')],
    },
    [SOLID_TUMOUR, anyOf(fusion('RET'), mutation('RET'))],
  ),
  'CTM-2016-091': byArm([ADULT, SOLID_TUMOUR, priorLines('>=', 1), excludedClass(...PD1_PDL1), ecog(1), ...ORGANS_28], {
    K: [MSI_HIGH, notOf(dx('COADREAD'))],
    TMB: [tmbAtLeast(10)],
  }),
  'CTM-2023-041': byArm(
    [ADULT, excludedClass('anti-HER2 ADC'), ecog(1), ...PHASE1_ORGANS, washout(21)],
    {
      'EXP-A': [dx('EGC'), amplification('ERBB2', 'HER2 amplification'), priorClass('anti-HER2')],
      'EXP-B': [dx('NSCLC'), mutation('ERBB2', undefined, 'ERBB2 mutation'), priorClass('platinum'), NO_ACTIVE_BRAIN_METASTASES],
      'EXP-C': [SOLID_TUMOUR, notOf(dx('EGC')), amplification('ERBB2', 'HER2 amplification'), priorLines('>=', 1)],
    },
    [SOLID_TUMOUR, anyOf(amplification('ERBB2'), mutation('ERBB2')), priorLines('>=', 1)],
  ),
  'CTM-2024-071': same(
    ADULT,
    SOLID_TUMOUR,
    amplification('MDM2', 'MDM2 amplification'),
    // MDM2–p53 antagonists need a functional p53.
    notOf(mutation('TP53', undefined, 'TP53 mutation')),
    ecog(1),
    ...PHASE1_ORGANS,
    washout(21),
  ),
  'CTM-2023-066': byArm([ADULT, MSI_HIGH, priorClass(...PD1_PDL1), excludedClass('anti-LAG-3'), ecog(1), ...ORGANS_28, washout(28)], {
    A: [dx('COADREAD')],
    B: [SOLID_TUMOUR, notOf(dx('COADREAD'))],
  }),

  // --- Tumour-agnostic, all comers ------------------------------------------------------------
  'CTM-2011-012': same(
    ADULT,
    SOLID_TUMOUR,
    priorLines('>=', 1),
    ecog(1),
    freeText('Tumour accessible to image-guided biopsy with acceptable risk'),
    ...organFunction({ withinDays: 28, anc: 1.5, platelets: 100 }),
  ),
  'CTM-2024-003': same(
    ADULT,
    SOLID_TUMOUR,
    priorLines('>=', 1),
    ecog(1),
    NO_ACTIVE_BRAIN_METASTASES,
    freeText('Archival or fresh tumour tissue available for central B7-H3 immunohistochemistry'),
    ...PHASE1_ORGANS,
    washout(28),
  ),
  'CTM-2022-031': byArm([ADULT, SOLID_TUMOUR, priorLines('>=', 1), ecog(1), ...PHASE1_ORGANS, washout(28)], {
    C1: [priorClass(...PD1_PDL1)],
    C2: [excludedClass(...PD1_PDL1, 'anti-CTLA-4')],
  }),

  // --- Genitourinary, gynaecology ----------------------------------------------------------
  'CTM-2017-070': same(
    ADULT,
    dx('PRAD'),
    anyOf(mutation('BRCA1'), mutation('BRCA2'), deletion('BRCA2'), mutation('ATM')),
    priorClass(...ARPI),
    excludedClass('PARP inhibitor'),
    ecog(2),
    ...ORGANS_28,
  ),
  'CTM-2024-008': same(
    ADULT,
    dx('OVARY'),
    BRCA1_2,
    priorClass('PARP inhibitor'),
    priorClass('platinum'),
    excludedClass('ATR inhibitor'),
    ecog(1),
    ...ORGANS_28,
    washout(21),
  ),
  'CTM-2023-051': byArm(
    [
      ADULT,
      dxAny('BLCA', 'UTUC'),
      anyOf(
        mutation('FGFR3', 'p.S249C'),
        mutation('FGFR3', 'p.R248C'),
        mutation('FGFR3', 'p.Y373C'),
        mutation('FGFR3', 'p.G370C'),
        fusion('FGFR3', undefined, 'FGFR3 fusion'),
      ),
      excludedClass('FGFR inhibitor'),
      ecog(1),
      ...PHASE1_ORGANS,
      washout(21),
    ],
    { P2: [priorClass('anti-nectin-4 ADC')] },
    [freeText('No current central serous retinopathy or retinal pigment epithelial detachment')],
  ),
  'CTM-2023-008': byArm(
    [ADULT, freeText('One to five metastases, all amenable to stereotactic body radiotherapy'), ecog(1), ...ORGANS_28],
    {
      NSCLC: [dx('NSCLC')],
      PRAD: [dx('PRAD'), priorClass('GnRH agonist')],
      BREAST: [dx('BREAST')],
    },
  ),

  // --- Other solid tumours --------------------------------------------------------------------
  'CTM-2022-058': same(
    ADULT,
    age('<=', 70),
    dx('MEL'),
    priorClass('anti-PD-1'),
    // BRAF V600-mutant melanoma must have had a BRAF inhibitor.
    anyOf(notOf(codon('BRAF', 'p.V600', 'BRAF p.V600')), priorClass('BRAF inhibitor')),
    ecog(1),
    ...ORGANS_28,
    washout(28),
  ),
  'CTM-2022-066': same(
    ADULT,
    dx('GB'),
    priorDrug('temozolomide'),
    freeText('First recurrence at least 6 months after the end of first-line radiotherapy'),
    excludedClass(...PD1_PDL1),
    ecog(2),
    ...ORGANS_28,
  ),
  'CTM-2021-047': same(
    ADULT,
    dx('SOFT_TISSUE'),
    notOf(dx('GIST')),
    priorLines('==', 0),
    excludedClass('anthracycline'),
    ecog(1),
    LVEF,
    ...ORGANS_28,
  ),
  'CTM-2021-012': same(
    ADULT,
    dx('HNSC'),
    stage('III', 'IVA', 'IVB'),
    priorLines('==', 0, ['neoadjuvant', 'adjuvant', 'metastatic']),
    ecog(1),
    ...organFunction({ withinDays: 28, egfr: 60, creatinine: 0 }),
  ),

  // --- Haematology --------------------------------------------------------------------------
  'CTM-2023-012': same(
    ADULT,
    dxAny('DLBCLNOS', 'FL'),
    priorLines('>=', 2),
    priorClass('anti-CD20'),
    excludedClass('CD19 CAR-T'),
    ecog(1),
    ...organFunction({ withinDays: 28, anc: 1.0, platelets: 75, haemoglobin: 8 }),
  ),
  'CTM-2024-030': same(
    ADULT,
    dx('AML'),
    anyOf(age('>=', 75), freeText('Ineligible for intensive induction chemotherapy (comorbidities)')),
    excludedClass('BCL2 inhibitor', 'hypomethylating agent'),
    ecog(2),
    labAtLeast('bilirubinTotal', 3, 14, '<='),
  ),
  'CTM-2024-055': same(
    ADULT,
    dx('PCM'),
    priorLines('>=', 3),
    requiredClasses('proteasome inhibitor', 'immunomodulatory drug', 'anti-CD38'),
    excludedClass('BCMAxCD3 bispecific'),
    ecog(1),
    ...organFunction({ withinDays: 14, anc: 1.0, platelets: 50, haemoglobin: 8 }),
  ),
};
