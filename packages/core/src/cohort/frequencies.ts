/**
 * Who the synthetic cohort is made of: the tumour-type mix of a French comprehensive cancer
 * centre's advanced-disease population, and, per tumour type, how often each alteration occurs.
 *
 * All figures are approximate and rounded; they make synthetic data look like a real centre's,
 * they are not epidemiology. Sources are cited next to each table.
 */
import type { LabKey } from '../codes/loinc';
import { ALT, APC_TRUNCATING, TP53_HOTSPOTS, type AlterationChoice } from './alterations';
import { WeightedTable } from './random';

/** Drives the therapy sequences and the notes; several OncoTree codes share one group. */
export type TumourGroup =
  | 'nsclc'
  | 'sclc'
  | 'breast'
  | 'colorectal'
  | 'prostate'
  | 'ovary'
  | 'pancreas'
  | 'melanoma'
  | 'uveal-melanoma'
  | 'head-neck'
  | 'kidney'
  | 'bladder'
  | 'endometrium'
  | 'gastro-oesophageal'
  | 'oesophageal-squamous'
  | 'biliary'
  | 'liver'
  | 'glioblastoma'
  | 'sarcoma'
  | 'gist'
  | 'net'
  | 'thyroid'
  | 'medullary-thyroid'
  | 'cervix'
  | 'cup'
  | 'skin-other'
  | 'salivary'
  | 'mesothelioma'
  | 'germ-cell'
  | 'lymphoma'
  | 'cll'
  | 'aml'
  | 'myeloma';

export type MetastaticSite =
  | 'liver'
  | 'lung'
  | 'bone'
  | 'brain'
  | 'lymph node'
  | 'peritoneum'
  | 'pleura'
  | 'adrenal gland'
  | 'skin'
  | 'soft tissue';

/**
 * A set of alterations of which a tumour carries at most one (e.g. the mutually exclusive
 * lung-adenocarcinoma drivers); each entry is [alteration, share of patients]. Groups are
 * drawn independently of each other.
 */
export type AlterationGroup = ReadonlyArray<readonly [AlterationChoice, number]>;

export interface TumourType {
  /** OncoTree code (2025-10-03 release). */
  code: string;
  /** The code and its ancestors up to the tissue, e.g. ["LUAD", "NSCLC", "LUNG"]; checked against the tree in tests. */
  lineage: readonly string[];
  label: string;
  labelFr: string;
  /** Share of the cohort, in percent (the table sums to 100). */
  weight: number;
  group: TumourGroup;
  /** Share of patients who are male (0 for ovary, 1 for prostate). */
  maleShare: number;
  /** Age at first diagnosis: mean and SD, years. */
  age: readonly [number, number];
  liquid: boolean;
  /**
   * Share diagnosed straight at stage IV (for leukaemia and myeloma: treated from diagnosis);
   * the rest relapse after a localised diagnosis.
   */
  deNovoMetastatic: number;
  /** Stage groups to draw from at stage IV and at a localised diagnosis; absent = no AJCC staging (e.g. glioblastoma, leukaemia). */
  stages?: { metastatic: readonly string[]; localised: readonly string[] };
  /** Probability of each metastatic site in advanced disease. */
  sites: Partial<Record<MetastaticSite, number>>;
  alterations: readonly AlterationGroup[];
  /** Median tumour mutational burden of MSS tumours, mut/Mb. */
  tmbMedian: number;
  /** Share of MSI-high tumours. */
  msiHigh: number;
  /** How much tumour DNA the type sheds into plasma, relative to an average solid tumour. */
  ctdnaShedding: number;
  /** Serum tumour markers followed for this type. */
  markers: readonly LabKey[];
}

// ---------------------------------------------------------------------------------------------
// Common co-alterations
const tp53 = (p: number): AlterationGroup => [[TP53_HOTSPOTS, p]];
const one = (a: AlterationChoice, p: number): AlterationGroup => [[a, p]];

const LUNG_STAGES = { metastatic: ['IVA', 'IVB'], localised: ['IB', 'IIA', 'IIB', 'IIIA', 'IIIB'] };
const CRC_STAGES = { metastatic: ['IVA', 'IVB', 'IVC'], localised: ['IIA', 'IIB', 'IIIA', 'IIIB', 'IIIC'] };
const GENERIC_STAGES = { metastatic: ['IV'], localised: ['II', 'III'] };
const BREAST_STAGES = { metastatic: ['IV'], localised: ['IIA', 'IIB', 'IIIA', 'IIIB', 'IIIC'] };

/**
 * Tumour mix.
 *
 * Starting point: national incidence, France — GLOBOCAN 2022 (IARC Global Cancer Observatory,
 * gco.iarc.who.int) and Santé publique France / INCa / Francim / HCL, "Estimations nationales de
 * l'incidence et de la mortalité par cancer en France métropolitaine entre 1990 et 2023" (2023):
 * breast ~61,000, prostate ~60,000, lung ~53,000, colorectal ~48,000 new cases a year, then
 * pancreas, melanoma, head and neck, kidney, bladder, NHL...
 * Then re-weighted (our assumption, stated so it can be argued with) for the advanced-disease
 * population a comprehensive cancer centre follows: most localised prostate and skin cancers
 * never come; lung, pancreas, rare tumours (sarcoma, NET, cholangiocarcinoma, GIST) and
 * early-phase referrals are over-represented; haematology is a few percent.
 * Percentages, rounded; the table sums to 100.
 *
 * Alteration prevalences, unless a row says otherwise: Zehir A, et al. Nat Med 2017;23:703-13
 * (MSK-IMPACT, 10,945 tumours from >10,000 patients) and AACR Project GENIE Consortium,
 * Cancer Discov 2017;7:818-31, rounded. French lung figures: Barlesi F, et al. Lancet
 * 2016;387:1415-26 (IFCT Biomarqueurs-France, 17,664 NSCLC: EGFR ~11%, KRAS ~29%, ALK ~5%,
 * BRAF ~2%, HER2 ~1%), adenocarcinoma rates a little higher. mCRPC: Robinson D, et al. Cell
 * 2015;161:1215-28 (SU2C/PCF). TMB medians: Chalmers ZR, et al. Genome Med 2017;9:34.
 * MSI-H in advanced disease: Latham A, et al. J Clin Oncol 2020;38:259-66 (about 2% overall;
 * endometrium ~17-20%, colorectal ~5% in metastatic disease). AML: Papaemmanuil E, et al.
 * N Engl J Med 2016;374:2209-21.
 */
