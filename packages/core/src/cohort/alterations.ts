/**
 * The somatic alterations the synthetic cohort draws from, with the biomarker labels trials ask for.
 *
 * HGVS: protein in 1-letter code; cDNA given only where it is the well-known change for that
 * hotspot on the gene's canonical (MANE) transcript — e.g. BRAF c.1799T>A p.V600E,
 * KRAS c.34G>T p.G12C, EGFR c.2573T>G p.L858R, EGFR c.2235_2249del p.E746_A750del. Where a
 * hotspot has several cDNA spellings or we are not certain of one, only the protein is given;
 * where a gene is hit by scattered truncating variants (ARID1A, PBRM1...), only the gene is.
 */
import type { AlterationClass } from '../model/patient';

export interface AlterationSpec {
  readonly gene: string;
  readonly alterationClass: AlterationClass;
  readonly hgvsProtein?: string;
  readonly hgvsCdna?: string;
  readonly fusionPartner?: string;
  /** The biomarker strings this alteration satisfies, e.g. ["KRAS p.G12C", "KRAS mutation"]. */
  readonly labels: readonly string[];
}

/** One spec, or a list drawn from uniformly (e.g. the TP53 hotspots). */
export type AlterationChoice = AlterationSpec | readonly AlterationSpec[];

function mut(gene: string, hgvsProtein?: string, hgvsCdna?: string, extra: readonly string[] = []): AlterationSpec {
  const labels = [...(hgvsProtein ? [`${gene} ${hgvsProtein}`] : []), ...extra, `${gene} mutation`];
  return {
    gene,
    alterationClass: 'mutation',
    ...(hgvsProtein ? { hgvsProtein } : {}),
    ...(hgvsCdna ? { hgvsCdna } : {}),
    labels,
  };
}

function amp(gene: string): AlterationSpec {
  return { gene, alterationClass: 'amplification', labels: [`${gene} amplification`] };
}

function del(gene: string): AlterationSpec {
  return { gene, alterationClass: 'deletion', labels: [`${gene} deletion`, `${gene} loss`] };
}

/** A fusion named 5'-3' ("EML4-ALK"); `gene` is the actionable (usually 3' kinase) partner. */
function fusion(gene: string, partner: string, name: string): AlterationSpec {
  return { gene, alterationClass: 'fusion', fusionPartner: partner, labels: [`${gene} fusion`, `${name} fusion`] };
}

function rearrangement(gene: string, partner: string): AlterationSpec {
  return {
    gene,
    alterationClass: 'structural_variant',
    fusionPartner: partner,
    labels: [`${gene} rearrangement`, `${partner}-${gene} rearrangement`],
  };
}

