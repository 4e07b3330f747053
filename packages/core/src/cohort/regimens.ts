/**
 * Real drugs and regimens, and the order in which a patient of each tumour group receives them.
 *
 * Sequences follow current ESMO/NCCN practice in broad strokes (biomarker-driven first line where
 * one exists, then chemotherapy or the next approved option). Durations are median time on
 * treatment in days, rounded from the pivotal trials' median PFS (e.g. FLAURA osimertinib ~19
 * months, KEYNOTE-189 ~9 months, VISION rPFS ~9 months); they only shape synthetic timelines.
 * ATC codes (WHO ATC/DDD index) are given where we are sure of them, omitted otherwise.
 */
import type { Drug } from '../model/patient';
import type { TumourGroup } from './frequencies';
import type { Rng } from './random';

export type RegimenKind = 'chemo' | 'targeted' | 'immuno' | 'hormonal' | 'radioligand' | 'cell-therapy' | 'chemo-immuno';

export interface Regimen {
  name: string;
  drugs: readonly Drug[];
  kind: RegimenKind;
  /** Median days on treatment. */
  medianDays: number;
  /** Fixed number of cycles: usually stops as "completed", not at progression. */
  fixedDuration?: boolean;
  /** For fixed-duration regimens: median treatment-free days before the next progression. */
  freeIntervalDays?: number;
  /** Key into ACQUIRED_RESISTANCE when progression on this regimen can select a resistance alteration. */
  resistance?: string;
  /** Maintenance after a response to the previous line (PARP inhibitor after platinum...). */
  setting?: 'maintenance';
}

const drug = (name: string, drugClass: string, atc?: string): Drug => (atc ? { name, drugClass, atc } : { name, drugClass });