export const TUMOUR_TYPES: readonly TumourType[] = [
  // ---- Thoracic -------------------------------------------------------------------------
  {
    code: 'LUAD',
    lineage: ['LUAD', 'NSCLC', 'LUNG'],
    label: 'Lung adenocarcinoma',
    labelFr: 'adénocarcinome pulmonaire',
    weight: 11,
    group: 'nsclc',
    maleShare: 0.6,
    age: [65, 10],
    liquid: false,
    deNovoMetastatic: 0.6,
    stages: LUNG_STAGES,
    sites: { brain: 0.25, bone: 0.35, liver: 0.15, 'adrenal gland': 0.12, pleura: 0.25, lung: 0.3, 'lymph node': 0.4 },
    alterations: [
      // Mutually exclusive oncogenic drivers (Barlesi 2016, Zehir 2017). KRAS G12C ~ 40% of KRAS-mutant LUAD.
      [
        [ALT.KRAS_G12C, 0.13],
        [ALT.KRAS_G12V, 0.06],
        [ALT.KRAS_G12D, 0.04],
        [ALT.KRAS_G12A, 0.02],
        [ALT.KRAS_Q61H, 0.01],
        [ALT.EGFR_EX19DEL, 0.055],
        [ALT.EGFR_L858R, 0.045],
        [ALT.EGFR_G719S, 0.005],
        [ALT.EGFR_EX20INS, 0.01],
        [ALT.ALK_EML4, 0.04],
        [ALT.ROS1_CD74, 0.015],
        [ALT.RET_KIF5B, 0.015],
        [ALT.MET_EX14, 0.03],
        [ALT.BRAF_V600E, 0.02],
        [ALT.BRAF_G469A, 0.01],
        [ALT.ERBB2_EX20INS, 0.02],
        [ALT.NTRK1_TPM3, 0.002],
      ],
      tp53(0.5),
      one(ALT.STK11_Q37X, 0.15),
      one(ALT.KEAP1_G333C, 0.12),
      one(ALT.CDKN2A_DEL, 0.2),
    ],
    tmbMedian: 6,
    msiHigh: 0.005,
    ctdnaShedding: 1,
    markers: ['cea'],
  },
  {
    code: 'LUSC',
    lineage: ['LUSC', 'NSCLC', 'LUNG'],
    label: 'Lung squamous cell carcinoma',
    labelFr: 'carcinome épidermoïde pulmonaire',
    weight: 3,
    group: 'nsclc',
    maleShare: 0.75,
    age: [68, 9],
    liquid: false,
    deNovoMetastatic: 0.5,
    stages: LUNG_STAGES,
    sites: { bone: 0.3, liver: 0.15, brain: 0.12, 'adrenal gland': 0.12, pleura: 0.2, lung: 0.3, 'lymph node': 0.45 },
    alterations: [
      [
        [ALT.PIK3CA_E545K, 0.08],
        [ALT.PIK3CA_H1047R, 0.04],
      ],
      one(ALT.FGFR1_AMP, 0.12),
      one(ALT.SOX2_AMP, 0.2),
      one(ALT.PTEN_DEL, 0.08),
      one(ALT.KRAS_G12C, 0.02),
      tp53(0.8),
      one(ALT.CDKN2A_DEL, 0.3),
      one(ALT.KEAP1_G333C, 0.12),
    ],
    tmbMedian: 9,
    msiHigh: 0.002,
    ctdnaShedding: 1.2,
    markers: [],
  },
  {
    code: 'SCLC',
    lineage: ['SCLC', 'LNET', 'LUNG'],
    label: 'Small cell lung cancer',
    labelFr: 'carcinome bronchique à petites cellules',
    weight: 2,
    group: 'sclc',
    maleShare: 0.6,
    age: [66, 9],
    liquid: false,
    deNovoMetastatic: 0.7,
    stages: LUNG_STAGES,
    sites: { liver: 0.4, brain: 0.3, bone: 0.35, 'adrenal gland': 0.2, 'lymph node': 0.6 },
    alterations: [tp53(0.9), one(ALT.RB1_DEL, 0.7), one(ALT.MYCL_AMP, 0.08), one(ALT.MYC_AMP, 0.06)],
    tmbMedian: 9,
    msiHigh: 0.002,
    ctdnaShedding: 2.5,
    markers: [],
  },
  {
    code: 'PLMESO',
    lineage: ['PLMESO', 'PLEURA'],
    label: 'Pleural mesothelioma',
    labelFr: 'mésothéliome pleural',
    weight: 0.5,
    group: 'mesothelioma',
    maleShare: 0.75,
    age: [70, 8],
    liquid: false,
    deNovoMetastatic: 0.5,
    stages: GENERIC_STAGES,
    sites: { pleura: 0.9, peritoneum: 0.1, lung: 0.3, 'lymph node': 0.3 },
    alterations: [one(ALT.BAP1_MUT, 0.5), one(ALT.CDKN2A_DEL, 0.5), one(ALT.NF2_MUT, 0.35)],
    tmbMedian: 1.5,
    msiHigh: 0,
    ctdnaShedding: 0.4,
    markers: [],
  },
  // ---- Breast ---------------------------------------------------------------------------
  {
    code: 'IDC',
    lineage: ['IDC', 'BRCA', 'BREAST'],
    label: 'Breast invasive ductal carcinoma',
    labelFr: 'carcinome canalaire infiltrant du sein',
    weight: 14.5,
    group: 'breast',
    maleShare: 0.01,
    age: [57, 12],
    liquid: false,
    deNovoMetastatic: 0.25,
    stages: BREAST_STAGES,
    sites: { bone: 0.6, liver: 0.35, lung: 0.3, brain: 0.1, 'lymph node': 0.4, pleura: 0.15, skin: 0.05 },
    alterations: [
      one(ALT.ERBB2_AMP, 0.15),
      [
        [ALT.PIK3CA_H1047R, 0.14],
        [ALT.PIK3CA_E545K, 0.08],
        [ALT.PIK3CA_E542K, 0.04],
      ],
      // Germline BRCA1/2 in unselected breast cancer ~5% (higher in triple-negative).
      [
        [ALT.BRCA1_5266DUP, 0.015],
        [ALT.BRCA1_68DEL, 0.01],
        [ALT.BRCA2_5946DEL, 0.025],
        [ALT.PALB2_W1038X, 0.005],
      ],
      tp53(0.35),
      one(ALT.GATA3_MUT, 0.1),
      one(ALT.CDH1_MUT, 0.03),
      one(ALT.PTEN_R233X, 0.04),
    ],
    tmbMedian: 2.6,
    msiHigh: 0.003,
    ctdnaShedding: 1.2,
    markers: ['ca153', 'cea'],
  },
  {
    code: 'ILC',
    lineage: ['ILC', 'BRCA', 'BREAST'],
    label: 'Breast invasive lobular carcinoma',
    labelFr: 'carcinome lobulaire infiltrant du sein',
    weight: 2.5,
    group: 'breast',
    maleShare: 0.01,
    age: [62, 11],
    liquid: false,
    deNovoMetastatic: 0.2,
    stages: BREAST_STAGES,
    sites: { bone: 0.7, peritoneum: 0.2, liver: 0.25, 'lymph node': 0.35, lung: 0.1 },
    alterations: [
      one(ALT.CDH1_MUT, 0.6),
      one(ALT.ERBB2_AMP, 0.05),
      [
        [ALT.PIK3CA_H1047R, 0.2],
        [ALT.PIK3CA_E545K, 0.15],
        [ALT.PIK3CA_E542K, 0.06],
      ],
      one(ALT.ERBB2_L755S, 0.04),
      tp53(0.08),
    ],
    tmbMedian: 2.6,
    msiHigh: 0.002,
    ctdnaShedding: 1,
    markers: ['ca153'],
  },
  // ---- Digestive ------------------------------------------------------------------------
  {
    code: 'COAD',
    lineage: ['COAD', 'COADREAD', 'BOWEL'],
    label: 'Colon adenocarcinoma',
    labelFr: 'adénocarcinome colique',
    weight: 7,
    group: 'colorectal',
    maleShare: 0.55,
    age: [64, 11],
    liquid: false,
    deNovoMetastatic: 0.45,
    stages: CRC_STAGES,
    sites: { liver: 0.7, lung: 0.35, peritoneum: 0.25, 'lymph node': 0.35, bone: 0.05 },
    alterations: [
      // RAS/BRAF mutually exclusive: KRAS ~44%, NRAS ~5%, BRAF V600E ~8% of metastatic CRC.
      [
        [ALT.KRAS_G12D, 0.12],
        [ALT.KRAS_G12V, 0.09],
        [ALT.KRAS_G13D, 0.07],
        [ALT.KRAS_G12C, 0.03],
        [ALT.KRAS_A146T, 0.03],
        [ALT.KRAS_G12A, 0.02],
        [ALT.KRAS_G12S, 0.02],
        [ALT.KRAS_Q61H, 0.01],
        [ALT.NRAS_Q61K, 0.025],
        [ALT.NRAS_Q61R, 0.015],
        [ALT.NRAS_G12D, 0.01],
        [ALT.BRAF_V600E, 0.08],
      ],
      one(ALT.ERBB2_AMP, 0.03),
      [
        [ALT.PIK3CA_E545K, 0.09],
        [ALT.PIK3CA_H1047R, 0.05],
      ],
      one(APC_TRUNCATING, 0.75),
      tp53(0.6),
      [
        [ALT.SMAD4_R361H, 0.07],
        [ALT.SMAD4_DEL, 0.05],
      ],
    ],
    tmbMedian: 4,
    msiHigh: 0.05,
    ctdnaShedding: 1.3,
    markers: ['cea'],
  },
  {
    code: 'READ',
    lineage: ['READ', 'COADREAD', 'BOWEL'],
    label: 'Rectal adenocarcinoma',
    labelFr: 'adénocarcinome rectal',
    weight: 2.5,
    group: 'colorectal',
    maleShare: 0.6,
    age: [63, 11],
    liquid: false,
    deNovoMetastatic: 0.35,
    stages: CRC_STAGES,
    sites: { liver: 0.6, lung: 0.5, peritoneum: 0.1, 'lymph node': 0.35, bone: 0.07 },
    alterations: [
      [
        [ALT.KRAS_G12D, 0.12],
        [ALT.KRAS_G12V, 0.1],
        [ALT.KRAS_G13D, 0.07],
        [ALT.KRAS_G12C, 0.03],
        [ALT.KRAS_A146T, 0.03],
        [ALT.NRAS_Q61K, 0.03],
        [ALT.NRAS_Q61R, 0.02],
        [ALT.BRAF_V600E, 0.03],
      ],
      one(ALT.ERBB2_AMP, 0.04),
      one(ALT.PIK3CA_E545K, 0.1),
      one(APC_TRUNCATING, 0.8),
      tp53(0.7),
    ],
    tmbMedian: 4,
    msiHigh: 0.02,
    ctdnaShedding: 1.3,
    markers: ['cea'],
  },
  {
    code: 'PAAD',
    lineage: ['PAAD', 'PANCREAS'],
    label: 'Pancreatic adenocarcinoma',
    labelFr: 'adénocarcinome pancréatique',
    weight: 4.8,
    group: 'pancreas',
    maleShare: 0.52,
    age: [67, 9],
    liquid: false,
    deNovoMetastatic: 0.55,
    stages: GENERIC_STAGES,
    sites: { liver: 0.7, peritoneum: 0.3, lung: 0.2, 'lymph node': 0.3, bone: 0.05 },
    alterations: [
      // KRAS in ~90%: G12D > G12V > G12R; G12C ~1-2%. KRAS-wild-type tumours carry rare fusions.
      [
        [ALT.KRAS_G12D, 0.4],
        [ALT.KRAS_G12V, 0.3],
        [ALT.KRAS_G12R, 0.14],
        [ALT.KRAS_Q61H, 0.05],
        [ALT.KRAS_G12C, 0.015],
        [ALT.BRAF_V600E, 0.01],
        [ALT.NRG1_CD74, 0.005],
      ],
      one(ALT.CDKN2A_DEL, 0.45),
      tp53(0.7),
      [
        [ALT.SMAD4_DEL, 0.2],
        [ALT.SMAD4_R361H, 0.1],
      ],
      // Germline BRCA1/2 ~5-7% (the POLO population), PALB2 ~1%.
      [
        [ALT.BRCA2_5946DEL, 0.035],
        [ALT.BRCA1_68DEL, 0.015],
        [ALT.PALB2_W1038X, 0.01],
      ],
    ],
    tmbMedian: 1.8,
    msiHigh: 0.01,
    ctdnaShedding: 0.9,
    markers: ['ca199', 'cea'],
  },
  {
    code: 'STAD',
    lineage: ['STAD', 'EGC', 'STOMACH'],
    label: 'Stomach adenocarcinoma',
    labelFr: 'adénocarcinome gastrique',
    weight: 2,
    group: 'gastro-oesophageal',
    maleShare: 0.65,
    age: [66, 11],
    liquid: false,
    deNovoMetastatic: 0.45,
    stages: GENERIC_STAGES,
    sites: { peritoneum: 0.45, liver: 0.4, 'lymph node': 0.45, lung: 0.1, bone: 0.08 },
    alterations: [
      one(ALT.ERBB2_AMP, 0.15),
      one(ALT.FGFR2_AMP, 0.05),
      one(ALT.KRAS_AMP, 0.05),
      one(ALT.CDH1_MUT, 0.1),
      one(ALT.PIK3CA_E545K, 0.08),
      tp53(0.6),
      one(ALT.ARID1A_MUT, 0.15),
    ],
    tmbMedian: 4,
    msiHigh: 0.06,
    ctdnaShedding: 0.9,
    markers: ['cea', 'ca199'],
  },
  {
    code: 'ESCA',
    lineage: ['ESCA', 'EGC', 'STOMACH'],
    label: 'Oesophageal adenocarcinoma',
    labelFr: "adénocarcinome de l'œsophage",
    weight: 1,
    group: 'gastro-oesophageal',
    maleShare: 0.85,
    age: [65, 10],
    liquid: false,
    deNovoMetastatic: 0.45,
    stages: GENERIC_STAGES,
    sites: { liver: 0.45, 'lymph node': 0.5, lung: 0.2, bone: 0.1, peritoneum: 0.15 },
    alterations: [one(ALT.ERBB2_AMP, 0.2), one(ALT.KRAS_AMP, 0.08), one(ALT.CDKN2A_DEL, 0.3), tp53(0.8)],
    tmbMedian: 5,
    msiHigh: 0.01,
    ctdnaShedding: 1,
    markers: ['cea'],
  },
  {
    code: 'ESCC',
    lineage: ['ESCC', 'STOMACH'],
    label: 'Oesophageal squamous cell carcinoma',
    labelFr: "carcinome épidermoïde de l'œsophage",
    weight: 1,
    group: 'oesophageal-squamous',
    maleShare: 0.75,
    age: [65, 10],
    liquid: false,
    deNovoMetastatic: 0.4,
    stages: GENERIC_STAGES,
    sites: { 'lymph node': 0.55, liver: 0.3, lung: 0.25, bone: 0.12 },
    alterations: [tp53(0.9), one(ALT.CDKN2A_DEL, 0.4), one(ALT.PIK3CA_E545K, 0.1), one(ALT.NOTCH1_MUT, 0.15), one(ALT.SOX2_AMP, 0.15)],
    tmbMedian: 5,
    msiHigh: 0.002,
    ctdnaShedding: 1,
    markers: [],
  },
  {
    code: 'IHCH',
    lineage: ['IHCH', 'CHOL', 'IPN', 'BILIARY_TRACT'],
    label: 'Intrahepatic cholangiocarcinoma',
    labelFr: 'cholangiocarcinome intrahépatique',
    weight: 1.3,
    group: 'biliary',
    maleShare: 0.5,
    age: [64, 11],
    liquid: false,
    deNovoMetastatic: 0.5,
    stages: GENERIC_STAGES,
    sites: { liver: 0.6, 'lymph node': 0.45, lung: 0.2, peritoneum: 0.2, bone: 0.1 },
    alterations: [
      // FGFR2 fusions ~10-15% (FIGHT-202 population), IDH1 R132 ~13% (R132C most common), IDH2 ~2%.
      [
        [ALT.FGFR2_BICC1, 0.08],
        [ALT.FGFR2_AHCYL1, 0.04],
        [ALT.IDH1_R132C, 0.08],
        [ALT.IDH1_R132L, 0.02],
        [ALT.IDH1_R132G, 0.02],
        [ALT.IDH2_R172K, 0.02],
        [ALT.BRAF_V600E, 0.03],
        [ALT.KRAS_G12D, 0.08],
        [ALT.ERBB2_AMP, 0.02],
      ],
      one(ALT.BAP1_MUT, 0.2),
      one(ALT.ARID1A_MUT, 0.18),
      tp53(0.2),
      one(ALT.CDKN2A_DEL, 0.2),
    ],
    tmbMedian: 2,
    msiHigh: 0.01,
    ctdnaShedding: 0.7,
    markers: ['ca199', 'cea'],
  },
  {
    code: 'EHCH',
    lineage: ['EHCH', 'CHOL', 'IPN', 'BILIARY_TRACT'],
    label: 'Extrahepatic cholangiocarcinoma',
    labelFr: 'cholangiocarcinome extrahépatique',
    weight: 0.4,
    group: 'biliary',
    maleShare: 0.55,
    age: [67, 10],
    liquid: false,
    deNovoMetastatic: 0.45,
    stages: GENERIC_STAGES,
    sites: { liver: 0.5, 'lymph node': 0.5, peritoneum: 0.3, lung: 0.15 },
    alterations: [
      [
        [ALT.KRAS_G12D, 0.18],
        [ALT.KRAS_G12V, 0.1],
        [ALT.ERBB2_AMP, 0.1],
      ],
      tp53(0.4),
      one(ALT.SMAD4_DEL, 0.15),
    ],
    tmbMedian: 2.5,
    msiHigh: 0.01,
    ctdnaShedding: 0.7,
    markers: ['ca199'],
  },
  {
    code: 'GBAD',
    lineage: ['GBAD', 'GBC', 'ICPN', 'BILIARY_TRACT'],
    label: 'Gallbladder adenocarcinoma',
    labelFr: 'adénocarcinome de la vésicule biliaire',
    weight: 0.4,
    group: 'biliary',
    maleShare: 0.3,
    age: [68, 10],
    liquid: false,
    deNovoMetastatic: 0.6,
    stages: GENERIC_STAGES,
    sites: { liver: 0.7, peritoneum: 0.35, 'lymph node': 0.45, lung: 0.15 },
    alterations: [one(ALT.ERBB2_AMP, 0.15), tp53(0.6), one(ALT.CDKN2A_DEL, 0.2), one(ALT.PIK3CA_E545K, 0.08)],
    tmbMedian: 3,
    msiHigh: 0.01,
    ctdnaShedding: 0.8,
    markers: ['ca199'],
  },
  {
    code: 'HCC',
    lineage: ['HCC', 'LIVER'],
    label: 'Hepatocellular carcinoma',
    labelFr: 'carcinome hépatocellulaire',
    weight: 1.5,
    group: 'liver',
    maleShare: 0.8,
    age: [66, 10],
    liquid: false,
    deNovoMetastatic: 0.3,
    stages: GENERIC_STAGES,
    sites: { lung: 0.45, bone: 0.25, 'lymph node': 0.3, 'adrenal gland': 0.1, peritoneum: 0.1 },
    alterations: [
      [
        [ALT.TERT_C228T, 0.5],
        [ALT.TERT_C250T, 0.05],
      ],
      [
        [ALT.CTNNB1_S45P, 0.1],
        [ALT.CTNNB1_T41A, 0.08],
        [ALT.CTNNB1_S37F, 0.08],
      ],
      tp53(0.3),
      one(ALT.AXIN1_MUT, 0.08),
      one(ALT.ARID1A_MUT, 0.1),
    ],
    tmbMedian: 3,
    msiHigh: 0.003,
    ctdnaShedding: 1,
    markers: [],
  },
  {
    code: 'SBWDNET',
    lineage: ['SBWDNET', 'GINET', 'BOWEL'],
    label: 'Small bowel well-differentiated neuroendocrine tumour',
    labelFr: "tumeur neuroendocrine bien différenciée de l'intestin grêle",
    weight: 0.9,
    group: 'net',
    maleShare: 0.52,
    age: [62, 11],
    liquid: false,
    deNovoMetastatic: 0.55,
    stages: GENERIC_STAGES,
    sites: { liver: 0.85, 'lymph node': 0.6, bone: 0.15, peritoneum: 0.2 },
    alterations: [one(ALT.CDKN1B_MUT, 0.08)],
    tmbMedian: 1,
    msiHigh: 0,
    ctdnaShedding: 0.3,
    markers: [],
  },
  {
    code: 'PANET',
    lineage: ['PANET', 'PANCREAS'],
    label: 'Pancreatic neuroendocrine tumour',
    labelFr: 'tumeur neuroendocrine du pancréas',
    weight: 0.9,
    group: 'net',
    maleShare: 0.55,
    age: [58, 12],
    liquid: false,
    deNovoMetastatic: 0.5,
    stages: GENERIC_STAGES,
    sites: { liver: 0.85, 'lymph node': 0.4, bone: 0.12, peritoneum: 0.1 },
    alterations: [
      one(ALT.MEN1_MUT, 0.4),
      [
        [ALT.DAXX_MUT, 0.25],
        [ALT.ATRX_MUT, 0.15],
      ],
      one(ALT.PTEN_DEL, 0.07),
    ],
    tmbMedian: 1,
    msiHigh: 0,
    ctdnaShedding: 0.3,
    markers: [],
  },
  // ---- Genitourinary --------------------------------------------------------------------
  {
    code: 'PRAD',
    lineage: ['PRAD', 'PROSTATE'],
    label: 'Prostate adenocarcinoma',
    labelFr: 'adénocarcinome prostatique',
    weight: 8,
    group: 'prostate',
    maleShare: 1,
    age: [69, 8],
    liquid: false,
    deNovoMetastatic: 0.3,
    stages: { metastatic: ['IVB'], localised: ['IIB', 'IIC', 'IIIA', 'IIIB', 'IIIC'] },
    sites: { bone: 0.88, 'lymph node': 0.45, liver: 0.1, lung: 0.1 },
    alterations: [
      // Robinson 2015 (mCRPC): ETS fusions ~57% (TMPRSS2-ERG most), BRCA2 ~13%, ATM ~7%, CDK12 ~5%,
      // PTEN loss ~40%, TP53 ~50%; AR alterations are acquired under castration (added at progression).
      one(ALT.ERG_TMPRSS2, 0.45),
      [
        [ALT.BRCA2_5946DEL, 0.06],
        [ALT.BRCA2_DEL, 0.05],
        [ALT.ATM_MUT, 0.06],
        [ALT.CDK12_MUT, 0.05],
        [ALT.PALB2_W1038X, 0.01],
      ],
      one(ALT.PTEN_DEL, 0.35),
      tp53(0.45),
      one(ALT.SPOP_F133V, 0.06),
    ],
    tmbMedian: 2.5,
    msiHigh: 0.03,
    ctdnaShedding: 1.1,
    markers: ['psa'],
  },
  {
    code: 'CCRCC',
    lineage: ['CCRCC', 'RCC', 'KIDNEY'],
    label: 'Clear cell renal cell carcinoma',
    labelFr: 'carcinome rénal à cellules claires',
    weight: 3,
    group: 'kidney',
    maleShare: 0.67,
    age: [63, 10],
    liquid: false,
    deNovoMetastatic: 0.3,
    stages: GENERIC_STAGES,
    sites: { lung: 0.6, bone: 0.3, 'lymph node': 0.3, liver: 0.2, 'adrenal gland': 0.1, brain: 0.08 },
    alterations: [
      [
        [ALT.VHL_R167Q, 0.1],
        [ALT.VHL_MUT, 0.45],
      ],
      one(ALT.PBRM1_MUT, 0.4),
      one(ALT.SETD2_MUT, 0.12),
      one(ALT.BAP1_MUT, 0.1),
    ],
    tmbMedian: 1.5,
    msiHigh: 0.002,
    ctdnaShedding: 0.5,
    markers: [],
  },
  {
    code: 'BLCA',
    lineage: ['BLCA', 'BLADDER'],
    label: 'Bladder urothelial carcinoma',
    labelFr: 'carcinome urothélial de vessie',
    weight: 3,
    group: 'bladder',
    maleShare: 0.78,
    age: [69, 9],
    liquid: false,
    deNovoMetastatic: 0.3,
    stages: GENERIC_STAGES,
    sites: { 'lymph node': 0.55, lung: 0.35, bone: 0.3, liver: 0.25, peritoneum: 0.08 },
    alterations: [
      [
        [ALT.FGFR3_S249C, 0.08],
        [ALT.FGFR3_R248C, 0.03],
        [ALT.FGFR3_Y373C, 0.02],
        [ALT.FGFR3_TACC3, 0.03],
      ],
      [
        [ALT.ERBB2_AMP, 0.07],
        [ALT.ERBB2_S310F, 0.05],
      ],
      one(ALT.PIK3CA_E545K, 0.1),
      tp53(0.5),
      one(ALT.CDKN2A_DEL, 0.25),
      one(ALT.TERT_C228T, 0.7),
      one(ALT.ARID1A_MUT, 0.2),
    ],
    tmbMedian: 7,
    msiHigh: 0.01,
    ctdnaShedding: 1,
    markers: [],
  },
  {
    code: 'UTUC',
    lineage: ['UTUC', 'BLADDER'],
    label: 'Upper tract urothelial carcinoma',
    labelFr: 'carcinome urothélial de la voie excrétrice supérieure',
    weight: 0.5,
    group: 'bladder',
    maleShare: 0.7,
    age: [70, 9],
    liquid: false,
    deNovoMetastatic: 0.25,
    stages: GENERIC_STAGES,
    sites: { 'lymph node': 0.55, lung: 0.35, bone: 0.25, liver: 0.25 },
    alterations: [
      [
        [ALT.FGFR3_S249C, 0.15],
        [ALT.FGFR3_R248C, 0.08],
        [ALT.FGFR3_Y373C, 0.05],
      ],
      tp53(0.3),
      one(ALT.TERT_C228T, 0.6),
    ],
    tmbMedian: 5,
    msiHigh: 0.05,
    ctdnaShedding: 0.9,
    markers: [],
  },
  {
    code: 'SEM',
    lineage: ['SEM', 'TESTIS'],
    label: 'Seminoma',
    labelFr: 'séminome',
    weight: 0.2,
    group: 'germ-cell',
    maleShare: 1,
    age: [36, 9],
    liquid: false,
    deNovoMetastatic: 0.3,
    stages: { metastatic: ['IIIA', 'IIIB', 'IIIC'], localised: ['IB', 'IIA', 'IIB'] },
    sites: { 'lymph node': 0.9, lung: 0.2, liver: 0.05 },
    alterations: [one(ALT.KIT_D816V, 0.2), one(ALT.KRAS_G12V, 0.1)],
    tmbMedian: 0.5,
    msiHigh: 0,
    ctdnaShedding: 0.6,
    markers: ['ldh'],
  },
  {
    code: 'NSGCT',
    lineage: ['NSGCT', 'TESTIS'],
    label: 'Non-seminomatous germ cell tumour',
    labelFr: 'tumeur germinale non séminomateuse',
    weight: 0.3,
    group: 'germ-cell',
    maleShare: 1,
    age: [30, 8],
    liquid: false,
    deNovoMetastatic: 0.4,
    stages: { metastatic: ['IIIA', 'IIIB', 'IIIC'], localised: ['IB', 'IIA', 'IIB'] },
    sites: { 'lymph node': 0.9, lung: 0.45, liver: 0.1, brain: 0.05 },
    alterations: [one(ALT.KRAS_G12V, 0.1), tp53(0.05)],
    tmbMedian: 0.5,
    msiHigh: 0,
    ctdnaShedding: 0.8,
    markers: ['ldh'],
  },
  // ---- Gynaecology ----------------------------------------------------------------------
  {
    code: 'HGSOC',
    lineage: ['HGSOC', 'SOC', 'OVT', 'OVARY'],
    label: 'High-grade serous ovarian cancer',
    labelFr: "carcinome séreux de haut grade de l'ovaire",
    weight: 3.6,
    group: 'ovary',
    maleShare: 0,
    age: [62, 10],
    liquid: false,
    deNovoMetastatic: 0.25,
    stages: { metastatic: ['IVA', 'IVB'], localised: ['IIIA', 'IIIB', 'IIIC'] },
    sites: { peritoneum: 0.85, 'lymph node': 0.4, liver: 0.15, pleura: 0.15, lung: 0.08 },
    alterations: [
      tp53(0.96),
      // BRCA1/2 (germline + somatic) ~20%, CCNE1 amplification ~20% and mutually exclusive with them.
      [
        [ALT.BRCA1_5266DUP, 0.05],
        [ALT.BRCA1_68DEL, 0.05],
        [ALT.BRCA2_5946DEL, 0.06],
        [ALT.BRCA2_DEL, 0.02],
        [ALT.CCNE1_AMP, 0.18],
      ],
      one(ALT.NF1_MUT, 0.06),
    ],
    tmbMedian: 3,
    msiHigh: 0.01,
    ctdnaShedding: 1.2,
    markers: ['ca125'],
  },
  {
    code: 'LGSOC',
    lineage: ['LGSOC', 'SOC', 'OVT', 'OVARY'],
    label: 'Low-grade serous ovarian cancer',
    labelFr: "carcinome séreux de bas grade de l'ovaire",
    weight: 0.3,
    group: 'ovary',
    maleShare: 0,
    age: [50, 12],
    liquid: false,
    deNovoMetastatic: 0.2,
    stages: { metastatic: ['IVA', 'IVB'], localised: ['IIIA', 'IIIB', 'IIIC'] },
    sites: { peritoneum: 0.9, 'lymph node': 0.3, liver: 0.05 },
    alterations: [
      [
        [ALT.KRAS_G12V, 0.25],
        [ALT.BRAF_V600E, 0.1],
        [ALT.NRAS_Q61R, 0.1],
      ],
    ],
    tmbMedian: 1.5,
    msiHigh: 0,
    ctdnaShedding: 0.5,
    markers: ['ca125'],
  },
  {
    code: 'UEC',
    lineage: ['UEC', 'UCEC', 'UTERUS'],
    label: 'Uterine endometrioid carcinoma',
    labelFr: "adénocarcinome endométrioïde de l'endomètre",
    weight: 2,
    group: 'endometrium',
    maleShare: 0,
    age: [64, 10],
    liquid: false,
    deNovoMetastatic: 0.15,
    stages: { metastatic: ['IVA', 'IVB'], localised: ['II', 'IIIA', 'IIIB', 'IIIC'] },
    sites: { 'lymph node': 0.5, lung: 0.3, peritoneum: 0.35, liver: 0.15, bone: 0.1 },
    alterations: [
      one(ALT.POLE_P286R, 0.04),
      [
        [ALT.PTEN_R130G, 0.12],
        [ALT.PTEN_R233X, 0.1],
        [ALT.PTEN_DEL, 0.1],
      ],
      [
        [ALT.PIK3CA_H1047R, 0.15],
        [ALT.PIK3CA_E545K, 0.1],
      ],
      one(ALT.ARID1A_MUT, 0.3),
      one(ALT.KRAS_G12D, 0.08),
      [
        [ALT.CTNNB1_S37F, 0.1],
        [ALT.CTNNB1_T41A, 0.05],
      ],
      tp53(0.15),
    ],
    tmbMedian: 5,
    msiHigh: 0.2,
    ctdnaShedding: 0.8,
    markers: ['ca125'],
  },
  {
    code: 'USC',
    lineage: ['USC', 'UCEC', 'UTERUS'],
    label: 'Uterine serous carcinoma',
    labelFr: "carcinome séreux de l'endomètre",
    weight: 0.6,
    group: 'endometrium',
    maleShare: 0,
    age: [67, 9],
    liquid: false,
    deNovoMetastatic: 0.3,
    stages: { metastatic: ['IVA', 'IVB'], localised: ['II', 'IIIA', 'IIIB', 'IIIC'] },
    sites: { peritoneum: 0.6, 'lymph node': 0.5, lung: 0.2, liver: 0.15 },
    alterations: [tp53(0.9), one(ALT.ERBB2_AMP, 0.25), one(ALT.PIK3CA_H1047R, 0.3), one(ALT.CCNE1_AMP, 0.2)],
    tmbMedian: 3,
    msiHigh: 0.02,
    ctdnaShedding: 1,
    markers: ['ca125'],
  },
  {
    code: 'CESC',
    lineage: ['CESC', 'CERVIX'],
    label: 'Cervical squamous cell carcinoma',
    labelFr: "carcinome épidermoïde du col de l'utérus",
    weight: 1,
    group: 'cervix',
    maleShare: 0,
    age: [52, 12],
    liquid: false,
    deNovoMetastatic: 0.2,
    stages: { metastatic: ['IVA', 'IVB'], localised: ['IIB', 'IIIA', 'IIIB', 'IIIC'] },
    sites: { 'lymph node': 0.6, lung: 0.3, bone: 0.15, liver: 0.15, peritoneum: 0.1 },
    alterations: [
      [
        [ALT.PIK3CA_E545K, 0.15],
        [ALT.PIK3CA_E542K, 0.08],
      ],
      one(ALT.ERBB2_AMP, 0.04),
    ],
    tmbMedian: 4,
    msiHigh: 0.01,
    ctdnaShedding: 0.8,
    markers: [],
  },
  // ---- Skin, head and neck, thyroid -----------------------------------------------------
  {
    code: 'SKCM',
    lineage: ['SKCM', 'MEL', 'SKIN'],
    label: 'Cutaneous melanoma',
    labelFr: 'mélanome cutané',
    weight: 4,
    group: 'melanoma',
    maleShare: 0.52,
    age: [62, 14],
    liquid: false,
    deNovoMetastatic: 0.15,
    stages: { metastatic: ['IV'], localised: ['IIB', 'IIC', 'IIIA', 'IIIB', 'IIIC', 'IIID'] },
    sites: { 'lymph node': 0.55, lung: 0.4, liver: 0.25, brain: 0.2, skin: 0.25, bone: 0.15, 'soft tissue': 0.15 },
    alterations: [
      // BRAF V600 ~45% (V600E:V600K ~ 5:1), NRAS Q61 ~20%, NF1 ~10%, KIT ~1%.
      [
        [ALT.BRAF_V600E, 0.38],
        [ALT.BRAF_V600K, 0.07],
        [ALT.NRAS_Q61R, 0.1],
        [ALT.NRAS_Q61K, 0.08],
        [ALT.NRAS_Q61L, 0.03],
        [ALT.NF1_MUT, 0.1],
        [ALT.KIT_L576P, 0.01],
      ],
      [
        [ALT.TERT_C228T, 0.3],
        [ALT.TERT_C250T, 0.2],
      ],
      one(ALT.CDKN2A_DEL, 0.4),
    ],
    tmbMedian: 14,
    msiHigh: 0.001,
    ctdnaShedding: 1.1,
    markers: ['ldh'],
  },
  {
    code: 'UM',
    lineage: ['UM', 'OM', 'EYE'],
    label: 'Uveal melanoma',
    labelFr: 'mélanome uvéal',
    weight: 0.5,
    group: 'uveal-melanoma',
    maleShare: 0.5,
    age: [62, 12],
    liquid: false,
    deNovoMetastatic: 0.05,
    stages: GENERIC_STAGES,
    sites: { liver: 0.9, lung: 0.25, bone: 0.15 },
    alterations: [
      [
        [ALT.GNAQ_Q209L, 0.45],
        [ALT.GNAQ_Q209P, 0.05],
        [ALT.GNA11_Q209L, 0.4],
      ],
      one(ALT.BAP1_MUT, 0.45),
    ],
    tmbMedian: 1,
    msiHigh: 0,
    ctdnaShedding: 0.8,
    markers: ['ldh'],
  },
  {
    code: 'CSCC',
    lineage: ['CSCC', 'SKIN'],
    label: 'Cutaneous squamous cell carcinoma',
    labelFr: 'carcinome épidermoïde cutané',
    weight: 0.5,
    group: 'skin-other',
    maleShare: 0.7,
    age: [76, 9],
    liquid: false,
    deNovoMetastatic: 0.1,
    stages: GENERIC_STAGES,
    sites: { 'lymph node': 0.8, skin: 0.3, lung: 0.15, bone: 0.1 },
    alterations: [tp53(0.8), one(ALT.NOTCH1_MUT, 0.6), one(ALT.CDKN2A_DEL, 0.3)],
    tmbMedian: 35,
    msiHigh: 0,
    ctdnaShedding: 0.6,
    markers: [],
  },
  {
    code: 'MCC',
    lineage: ['MCC', 'SKIN'],
    label: 'Merkel cell carcinoma',
    labelFr: 'carcinome de Merkel',
    weight: 0.2,
    group: 'skin-other',
    maleShare: 0.6,
    age: [75, 9],
    liquid: false,
    deNovoMetastatic: 0.15,
    stages: GENERIC_STAGES,
    sites: { 'lymph node': 0.8, liver: 0.2, bone: 0.2, skin: 0.2 },
    alterations: [tp53(0.3), one(ALT.RB1_DEL, 0.2)],
    tmbMedian: 3,
    msiHigh: 0,
    ctdnaShedding: 1,
    markers: [],
  },
  {
    code: 'OPHSC',
    lineage: ['OPHSC', 'HNSC', 'HEAD_NECK'],
    label: 'Oropharynx squamous cell carcinoma',
    labelFr: "carcinome épidermoïde de l'oropharynx",
    weight: 1.6,
    group: 'head-neck',
    maleShare: 0.75,
    age: [62, 9],
    liquid: false,
    deNovoMetastatic: 0.15,
    stages: { metastatic: ['IVC'], localised: ['III', 'IVA', 'IVB'] },
    sites: { 'lymph node': 0.6, lung: 0.5, bone: 0.2, liver: 0.1 },
    alterations: [
      [
        [ALT.PIK3CA_E545K, 0.12],
        [ALT.PIK3CA_H1047R, 0.05],
      ],
      tp53(0.5),
      one(ALT.CDKN2A_DEL, 0.2),
      one(ALT.NOTCH1_MUT, 0.15),
    ],
    tmbMedian: 5,
    msiHigh: 0.002,
    ctdnaShedding: 0.8,
    markers: [],
  },
  {
    code: 'OCSC',
    lineage: ['OCSC', 'HNSC', 'HEAD_NECK'],
    label: 'Oral cavity squamous cell carcinoma',
    labelFr: 'carcinome épidermoïde de la cavité buccale',
    weight: 1.3,
    group: 'head-neck',
    maleShare: 0.65,
    age: [63, 11],
    liquid: false,
    deNovoMetastatic: 0.1,
    stages: { metastatic: ['IVC'], localised: ['III', 'IVA', 'IVB'] },
    sites: { 'lymph node': 0.6, lung: 0.5, bone: 0.2, liver: 0.1 },
    alterations: [one(ALT.PIK3CA_E545K, 0.1), tp53(0.75), one(ALT.CDKN2A_DEL, 0.35), one(ALT.EGFR_AMP, 0.1), one(ALT.NOTCH1_MUT, 0.15)],
    tmbMedian: 5,
    msiHigh: 0.002,
    ctdnaShedding: 0.8,
    markers: [],
  },
  {
    code: 'LXSC',
    lineage: ['LXSC', 'HNSC', 'HEAD_NECK'],
    label: 'Larynx squamous cell carcinoma',
    labelFr: 'carcinome épidermoïde du larynx',
    weight: 0.8,
    group: 'head-neck',
    maleShare: 0.85,
    age: [65, 9],
    liquid: false,
    deNovoMetastatic: 0.1,
    stages: { metastatic: ['IVC'], localised: ['III', 'IVA', 'IVB'] },
    sites: { 'lymph node': 0.6, lung: 0.5, bone: 0.2 },
    alterations: [tp53(0.8), one(ALT.CDKN2A_DEL, 0.35), one(ALT.PIK3CA_E545K, 0.1)],
    tmbMedian: 6,
    msiHigh: 0.002,
    ctdnaShedding: 0.8,
    markers: [],
  },
  {
    code: 'HPHSC',
    lineage: ['HPHSC', 'HNSC', 'HEAD_NECK'],
    label: 'Hypopharynx squamous cell carcinoma',
    labelFr: "carcinome épidermoïde de l'hypopharynx",
    weight: 0.5,
    group: 'head-neck',
    maleShare: 0.85,
    age: [63, 9],
    liquid: false,
    deNovoMetastatic: 0.15,
    stages: { metastatic: ['IVC'], localised: ['III', 'IVA', 'IVB'] },
    sites: { 'lymph node': 0.65, lung: 0.5, bone: 0.2, liver: 0.1 },
    alterations: [tp53(0.85), one(ALT.CDKN2A_DEL, 0.35)],
    tmbMedian: 6,
    msiHigh: 0.002,
    ctdnaShedding: 0.8,
    markers: [],
  },
  {
    code: 'ACYC',
    lineage: ['ACYC', 'SACA', 'HEAD_NECK'],
    label: 'Adenoid cystic carcinoma',
    labelFr: 'carcinome adénoïde kystique',
    weight: 0.3,
    group: 'salivary',
    maleShare: 0.45,
    age: [55, 13],
    liquid: false,
    deNovoMetastatic: 0.1,
    stages: GENERIC_STAGES,
    sites: { lung: 0.8, bone: 0.2, liver: 0.15 },
    alterations: [one(ALT.MYB_NFIB, 0.6), one(ALT.NOTCH1_MUT, 0.15)],
    tmbMedian: 1,
    msiHigh: 0,
    ctdnaShedding: 0.3,
    markers: [],
  },
  {
    code: 'THPA',
    lineage: ['THPA', 'WDTC', 'THYROID'],
    label: 'Papillary thyroid cancer',
    labelFr: 'carcinome papillaire de la thyroïde',
    weight: 1,
    group: 'thyroid',
    maleShare: 0.3,
    age: [55, 14],
    liquid: false,
    deNovoMetastatic: 0.1,
    stages: { metastatic: ['IVB'], localised: ['II', 'III', 'IVA'] },
    sites: { 'lymph node': 0.7, lung: 0.6, bone: 0.2 },
    alterations: [
      [
        [ALT.BRAF_V600E, 0.6],
        [ALT.RET_CCDC6, 0.06],
        [ALT.RET_NCOA4, 0.02],
        [ALT.NRAS_Q61R, 0.07],
        [ALT.HRAS_Q61R, 0.03],
        [ALT.NTRK3_ETV6, 0.02],
      ],
      one(ALT.TERT_C228T, 0.35),
    ],
    tmbMedian: 1,
    msiHigh: 0,
    ctdnaShedding: 0.3,
    markers: [],
  },
  {
    code: 'THAP',
    lineage: ['THAP', 'THYROID'],
    label: 'Anaplastic thyroid cancer',
    labelFr: 'carcinome anaplasique de la thyroïde',
    weight: 0.2,
    group: 'thyroid',
    maleShare: 0.4,
    age: [68, 10],
    liquid: false,
    deNovoMetastatic: 0.45,
    stages: { metastatic: ['IVC'], localised: ['IVA', 'IVB'] },
    sites: { lung: 0.7, 'lymph node': 0.6, bone: 0.15, brain: 0.05 },
    alterations: [
      [
        [ALT.BRAF_V600E, 0.4],
        [ALT.NRAS_Q61R, 0.2],
      ],
      tp53(0.6),
      one(ALT.TERT_C228T, 0.7),
    ],
    tmbMedian: 2,
    msiHigh: 0.01,
    ctdnaShedding: 1,
    markers: [],
  },
  {
    code: 'THME',
    lineage: ['THME', 'THYROID'],
    label: 'Medullary thyroid cancer',
    labelFr: 'carcinome médullaire de la thyroïde',
    weight: 0.3,
    group: 'medullary-thyroid',
    maleShare: 0.45,
    age: [52, 14],
    liquid: false,
    deNovoMetastatic: 0.15,
    stages: { metastatic: ['IVC'], localised: ['III', 'IVA'] },
    sites: { 'lymph node': 0.8, liver: 0.4, lung: 0.35, bone: 0.35 },
    alterations: [
      [
        [ALT.RET_M918T, 0.5],
        [ALT.RET_C634R, 0.08],
        [ALT.HRAS_Q61R, 0.1],
      ],
    ],
    tmbMedian: 1,
    msiHigh: 0,
    ctdnaShedding: 0.5,
    markers: ['cea'],
  },
  // ---- Neuro-oncology, sarcoma ----------------------------------------------------------
  {
    code: 'GB',
    lineage: ['GB', 'ADIFG', 'DIFG', 'BRAIN'],
    label: 'Glioblastoma, IDH-wildtype',
    labelFr: 'glioblastome IDH non muté',
    // IDH-wildtype by definition: no IDH1/2 alteration is drawn. ctDNA sheds poorly across the blood-brain barrier.
    weight: 1.5,
    group: 'glioblastoma',
    maleShare: 0.6,
    age: [61, 11],
    liquid: false,
    deNovoMetastatic: 0,
    sites: {},
    alterations: [
      [
        [ALT.TERT_C228T, 0.6],
        [ALT.TERT_C250T, 0.2],
      ],
      one(ALT.EGFR_AMP, 0.4),
      one(ALT.CDKN2A_DEL, 0.55),
      [
        [ALT.PTEN_DEL, 0.2],
        [ALT.PTEN_R130G, 0.05],
        [ALT.PTEN_R233X, 0.1],
      ],
      one(ALT.PDGFRA_AMP, 0.1),
      one(ALT.NF1_MUT, 0.12),
      tp53(0.3),
      one(ALT.BRAF_V600E, 0.02),
    ],
    tmbMedian: 2,
    msiHigh: 0.002,
    ctdnaShedding: 0.05,
    markers: [],
  },
  {
    code: 'LMS',
    lineage: ['LMS', 'SOFT_TISSUE'],
    label: 'Leiomyosarcoma',
    labelFr: 'léiomyosarcome',
    weight: 0.9,
    group: 'sarcoma',
    maleShare: 0.35,
    age: [58, 12],
    liquid: false,
    deNovoMetastatic: 0.25,
    stages: GENERIC_STAGES,
    sites: { lung: 0.6, liver: 0.35, bone: 0.15, peritoneum: 0.15, 'soft tissue': 0.2 },
    alterations: [tp53(0.7), one(ALT.RB1_DEL, 0.5), one(ALT.PTEN_DEL, 0.15), one(ALT.ATRX_MUT, 0.2)],
    tmbMedian: 1.5,
    msiHigh: 0.002,
    ctdnaShedding: 0.8,
    markers: [],
  },
  {
    code: 'DDLS',
    lineage: ['DDLS', 'LIPO', 'SOFT_TISSUE'],
    label: 'Dedifferentiated liposarcoma',
    labelFr: 'liposarcome dédifférencié',
    weight: 0.7,
    group: 'sarcoma',
    maleShare: 0.6,
    age: [62, 11],
    liquid: false,
    deNovoMetastatic: 0.15,
    stages: GENERIC_STAGES,
    sites: { peritoneum: 0.4, lung: 0.35, liver: 0.15, 'soft tissue': 0.3 },
    // MDM2 amplification is the diagnostic hallmark (>95%); CDK4 co-amplified in ~90%.
    alterations: [one(ALT.MDM2_AMP, 0.98), one(ALT.CDK4_AMP, 0.9)],
    tmbMedian: 1,
    msiHigh: 0,
    ctdnaShedding: 0.5,
    markers: [],
  },
  {
    code: 'MFH',
    lineage: ['MFH', 'SOFT_TISSUE'],
    label: 'Undifferentiated pleomorphic sarcoma',
    labelFr: 'sarcome pléomorphe indifférencié',
    weight: 0.5,
    group: 'sarcoma',
    maleShare: 0.6,
    age: [63, 13],
    liquid: false,
    deNovoMetastatic: 0.15,
    stages: GENERIC_STAGES,
    sites: { lung: 0.7, bone: 0.15, 'soft tissue': 0.2, liver: 0.1 },
    alterations: [tp53(0.5), one(ALT.RB1_DEL, 0.3), one(ALT.CDKN2A_DEL, 0.3)],
    tmbMedian: 2,
    msiHigh: 0,
    ctdnaShedding: 0.8,
    markers: [],
  },
  {
    code: 'SYNS',
    lineage: ['SYNS', 'SOFT_TISSUE'],
    label: 'Synovial sarcoma',
    labelFr: 'synovialosarcome',
    weight: 0.3,
    group: 'sarcoma',
    maleShare: 0.55,
    age: [38, 13],
    liquid: false,
    deNovoMetastatic: 0.15,
    stages: GENERIC_STAGES,
    sites: { lung: 0.8, bone: 0.1, 'lymph node': 0.1 },
    // SS18-SSX fusion defines the entity (SSX1 ~2/3, SSX2 ~1/3).
    alterations: [
      [
        [ALT.SS18_SSX1, 0.65],
        [ALT.SS18_SSX2, 0.33],
      ],
    ],
    tmbMedian: 1,
    msiHigh: 0,
    ctdnaShedding: 0.5,
    markers: [],
  },
  {
    code: 'GIST',
    lineage: ['GIST', 'SOFT_TISSUE'],
    label: 'Gastrointestinal stromal tumour',
    labelFr: 'tumeur stromale gastro-intestinale',
    weight: 0.6,
    group: 'gist',
    maleShare: 0.55,
    age: [62, 12],
    liquid: false,
    deNovoMetastatic: 0.2,
    stages: GENERIC_STAGES,
    sites: { liver: 0.65, peritoneum: 0.45 },
    // KIT exon 11 ~65%, exon 9 ~10%, PDGFRA D842V ~6% (primary imatinib resistance).
    alterations: [
      [
        [ALT.KIT_W557_K558DEL, 0.2],
        [ALT.KIT_V560D, 0.08],
        [ALT.KIT_EX11_OTHER, 0.37],
        [ALT.KIT_A502_Y503DUP, 0.1],
        [ALT.PDGFRA_D842V, 0.06],
        [ALT.BRAF_V600E, 0.01],
      ],
    ],
    tmbMedian: 1,
    msiHigh: 0,
    ctdnaShedding: 0.4,
    markers: [],
  },
  // ---- Unknown primary ------------------------------------------------------------------
  {
    code: 'ADNOS',
    lineage: ['ADNOS', 'CUP', 'OTHER'],
    label: 'Adenocarcinoma of unknown primary',
    labelFr: 'adénocarcinome de primitif inconnu',
    weight: 1,
    group: 'cup',
    maleShare: 0.5,
    age: [65, 11],
    liquid: false,
    deNovoMetastatic: 1,
    stages: { metastatic: ['IV'], localised: ['IV'] },
    sites: { liver: 0.5, 'lymph node': 0.6, bone: 0.3, lung: 0.35, peritoneum: 0.25, pleura: 0.15 },
    alterations: [
      [
        [ALT.KRAS_G12D, 0.1],
        [ALT.KRAS_G12V, 0.07],
        [ALT.BRAF_V600E, 0.02],
        [ALT.ERBB2_AMP, 0.03],
      ],
      tp53(0.5),
      one(ALT.CDKN2A_DEL, 0.2),
    ],
    tmbMedian: 4,
    msiHigh: 0.02,
    ctdnaShedding: 1.2,
    markers: ['cea', 'ca199'],
  },
  // ---- Haematology ----------------------------------------------------------------------
  {
    code: 'DLBCLNOS',
    lineage: ['DLBCLNOS', 'MBN', 'NHL', 'LNM', 'LYMPH'],
    label: 'Diffuse large B-cell lymphoma, NOS',
    labelFr: 'lymphome B diffus à grandes cellules',
    weight: 1.2,
    group: 'lymphoma',
    maleShare: 0.55,
    age: [64, 13],
    liquid: true,
    deNovoMetastatic: 0.6,
    stages: { metastatic: ['III', 'IV'], localised: ['I', 'II'] },
    sites: {},
    alterations: [one(ALT.MYD88_L265P, 0.2), one(ALT.EZH2_Y646N, 0.08), one(ALT.BCL2_IGH, 0.2), one(ALT.MYC_IGH, 0.1), tp53(0.2)],
    tmbMedian: 5,
    msiHigh: 0,
    ctdnaShedding: 1,
    markers: ['ldh'],
  },
  {
    code: 'FL',
    lineage: ['FL', 'MBN', 'NHL', 'LNM', 'LYMPH'],
    label: 'Follicular lymphoma',
    labelFr: 'lymphome folliculaire',
    weight: 0.5,
    group: 'lymphoma',
    maleShare: 0.5,
    age: [60, 12],
    liquid: true,
    deNovoMetastatic: 0.6,
    stages: { metastatic: ['III', 'IV'], localised: ['I', 'II'] },
    sites: {},
    alterations: [one(ALT.BCL2_IGH, 0.85), one(ALT.EZH2_Y646N, 0.2), one(ALT.KMT2D_MUT, 0.7)],
    tmbMedian: 3,
    msiHigh: 0,
    ctdnaShedding: 0.5,
    markers: ['ldh'],
  },
  {
    code: 'CLLSLL',
    lineage: ['CLLSLL', 'MBN', 'NHL', 'LNM', 'LYMPH'],
    label: 'Chronic lymphocytic leukaemia / small lymphocytic lymphoma',
    labelFr: 'leucémie lymphoïde chronique',
    weight: 0.4,
    group: 'cll',
    maleShare: 0.6,
    age: [70, 10],
    liquid: true,
    deNovoMetastatic: 1,
    sites: {},
    alterations: [tp53(0.08), one(ALT.SF3B1_K700E, 0.1), one(ALT.NOTCH1_MUT, 0.1), one(ALT.ATM_MUT, 0.1)],
    tmbMedian: 0.8,
    msiHigh: 0,
    ctdnaShedding: 0,
    markers: [],
  },
  {
    code: 'AML',
    lineage: ['AML', 'MNM', 'MYELOID'],
    label: 'Acute myeloid leukaemia',
    labelFr: 'leucémie aiguë myéloïde',
    weight: 0.8,
    group: 'aml',
    maleShare: 0.55,
    age: [66, 13],
    liquid: true,
    deNovoMetastatic: 1,
    sites: {},
    alterations: [
      one(ALT.NPM1_W288FS, 0.3),
      [
        [ALT.FLT3_ITD, 0.25],
        [ALT.FLT3_D835Y, 0.07],
      ],
      [
        [ALT.IDH1_R132H, 0.05],
        [ALT.IDH1_R132C, 0.03],
        [ALT.IDH2_R140Q, 0.1],
        [ALT.IDH2_R172K, 0.02],
      ],
      one(ALT.DNMT3A_R882H, 0.15),
      tp53(0.08),
      one(ALT.TET2_MUT, 0.15),
    ],
    tmbMedian: 0.5,
    msiHigh: 0,
    ctdnaShedding: 0,
    markers: ['ldh'],
  },
  {
    code: 'PCM',
    lineage: ['PCM', 'MBN', 'NHL', 'LNM', 'LYMPH'],
    label: 'Plasma cell myeloma',
    labelFr: 'myélome multiple',
    weight: 0.7,
    group: 'myeloma',
    maleShare: 0.55,
    age: [68, 10],
    liquid: true,
    deNovoMetastatic: 1,
    sites: {},
    alterations: [
      [
        [ALT.KRAS_G12D, 0.1],
        [ALT.NRAS_Q61K, 0.1],
      ],
      one(ALT.CCND1_IGH, 0.18),
      tp53(0.08),
    ],
    tmbMedian: 1.5,
    msiHigh: 0,
    ctdnaShedding: 0,
    markers: [],
  },
];

