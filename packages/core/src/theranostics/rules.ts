/**
 * Theranostic eligibility rules as data: each rule is a list of conditions over a PET read,
 * evaluated three-valued (evaluate-rule.ts). A new protocol's imaging criteria are a new entry
 * here, not new code, as long as they are built from the condition kinds below.
 */
import type { KrenningScore } from './krenning';
import type { PetLesionRegion, TracerTarget } from './pet-read';

export type ReferenceOrgan = 'liver' | 'parotid' | 'spleen';

/** CT size classes of the PSMA-negative lesion criteria. */
export type SizeClass = 'solid-organ' | 'lymph-node' | 'bone-soft-tissue';

export const SIZE_CLASS_OF_REGION: Readonly<Record<PetLesionRegion, SizeClass>> = {
  'lymph-node': 'lymph-node',
  bone: 'bone-soft-tissue',
  prostate: 'solid-organ',
  liver: 'solid-organ',
  lung: 'solid-organ',
  brain: 'solid-organ',
  'soft-tissue': 'solid-organ',
  other: 'solid-organ',
};

interface ConditionBase {
  /** Stable within the rule, e.g. "psma-positive-lesion". */
  id: string;
  /** The condition as the protocol states it. */
  text: string;
}

/** The read was made with a tracer of this target. */
export interface TracerCondition extends ConditionBase {
  kind: 'tracer';
  target: TracerTarget;
}

/** At least `minCount` lesions with SUVmax above the reference organ's SUVmean. */
export interface PositiveLesionCondition extends ConditionBase {
  kind: 'positiveLesion';
  above: ReferenceOrgan;
  minCount: number;
  /** Only lesions outside the prostate count. */
  metastaticOnly: boolean;
}

/**
 * No lesion with SUVmax at or below the reference organ's SUVmean ("negative") whose short axis
 * on CT reaches the threshold of its size class.
 */
export interface NoNegativeMeasurableLesionCondition extends ConditionBase {
  kind: 'noNegativeMeasurableLesion';
  notAbove: ReferenceOrgan;
  shortAxisMm: Readonly<Record<SizeClass, number>>;
}

/** The read records at least `minCount` lesions. */
export interface LesionsRecordedCondition extends ConditionBase {
  kind: 'lesionsRecorded';
  minCount: number;
}

/** Every recorded lesion has a Krenning score of at least `minScore`. */
export interface EveryLesionKrenningCondition extends ConditionBase {
  kind: 'everyLesionKrenning';
  minScore: KrenningScore;
}

export type RuleCondition =
  | TracerCondition
  | PositiveLesionCondition
  | NoNegativeMeasurableLesionCondition
  | LesionsRecordedCondition
  | EveryLesionKrenningCondition;

export interface TheranosticRule {
  id: string;
  title: string;
  /** Tracer target the rule reads; the latest read of that target is the one evaluated. */
  target: TracerTarget;
  /** The treatment the rule selects for. */
  treatment: string;
  reference: string;
  conditions: readonly RuleCondition[];
}

const VISION_REFERENCE =
  'VISION trial PSMA-PET criteria: Sartor O, et al. Lutetium-177–PSMA-617 for metastatic castration-resistant prostate cancer. N Engl J Med 2021;385:1091–1103 (and its supplementary protocol); Kuo PH, et al. Why we did what we did: PSMA PET/CT selection criteria for the VISION trial. J Nucl Med 2022;63:816–818';
const NETTER1_REFERENCE =
  'NETTER-1: Strosberg J, et al. Phase 3 trial of 177Lu-Dotatate for midgut neuroendocrine tumors. N Engl J Med 2017;376:125–135 (somatostatin-receptor uptake in every target lesion ≥ normal liver)';
const KRENNING_REFERENCE =
  'Krenning score: Kwekkeboom DJ, Krenning EP. Somatostatin receptor imaging. Semin Nucl Med 2002;32:84–91 (PRRT usually when the score is above 2, i.e. uptake above liver)';

export const VISION_PSMA_PET: TheranosticRule = {
  id: 'vision-psma-pet',
  title: 'VISION PSMA-PET criteria',
  target: 'psma',
  treatment: '[177Lu]Lu-PSMA-617',
  reference: VISION_REFERENCE,
  conditions: [
    { id: 'psma-tracer', kind: 'tracer', target: 'psma', text: 'PSMA PET (e.g. [68Ga]Ga-PSMA-11)' },
    {
      id: 'psma-positive-lesion',
      kind: 'positiveLesion',
      above: 'liver',
      minCount: 1,
      metastaticOnly: true,
      text: 'at least one PSMA-positive metastatic lesion (uptake greater than liver parenchyma)',
    },
    {
      id: 'no-psma-negative-measurable-lesion',
      kind: 'noNegativeMeasurableLesion',
      notAbove: 'liver',
      shortAxisMm: { 'solid-organ': 10, 'lymph-node': 25, 'bone-soft-tissue': 10 },
      text: 'no PSMA-negative lesion (uptake ≤ liver) meeting size criteria: solid organ ≥ 1.0 cm, lymph node ≥ 2.5 cm short axis, bone with a soft-tissue component ≥ 1.0 cm',
    },
  ],
};

export const SSTR_UPTAKE_NETTER1: TheranosticRule = {
  id: 'sstr-uptake-netter1',
  title: 'NETTER-1 somatostatin-receptor uptake (every lesion ≥ liver)',
  target: 'sstr',
  treatment: '[177Lu]Lu-DOTATATE',
  reference: `${NETTER1_REFERENCE}; ${KRENNING_REFERENCE}`,
  conditions: [
    { id: 'sstr-tracer', kind: 'tracer', target: 'sstr', text: 'somatostatin-receptor PET (e.g. [68Ga]Ga-DOTATATE)' },
    { id: 'lesions-recorded', kind: 'lesionsRecorded', minCount: 1, text: 'at least one lesion recorded' },
    {
      id: 'every-lesion-krenning-2',
      kind: 'everyLesionKrenning',
      minScore: 2,
      text: 'uptake in every lesion at least that of normal liver (Krenning ≥ 2)',
    },
  ],
};

export const SSTR_KRENNING_3: TheranosticRule = {
  id: 'sstr-krenning-3',
  title: 'Krenning score ≥ 3 in every lesion (PRRT)',
  target: 'sstr',
  treatment: '[177Lu]Lu-DOTATATE',
  reference: KRENNING_REFERENCE,
  conditions: [
    { id: 'sstr-tracer', kind: 'tracer', target: 'sstr', text: 'somatostatin-receptor PET (e.g. [68Ga]Ga-DOTATATE)' },
    { id: 'lesions-recorded', kind: 'lesionsRecorded', minCount: 1, text: 'at least one lesion recorded' },
    {
      id: 'every-lesion-krenning-3',
      kind: 'everyLesionKrenning',
      minScore: 3,
      text: 'uptake in every lesion greater than liver (Krenning ≥ 3)',
    },
  ],
};

/** The rules the platform evaluates for every patient with a PET read. */
export const THERANOSTIC_RULES: readonly TheranosticRule[] = [VISION_PSMA_PET, SSTR_UPTAKE_NETTER1, SSTR_KRENNING_3];

export const THERANOSTIC_RULE_IDS: readonly string[] = THERANOSTIC_RULES.map((r) => r.id);

export function theranosticRule(id: string): TheranosticRule | undefined {
  return THERANOSTIC_RULES.find((r) => r.id === id);
}

/** The rule's title, or its id when the rule is not one of ours. */
export const theranosticRuleTitle = (id: string): string => theranosticRule(id)?.title ?? id;