export const ALT = {
  // KRAS / NRAS / HRAS
  KRAS_G12C: mut('KRAS', 'p.G12C', 'c.34G>T'),
  KRAS_G12D: mut('KRAS', 'p.G12D', 'c.35G>A'),
  KRAS_G12V: mut('KRAS', 'p.G12V', 'c.35G>T'),
  KRAS_G12R: mut('KRAS', 'p.G12R', 'c.34G>C'),
  KRAS_G12A: mut('KRAS', 'p.G12A', 'c.35G>C'),
  KRAS_G12S: mut('KRAS', 'p.G12S', 'c.34G>A'),
  KRAS_G13D: mut('KRAS', 'p.G13D', 'c.38G>A'),
  KRAS_Q61H: mut('KRAS', 'p.Q61H', 'c.183A>C'),
  KRAS_A146T: mut('KRAS', 'p.A146T', 'c.436G>A'),
  KRAS_Y96D: mut('KRAS', 'p.Y96D'),
  KRAS_AMP: amp('KRAS'),
  NRAS_Q61K: mut('NRAS', 'p.Q61K', 'c.181C>A'),
  NRAS_Q61R: mut('NRAS', 'p.Q61R', 'c.182A>G'),
  NRAS_Q61L: mut('NRAS', 'p.Q61L', 'c.182A>T'),
  NRAS_G12D: mut('NRAS', 'p.G12D', 'c.35G>A'),
  HRAS_Q61R: mut('HRAS', 'p.Q61R', 'c.182A>G'),
  // EGFR
  EGFR_L858R: mut('EGFR', 'p.L858R', 'c.2573T>G'),
  EGFR_EX19DEL: mut('EGFR', 'p.E746_A750del', 'c.2235_2249del', ['EGFR exon 19 deletion']),
  EGFR_G719S: mut('EGFR', 'p.G719S', 'c.2155G>A'),
  EGFR_EX20INS: mut('EGFR', 'p.A767_V769dup', undefined, ['EGFR exon 20 insertion']),
  EGFR_T790M: mut('EGFR', 'p.T790M', 'c.2369C>T'),
  EGFR_C797S: mut('EGFR', 'p.C797S', 'c.2390G>C'),
  EGFR_S492R: mut('EGFR', 'p.S492R', 'c.1476C>A'),
  EGFR_AMP: amp('EGFR'),
  // Kinase fusions
  ALK_EML4: fusion('ALK', 'EML4', 'EML4-ALK'),
  ALK_G1202R: mut('ALK', 'p.G1202R'),
  ROS1_CD74: fusion('ROS1', 'CD74', 'CD74-ROS1'),
  RET_KIF5B: fusion('RET', 'KIF5B', 'KIF5B-RET'),
  RET_CCDC6: fusion('RET', 'CCDC6', 'CCDC6-RET'),
  RET_NCOA4: fusion('RET', 'NCOA4', 'NCOA4-RET'),
  RET_M918T: mut('RET', 'p.M918T', 'c.2753T>C'),
  RET_C634R: mut('RET', 'p.C634R', 'c.1900T>C'),
  NTRK1_TPM3: fusion('NTRK1', 'TPM3', 'TPM3-NTRK1'),
  NTRK3_ETV6: fusion('NTRK3', 'ETV6', 'ETV6-NTRK3'),
  NRG1_CD74: fusion('NRG1', 'CD74', 'CD74-NRG1'),
  FGFR2_BICC1: fusion('FGFR2', 'BICC1', 'FGFR2-BICC1'),
  FGFR2_AHCYL1: fusion('FGFR2', 'AHCYL1', 'FGFR2-AHCYL1'),
  FGFR2_N549K: mut('FGFR2', 'p.N549K'),
  FGFR2_V564F: mut('FGFR2', 'p.V564F'),
  FGFR2_AMP: amp('FGFR2'),
  FGFR3_S249C: mut('FGFR3', 'p.S249C', 'c.746C>G'),
  FGFR3_R248C: mut('FGFR3', 'p.R248C', 'c.742C>T'),
  FGFR3_Y373C: mut('FGFR3', 'p.Y373C', 'c.1118A>G'),
  FGFR3_TACC3: fusion('FGFR3', 'TACC3', 'FGFR3-TACC3'),
  FGFR1_AMP: amp('FGFR1'),
  // MET
  MET_EX14: mut('MET', undefined, 'c.3028+1G>T', ['MET exon 14 skipping']),
  MET_AMP: amp('MET'),
  MET_D1228N: mut('MET', 'p.D1228N'),
  // BRAF / MAPK
  BRAF_V600E: mut('BRAF', 'p.V600E', 'c.1799T>A', ['BRAF V600']),
  BRAF_V600K: mut('BRAF', 'p.V600K', 'c.1798_1799delinsAA', ['BRAF V600']),
  BRAF_G469A: mut('BRAF', 'p.G469A', 'c.1406G>C'),
  MAP2K1_K57N: mut('MAP2K1', 'p.K57N', 'c.171G>T'),
  // ERBB2
  ERBB2_AMP: amp('ERBB2'),
  ERBB2_EX20INS: mut('ERBB2', 'p.Y772_A775dup', 'c.2313_2324dup', ['ERBB2 exon 20 insertion']),
  ERBB2_S310F: mut('ERBB2', 'p.S310F', 'c.929C>T'),
  ERBB2_L755S: mut('ERBB2', 'p.L755S', 'c.2264T>C'),
  // PI3K pathway
  PIK3CA_H1047R: mut('PIK3CA', 'p.H1047R', 'c.3140A>G'),
  PIK3CA_E545K: mut('PIK3CA', 'p.E545K', 'c.1633G>A'),
  PIK3CA_E542K: mut('PIK3CA', 'p.E542K', 'c.1624G>A'),
  PTEN_R130G: mut('PTEN', 'p.R130G', 'c.388C>G'),
  PTEN_R233X: mut('PTEN', 'p.R233*', 'c.697C>T'),
  PTEN_DEL: del('PTEN'),
  // Hormone receptors
  ESR1_D538G: mut('ESR1', 'p.D538G', 'c.1613A>G'),
  ESR1_Y537S: mut('ESR1', 'p.Y537S', 'c.1610A>C'),
  AR_AMP: amp('AR'),
  AR_T878A: mut('AR', 'p.T878A', 'c.2632A>G'),
  AR_L702H: mut('AR', 'p.L702H', 'c.2105T>A'),
  ERG_TMPRSS2: fusion('ERG', 'TMPRSS2', 'TMPRSS2-ERG'),
  SPOP_F133V: mut('SPOP', 'p.F133V', 'c.397T>G'),
  // DNA repair (BRCA1/2 founder-type frameshifts; PALB2 nonsense)
  BRCA1_5266DUP: mut('BRCA1', 'p.Q1756Pfs*74', 'c.5266dup'),
  BRCA1_68DEL: mut('BRCA1', 'p.E23Vfs*17', 'c.68_69del'),
  BRCA2_5946DEL: mut('BRCA2', 'p.S1982Rfs*22', 'c.5946del'),
  BRCA2_DEL: del('BRCA2'),
  BRCA2_REVERSION: mut('BRCA2', undefined, undefined, ['BRCA2 reversion']),
  PALB2_W1038X: mut('PALB2', 'p.W1038*', 'c.3113G>A'),
  ATM_MUT: mut('ATM'),
  CDK12_MUT: mut('CDK12'),
  POLE_P286R: mut('POLE', 'p.P286R', 'c.857C>G'),
  // IDH
  IDH1_R132C: mut('IDH1', 'p.R132C', 'c.394C>T'),
  IDH1_R132H: mut('IDH1', 'p.R132H', 'c.395G>A'),
  IDH1_R132G: mut('IDH1', 'p.R132G', 'c.394C>G'),
  IDH1_R132L: mut('IDH1', 'p.R132L', 'c.395G>T'),
  IDH2_R140Q: mut('IDH2', 'p.R140Q', 'c.419G>A'),
  IDH2_R172K: mut('IDH2', 'p.R172K', 'c.515G>A'),
  // KIT / PDGFRA (GIST, seminoma, melanoma)
  KIT_W557_K558DEL: mut('KIT', 'p.W557_K558del', 'c.1669_1674del', ['KIT exon 11 mutation']),
  KIT_V560D: mut('KIT', 'p.V560D', 'c.1679T>A', ['KIT exon 11 mutation']),
  KIT_EX11_OTHER: mut('KIT', undefined, undefined, ['KIT exon 11 mutation']),
  KIT_A502_Y503DUP: mut('KIT', 'p.A502_Y503dup', 'c.1504_1509dup', ['KIT exon 9 mutation']),
  KIT_V654A: mut('KIT', 'p.V654A', 'c.1961T>C'),
  KIT_T670I: mut('KIT', 'p.T670I', 'c.2009C>T'),
  KIT_D816V: mut('KIT', 'p.D816V', 'c.2447A>T'),
  KIT_L576P: mut('KIT', 'p.L576P', 'c.1727T>C'),
  PDGFRA_D842V: mut('PDGFRA', 'p.D842V', 'c.2525A>T'),
  // Uveal melanoma
  GNAQ_Q209L: mut('GNAQ', 'p.Q209L', 'c.626A>T'),
  GNAQ_Q209P: mut('GNAQ', 'p.Q209P', 'c.626A>C'),
  GNA11_Q209L: mut('GNA11', 'p.Q209L', 'c.626A>T'),
  // Promoter, tumour suppressors, copy number
  TERT_C228T: mut('TERT', undefined, 'c.-124C>T', ['TERT promoter mutation']),
  TERT_C250T: mut('TERT', undefined, 'c.-146C>T', ['TERT promoter mutation']),
  CDKN2A_DEL: del('CDKN2A'),
  RB1_DEL: del('RB1'),
  SMAD4_DEL: del('SMAD4'),
  SMAD4_R361H: mut('SMAD4', 'p.R361H', 'c.1082G>A'),
  STK11_Q37X: mut('STK11', 'p.Q37*', 'c.109C>T'),
  KEAP1_G333C: mut('KEAP1', 'p.G333C', 'c.997G>T'),
  VHL_R167Q: mut('VHL', 'p.R167Q', 'c.500G>A'),
  VHL_MUT: mut('VHL'),
  CTNNB1_S45P: mut('CTNNB1', 'p.S45P', 'c.133T>C'),
  CTNNB1_T41A: mut('CTNNB1', 'p.T41A', 'c.121A>G'),
  CTNNB1_S37F: mut('CTNNB1', 'p.S37F', 'c.110C>T'),
  MYC_AMP: amp('MYC'),
  MYCL_AMP: amp('MYCL'),
  SOX2_AMP: amp('SOX2'),
  CCNE1_AMP: amp('CCNE1'),
  MDM2_AMP: amp('MDM2'),
  CDK4_AMP: amp('CDK4'),
  PDGFRA_AMP: amp('PDGFRA'),
  // Fusions and rearrangements defining sarcomas, salivary and lymphoid tumours
  SS18_SSX1: fusion('SS18', 'SSX1', 'SS18-SSX1'),
  SS18_SSX2: fusion('SS18', 'SSX2', 'SS18-SSX2'),
  MYB_NFIB: fusion('MYB', 'NFIB', 'MYB-NFIB'),
  BCL2_IGH: rearrangement('BCL2', 'IGH'),
  MYC_IGH: rearrangement('MYC', 'IGH'),
  CCND1_IGH: rearrangement('CCND1', 'IGH'),
  // Haematology
  MYD88_L265P: mut('MYD88', 'p.L265P', 'c.794T>C'),
  EZH2_Y646N: mut('EZH2', 'p.Y646N'),
  SF3B1_K700E: mut('SF3B1', 'p.K700E', 'c.2098A>G'),
  NPM1_W288FS: mut('NPM1', 'p.W288Cfs*12', 'c.860_863dup'),
  FLT3_ITD: mut('FLT3', undefined, undefined, ['FLT3-ITD']),
  FLT3_D835Y: mut('FLT3', 'p.D835Y', 'c.2503G>T'),
  DNMT3A_R882H: mut('DNMT3A', 'p.R882H', 'c.2645G>A'),
  // Genes reported without a single hotspot
  ARID1A_MUT: mut('ARID1A'),
  PBRM1_MUT: mut('PBRM1'),
  SETD2_MUT: mut('SETD2'),
  BAP1_MUT: mut('BAP1'),
  NF1_MUT: mut('NF1'),
  NF2_MUT: mut('NF2'),
  NOTCH1_MUT: mut('NOTCH1'),
  KMT2D_MUT: mut('KMT2D'),
  MEN1_MUT: mut('MEN1'),
  DAXX_MUT: mut('DAXX'),
  ATRX_MUT: mut('ATRX'),
  CDKN1B_MUT: mut('CDKN1B'),
  CDH1_MUT: mut('CDH1'),
  GATA3_MUT: mut('GATA3'),
  AXIN1_MUT: mut('AXIN1'),
  TET2_MUT: mut('TET2'),
} as const satisfies Record<string, AlterationSpec>;