/** Precomputed once: the cumulative table the generator draws tumour types from. */
export const TUMOUR_TABLE = new WeightedTable(TUMOUR_TYPES.map((t) => [t, t.weight] as const));

export function tumourTypeByCode(code: string): TumourType | undefined {
  return TUMOUR_TYPES.find((t) => t.code === code);
}

/**
 * TMB: log-normal around each type's median (sdLog 0.8 ≈ the spread Chalmers 2017 shows within
 * a type); MSI-H tumours draw around 40 mut/Mb instead. TMB-high is >= 10 mut/Mb (the
 * KEYNOTE-158 / FDA tissue-agnostic cut-off).
 */
export const TMB_SD_LOG = 0.8;
export const TMB_MSI_H_MEDIAN = 40;
export const TMB_HIGH_CUTOFF = 10;

/**
 * ctDNA tumour fraction: log-normal, median 4% for an average solid tumour (scaled by
 * `ctdnaShedding`), sdLog 1.4, capped at 90% — so roughly a third of plasma samples sit below 1%
 * and a tail exceeds 20%. Rough shape after Reichert ZR, et al. Ann Oncol 2023 (tumour fraction
 * in real-world FoundationOne Liquid CDx testing, prognostic across four common cancers).
 */
export const CTDNA_TF_MEDIAN = 0.04;
export const CTDNA_TF_SD_LOG = 1.4;
export const CTDNA_TF_MAX = 0.9;
/** Variants below this allele fraction are not reported (limit of detection of a ~0.5% assay, rounded down). */
export const CTDNA_VAF_LOD = 0.002;

