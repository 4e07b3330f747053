/**
 * A catalogue of trials shaped like a comprehensive cancer centre's portfolio.
 *
 * Two kinds of entries:
 * - Real, registered trials: the NCT identifier, acronym, phase, sponsor and population are the
 *   registry's. Titles are short descriptive titles written for this catalogue, except where a
 *   comment says "registry title" (copied from the public record). Their status, committee,
 *   arms and slot counts at *this* centre are synthetic.
 * - In-house, synthetic trials: no NCT identifier, fictional sponsors and compound codes. Several
 *   carry the names of the seed brochure's programmes (PIONEER, PSMA-UNLOCK, VENETO-UNLOCK, the
 *   UNLOCK KRAS G12C cohort); the brochure prints NCT05481502 for both PIONEER and the KRAS
 *   cohort, so we leave both unregistered here rather than guess which one it belongs to.
 *
 * Cohort sizes follow DOMAIN.md: phase I cohorts 3-12 (usually 5-10) patients, dedicated phase II
 * cohorts 50-80. Protocol numbers are the centre's ("CTM-<year>-<nnn>"), unique.
 */
import type { ArmStatus, Trial, TrialArm } from '../model/trial';

export const COMMITTEES = [
  'Early phase (DITEP)',
  'Thoracic',
  'Breast',
  'Digestive',
  'Genitourinary',
  'Gynaecology',
  'Head and neck',
  'Neuro-oncology',
  'Sarcoma',
  'Nuclear medicine',
  'Haematology',
  'Immunotherapy',
  'Radiotherapy',
] as const;

/** When the trial recruited at the centre (ISO dates); used to date synthetic participations. */
export interface TrialPeriod {
  opened: string;
  /** Absent while still recruiting. */
  closed?: string;
}

export interface CatalogueEntry {
  trial: Trial;
  period: TrialPeriod;
}

const arm = (
  code: string,
  name: string,
  kind: TrialArm['kind'],
  status: ArmStatus,
  slotsTotal: number,
  slotsUsed: number,
  summary?: string,
): TrialArm => ({ code, name, kind, status, slotsTotal, slotsUsed, ...(summary ? { summary } : {}) });

/** Dose-escalation levels: all but the last `open` ones full and closed. */
function doseLevels(labels: readonly string[], sizes: readonly number[], openFrom: number, usedInOpen: number): TrialArm[] {
  return labels.map((label, i) => {
    const size = sizes[i] ?? 6;
    if (i < openFrom) return arm(`DL${i + 1}`, label, 'dose-level', 'closed', size, size);
    if (i === openFrom) return arm(`DL${i + 1}`, label, 'dose-level', 'open', size, Math.min(usedInOpen, size));
    return arm(`DL${i + 1}`, label, 'dose-level', 'closed', size, 0, 'not yet opened');
  });
}

const entry = (period: TrialPeriod, trial: Trial): CatalogueEntry => ({ trial, period });

