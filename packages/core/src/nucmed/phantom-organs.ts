/**
 * The organs of the ICRP-89 adult phantoms as the Lu-177 S-value tables name them.
 *
 * The tables (data/nucmed, see SOURCES.md) use OLINDA-style abbreviations and, for hollow organs,
 * different regions as source (the contents, "UB Cont") and as target (the wall, "Urinary
 * Bladder Wall"). This catalogue maps one readable name per organ to its column (as a source),
 * its row (as a target) and its row in the ICRP-89 mass table, and says whether the diagonal
 * S-value is a true self-dose (same tissue as source and target), which is what may be scaled to
 * the patient's organ mass.
 */
import { closestNames, NucmedError } from './errors';

export interface PhantomOrgan {
  readonly id: string;
  readonly aliases: readonly string[];
  /** Column of the S-value tables when the organ can be a source. */
  readonly sourceColumn?: string;
  /** Row of the S-value tables when the organ can be a target. */
  readonly targetRow?: string;
  /** Row of the ICRP-89 organ-mass table for the source region. */
  readonly massRow?: string;
  /** Source and target are the same tissue: the diagonal S-value is a self-dose, scalable by mass. */
  readonly selfScalable: boolean;
}

export const TOTAL_BODY = 'Total Body';
export const REMAINDER_OF_BODY = 'Remainder of Body';

const organ = (
  id: string,
  aliases: string[],
  sourceColumn: string | undefined,
  targetRow: string | undefined,
  massRow: string | undefined,
  selfScalable: boolean,
): PhantomOrgan => ({
  id,
  aliases,
  ...(sourceColumn !== undefined ? { sourceColumn } : {}),
  ...(targetRow !== undefined ? { targetRow } : {}),
  ...(massRow !== undefined ? { massRow } : {}),
  selfScalable,
});

export const PHANTOM_ORGANS: readonly PhantomOrgan[] = [
  organ('Adrenals', ['adrenal', 'adrenal glands'], 'Adrenals', 'Adrenals', 'Adrenals', true),
  organ('Brain', [], 'Brain', 'Brain', 'Brain', true),
  organ('Breasts', ['breast'], 'Breasts', 'Breasts', 'Breasts', true),
  organ('Esophagus', ['oesophagus'], 'Esophagus', 'Esophagus', 'Esophagus', true),
  organ('Eyes', ['eye'], 'Eyes', 'Eyes', 'Eyes', true),
  // Hollow organs: activity in the contents, dose to the wall; the mass row is the wall's.
  organ('Gallbladder', ['gallbladder contents', 'gallbladder wall'], 'GB Cont', 'Gallbladder Wall', undefined, false),
  organ('Left Colon', ['lower large intestine', 'lli', 'left colon contents'], 'LLI Cont', 'LLI Wall', undefined, false),
  organ('Small Intestine', ['small intestine contents', 'si'], 'SI Cont', 'Small Intestine', undefined, false),
  organ('Stomach', ['stomach contents', 'stomach wall'], 'StomCont', 'Stomach Wall', undefined, false),
  organ('Right Colon', ['upper large intestine', 'uli', 'right colon contents'], 'ULI Cont', 'ULI Wall', undefined, false),
  organ('Rectum', [], 'Rectum', 'Rectum', undefined, false),
  organ('Heart Contents', ['heart contents', 'blood pool'], 'HeartCon', undefined, 'Heart Contents', false),
  organ('Heart Wall', ['heart', 'myocardium'], 'Hrt Wall', 'Heart Wall', 'Heart', true),
  organ('Kidneys', ['kidney'], 'Kidneys', 'Kidneys', 'Kidneys', true),
  organ('Liver', [], 'Liver', 'Liver', 'Liver', true),
  organ('Lungs', ['lung'], 'Lungs', 'Lungs', 'Lungs', true),
  organ('Ovaries', ['ovary'], 'Ovaries', 'Ovaries', 'Ovaries', true),
  organ('Pancreas', [], 'Pancreas', 'Pancreas', 'Pancreas', true),
  organ('Prostate', [], 'Prostate', 'Prostate', 'Prostate', true),
  organ(
    'Salivary Glands',
    ['salivary', 'salivary gland', 'parotid glands', 'parotids', 'parotid', 'submandibular glands'],
    'Salivary',
    'Salivary Glands',
    'Salivary Glands',
    true,
  ),
  organ('Red Marrow', ['red bone marrow', 'bone marrow', 'marrow'], 'Red Mar.', 'Red Marrow', 'Red Marrow', true),
  organ('Cortical Bone', ['cortical bone volume'], 'CortBone', undefined, undefined, false),
  organ('Trabecular Bone', ['trabecular bone volume'], 'TrabBone', undefined, undefined, false),
  organ('Osteogenic Cells', ['bone surfaces', 'bone surface'], undefined, 'Osteogenic Cells', undefined, false),
  organ('Spleen', [], 'Spleen', 'Spleen', 'Spleen', true),
  organ('Testes', ['testis', 'testicles'], 'Testes', 'Testes', 'Testes', true),
  organ('Thymus', [], 'Thymus', 'Thymus', 'Thymus', true),
  organ('Thyroid', ['thyroid gland'], 'Thyroid', 'Thyroid', 'Thyroid', true),
  organ(
    'Urinary Bladder',
    ['bladder', 'urinary bladder contents', 'urinary bladder wall'],
    'UB Cont',
    'Urinary Bladder Wall',
    undefined,
    false,
  ),
  organ('Uterus', [], 'Uterus', 'Uterus', 'Uterus', true),
  organ(TOTAL_BODY, ['whole body', 'wholebody', 'body', 'tot body', 'wb'], 'Tot Body', 'Total Body', 'Body', true),
  // Computed from the total body minus the explicit source organs (organ-dose.ts).
  organ(REMAINDER_OF_BODY, ['remainder', 'remainderofbody', 'rest of body', 'rb'], undefined, undefined, undefined, true),
];

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, ' ');
const byName = new Map<string, PhantomOrgan>();
for (const o of PHANTOM_ORGANS) {
  byName.set(norm(o.id), o);
  for (const a of o.aliases) byName.set(norm(a), o);
}

/** Find an organ by name or alias, case-insensitively; unknown → NucmedError with suggestions. */
export function phantomOrgan(name: string, field = 'organ'): PhantomOrgan {
  const found = typeof name === 'string' ? byName.get(norm(name)) : undefined;
  if (found) return found;
  throw new NucmedError({
    field,
    code: 'unknown-organ',
    reason: `unknown phantom organ ${JSON.stringify(name)}`,
    expected: `an ICRP-89 phantom organ (${PHANTOM_ORGANS.map((o) => o.id).join(', ')}) or "lesion"`,
    suggestions:
      typeof name === 'string' ? closestNames(name, [...PHANTOM_ORGANS.map((o) => o.id), ...PHANTOM_ORGANS.flatMap((o) => o.aliases)]) : [],
  });
}