/** TP53 hotspots (the most frequent missense codons), drawn uniformly when TP53 is hit. */
export const TP53_HOTSPOTS: readonly AlterationSpec[] = [
  mut('TP53', 'p.R175H', 'c.524G>A'),
  mut('TP53', 'p.R273H', 'c.818G>A'),
  mut('TP53', 'p.R273C', 'c.817C>T'),
  mut('TP53', 'p.R248Q', 'c.743G>A'),
  mut('TP53', 'p.R248W', 'c.742C>T'),
  mut('TP53', 'p.Y220C', 'c.659A>G'),
  mut('TP53', 'p.G245S', 'c.733G>A'),
  mut('TP53', 'p.R282W', 'c.844C>T'),
];

/** APC truncating variants seen most often in colorectal cancer. */
export const APC_TRUNCATING: readonly AlterationSpec[] = [
  mut('APC', 'p.R1450*', 'c.4348C>T'),
  mut('APC', 'p.R876*', 'c.2626C>T'),
  mut('APC', 'p.Q1367*', 'c.4099C>T'),
  mut('APC', 'p.E1309Dfs*4', 'c.3927_3931del'),
];

/** Labels that are not alterations but that trials select on. */
export const NON_GENOMIC_BIOMARKERS = [
  'MSI-H',
  'TMB-H',
  'HER2-low',
  'HER2-positive',
  'HR-positive',
  'triple-negative',
  'PSMA PET positive',
  'SSTR PET positive',
  'FAPI PET positive',
] as const;