export const DRUGS = {
  // Chemotherapy
  carboplatin: drug('carboplatin', 'platinum', 'L01XA02'),
  cisplatin: drug('cisplatin', 'platinum', 'L01XA01'),
  oxaliplatin: drug('oxaliplatin', 'platinum', 'L01XA03'),
  pemetrexed: drug('pemetrexed', 'antifolate', 'L01BA04'),
  fluorouracil: drug('fluorouracil', 'fluoropyrimidine', 'L01BC02'),
  capecitabine: drug('capecitabine', 'fluoropyrimidine', 'L01BC06'),
  gemcitabine: drug('gemcitabine', 'antimetabolite', 'L01BC05'),
  trifluridineTipiracil: drug('trifluridine/tipiracil', 'fluoropyrimidine', 'L01BC59'),
  cytarabine: drug('cytarabine', 'antimetabolite', 'L01BC01'),
  azacitidine: drug('azacitidine', 'hypomethylating agent', 'L01BC07'),
  paclitaxel: drug('paclitaxel', 'taxane', 'L01CD01'),
  nabPaclitaxel: drug('nab-paclitaxel', 'taxane', 'L01CD01'),
  docetaxel: drug('docetaxel', 'taxane', 'L01CD02'),
  cabazitaxel: drug('cabazitaxel', 'taxane', 'L01CD04'),
  etoposide: drug('etoposide', 'topoisomerase II inhibitor', 'L01CB01'),
  irinotecan: drug('irinotecan', 'topoisomerase I inhibitor', 'L01CE02'),
  topotecan: drug('topotecan', 'topoisomerase I inhibitor', 'L01CE01'),
  lurbinectedin: drug('lurbinectedin', 'alkylating agent'),
  doxorubicin: drug('doxorubicin', 'anthracycline', 'L01DB01'),
  pegylatedDoxorubicin: drug('pegylated liposomal doxorubicin', 'anthracycline', 'L01DB01'),
  epirubicin: drug('epirubicin', 'anthracycline', 'L01DB03'),
  daunorubicin: drug('daunorubicin', 'anthracycline', 'L01DB02'),
  cyclophosphamide: drug('cyclophosphamide', 'alkylating agent', 'L01AA01'),
  ifosfamide: drug('ifosfamide', 'alkylating agent', 'L01AA06'),
  bendamustine: drug('bendamustine', 'alkylating agent', 'L01AA09'),
  temozolomide: drug('temozolomide', 'alkylating agent', 'L01AX03'),
  lomustine: drug('lomustine', 'alkylating agent', 'L01AD02'),
  trabectedin: drug('trabectedin', 'alkylating agent', 'L01CX01'),
  eribulin: drug('eribulin', 'microtubule inhibitor', 'L01XX41'),
  vinorelbine: drug('vinorelbine', 'vinca alkaloid', 'L01CA04'),
  vincristine: drug('vincristine', 'vinca alkaloid', 'L01CA02'),
  bleomycin: drug('bleomycin', 'cytotoxic antibiotic', 'L01DC01'),
  leucovorin: drug('folinic acid', 'folate analogue', 'V03AF03'),
  // Immunotherapy
  pembrolizumab: drug('pembrolizumab', 'anti-PD-1', 'L01FF02'),
  nivolumab: drug('nivolumab', 'anti-PD-1', 'L01FF01'),
  cemiplimab: drug('cemiplimab', 'anti-PD-1', 'L01FF06'),
  dostarlimab: drug('dostarlimab', 'anti-PD-1', 'L01FF07'),
  atezolizumab: drug('atezolizumab', 'anti-PD-L1', 'L01FF05'),
  durvalumab: drug('durvalumab', 'anti-PD-L1', 'L01FF03'),
  avelumab: drug('avelumab', 'anti-PD-L1', 'L01FF04'),
  ipilimumab: drug('ipilimumab', 'anti-CTLA-4', 'L01FX04'),
  tebentafusp: drug('tebentafusp', 'gp100xCD3 bispecific'),
  glofitamab: drug('glofitamab', 'CD20xCD3 bispecific'),
  teclistamab: drug('teclistamab', 'BCMAxCD3 bispecific'),
  axiCel: drug('axicabtagene ciloleucel', 'CD19 CAR-T'),
  // Antibodies and ADCs
  bevacizumab: drug('bevacizumab', 'anti-VEGF', 'L01FG01'),
  ramucirumab: drug('ramucirumab', 'anti-VEGFR2', 'L01FG02'),
  aflibercept: drug('aflibercept', 'anti-VEGF', 'L01XX44'),
  cetuximab: drug('cetuximab', 'anti-EGFR', 'L01FE01'),
  panitumumab: drug('panitumumab', 'anti-EGFR', 'L01FE02'),
  trastuzumab: drug('trastuzumab', 'anti-HER2', 'L01FD01'),
  pertuzumab: drug('pertuzumab', 'anti-HER2', 'L01FD02'),
  trastuzumabDeruxtecan: drug('trastuzumab deruxtecan', 'anti-HER2 ADC', 'L01FD04'),
  trastuzumabEmtansine: drug('trastuzumab emtansine', 'anti-HER2 ADC', 'L01FD03'),
  sacituzumabGovitecan: drug('sacituzumab govitecan', 'anti-TROP2 ADC', 'L01FX17'),
  enfortumabVedotin: drug('enfortumab vedotin', 'anti-nectin-4 ADC', 'L01FX13'),
  tisotumabVedotin: drug('tisotumab vedotin', 'anti-tissue-factor ADC'),
  mirvetuximab: drug('mirvetuximab soravtansine', 'anti-FRα ADC'),
  rituximab: drug('rituximab', 'anti-CD20', 'L01FA01'),
  obinutuzumab: drug('obinutuzumab', 'anti-CD20', 'L01FA03'),
  daratumumab: drug('daratumumab', 'anti-CD38', 'L01FC01'),
  // Targeted
  gefitinib: drug('gefitinib', 'EGFR TKI', 'L01EB01'),
  erlotinib: drug('erlotinib', 'EGFR TKI', 'L01EB02'),
  osimertinib: drug('osimertinib', 'EGFR TKI', 'L01EB04'),
  amivantamab: drug('amivantamab', 'EGFR-MET bispecific'),
  alectinib: drug('alectinib', 'ALK TKI', 'L01ED03'),
  lorlatinib: drug('lorlatinib', 'ALK TKI', 'L01ED05'),
  crizotinib: drug('crizotinib', 'ALK/ROS1/MET TKI', 'L01ED01'),
  entrectinib: drug('entrectinib', 'ROS1/TRK TKI'),
  larotrectinib: drug('larotrectinib', 'TRK inhibitor'),
  selpercatinib: drug('selpercatinib', 'RET inhibitor'),
  capmatinib: drug('capmatinib', 'MET inhibitor'),
  tepotinib: drug('tepotinib', 'MET inhibitor'),
  sotorasib: drug('sotorasib', 'KRAS G12C inhibitor'),
  adagrasib: drug('adagrasib', 'KRAS G12C inhibitor'),
  dabrafenib: drug('dabrafenib', 'BRAF inhibitor', 'L01EC02'),
  encorafenib: drug('encorafenib', 'BRAF inhibitor', 'L01EC03'),
  trametinib: drug('trametinib', 'MEK inhibitor', 'L01EE01'),
  binimetinib: drug('binimetinib', 'MEK inhibitor', 'L01EE03'),
  tucatinib: drug('tucatinib', 'HER2 TKI', 'L01EH03'),
  palbociclib: drug('palbociclib', 'CDK4/6 inhibitor', 'L01EF01'),
  ribociclib: drug('ribociclib', 'CDK4/6 inhibitor', 'L01EF02'),
  abemaciclib: drug('abemaciclib', 'CDK4/6 inhibitor', 'L01EF03'),
  alpelisib: drug('alpelisib', 'PI3Kα inhibitor', 'L01EM03'),
  everolimus: drug('everolimus', 'mTOR inhibitor', 'L01EG02'),
  olaparib: drug('olaparib', 'PARP inhibitor', 'L01XK01'),
  niraparib: drug('niraparib', 'PARP inhibitor', 'L01XK02'),
  pemigatinib: drug('pemigatinib', 'FGFR inhibitor', 'L01EN02'),
  erdafitinib: drug('erdafitinib', 'FGFR inhibitor', 'L01EN01'),
  ivosidenib: drug('ivosidenib', 'IDH1 inhibitor'),
  imatinib: drug('imatinib', 'KIT inhibitor', 'L01EA01'),
  sunitinib: drug('sunitinib', 'multikinase inhibitor', 'L01EX01'),
  regorafenib: drug('regorafenib', 'multikinase inhibitor', 'L01EX05'),
  ripretinib: drug('ripretinib', 'KIT inhibitor'),
  avapritinib: drug('avapritinib', 'PDGFRA inhibitor'),
  cabozantinib: drug('cabozantinib', 'multikinase inhibitor', 'L01EX07'),
  lenvatinib: drug('lenvatinib', 'multikinase inhibitor', 'L01EX08'),
  axitinib: drug('axitinib', 'VEGFR TKI', 'L01EK01'),
  pazopanib: drug('pazopanib', 'multikinase inhibitor', 'L01EX03'),
  sorafenib: drug('sorafenib', 'multikinase inhibitor', 'L01EX02'),
  venetoclax: drug('venetoclax', 'BCL2 inhibitor', 'L01XX52'),
  ibrutinib: drug('ibrutinib', 'BTK inhibitor', 'L01EL01'),
  gilteritinib: drug('gilteritinib', 'FLT3 inhibitor'),
  lenalidomide: drug('lenalidomide', 'immunomodulatory drug', 'L04AX04'),
  pomalidomide: drug('pomalidomide', 'immunomodulatory drug', 'L04AX06'),
  carfilzomib: drug('carfilzomib', 'proteasome inhibitor', 'L01XG02'),
  // Hormonal
  letrozole: drug('letrozole', 'aromatase inhibitor', 'L02BG04'),
  anastrozole: drug('anastrozole', 'aromatase inhibitor', 'L02BG03'),
  tamoxifen: drug('tamoxifen', 'SERM', 'L02BA01'),
  fulvestrant: drug('fulvestrant', 'SERD', 'L02BA03'),
  elacestrant: drug('elacestrant', 'oral SERD'),
  leuprorelin: drug('leuprorelin', 'GnRH agonist', 'L02AE02'),
  enzalutamide: drug('enzalutamide', 'AR inhibitor', 'L02BB04'),
  abiraterone: drug('abiraterone', 'androgen synthesis inhibitor', 'L02BX03'),
  prednisone: drug('prednisone', 'corticosteroid', 'H02AB07'),
  dexamethasone: drug('dexamethasone', 'corticosteroid', 'H02AB02'),
  lanreotide: drug('lanreotide', 'somatostatin analogue', 'H01CB03'),
  octreotide: drug('octreotide', 'somatostatin analogue', 'H01CB02'),
  // Radioligands
  lutetiumPsma: drug('[177Lu]Lu-PSMA-617 (lutetium vipivotide tetraxetan)', 'PSMA radioligand', 'V10XX05'),
  lutetiumDotatate: drug('[177Lu]Lu-DOTATATE (lutetium oxodotreotide)', 'SSTR radioligand', 'V10XX04'),
  radioiodine: drug('sodium iodide (131I)', 'radioiodine', 'V10XA01'),
} as const satisfies Record<string, Drug>;

