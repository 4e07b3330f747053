/**
 * Short clinical documents for synthetic patients: pathology report, consultation note, molecular
 * tumour board (MTB) conclusion and PET report, mostly in French (the centre's working language),
 * some in English. They carry the same facts as the structured record, so that text extraction
 * can be tested against known answers.
 */
import type { ClinicalDocument } from '../model/patient';
import type { MetastaticSite, TumourType } from './frequencies';

export type Lang = 'fr' | 'en';

const SITE_FR: Record<MetastaticSite, string> = {
  liver: 'hépatiques',
  lung: 'pulmonaires',
  bone: 'osseuses',
  brain: 'cérébrales',
  'lymph node': 'ganglionnaires',
  peritoneum: 'péritonéales',
  pleura: 'pleurales',
  'adrenal gland': 'surrénaliennes',
  skin: 'cutanées',
  'soft tissue': 'des tissus mous',
};

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function monthYear(iso: string, lang: Lang): string {
  const month = Number(iso.slice(5, 7)) - 1;
  return `${(lang === 'fr' ? MONTHS_FR : MONTHS_EN)[month]} ${iso.slice(0, 4)}`;
}

function list(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${items[items.length - 1]}`;
}

type Doc = Omit<ClinicalDocument, 'provenance'>;

export interface PathologyContext {
  lang: Lang;
  tumour: TumourType;
  diagnosedAt: string;
  /** Extra IHC findings, e.g. "RE 90 %, RP 40 %, HER2 score 1+". */
  ihc?: string;
  specimen: string;
}

export function pathologyReport(c: PathologyContext): Doc {
  const { lang, tumour } = c;
  if (lang === 'fr') {
    return {
      kind: 'pathology',
      title: 'Compte rendu anatomopathologique',
      authoredAt: c.diagnosedAt,
      text:
        `Prélèvement : ${c.specimen}. Conclusion : ${tumour.labelFr} (OncoTree ${tumour.code}).` +
        (c.ihc ? ` Immunohistochimie : ${c.ihc}.` : '') +
        ' Matériel suffisant pour analyse moléculaire (cellularité tumorale estimée ≥ 20 %).',
    };
  }
  return {
    kind: 'pathology',
    title: 'Pathology report',
    authoredAt: c.diagnosedAt,
    text:
      `Specimen: ${c.specimen}. Diagnosis: ${tumour.label.toLowerCase()} (OncoTree ${tumour.code}).` +
      (c.ihc ? ` Immunohistochemistry: ${c.ihc}.` : '') +
      ' Adequate material for molecular testing (tumour cellularity estimated >= 20%).',
  };
}

export interface ConsultationContext {
  lang: Lang;
  tumour: TumourType;
  female: boolean;
  age: number;
  diagnosedAt: string;
  stage?: string;
  sites: readonly MetastaticSite[];
  /** Regimen names, line 1 first. */
  lines: readonly string[];
  currentLineOngoing: boolean;
  ecog: number;
  biomarkers: readonly string[];
  authoredAt: string;
  trialAcronym?: string;
}

export function consultationNote(c: ConsultationContext): Doc {
  const { lang, tumour } = c;
  if (lang === 'fr') {
    const who = c.female ? `Patiente de ${c.age} ans suivie` : `Patient de ${c.age} ans suivi`;
    // "leucémie", "tumeur" are feminine; every other label here starts with a masculine noun.
    const feminine = /^(leucémie|tumeur)/.test(tumour.labelFr);
    const parts = [
      `${who} pour ${feminine ? 'une' : 'un'} ${tumour.labelFr}${c.stage ? ` de stade ${c.stage}` : ''} diagnostiqué${feminine ? 'e' : ''} en ${monthYear(c.diagnosedAt, 'fr')}.`,
    ];
    if (c.sites.length > 0)
      parts.push(
        `Localisations secondaires ${list(
          c.sites.map((s) => SITE_FR[s]),
          'fr',
        )}.`,
      );
    if (c.biomarkers.length > 0) parts.push(`Profil moléculaire : ${c.biomarkers.join(', ')}.`);
    if (c.lines.length > 0) {
      parts.push(
        `Traitements reçus : ${c.lines.map((l, i) => `L${i + 1} ${l}`).join(' ; ')}` + (c.currentLineOngoing ? ' (en cours).' : '.'),
      );
    } else {
      parts.push('Pas de traitement systémique à ce jour.');
    }
    parts.push(`État général : ECOG ${c.ecog}.`);
    parts.push(
      c.trialAcronym
        ? `Proposition d'inclusion dans l'essai ${c.trialAcronym}, à discuter avec l'unité de recherche clinique.`
        : c.currentLineOngoing
          ? 'Poursuite du traitement en cours, réévaluation scanographique dans 3 mois.'
          : 'Dossier présenté en RCP pour discussion de la suite de la prise en charge.',
    );
    return { kind: 'consultation', title: "Consultation d'oncologie médicale", authoredAt: c.authoredAt, text: parts.join(' ') };
  }
  const parts = [
    `${c.age}-year-old ${c.female ? 'woman' : 'man'} followed for ${tumour.label.toLowerCase()}${c.stage ? `, stage ${c.stage}` : ''}, diagnosed in ${monthYear(c.diagnosedAt, 'en')}.`,
  ];
  if (c.sites.length > 0) parts.push(`Metastatic sites: ${list(c.sites, 'en')}.`);
  if (c.biomarkers.length > 0) parts.push(`Molecular profile: ${c.biomarkers.join(', ')}.`);
  parts.push(
    c.lines.length > 0
      ? `Prior therapy: ${c.lines.map((l, i) => `line ${i + 1} ${l}`).join('; ')}${c.currentLineOngoing ? ' (ongoing).' : '.'}`
      : 'No systemic therapy so far.',
  );
  parts.push(`Performance status: ECOG ${c.ecog}.`);
  parts.push(
    c.trialAcronym
      ? `Referred for screening in the ${c.trialAcronym} trial.`
      : c.currentLineOngoing
        ? 'Continue current treatment; restaging CT in 3 months.'
        : 'To be discussed at the multidisciplinary meeting.',
  );
  return { kind: 'consultation', title: 'Medical oncology consultation', authoredAt: c.authoredAt, text: parts.join(' ') };
}