/**
 * Acquired resistance seen in ctDNA at progression on a targeted drug class, with its chance.
 * Figures rounded from the literature summarised in the project's acquired-resistance reference
 * (e.g. T790M in ~50-60% after first-generation EGFR TKIs; MET amplification ~15% and C797S ~7-10%
 * after osimertinib; ESR1 ligand-binding-domain mutations in ~30-40% after aromatase inhibitors,
 * Fribbens C, et al. J Clin Oncol 2016;34:2961-8; AR amplification in ~40% of mCRPC after
 * androgen-receptor pathway inhibitors; Awad MM, et al. N Engl J Med 2021;384:2382-93 for KRAS G12C
 * inhibitors).
 */
export const ACQUIRED_RESISTANCE: Readonly<Record<string, AlterationGroup>> = {
  'EGFR TKI (1st generation)': [
    [ALT.EGFR_T790M, 0.55],
    [ALT.MET_AMP, 0.05],
  ],
  'EGFR TKI (3rd generation)': [
    [ALT.MET_AMP, 0.15],
    [ALT.EGFR_C797S, 0.08],
    [ALT.ERBB2_AMP, 0.03],
  ],
  'ALK TKI': [
    [ALT.ALK_G1202R, 0.25],
    [ALT.MET_AMP, 0.08],
  ],
  'KRAS G12C inhibitor': [
    [ALT.KRAS_G12D, 0.1],
    [ALT.KRAS_G12V, 0.06],
    [ALT.KRAS_Y96D, 0.05],
    [ALT.MET_AMP, 0.08],
    [ALT.NRAS_Q61K, 0.06],
  ],
  'aromatase inhibitor': [
    [ALT.ESR1_D538G, 0.2],
    [ALT.ESR1_Y537S, 0.12],
  ],
  'AR inhibitor': [
    [ALT.AR_AMP, 0.4],
    [ALT.AR_T878A, 0.08],
  ],
  'androgen synthesis inhibitor': [
    [ALT.AR_AMP, 0.35],
    [ALT.AR_T878A, 0.1],
    [ALT.AR_L702H, 0.05],
  ],
  'KIT inhibitor': [
    [ALT.KIT_V654A, 0.3],
    [ALT.KIT_T670I, 0.1],
  ],
  'anti-EGFR': [
    [ALT.KRAS_G12D, 0.15],
    [ALT.NRAS_Q61K, 0.1],
    [ALT.EGFR_S492R, 0.1],
    [ALT.MET_AMP, 0.05],
  ],
  'BRAF inhibitor': [
    [ALT.NRAS_Q61K, 0.15],
    [ALT.MAP2K1_K57N, 0.1],
    [ALT.KRAS_G12D, 0.05],
  ],
  'FGFR inhibitor': [
    [ALT.FGFR2_N549K, 0.25],
    [ALT.FGFR2_V564F, 0.15],
  ],
  'IDH1 inhibitor': [[ALT.IDH2_R172K, 0.15]],
  'PARP inhibitor': [[ALT.BRCA2_REVERSION, 0.2]],
  'MET inhibitor': [
    [ALT.MET_D1228N, 0.2],
    [ALT.KRAS_AMP, 0.05],
  ],
};