const D = DRUGS;
const r = (name: string, kind: RegimenKind, medianDays: number, drugs: Drug[], extra: Partial<Regimen> = {}): Regimen => ({
  name,
  kind,
  medianDays,
  drugs,
  ...extra,
});

/** What the sequencer knows about the patient. */
export interface LineContext {
  /** Biomarker labels of the tumour's baseline alterations and status (e.g. "KRAS p.G12C", "MSI-H", "HR-positive"). */
  has(label: string): boolean;
  /** OncoTree code of the primary tumour. */
  code: string;
  /** Year the metastatic disease was diagnosed (drug availability changed over time). */
  year: number;
  rng: Rng;
}

const FOLFOX = [D.fluorouracil, D.leucovorin, D.oxaliplatin];
const FOLFIRI = [D.fluorouracil, D.leucovorin, D.irinotecan];
const FOLFIRINOX = [D.fluorouracil, D.leucovorin, D.irinotecan, D.oxaliplatin];

/** Ordered regimens for the metastatic (or relapsed haematological) setting: line 1 first. */
export function metastaticSequence(group: TumourGroup, ctx: LineContext): Regimen[] {
  const { has, year, rng, code } = ctx;
  switch (group) {
    case 'nsclc': {
      const chemoIo =
        code === 'LUSC'
          ? r('carboplatin + paclitaxel + pembrolizumab', 'chemo-immuno', 210, [D.carboplatin, D.paclitaxel, D.pembrolizumab])
          : r('carboplatin + pemetrexed + pembrolizumab', 'chemo-immuno', 270, [D.carboplatin, D.pemetrexed, D.pembrolizumab]);
      const docetaxel = r('docetaxel', 'chemo', 100, [D.docetaxel]);
      if (has('EGFR exon 19 deletion') || has('EGFR p.L858R') || has('EGFR p.G719S')) {
        if (year < 2018) {
          const tki = rng.chance(0.5) ? D.gefitinib : D.erlotinib;
          return [
            r(tki.name, 'targeted', 330, [tki], { resistance: 'EGFR TKI (1st generation)' }),
            r('osimertinib', 'targeted', 300, [D.osimertinib], { resistance: 'EGFR TKI (3rd generation)' }),
            r('carboplatin + pemetrexed', 'chemo', 170, [D.carboplatin, D.pemetrexed]),
            docetaxel,
          ];
        }
        return [
          r('osimertinib', 'targeted', 540, [D.osimertinib], { resistance: 'EGFR TKI (3rd generation)' }),
          r('carboplatin + pemetrexed', 'chemo', 170, [D.carboplatin, D.pemetrexed]),
          ...(year >= 2022
            ? [r('amivantamab + carboplatin + pemetrexed', 'targeted', 190, [D.amivantamab, D.carboplatin, D.pemetrexed])]
            : []),
          docetaxel,
        ];
      }
      if (has('EGFR exon 20 insertion')) {
        return [r('carboplatin + pemetrexed + amivantamab', 'targeted', 330, [D.carboplatin, D.pemetrexed, D.amivantamab]), docetaxel];
      }
      if (has('ALK fusion')) {
        return [
          r('alectinib', 'targeted', 900, [D.alectinib], { resistance: 'ALK TKI' }),
          r('lorlatinib', 'targeted', 400, [D.lorlatinib]),
          r('carboplatin + pemetrexed', 'chemo', 170, [D.carboplatin, D.pemetrexed]),
        ];
      }
      if (has('ROS1 fusion'))
        return [
          r('crizotinib', 'targeted', 500, [D.crizotinib]),
          r('carboplatin + pemetrexed', 'chemo', 170, [D.carboplatin, D.pemetrexed]),
          docetaxel,
        ];
      if (has('RET fusion')) return [r('selpercatinib', 'targeted', 650, [D.selpercatinib]), chemoIo, docetaxel];
      if (has('NTRK1 fusion')) return [r('larotrectinib', 'targeted', 700, [D.larotrectinib]), chemoIo, docetaxel];
      if (has('MET exon 14 skipping')) {
        const met = rng.chance(0.5) ? D.capmatinib : D.tepotinib;
        return [r(met.name, 'targeted', 330, [met], { resistance: 'MET inhibitor' }), chemoIo, docetaxel];
      }
      if (has('BRAF p.V600E'))
        return [
          r('dabrafenib + trametinib', 'targeted', 330, [D.dabrafenib, D.trametinib], { resistance: 'BRAF inhibitor' }),
          chemoIo,
          docetaxel,
        ];
      if (has('KRAS p.G12C') && year >= 2021) {
        const g12c = rng.chance(0.6) ? D.sotorasib : D.adagrasib;
        return [chemoIo, r(g12c.name, 'targeted', 170, [g12c], { resistance: 'KRAS G12C inhibitor' }), docetaxel];
      }
      if (has('ERBB2 exon 20 insertion') && year >= 2022)
        return [chemoIo, r('trastuzumab deruxtecan', 'targeted', 250, [D.trastuzumabDeruxtecan]), docetaxel];
      return [chemoIo, docetaxel, r('gemcitabine', 'chemo', 90, [D.gemcitabine])];
    }
    case 'sclc': {
      const second = rng.chance(0.5) ? D.topotecan : D.lurbinectedin;
      return [
        r('carboplatin + etoposide + atezolizumab', 'chemo-immuno', 160, [D.carboplatin, D.etoposide, D.atezolizumab]),
        r(second.name, 'chemo', 100, [second]),
        r('carboplatin + etoposide', 'chemo', 100, [D.carboplatin, D.etoposide]),
      ];
    }
    case 'mesothelioma':
      return [
        r('nivolumab + ipilimumab', 'immuno', 200, [D.nivolumab, D.ipilimumab]),
        r('carboplatin + pemetrexed', 'chemo', 190, [D.carboplatin, D.pemetrexed]),
        r('gemcitabine', 'chemo', 90, [D.gemcitabine]),
      ];
    case 'breast': {
      if (has('HER2-positive')) {
        return [
          r('docetaxel + trastuzumab + pertuzumab', 'targeted', 560, [D.docetaxel, D.trastuzumab, D.pertuzumab]),
          r('trastuzumab deruxtecan', 'targeted', 700, [D.trastuzumabDeruxtecan]),
          r('tucatinib + trastuzumab + capecitabine', 'targeted', 240, [D.tucatinib, D.trastuzumab, D.capecitabine]),
          r('trastuzumab emtansine', 'targeted', 200, [D.trastuzumabEmtansine]),
        ];
      }
      if (has('HR-positive')) {
        const cdk = rng.pick([D.palbociclib, D.ribociclib, D.abemaciclib]);
        const second = has('PIK3CA mutation')
          ? r('alpelisib + fulvestrant', 'targeted', 330, [D.alpelisib, D.fulvestrant])
          : r('fulvestrant', 'hormonal', 180, [D.fulvestrant]);
        const seq = [
          r(`letrozole + ${cdk.name}`, 'targeted', 750, [D.letrozole, cdk], { resistance: 'aromatase inhibitor' }),
          second,
          r('capecitabine', 'chemo', 150, [D.capecitabine]),
        ];
        if (has('HER2-low') && year >= 2022) seq.push(r('trastuzumab deruxtecan', 'targeted', 300, [D.trastuzumabDeruxtecan]));
        else seq.push(r('paclitaxel', 'chemo', 160, [D.paclitaxel]));
        seq.push(r('eribulin', 'chemo', 110, [D.eribulin]));
        return seq;
      }
      // Triple-negative
      return [
        r('paclitaxel + pembrolizumab', 'chemo-immuno', 230, [D.paclitaxel, D.pembrolizumab]),
        ...(has('BRCA1 mutation') || has('BRCA2 mutation')
          ? [r('olaparib', 'targeted', 210, [D.olaparib], { resistance: 'PARP inhibitor' })]
          : []),
        r('sacituzumab govitecan', 'targeted', 170, [D.sacituzumabGovitecan]),
        r('capecitabine', 'chemo', 120, [D.capecitabine]),
        r('eribulin', 'chemo', 100, [D.eribulin]),
      ];
    }
    case 'colorectal': {
      if (has('MSI-H'))
        return [
          r('pembrolizumab', 'immuno', 500, [D.pembrolizumab]),
          r('FOLFOX + bevacizumab', 'chemo', 300, [...FOLFOX, D.bevacizumab]),
          r('FOLFIRI + bevacizumab', 'chemo', 180, [...FOLFIRI, D.bevacizumab]),
        ];
      const rasWild = !has('KRAS mutation') && !has('NRAS mutation') && !has('BRAF p.V600E');
      const first =
        rasWild && rng.chance(0.7)
          ? r('FOLFOX + panitumumab', 'chemo', 330, [...FOLFOX, D.panitumumab], { resistance: 'anti-EGFR' })
          : r('FOLFOX + bevacizumab', 'chemo', 300, [...FOLFOX, D.bevacizumab]);
      const seq = [first];
      if (has('BRAF p.V600E'))
        seq.push(r('encorafenib + cetuximab', 'targeted', 130, [D.encorafenib, D.cetuximab], { resistance: 'BRAF inhibitor' }));
      seq.push(r('FOLFIRI + bevacizumab', 'chemo', 180, [...FOLFIRI, D.bevacizumab]));
      if (has('KRAS p.G12C') && year >= 2023)
        seq.push(r('sotorasib + panitumumab', 'targeted', 170, [D.sotorasib, D.panitumumab], { resistance: 'KRAS G12C inhibitor' }));
      if (has('ERBB2 amplification') && !has('KRAS mutation'))
        seq.push(r('tucatinib + trastuzumab', 'targeted', 250, [D.tucatinib, D.trastuzumab]));
      seq.push(r('trifluridine/tipiracil + bevacizumab', 'chemo', 170, [D.trifluridineTipiracil, D.bevacizumab]));
      seq.push(r('regorafenib', 'targeted', 60, [D.regorafenib]));
      return seq;
    }
    case 'pancreas': {
      const brca = has('BRCA1 mutation') || has('BRCA2 mutation') || has('PALB2 mutation');
      const first =
        brca || rng.chance(0.6)
          ? r('FOLFIRINOX', 'chemo', 190, FOLFIRINOX)
          : r('gemcitabine + nab-paclitaxel', 'chemo', 165, [D.gemcitabine, D.nabPaclitaxel]);
      const seq = [first];
      if (brca) seq.push(r('olaparib', 'targeted', 220, [D.olaparib], { resistance: 'PARP inhibitor', setting: 'maintenance' }));
      seq.push(
        first.name === 'FOLFIRINOX'
          ? r('gemcitabine + nab-paclitaxel', 'chemo', 110, [D.gemcitabine, D.nabPaclitaxel])
          : r('FOLFOX', 'chemo', 90, FOLFOX),
      );
      seq.push(r('gemcitabine', 'chemo', 60, [D.gemcitabine]));
      return seq;
    }
    case 'gastro-oesophageal':
      return [
        has('ERBB2 amplification')
          ? r('trastuzumab + capecitabine + oxaliplatin + pembrolizumab', 'chemo-immuno', 300, [
              D.trastuzumab,
              D.capecitabine,
              D.oxaliplatin,
              D.pembrolizumab,
            ])
          : r('FOLFOX + nivolumab', 'chemo-immuno', 230, [...FOLFOX, D.nivolumab]),
        r('paclitaxel + ramucirumab', 'chemo', 130, [D.paclitaxel, D.ramucirumab]),
        ...(has('ERBB2 amplification') ? [r('trastuzumab deruxtecan', 'targeted', 170, [D.trastuzumabDeruxtecan])] : []),
        r('trifluridine/tipiracil', 'chemo', 60, [D.trifluridineTipiracil]),
      ];
    case 'oesophageal-squamous':
      return [
        r('cisplatin + fluorouracil + pembrolizumab', 'chemo-immuno', 200, [D.cisplatin, D.fluorouracil, D.pembrolizumab]),
        r('paclitaxel', 'chemo', 90, [D.paclitaxel]),
      ];
    case 'biliary': {
      const seq = [r('gemcitabine + cisplatin + durvalumab', 'chemo-immuno', 220, [D.gemcitabine, D.cisplatin, D.durvalumab])];
      if (has('FGFR2 fusion')) seq.push(r('pemigatinib', 'targeted', 210, [D.pemigatinib], { resistance: 'FGFR inhibitor' }));
      if (has('IDH1 mutation')) seq.push(r('ivosidenib', 'targeted', 110, [D.ivosidenib], { resistance: 'IDH1 inhibitor' }));
      if (has('ERBB2 amplification')) seq.push(r('trastuzumab deruxtecan', 'targeted', 200, [D.trastuzumabDeruxtecan]));
      seq.push(r('FOLFOX', 'chemo', 120, FOLFOX));
      return seq;
    }
    case 'liver':
      return [
        r('atezolizumab + bevacizumab', 'immuno', 210, [D.atezolizumab, D.bevacizumab]),
        r('lenvatinib', 'targeted', 220, [D.lenvatinib]),
        r('cabozantinib', 'targeted', 150, [D.cabozantinib]),
      ];
    case 'net': {
      const ssa = rng.chance(0.6) ? D.lanreotide : D.octreotide;
      return [
        r(ssa.name, 'hormonal', 500, [ssa]),
        r('[177Lu]Lu-DOTATATE', 'radioligand', 700, [D.lutetiumDotatate]),
        r('everolimus', 'targeted', 330, [D.everolimus]),
        r('capecitabine + temozolomide', 'chemo', 400, [D.capecitabine, D.temozolomide]),
      ];
    }
    case 'prostate': {
      const arpi = rng.chance(0.5)
        ? r('leuprorelin + enzalutamide', 'hormonal', 600, [D.leuprorelin, D.enzalutamide], { resistance: 'AR inhibitor' })
        : r('leuprorelin + abiraterone + prednisone', 'hormonal', 560, [D.leuprorelin, D.abiraterone, D.prednisone], {
            resistance: 'androgen synthesis inhibitor',
          });
      const seq = [arpi, r('docetaxel + leuprorelin', 'chemo', 240, [D.docetaxel, D.leuprorelin])];
      if (has('BRCA2 mutation') || has('BRCA2 deletion') || has('ATM mutation') || has('PALB2 mutation')) {
        seq.push(r('olaparib + leuprorelin', 'targeted', 220, [D.olaparib, D.leuprorelin], { resistance: 'PARP inhibitor' }));
      }
      if (year >= 2022 && has('PSMA PET positive'))
        seq.push(r('[177Lu]Lu-PSMA-617 + leuprorelin', 'radioligand', 260, [D.lutetiumPsma, D.leuprorelin]));
      seq.push(r('cabazitaxel + leuprorelin', 'chemo', 150, [D.cabazitaxel, D.leuprorelin]));
      return seq;
    }
    case 'kidney':
      return [
        rng.chance(0.6)
          ? r('pembrolizumab + axitinib', 'immuno', 450, [D.pembrolizumab, D.axitinib])
          : r('nivolumab + ipilimumab', 'immuno', 360, [D.nivolumab, D.ipilimumab]),
        r('cabozantinib', 'targeted', 230, [D.cabozantinib]),
        r('lenvatinib + everolimus', 'targeted', 200, [D.lenvatinib, D.everolimus]),
      ];
    case 'bladder': {
      const seq =
        year >= 2023
          ? [r('enfortumab vedotin + pembrolizumab', 'chemo-immuno', 380, [D.enfortumabVedotin, D.pembrolizumab])]
          : [
              r('cisplatin + gemcitabine', 'chemo', 126, [D.cisplatin, D.gemcitabine], { fixedDuration: true, freeIntervalDays: 150 }),
              r('avelumab', 'immuno', 180, [D.avelumab], { setting: 'maintenance' }),
            ];
      if (has('FGFR3 mutation') || has('FGFR3 fusion'))
        seq.push(r('erdafitinib', 'targeted', 170, [D.erdafitinib], { resistance: 'FGFR inhibitor' }));
      seq.push(
        year >= 2023
          ? r('carboplatin + gemcitabine', 'chemo', 140, [D.carboplatin, D.gemcitabine])
          : r('enfortumab vedotin', 'targeted', 170, [D.enfortumabVedotin]),
      );
      seq.push(r('paclitaxel', 'chemo', 80, [D.paclitaxel]));
      return seq;
    }
    case 'germ-cell':
      return [
        r('BEP (bleomycin + etoposide + cisplatin)', 'chemo', 63, [D.bleomycin, D.etoposide, D.cisplatin], {
          fixedDuration: true,
          freeIntervalDays: 400,
        }),
        r('TIP (paclitaxel + ifosfamide + cisplatin)', 'chemo', 84, [D.paclitaxel, D.ifosfamide, D.cisplatin], {
          fixedDuration: true,
          freeIntervalDays: 300,
        }),
        r('gemcitabine + oxaliplatin', 'chemo', 90, [D.gemcitabine, D.oxaliplatin]),
      ];
    case 'ovary': {
      const brca = has('BRCA1 mutation') || has('BRCA2 mutation') || has('BRCA2 deletion');
      const seq = [
        r('carboplatin + paclitaxel + bevacizumab', 'chemo', 126, [D.carboplatin, D.paclitaxel, D.bevacizumab], {
          fixedDuration: true,
          freeIntervalDays: 240,
        }),
      ];
      seq.push(
        brca
          ? r('olaparib', 'targeted', 900, [D.olaparib], { resistance: 'PARP inhibitor', setting: 'maintenance' })
          : r('niraparib', 'targeted', 250, [D.niraparib], { setting: 'maintenance' }),
      );
      seq.push(r('carboplatin + pegylated liposomal doxorubicin', 'chemo', 250, [D.carboplatin, D.pegylatedDoxorubicin]));
      seq.push(
        year >= 2024
          ? r('mirvetuximab soravtansine', 'targeted', 170, [D.mirvetuximab])
          : r('weekly paclitaxel', 'chemo', 120, [D.paclitaxel]),
      );
      seq.push(r('gemcitabine', 'chemo', 90, [D.gemcitabine]));
      return seq;
    }
    case 'endometrium':
      return [
        r('carboplatin + paclitaxel + dostarlimab', 'chemo-immuno', 400, [D.carboplatin, D.paclitaxel, D.dostarlimab]),
        has('MSI-H')
          ? r('doxorubicin', 'chemo', 120, [D.doxorubicin])
          : r('lenvatinib + pembrolizumab', 'immuno', 210, [D.lenvatinib, D.pembrolizumab]),
        ...(has('ERBB2 amplification') ? [r('trastuzumab deruxtecan', 'targeted', 230, [D.trastuzumabDeruxtecan])] : []),
        r('weekly paclitaxel', 'chemo', 100, [D.paclitaxel]),
      ];
    case 'cervix':
      return [
        r('carboplatin + paclitaxel + pembrolizumab + bevacizumab', 'chemo-immuno', 310, [
          D.carboplatin,
          D.paclitaxel,
          D.pembrolizumab,
          D.bevacizumab,
        ]),
        r('tisotumab vedotin', 'targeted', 130, [D.tisotumabVedotin]),
        r('vinorelbine', 'chemo', 80, [D.vinorelbine]),
      ];
    case 'melanoma': {
      const io = r('nivolumab + ipilimumab', 'immuno', 350, [D.nivolumab, D.ipilimumab]);
      if (has('BRAF V600')) {
        const targeted = rng.chance(0.5)
          ? r('dabrafenib + trametinib', 'targeted', 330, [D.dabrafenib, D.trametinib], { resistance: 'BRAF inhibitor' })
          : r('encorafenib + binimetinib', 'targeted', 440, [D.encorafenib, D.binimetinib], { resistance: 'BRAF inhibitor' });
        return rng.chance(0.6)
          ? [io, targeted, r('paclitaxel + carboplatin', 'chemo', 100, [D.paclitaxel, D.carboplatin])]
          : [targeted, io, r('paclitaxel + carboplatin', 'chemo', 100, [D.paclitaxel, D.carboplatin])];
      }
      return [
        io,
        r('pembrolizumab', 'immuno', 150, [D.pembrolizumab]),
        r('paclitaxel + carboplatin', 'chemo', 100, [D.paclitaxel, D.carboplatin]),
      ];
    }
    case 'uveal-melanoma':
      return [r('tebentafusp', 'immuno', 100, [D.tebentafusp]), r('nivolumab + ipilimumab', 'immuno', 90, [D.nivolumab, D.ipilimumab])];
    case 'skin-other':
      return [
        code === 'MCC' ? r('avelumab', 'immuno', 300, [D.avelumab]) : r('cemiplimab', 'immuno', 500, [D.cemiplimab]),
        r('carboplatin + etoposide', 'chemo', 120, [D.carboplatin, D.etoposide]),
      ];
    case 'head-neck':
      return [
        r('pembrolizumab + carboplatin + fluorouracil', 'chemo-immuno', 150, [D.pembrolizumab, D.carboplatin, D.fluorouracil]),
        r('cetuximab + paclitaxel', 'chemo', 120, [D.cetuximab, D.paclitaxel]),
        r('docetaxel', 'chemo', 70, [D.docetaxel]),
      ];
    case 'salivary':
      return [
        r('lenvatinib', 'targeted', 500, [D.lenvatinib]),
        r('cisplatin + doxorubicin + cyclophosphamide', 'chemo', 150, [D.cisplatin, D.doxorubicin, D.cyclophosphamide]),
      ];
    case 'thyroid': {
      const seq = [r('sodium iodide (131I)', 'radioligand', 1, [D.radioiodine], { fixedDuration: true, freeIntervalDays: 400 })];
      if (has('BRAF p.V600E'))
        seq.push(r('dabrafenib + trametinib', 'targeted', 300, [D.dabrafenib, D.trametinib], { resistance: 'BRAF inhibitor' }));
      else if (has('RET fusion')) seq.push(r('selpercatinib', 'targeted', 700, [D.selpercatinib]));
      seq.push(r('lenvatinib', 'targeted', 550, [D.lenvatinib]));
      seq.push(r('cabozantinib', 'targeted', 300, [D.cabozantinib]));
      return seq;
    }
    case 'medullary-thyroid':
      return has('RET mutation')
        ? [r('selpercatinib', 'targeted', 700, [D.selpercatinib]), r('cabozantinib', 'targeted', 330, [D.cabozantinib])]
        : [r('cabozantinib', 'targeted', 330, [D.cabozantinib])];
    case 'glioblastoma':
      return [
        r('radiotherapy + temozolomide (Stupp)', 'chemo', 210, [D.temozolomide]),
        rng.chance(0.6)
          ? r('lomustine', 'chemo', 60, [D.lomustine])
          : r('lomustine + bevacizumab', 'chemo', 80, [D.lomustine, D.bevacizumab]),
        r('regorafenib', 'targeted', 60, [D.regorafenib]),
      ];
    case 'sarcoma':
      return [
        r('doxorubicin', 'chemo', 126, [D.doxorubicin], { fixedDuration: true, freeIntervalDays: 150 }),
        r('trabectedin', 'chemo', 110, [D.trabectedin]),
        rng.chance(0.5)
          ? r('eribulin', 'chemo', 90, [D.eribulin])
          : r('gemcitabine + docetaxel', 'chemo', 90, [D.gemcitabine, D.docetaxel]),
        r('pazopanib', 'targeted', 140, [D.pazopanib]),
      ];
    case 'gist':
      return has('PDGFRA p.D842V')
        ? [r('avapritinib', 'targeted', 700, [D.avapritinib]), r('regorafenib', 'targeted', 150, [D.regorafenib])]
        : [
            r('imatinib', 'targeted', 700, [D.imatinib], { resistance: 'KIT inhibitor' }),
            r('sunitinib', 'targeted', 200, [D.sunitinib]),
            r('regorafenib', 'targeted', 150, [D.regorafenib]),
            r('ripretinib', 'targeted', 180, [D.ripretinib]),
          ];
    case 'cup':
      return [r('carboplatin + paclitaxel', 'chemo', 150, [D.carboplatin, D.paclitaxel]), r('FOLFIRI', 'chemo', 100, FOLFIRI)];
    case 'lymphoma':
      if (code === 'FL') {
        return [
          r('rituximab + bendamustine', 'chemo', 168, [D.rituximab, D.bendamustine], { fixedDuration: true, freeIntervalDays: 1200 }),
          r('lenalidomide + rituximab', 'targeted', 365, [D.lenalidomide, D.rituximab]),
          r('R-CHOP', 'chemo', 126, [D.rituximab, D.cyclophosphamide, D.doxorubicin, D.vincristine, D.prednisone], {
            fixedDuration: true,
            freeIntervalDays: 400,
          }),
        ];
      }
      return [
        r('R-CHOP', 'chemo', 126, [D.rituximab, D.cyclophosphamide, D.doxorubicin, D.vincristine, D.prednisone], {
          fixedDuration: true,
          freeIntervalDays: 500,
        }),
        r('axicabtagene ciloleucel', 'cell-therapy', 1, [D.axiCel], { fixedDuration: true, freeIntervalDays: 300 }),
        r('glofitamab', 'immuno', 252, [D.glofitamab], { fixedDuration: true, freeIntervalDays: 250 }),
      ];
    case 'cll':
      return [
        r('ibrutinib', 'targeted', 1400, [D.ibrutinib]),
        r('venetoclax + obinutuzumab', 'targeted', 365, [D.venetoclax, D.obinutuzumab], { fixedDuration: true, freeIntervalDays: 900 }),
      ];
    case 'aml': {
      const seq = [
        rng.chance(0.6)
          ? r('azacitidine + venetoclax', 'targeted', 300, [D.azacitidine, D.venetoclax])
          : r('cytarabine + daunorubicin (7+3)', 'chemo', 150, [D.cytarabine, D.daunorubicin], {
              fixedDuration: true,
              freeIntervalDays: 300,
            }),
      ];
      if (has('FLT3-ITD') || has('FLT3 p.D835Y')) seq.push(r('gilteritinib', 'targeted', 150, [D.gilteritinib]));
      if (has('IDH1 mutation')) seq.push(r('ivosidenib', 'targeted', 200, [D.ivosidenib], { resistance: 'IDH1 inhibitor' }));
      return seq;
    }
    case 'myeloma':
      return [
        r('daratumumab + lenalidomide + dexamethasone', 'targeted', 900, [D.daratumumab, D.lenalidomide, D.dexamethasone]),
        r('carfilzomib + pomalidomide + dexamethasone', 'targeted', 300, [D.carfilzomib, D.pomalidomide, D.dexamethasone]),
        r('teclistamab', 'immuno', 340, [D.teclistamab]),
      ];
  }
}