export const TRIAL_ENTRIES: readonly CatalogueEntry[] = [
  // ============================ Real, registered trials ===================================
  entry(
    { opened: '2018-08-01', closed: '2019-10-15' },
    {
      protocolNumber: 'CTM-2018-101',
      nctId: 'NCT03511664',
      acronym: 'VISION',
      title:
        '177Lu-PSMA-617 plus standard of care versus standard of care alone in PSMA-positive metastatic castration-resistant prostate cancer',
      phase: 'III',
      status: 'completed',
      sponsor: 'Endocyte (a Novartis company)',
      committee: 'Nuclear medicine',
      oncotreeCodes: ['PRAD'],
      biomarkers: ['PSMA PET positive'],
      arms: [
        arm('A', '177Lu-PSMA-617 7.4 GBq q6w x4-6 + standard of care', 'arm', 'closed', 22, 22),
        arm('B', 'Standard of care alone', 'arm', 'closed', 11, 11),
      ],
    },
  ),
  entry(
    { opened: '2012-09-01', closed: '2016-01-31' },
    {
      protocolNumber: 'CTM-2012-045',
      nctId: 'NCT01578239',
      acronym: 'NETTER-1',
      title:
        '177Lu-DOTATATE versus high-dose octreotide LAR in inoperable, progressive, somatostatin receptor-positive midgut neuroendocrine tumours',
      phase: 'III',
      status: 'completed',
      sponsor: 'Advanced Accelerator Applications',
      committee: 'Nuclear medicine',
      oncotreeCodes: ['SBWDNET'],
      biomarkers: ['SSTR PET positive'],
      arms: [
        arm('A', '177Lu-DOTATATE 7.4 GBq q8w x4 + octreotide LAR 30 mg', 'arm', 'closed', 9, 9),
        arm('B', 'Octreotide LAR 60 mg q4w', 'arm', 'closed', 8, 8),
      ],
    },
  ),
  entry(
    { opened: '2020-02-01', closed: '2022-06-30' },
    {
      protocolNumber: 'CTM-2020-012',
      nctId: 'NCT03972488',
      acronym: 'NETTER-2',
      title:
        'First-line 177Lu-DOTATATE plus octreotide versus high-dose octreotide in grade 2-3 advanced gastroenteropancreatic neuroendocrine tumours',
      phase: 'III',
      status: 'closed-to-accrual',
      sponsor: 'Advanced Accelerator Applications',
      committee: 'Nuclear medicine',
      oncotreeCodes: ['GINET', 'PANET'],
      biomarkers: ['SSTR PET positive'],
      arms: [
        arm('A', '177Lu-DOTATATE 7.4 GBq q8w x4 + octreotide LAR 30 mg', 'arm', 'closed', 12, 12),
        arm('B', 'High-dose octreotide LAR 60 mg', 'arm', 'closed', 6, 6),
      ],
    },
  ),
  entry(
    { opened: '2021-06-01', closed: '2022-10-31' },
    {
      protocolNumber: 'CTM-2021-033',
      nctId: 'NCT04689828',
      acronym: 'PSMAfore',
      title: '177Lu-PSMA-617 versus a change of androgen-receptor pathway inhibitor in taxane-naive PSMA-positive mCRPC',
      phase: 'III',
      status: 'closed-to-accrual',
      sponsor: 'Novartis',
      committee: 'Nuclear medicine',
      oncotreeCodes: ['PRAD'],
      biomarkers: ['PSMA PET positive'],
      arms: [
        arm('A', '177Lu-PSMA-617 7.4 GBq q6w x6', 'arm', 'closed', 14, 14),
        arm('B', 'Change of ARPI (abiraterone or enzalutamide)', 'arm', 'closed', 14, 13),
      ],
    },
  ),
  entry(
    { opened: '2018-09-01', closed: '2021-12-31' },
    {
      protocolNumber: 'CTM-2018-077',
      nctId: 'NCT03600883',
      acronym: 'CodeBreaK 100',
      title: 'Sotorasib (AMG 510) in advanced solid tumours with KRAS p.G12C mutation',
      phase: 'I/II',
      status: 'closed-to-accrual',
      sponsor: 'Amgen',
      committee: 'Early phase (DITEP)',
      oncotreeCodes: [],
      biomarkers: ['KRAS p.G12C'],
      arms: [
        ...doseLevels(['sotorasib 180 mg QD', 'sotorasib 360 mg QD', 'sotorasib 720 mg QD', 'sotorasib 960 mg QD'], [4, 5, 6, 8], 4, 0),
        arm('P2-NSCLC', 'Phase 2: NSCLC, sotorasib 960 mg QD', 'cohort', 'closed', 12, 12),
        arm('P2-CRC', 'Phase 2: colorectal cancer, sotorasib 960 mg QD', 'cohort', 'closed', 8, 8),
      ],
    },
  ),
  entry(
    { opened: '2020-06-01', closed: '2021-12-31' },
    {
      protocolNumber: 'CTM-2020-018',
      nctId: 'NCT04303780',
      acronym: 'CodeBreaK 200',
      title: 'Sotorasib versus docetaxel in previously treated KRAS p.G12C-mutated NSCLC',
      phase: 'III',
      status: 'completed',
      sponsor: 'Amgen',
      committee: 'Thoracic',
      oncotreeCodes: ['NSCLC'],
      biomarkers: ['KRAS p.G12C'],
      arms: [arm('A', 'Sotorasib 960 mg QD', 'arm', 'closed', 9, 9), arm('B', 'Docetaxel 75 mg/m2 q3w', 'arm', 'closed', 9, 8)],
    },
  ),
  entry(
    { opened: '2019-04-01' },
    {
      protocolNumber: 'CTM-2019-064',
      nctId: 'NCT03785249',
      acronym: 'KRYSTAL-1',
      title: 'Adagrasib (MRTX849) alone or in combination in advanced solid tumours with KRAS p.G12C mutation',
      phase: 'I/II',
      status: 'open',
      sponsor: 'Mirati Therapeutics (Bristol Myers Squibb)',
      committee: 'Early phase (DITEP)',
      oncotreeCodes: [],
      biomarkers: ['KRAS p.G12C'],
      arms: [
        arm('1A-NSCLC', 'Phase 2: NSCLC, adagrasib 600 mg BID', 'cohort', 'closed', 60, 60),
        arm('2B-CRC', 'Phase 2: colorectal cancer, adagrasib + cetuximab', 'cohort', 'open', 80, 57),
        arm('3-OTHER', 'Phase 2: other solid tumours, adagrasib 600 mg BID', 'cohort', 'open', 60, 24),
      ],
    },
  ),
  entry(
    { opened: '2019-02-01', closed: '2020-12-31' },
    {
      protocolNumber: 'CTM-2019-031',
      nctId: 'NCT03734029',
      acronym: 'DESTINY-Breast04',
      // Registry title.
      title:
        "Trastuzumab Deruxtecan (DS-8201a) Versus Investigator's Choice for HER2-low Breast Cancer That Has Spread or Cannot be Surgically Removed [DESTINY-Breast04]",
      phase: 'III',
      status: 'completed',
      sponsor: 'Daiichi Sankyo',
      committee: 'Breast',
      oncotreeCodes: ['BREAST'],
      biomarkers: ['HER2-low'],
      arms: [
        arm('A', 'Trastuzumab deruxtecan 5.4 mg/kg q3w', 'arm', 'closed', 14, 14),
        arm('B', "Chemotherapy of physician's choice", 'arm', 'closed', 7, 7),
      ],
    },
  ),
  entry(
    { opened: '2020-10-01', closed: '2022-08-31' },
    {
      protocolNumber: 'CTM-2020-058',
      nctId: 'NCT04494425',
      acronym: 'DESTINY-Breast06',
      // Registry public title.
      title:
        "Study of Trastuzumab Deruxtecan (T-DXd) vs Investigator's Choice Chemotherapy in HER2-low, Hormone Receptor Positive, Metastatic Breast Cancer",
      phase: 'III',
      status: 'closed-to-accrual',
      sponsor: 'AstraZeneca',
      committee: 'Breast',
      oncotreeCodes: ['BREAST'],
      biomarkers: ['HER2-low', 'HR-positive'],
      arms: [
        arm('A', 'Trastuzumab deruxtecan', 'arm', 'closed', 16, 16),
        arm('B', "Investigator's choice chemotherapy", 'arm', 'closed', 16, 15),
      ],
    },
  ),
  entry(
    { opened: '2019-10-15', closed: '2021-03-31' },
    {
      protocolNumber: 'CTM-2019-090',
      nctId: 'NCT04132960',
      acronym: 'DAISY',
      // Registry title.
      title: 'Study of DS-8201a, an Antibody Drug Conjugate for Advanced Breast Cancer Patients, With Biomarkers Analysis',
      phase: 'II',
      status: 'completed',
      sponsor: 'UNICANCER',
      committee: 'Breast',
      oncotreeCodes: ['BREAST'],
      biomarkers: [],
      arms: [
        arm('C1', 'Cohort 1: HER2-overexpressing', 'cohort', 'closed', 72, 72),
        arm('C2', 'Cohort 2: HER2-low', 'cohort', 'closed', 74, 74),
        arm('C3', 'Cohort 3: HER2 IHC 0', 'cohort', 'closed', 40, 40),
      ],
    },
  ),
  entry(
    { opened: '2011-11-01', closed: '2016-03-31' },
    {
      protocolNumber: 'CTM-2011-012',
      nctId: 'NCT01566019',
      acronym: 'MOSCATO-01',
      title:
        'MOlecular Screening for CAncer Treatment Optimization: high-throughput molecular analysis of tumour biopsies to guide treatment of advanced cancers',
      phase: 'II',
      status: 'completed',
      sponsor: 'Gustave Roussy',
      committee: 'Early phase (DITEP)',
      oncotreeCodes: [],
      biomarkers: [],
      arms: [arm('SCREEN', 'Molecular screening and matched therapy', 'cohort', 'closed', 1000, 1000)],
    },
  ),
  entry(
    { opened: '2017-06-01', closed: '2019-03-31' },
    {
      protocolNumber: 'CTM-2017-050',
      nctId: 'NCT02928224',
      acronym: 'BEACON CRC',
      title:
        'Encorafenib plus cetuximab with or without binimetinib versus irinotecan- or FOLFIRI-cetuximab in BRAF p.V600E metastatic colorectal cancer',
      phase: 'III',
      status: 'completed',
      sponsor: 'Array BioPharma (Pfizer)',
      committee: 'Digestive',
      oncotreeCodes: ['COADREAD'],
      biomarkers: ['BRAF p.V600E'],
      arms: [
        arm('TRIPLET', 'Encorafenib + binimetinib + cetuximab', 'arm', 'closed', 6, 6),
        arm('DOUBLET', 'Encorafenib + cetuximab', 'arm', 'closed', 6, 6),
        arm('CONTROL', 'Irinotecan or FOLFIRI + cetuximab', 'arm', 'closed', 6, 5),
      ],
    },
  ),
  entry(
    { opened: '2016-02-01', closed: '2018-02-28' },
    {
      protocolNumber: 'CTM-2016-022',
      nctId: 'NCT02563002',
      acronym: 'KEYNOTE-177',
      title: 'First-line pembrolizumab versus chemotherapy in MSI-H/dMMR metastatic colorectal cancer',
      phase: 'III',
      status: 'completed',
      sponsor: 'Merck Sharp & Dohme',
      committee: 'Digestive',
      oncotreeCodes: ['COADREAD'],
      biomarkers: ['MSI-H'],
      arms: [
        arm('A', 'Pembrolizumab 200 mg q3w', 'arm', 'closed', 7, 7),
        arm('B', 'mFOLFOX6 or FOLFIRI +/- bevacizumab or cetuximab', 'arm', 'closed', 7, 7),
      ],
    },
  ),
  entry(
    { opened: '2017-09-01', closed: '2023-06-30' },
    {
      protocolNumber: 'CTM-2017-088',
      nctId: 'NCT02912559',
      acronym: 'ATOMIC',
      // Registry title (ClinicalTrials.gov record, National Cancer Institute).
      title:
        'Combination Chemotherapy With or Without Atezolizumab in Treating Patients With Stage III Colon Cancer and Deficient DNA Mismatch Repair or Microsatellite Instability',
      phase: 'III',
      status: 'closed-to-accrual',
      sponsor: 'National Cancer Institute (NCI)',
      committee: 'Digestive',
      oncotreeCodes: ['COAD'],
      biomarkers: ['MSI-H'],
      arms: [arm('1', 'mFOLFOX6', 'arm', 'closed', 5, 5), arm('2', 'mFOLFOX6 + atezolizumab', 'arm', 'closed', 5, 5)],
    },
  ),
  entry(
    { opened: '2017-03-01', closed: '2019-12-31' },
    {
      protocolNumber: 'CTM-2017-061',
      nctId: 'NCT02924376',
      acronym: 'FIGHT-202',
      title: 'Pemigatinib in previously treated advanced cholangiocarcinoma with FGFR2 fusions or rearrangements',
      phase: 'II',
      status: 'completed',
      sponsor: 'Incyte',
      committee: 'Digestive',
      oncotreeCodes: ['CHOL'],
      biomarkers: ['FGFR2 fusion'],
      arms: [
        arm('A', 'Cohort A: FGFR2 fusion or rearrangement', 'cohort', 'closed', 8, 8),
        arm('B', 'Cohort B: other FGF/FGFR alteration', 'cohort', 'closed', 3, 3),
        arm('C', 'Cohort C: no FGF/FGFR alteration', 'cohort', 'closed', 2, 2),
      ],
    },
  ),
  entry(
    { opened: '2017-03-01', closed: '2019-01-31' },
    {
      protocolNumber: 'CTM-2017-035',
      nctId: 'NCT02989857',
      acronym: 'ClarIDHy',
      title: 'Ivosidenib versus placebo in previously treated IDH1-mutant advanced cholangiocarcinoma',
      phase: 'III',
      status: 'completed',
      sponsor: 'Agios Pharmaceuticals (Servier)',
      committee: 'Digestive',
      oncotreeCodes: ['CHOL'],
      biomarkers: ['IDH1 mutation'],
      arms: [arm('A', 'Ivosidenib 500 mg QD', 'arm', 'closed', 6, 6), arm('B', 'Placebo (crossover allowed)', 'arm', 'closed', 3, 3)],
    },
  ),
  entry(
    { opened: '2017-05-01', closed: '2019-11-30' },
    {
      protocolNumber: 'CTM-2017-070',
      nctId: 'NCT02987543',
      acronym: 'PROfound',
      title: 'Olaparib versus enzalutamide or abiraterone in mCRPC with homologous recombination repair gene alterations',
      phase: 'III',
      status: 'completed',
      sponsor: 'AstraZeneca',
      committee: 'Genitourinary',
      oncotreeCodes: ['PRAD'],
      biomarkers: ['BRCA1 mutation', 'BRCA2 mutation', 'BRCA2 deletion', 'ATM mutation'],
      arms: [arm('A', 'Olaparib 300 mg BID', 'arm', 'closed', 10, 10), arm('B', 'Enzalutamide or abiraterone', 'arm', 'closed', 5, 5)],
    },
  ),
  entry(
    { opened: '2015-03-01', closed: '2019-01-31' },
    {
      protocolNumber: 'CTM-2015-044',
      nctId: 'NCT02184195',
      acronym: 'POLO',
      title: 'Maintenance olaparib after first-line platinum in germline BRCA-mutated metastatic pancreatic cancer',
      phase: 'III',
      status: 'completed',
      sponsor: 'AstraZeneca',
      committee: 'Digestive',
      oncotreeCodes: ['PAAD'],
      biomarkers: ['BRCA1 mutation', 'BRCA2 mutation'],
      arms: [arm('A', 'Olaparib 300 mg BID', 'arm', 'closed', 4, 4), arm('B', 'Placebo', 'arm', 'closed', 3, 3)],
    },
  ),
  entry(
    { opened: '2019-03-01', closed: '2020-10-31' },
    {
      protocolNumber: 'CTM-2019-015',
      nctId: 'NCT03778931',
      acronym: 'EMERALD',
      title: 'Elacestrant versus standard endocrine therapy in ER-positive/HER2-negative advanced breast cancer after CDK4/6 inhibitor',
      phase: 'III',
      status: 'completed',
      sponsor: 'Stemline Therapeutics (Menarini Group)',
      committee: 'Breast',
      oncotreeCodes: ['BREAST'],
      biomarkers: ['HR-positive', 'ESR1 mutation'],
      arms: [
        arm('A', 'Elacestrant 400 mg QD', 'arm', 'closed', 10, 10),
        arm('B', 'Fulvestrant or aromatase inhibitor', 'arm', 'closed', 10, 9),
      ],
    },
  ),
  entry(
    { opened: '2015-03-01', closed: '2016-03-31' },
    {
      protocolNumber: 'CTM-2015-067',
      nctId: 'NCT02296125',
      acronym: 'FLAURA',
      title: 'First-line osimertinib versus gefitinib or erlotinib in EGFR-mutated advanced NSCLC',
      phase: 'III',
      status: 'completed',
      sponsor: 'AstraZeneca',
      committee: 'Thoracic',
      oncotreeCodes: ['NSCLC'],
      biomarkers: ['EGFR exon 19 deletion', 'EGFR p.L858R'],
      arms: [arm('A', 'Osimertinib 80 mg QD', 'arm', 'closed', 8, 8), arm('B', 'Gefitinib or erlotinib', 'arm', 'closed', 8, 8)],
    },
  ),
  entry(
    { opened: '2018-01-15', closed: '2023-12-31' },
    {
      protocolNumber: 'CTM-2018-024',
      nctId: 'NCT03157128',
      acronym: 'LIBRETTO-001',
      title:
        'Selpercatinib (LOXO-292) in advanced solid tumours with RET fusion or RET mutation, including NSCLC and medullary thyroid cancer',
      phase: 'I/II',
      status: 'closed-to-accrual',
      sponsor: 'Loxo Oncology (Eli Lilly)',
      committee: 'Early phase (DITEP)',
      oncotreeCodes: [],
      biomarkers: ['RET fusion', 'RET mutation'],
      arms: [
        ...doseLevels(
          ['selpercatinib 20 mg QD', 'selpercatinib 40 mg BID', 'selpercatinib 80 mg BID', 'selpercatinib 160 mg BID'],
          [3, 4, 6, 6],
          4,
          0,
        ),
        arm('P2-NSCLC', 'Phase 2: RET fusion-positive NSCLC', 'cohort', 'closed', 18, 18),
        arm('P2-MTC', 'Phase 2: RET-mutant medullary thyroid cancer', 'cohort', 'closed', 7, 7),
      ],
    },
  ),
  entry(
    { opened: '2016-03-01', closed: '2020-06-30' },
    {
      protocolNumber: 'CTM-2016-091',
      nctId: 'NCT02628067',
      acronym: 'KEYNOTE-158',
      title: 'Pembrolizumab in previously treated advanced solid tumours, including MSI-H/dMMR and TMB-high cohorts',
      phase: 'II',
      status: 'completed',
      sponsor: 'Merck Sharp & Dohme',
      committee: 'Immunotherapy',
      oncotreeCodes: [],
      biomarkers: ['MSI-H', 'TMB-H'],
      arms: [
        arm('K', 'Cohort K: MSI-H/dMMR non-colorectal', 'cohort', 'closed', 12, 12),
        arm('TMB', 'TMB-high exploratory cohort', 'cohort', 'closed', 9, 9),
      ],
    },
  ),

  // ============================ In-house, synthetic trials ================================
  entry(
    { opened: '2024-05-02' },
    {
      protocolNumber: 'CTM-2024-017',
      acronym: 'HLX-1207-101',
      title: 'First-in-human dose escalation of HLX-1207, an oral KRAS p.G12D inhibitor, in advanced solid tumours',
      phase: 'I',
      status: 'open',
      sponsor: 'Helix Therapeutics (synthetic)',
      committee: 'Early phase (DITEP)',
      oncotreeCodes: ['PAAD', 'COADREAD', 'NSCLC'],
      biomarkers: ['KRAS p.G12D'],
      arms: [
        ...doseLevels(
          ['HLX-1207 100 mg QD', 'HLX-1207 200 mg QD', 'HLX-1207 400 mg QD', 'HLX-1207 600 mg QD', 'HLX-1207 800 mg QD'],
          [3, 3, 6, 6, 6],
          3,
          4,
        ),
        arm('BF-DL3', 'Backfill at 400 mg QD (pancreas)', 'cohort', 'open', 10, 7),
      ],
    },
  ),
  entry(
    { opened: '2023-03-15' },
    {
      protocolNumber: 'CTM-2023-041',
      acronym: 'AST-2214-01',
      title: 'AST-2214, a HER2-directed antibody-drug conjugate, in HER2-amplified or ERBB2-mutant advanced solid tumours',
      phase: 'I/II',
      status: 'open',
      sponsor: 'Aster Oncology (synthetic)',
      committee: 'Early phase (DITEP)',
      oncotreeCodes: [],
      biomarkers: ['ERBB2 amplification', 'ERBB2 mutation'],
      arms: [
        ...doseLevels(
          ['AST-2214 2.4 mg/kg q3w', 'AST-2214 3.6 mg/kg q3w', 'AST-2214 4.8 mg/kg q3w', 'AST-2214 6.0 mg/kg q3w'],
          [3, 6, 6, 9],
          4,
          0,
        ),
        arm('EXP-A', 'Expansion: HER2-amplified gastric/oesophageal', 'cohort', 'open', 60, 38),
        arm('EXP-B', 'Expansion: ERBB2-mutant NSCLC', 'cohort', 'open', 50, 21),
        arm('EXP-C', 'Expansion: HER2-amplified, other tumours', 'cohort', 'closed', 50, 50, 'full'),
      ],
    },
  ),
  entry(
    { opened: '2024-01-10' },
    {
      protocolNumber: 'CTM-2024-003',
      acronym: 'NRD-0417-01',
      title: 'NRD-0417, a B7-H3-directed antibody-drug conjugate: dose escalation in advanced solid tumours',
      phase: 'I',
      status: 'open',
      sponsor: 'Nordlys Bio (synthetic)',
      committee: 'Early phase (DITEP)',
      oncotreeCodes: [],
      biomarkers: [],
      arms: doseLevels(
        ['NRD-0417 1.0 mg/kg', 'NRD-0417 2.0 mg/kg', 'NRD-0417 4.0 mg/kg', 'NRD-0417 6.0 mg/kg', 'NRD-0417 8.0 mg/kg'],
        [3, 3, 6, 6, 10],
        3,
        5,
      ),
    },
  ),
  entry(
    { opened: '2024-06-01' },
    {
      protocolNumber: 'CTM-2024-022',
      acronym: 'KST-330-01',
      title: 'KST-330, a DLL3 x CD3 T-cell engager with step-up dosing, in small cell lung cancer and neuroendocrine carcinomas',
      phase: 'I',
      status: 'open',
      sponsor: 'Kestrel Biologics (synthetic)',
      committee: 'Immunotherapy',
      oncotreeCodes: ['SCLC', 'PRNE', 'HGNEC'],
      biomarkers: [],
      arms: [
        arm('S1', 'Step-up 1 mg then 10 mg', 'step', 'closed', 6, 6),
        arm('S2', 'Step-up 1 mg then 30 mg', 'step', 'open', 6, 4),
        arm('S3', 'Step-up 1 mg then 100 mg', 'step', 'closed', 6, 0, 'not yet opened'),
      ],
    },
  ),
  entry(
    { opened: '2022-09-01' },
    {
      protocolNumber: 'CTM-2022-058',
      acronym: 'TIL-MEL',
      title: 'Tumour-infiltrating lymphocytes after lymphodepletion in anti-PD-1-refractory advanced melanoma',
      phase: 'I/II',
      status: 'open',
      sponsor: 'Continuum CCC (academic, synthetic)',
      committee: 'Immunotherapy',
      oncotreeCodes: ['MEL'],
      biomarkers: [],
      arms: [arm('SAFETY', 'Safety run-in', 'cohort', 'closed', 6, 6), arm('EXP', 'Phase 2 expansion', 'cohort', 'open', 50, 19)],
    },
  ),
  entry(
    { opened: '2023-05-01' },
    {
      protocolNumber: 'CTM-2023-012',
      acronym: 'ORN-19X-01',
      title:
        'ORN-19X, an autologous CD19-directed CAR-T with a dual costimulatory domain, in relapsed large B-cell and follicular lymphoma',
      phase: 'I',
      status: 'open',
      sponsor: 'Orion Cell Therapies (synthetic)',
      committee: 'Haematology',
      oncotreeCodes: ['DLBCLNOS', 'FL'],
      biomarkers: [],
      arms: doseLevels(['ORN-19X 50 x 10^6 cells', 'ORN-19X 100 x 10^6 cells', 'ORN-19X 200 x 10^6 cells'], [3, 6, 6], 2, 2),
    },
  ),
  entry(
    { opened: '2024-02-01' },
    {
      protocolNumber: 'CTM-2024-030',
      acronym: 'VENETO-UNLOCK',
      title:
        'Venetoclax-based therapy with serial marrow sampling to study mechanisms of response and resistance in acute myeloid leukaemia',
      phase: 'II',
      status: 'open',
      sponsor: 'Continuum CCC (academic, synthetic)',
      committee: 'Haematology',
      oncotreeCodes: ['AML'],
      biomarkers: [],
      arms: [arm('C1', 'Azacitidine + venetoclax with serial sampling', 'cohort', 'open', 60, 22)],
    },
  ),
  entry(
    { opened: '2023-04-01' },
    {
      protocolNumber: 'CTM-2023-019',
      acronym: 'PSMA-UNLOCK',
      title:
        'Lutetium-177 PSMA radioligand therapy with paired biopsies and dosimetry to study intratumour uptake and DNA-damage response in mCRPC',
      phase: 'II',
      status: 'open',
      sponsor: 'Continuum CCC (academic, synthetic)',
      committee: 'Nuclear medicine',
      oncotreeCodes: ['PRAD'],
      biomarkers: ['PSMA PET positive'],
      arms: [arm('C1', '[177Lu]Lu-PSMA 7.4 GBq q6w with SPECT/CT dosimetry', 'cohort', 'open', 80, 46)],
    },
  ),
  entry(
    { opened: '2022-03-01', closed: '2024-09-30' },
    {
      protocolNumber: 'CTM-2022-044',
      acronym: 'CODEBREAK-UNLOCK',
      title: 'KRAS p.G12C inhibitor with sequential biopsies and ctDNA to map early adaptive signalling and resistance in NSCLC',
      phase: 'II',
      status: 'closed-to-accrual',
      sponsor: 'Continuum CCC (academic, synthetic)',
      committee: 'Thoracic',
      oncotreeCodes: ['NSCLC'],
      biomarkers: ['KRAS p.G12C'],
      arms: [arm('C1', 'Sotorasib with on-treatment and progression biopsies', 'cohort', 'closed', 50, 50)],
    },
  ),
  entry(
    { opened: '2022-06-01' },
    {
      protocolNumber: 'CTM-2022-031',
      acronym: 'PIONEER',
      title: 'T-cell engagers in advanced solid tumours with sequential biopsies to study T-cell and tumour-cell spatial proximity',
      phase: 'II',
      status: 'open',
      sponsor: 'Continuum CCC (academic, synthetic)',
      committee: 'Immunotherapy',
      oncotreeCodes: [],
      biomarkers: [],
      arms: [
        arm('C1', 'Cohort 1: prior anti-PD-(L)1', 'cohort', 'open', 80, 53),
        arm('C2', 'Cohort 2: immunotherapy-naive', 'cohort', 'open', 50, 12),
      ],
    },
  ),
  entry(
    { opened: '2025-01-15' },
    {
      protocolNumber: 'CTM-2025-002',
      acronym: 'GRPR-LU-01',
      title: 'First-in-human [177Lu]Lu-labelled GRPR antagonist in GRPR-positive, ER-positive metastatic breast cancer',
      phase: 'I',
      status: 'open',
      sponsor: 'Radiant Radiopharma (synthetic)',
      committee: 'Nuclear medicine',
      oncotreeCodes: ['BREAST'],
      biomarkers: ['HR-positive'],
      arms: doseLevels(['3.7 GBq x2', '5.55 GBq x2', '7.4 GBq x2'], [3, 6, 6], 1, 2),
    },
  ),
  entry(
    { opened: '2024-04-01' },
    {
      protocolNumber: 'CTM-2024-011',
      acronym: 'FAPI-RLT-01',
      title: 'FAP-targeted radioligand therapy in FAPI-PET-positive advanced sarcomas and pancreatic cancer',
      phase: 'I',
      status: 'open',
      sponsor: 'Radiant Radiopharma (synthetic)',
      committee: 'Nuclear medicine',
      oncotreeCodes: ['SOFT_TISSUE', 'PAAD'],
      biomarkers: ['FAPI PET positive'],
      arms: doseLevels(['3.7 GBq', '5.55 GBq', '7.4 GBq', '9.25 GBq'], [3, 3, 6, 6], 2, 3),
    },
  ),
  entry(
    { opened: '2023-09-01' },
    {
      protocolNumber: 'CTM-2023-027',
      acronym: 'AC-PSMA-01',
      title: '[225Ac]Ac-PSMA radioligand after lutetium-177 PSMA therapy in mCRPC: activity escalation',
      phase: 'I',
      status: 'suspended',
      sponsor: 'Radiant Radiopharma (synthetic)',
      committee: 'Nuclear medicine',
      oncotreeCodes: ['PRAD'],
      biomarkers: ['PSMA PET positive'],
      arms: [
        arm('DL1', '50 kBq/kg', 'dose-level', 'closed', 3, 3),
        arm('DL2', '75 kBq/kg', 'dose-level', 'closed', 6, 6),
        arm('DL3', '100 kBq/kg', 'dose-level', 'suspended', 6, 2, 'suspended pending radioactive-isotope supply'),
      ],
    },
  ),
  entry(
    { opened: '2024-03-01' },
    {
      protocolNumber: 'CTM-2024-045',
      acronym: 'NRD-EM11-02',
      title: 'NRD-EM11, an EGFR x MET bispecific antibody, with a third-generation EGFR TKI after progression on osimertinib',
      phase: 'II',
      status: 'open',
      sponsor: 'Nordlys Bio (synthetic)',
      committee: 'Thoracic',
      oncotreeCodes: ['NSCLC'],
      biomarkers: ['EGFR exon 19 deletion', 'EGFR p.L858R'],
      arms: [
        arm('A', 'Cohort A: MET amplification at progression', 'cohort', 'open', 50, 18),
        arm('B', 'Cohort B: no MET amplification', 'cohort', 'open', 60, 41),
      ],
    },
  ),
  entry(
    { opened: '2023-07-01' },
    {
      protocolNumber: 'CTM-2023-036',
      acronym: 'SLS-SERD-201',
      title: 'Oral SERD SLS-881 plus a CDK4/6 inhibitor in ESR1-mutant ER-positive HER2-negative advanced breast cancer',
      phase: 'II',
      status: 'open',
      sponsor: 'Solstice Pharma (synthetic)',
      committee: 'Breast',
      oncotreeCodes: ['BREAST'],
      biomarkers: ['ESR1 mutation'],
      arms: [arm('A', 'SLS-881 + palbociclib', 'cohort', 'open', 70, 44)],
    },
  ),
  entry(
    { opened: '2024-01-20' },
    {
      protocolNumber: 'CTM-2024-008',
      acronym: 'PARATR-OV',
      title: 'PARP inhibitor plus ATR inhibitor after PARP-inhibitor progression in BRCA-mutated ovarian cancer',
      phase: 'II',
      status: 'open',
      sponsor: 'Continuum CCC (academic, synthetic)',
      committee: 'Gynaecology',
      oncotreeCodes: ['OVARY'],
      biomarkers: ['BRCA1 mutation', 'BRCA2 mutation'],
      arms: [arm('A', 'Olaparib + ATR inhibitor', 'cohort', 'open', 55, 17)],
    },
  ),
  entry(
    { opened: '2023-10-01' },
    {
      protocolNumber: 'CTM-2023-051',
      acronym: 'AST-FGFR-12',
      title: 'AST-3390, a pan-FGFR inhibitor, in FGFR3-altered urothelial carcinoma',
      phase: 'I/II',
      status: 'open',
      sponsor: 'Aster Oncology (synthetic)',
      committee: 'Genitourinary',
      oncotreeCodes: ['BLCA', 'UTUC'],
      biomarkers: ['FGFR3 mutation', 'FGFR3 fusion'],
      arms: [
        ...doseLevels(['AST-3390 8 mg QD', 'AST-3390 12 mg QD', 'AST-3390 16 mg QD'], [3, 6, 6], 3, 0),
        arm('P2', 'Phase 2: 12 mg QD, post-enfortumab vedotin', 'cohort', 'open', 60, 23),
      ],
    },
  ),
  entry(
    { opened: '2022-11-01' },
    {
      protocolNumber: 'CTM-2022-066',
      acronym: 'REGLIO',
      title: 'Hypofractionated re-irradiation with anti-PD-1 in recurrent glioblastoma',
      phase: 'II',
      status: 'suspended',
      sponsor: 'Continuum CCC (academic, synthetic)',
      committee: 'Neuro-oncology',
      oncotreeCodes: ['GB'],
      biomarkers: [],
      arms: [arm('A', 'Re-irradiation 35 Gy in 10 fractions + anti-PD-1', 'cohort', 'suspended', 50, 31, 'suspended: safety review')],
    },
  ),
  entry(
    { opened: '2021-04-01', closed: '2024-12-31' },
    {
      protocolNumber: 'CTM-2021-047',
      acronym: 'SARC-DOX3',
      title: 'Doxorubicin with or without KST-122 in first-line advanced soft-tissue sarcoma: randomised phase III',
      phase: 'III',
      status: 'closed-to-accrual',
      sponsor: 'Kestrel Biologics (synthetic)',
      committee: 'Sarcoma',
      oncotreeCodes: ['SOFT_TISSUE'],
      biomarkers: [],
      arms: [arm('A', 'Doxorubicin + KST-122', 'arm', 'closed', 24, 24), arm('B', 'Doxorubicin + placebo', 'arm', 'closed', 24, 23)],
    },
  ),
  entry(
    { opened: '2024-09-01' },
    {
      protocolNumber: 'CTM-2024-071',
      acronym: 'SLS-MDM2-01',
      title: 'SLS-207, an MDM2-p53 antagonist, in MDM2-amplified dedifferentiated liposarcoma and other solid tumours',
      phase: 'I',
      status: 'open',
      sponsor: 'Solstice Pharma (synthetic)',
      committee: 'Early phase (DITEP)',
      oncotreeCodes: [],
      biomarkers: ['MDM2 amplification'],
      arms: doseLevels(['SLS-207 60 mg', 'SLS-207 120 mg', 'SLS-207 180 mg', 'SLS-207 240 mg'], [3, 3, 6, 6], 2, 5),
    },
  ),
  entry(
    { opened: '2023-12-01' },
    {
      protocolNumber: 'CTM-2023-066',
      acronym: 'DUO-MSI',
      title: 'Anti-PD-1 plus anti-LAG-3 in MSI-H/dMMR advanced solid tumours resistant to anti-PD-(L)1',
      phase: 'II',
      status: 'open',
      sponsor: 'Continuum CCC (academic, synthetic)',
      committee: 'Immunotherapy',
      oncotreeCodes: [],
      biomarkers: ['MSI-H'],
      arms: [arm('A', 'Colorectal', 'cohort', 'open', 50, 14), arm('B', 'Non-colorectal', 'cohort', 'open', 50, 9)],
    },
  ),
  entry(
    { opened: '2025-09-01' },
    {
      protocolNumber: 'CTM-2025-009',
      acronym: 'HLX-2301-101',
      title: 'HLX-2301, a multi-selective RAS(ON) inhibitor: first-in-human dose escalation in RAS-mutant solid tumours',
      phase: 'I',
      status: 'in-preparation',
      sponsor: 'Helix Therapeutics (synthetic)',
      committee: 'Early phase (DITEP)',
      oncotreeCodes: [],
      biomarkers: ['KRAS mutation', 'NRAS mutation'],
      arms: [
        arm('DL1', 'HLX-2301 40 mg', 'dose-level', 'closed', 3, 0, 'opens at site initiation'),
        arm('DL2', 'HLX-2301 80 mg', 'dose-level', 'closed', 3, 0, 'not yet opened'),
        arm('DL3', 'HLX-2301 160 mg', 'dose-level', 'closed', 6, 0, 'not yet opened'),
      ],
    },
  ),
  entry(
    { opened: '2021-01-15', closed: '2023-11-30' },
    {
      protocolNumber: 'CTM-2021-012',
      acronym: 'RAD-HN3',
      title: 'Chemoradiotherapy with or without an anti-PD-L1 antibody in locally advanced head and neck squamous cell carcinoma',
      phase: 'III',
      status: 'closed-to-accrual',
      sponsor: 'Continuum CCC (academic, synthetic)',
      committee: 'Head and neck',
      oncotreeCodes: ['HNSC'],
      biomarkers: [],
      arms: [arm('A', 'Cisplatin-RT + anti-PD-L1', 'arm', 'closed', 40, 40), arm('B', 'Cisplatin-RT + placebo', 'arm', 'closed', 40, 39)],
    },
  ),
  entry(
    { opened: '2023-02-01' },
    {
      protocolNumber: 'CTM-2023-008',
      acronym: 'SBRT-OLIGO',
      title:
        'Stereotactic body radiotherapy to all sites plus standard systemic therapy in oligometastatic NSCLC, prostate and breast cancer',
      phase: 'II',
      status: 'open',
      sponsor: 'Continuum CCC (academic, synthetic)',
      committee: 'Radiotherapy',
      oncotreeCodes: ['NSCLC', 'PRAD', 'BREAST'],
      biomarkers: [],
      arms: [
        arm('NSCLC', 'NSCLC', 'cohort', 'open', 60, 27),
        arm('PRAD', 'Prostate', 'cohort', 'open', 60, 41),
        arm('BREAST', 'Breast', 'cohort', 'open', 60, 12),
      ],
    },
  ),
  entry(
    { opened: '2024-07-01' },
    {
      protocolNumber: 'CTM-2024-055',
      acronym: 'KST-BCMA-12',
      title: 'KST-512, a BCMA x CD3 bispecific, in relapsed/refractory myeloma after three lines',
      phase: 'I/II',
      status: 'open',
      sponsor: 'Kestrel Biologics (synthetic)',
      committee: 'Haematology',
      oncotreeCodes: ['PCM'],
      biomarkers: [],
      arms: [
        ...doseLevels(['KST-512 0.3 mg/kg', 'KST-512 0.72 mg/kg', 'KST-512 1.5 mg/kg'], [3, 6, 6], 2, 3),
        arm('P2', 'Phase 2 at the recommended dose', 'cohort', 'closed', 50, 0, 'opens after RP2D'),
      ],
    },
  ),
];

/**
 * The trials themselves, in catalogue order. Typed mutable because writers take `Trial[]`;
 * treat it as read-only (copy before sorting or editing).
 */
export const TRIAL_CATALOGUE: Trial[] = TRIAL_ENTRIES.map((e) => e.trial);

const BY_PROTOCOL = new Map(TRIAL_ENTRIES.map((e) => [e.trial.protocolNumber, e]));

export function trialByProtocolNumber(protocolNumber: string): Trial | undefined {
  return BY_PROTOCOL.get(protocolNumber)?.trial;
}

export function trialPeriod(protocolNumber: string): TrialPeriod | undefined {
  return BY_PROTOCOL.get(protocolNumber)?.period;
}