export interface MtbContext {
  lang: Lang;
  authoredAt: string;
  panel: string;
  reportedAt: string;
  actionable: readonly string[];
  tmb?: number;
  msiHigh: boolean;
  recommendation: string;
}

export function mtbConclusion(c: MtbContext): Doc {
  const tmb = c.tmb !== undefined ? c.tmb.toFixed(1) : undefined;
  if (c.lang === 'fr') {
    return {
      kind: 'mtb',
      title: 'RCP moléculaire — conclusion',
      authoredAt: c.authoredAt,
      text:
        `Analyse ${c.panel} du ${c.reportedAt}. Altération(s) actionnable(s) : ${c.actionable.join(', ')}.` +
        (tmb ? ` TMB ${tmb} mut/Mb.` : '') +
        (c.msiHigh ? ' Statut MSI-H.' : '') +
        ` Recommandation : ${c.recommendation}.`,
    };
  }
  return {
    kind: 'mtb',
    title: 'Molecular tumour board — conclusion',
    authoredAt: c.authoredAt,
    text:
      `${c.panel} report of ${c.reportedAt}. Actionable alteration(s): ${c.actionable.join(', ')}.` +
      (tmb ? ` TMB ${tmb} mut/Mb.` : '') +
      (c.msiHigh ? ' MSI-H.' : '') +
      ` Recommendation: ${c.recommendation}.`,
  };
}

export interface PetContext {
  lang: Lang;
  authoredAt: string;
  tracer: 'PSMA' | 'SSTR';
  positive: boolean;
  suvMax: number;
  sites: readonly MetastaticSite[];
}

export function petReport(c: PetContext): Doc {
  const tracerFr = c.tracer === 'PSMA' ? 'TEP au [68Ga]Ga-PSMA-11' : 'TEP au [68Ga]Ga-DOTATOC';
  const tracerEn = c.tracer === 'PSMA' ? '[68Ga]Ga-PSMA-11 PET/CT' : '[68Ga]Ga-DOTATOC PET/CT';
  if (c.lang === 'fr') {
    return {
      kind: 'imaging',
      title: tracerFr,
      authoredAt: c.authoredAt,
      text: c.positive
        ? `Fixations intenses des lésions ${list(
            c.sites.map((s) => SITE_FR[s]),
            'fr',
          )}, supérieures au foie (SUVmax ${c.suvMax.toFixed(1)}). Éligible à une radiothérapie interne vectorisée.`
        : `Fixation faible ou absente des lésions connues (SUVmax ${c.suvMax.toFixed(1)}, inférieure au foie). Non éligible à la radiothérapie interne vectorisée.`,
    };
  }
  return {
    kind: 'imaging',
    title: tracerEn,
    authoredAt: c.authoredAt,
    text: c.positive
      ? `Intense uptake in ${list(c.sites, 'en')} lesions, above liver (SUVmax ${c.suvMax.toFixed(1)}). Eligible for radioligand therapy.`
      : `Low or absent uptake in known lesions (SUVmax ${c.suvMax.toFixed(1)}, below liver). Not eligible for radioligand therapy.`,
  };
}