/** Adjuvant / perioperative treatment before a relapse, when the tumour was first localised. */
export function adjuvantRegimen(group: TumourGroup, ctx: LineContext): Regimen | undefined {
  const { has, year } = ctx;
  switch (group) {
    case 'nsclc':
      if (year >= 2021 && (has('EGFR exon 19 deletion') || has('EGFR p.L858R')))
        return r('osimertinib', 'targeted', 1095, [D.osimertinib], { fixedDuration: true });
      return r('cisplatin + vinorelbine', 'chemo', 84, [D.cisplatin, D.vinorelbine], { fixedDuration: true });
    case 'breast':
      if (has('HER2-positive'))
        return r('EC then paclitaxel + trastuzumab', 'chemo', 365, [D.epirubicin, D.cyclophosphamide, D.paclitaxel, D.trastuzumab], {
          fixedDuration: true,
        });
      if (has('HR-positive')) return r('tamoxifen', 'hormonal', 1500, [D.tamoxifen], { fixedDuration: true });
      return r('EC then paclitaxel', 'chemo', 168, [D.epirubicin, D.cyclophosphamide, D.paclitaxel], { fixedDuration: true });
    case 'colorectal':
      return r('FOLFOX (adjuvant)', 'chemo', 168, FOLFOX, { fixedDuration: true });
    case 'pancreas':
      return r('modified FOLFIRINOX (adjuvant)', 'chemo', 168, FOLFIRINOX, { fixedDuration: true });
    case 'melanoma':
      return year >= 2018 ? r('nivolumab (adjuvant)', 'immuno', 365, [D.nivolumab], { fixedDuration: true }) : undefined;
    case 'bladder':
      return r('cisplatin + gemcitabine (neoadjuvant)', 'chemo', 84, [D.cisplatin, D.gemcitabine], { fixedDuration: true });
    case 'head-neck':
      return r('cisplatin + radiotherapy', 'chemo', 49, [D.cisplatin], { fixedDuration: true });
    case 'ovary':
      return r('carboplatin + paclitaxel (adjuvant)', 'chemo', 126, [D.carboplatin, D.paclitaxel], { fixedDuration: true });
    case 'gastro-oesophageal':
      return r('FLOT (perioperative)', 'chemo', 112, [D.fluorouracil, D.leucovorin, D.oxaliplatin, D.docetaxel], { fixedDuration: true });
    case 'prostate':
      return r('leuprorelin + radiotherapy', 'hormonal', 540, [D.leuprorelin], { fixedDuration: true });
    case 'endometrium':
      return r('carboplatin + paclitaxel (adjuvant)', 'chemo', 126, [D.carboplatin, D.paclitaxel], { fixedDuration: true });
    case 'sarcoma':
      return r('doxorubicin + ifosfamide (perioperative)', 'chemo', 105, [D.doxorubicin, D.ifosfamide], { fixedDuration: true });
    case 'gist':
      return has('KIT mutation') ? r('imatinib (adjuvant)', 'targeted', 1095, [D.imatinib], { fixedDuration: true }) : undefined;
    default:
      return undefined;
  }
}
