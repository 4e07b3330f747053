/**
 * The Krenning score of a lesion's somatostatin-receptor uptake against the liver and spleen
 * (Kwekkeboom DJ, Krenning EP. Somatostatin receptor imaging. Semin Nucl Med 2002;32:84–91):
 *   1 — uptake lower than normal liver, 2 — equal to liver, 3 — greater than liver,
 *   4 — greater than spleen.
 *
 * The score is a visual comparison on the images. Here it is read from numbers — the lesion's
 * SUVmax against the organ's SUVmean — with strict comparisons: what a reader would call "about
 * the same as liver" is scored 1 or 3 by the numbers, and the reason shows both values so the
 * reader can judge. Grade 0 (no uptake) cannot come from a recorded lesion SUV and is not used.
 *
 * Missing references leave a range rather than a guess: above the liver with no spleen measured
 * is "3 or 4"; with no liver but above the spleen it is 4 (the scale's top does not need the
 * liver); with neither, 1–4.
 */
import { measured, type PetLesion, type ReferenceUptake } from './pet-read';

export type KrenningScore = 1 | 2 | 3 | 4;

export interface KrenningGrade {
  /** Lowest and highest score the recorded values allow; equal when the score is known. */
  min: KrenningScore;
  max: KrenningScore;
  /** "3", "3–4", "1–4". */
  label: string;
  reason: string;
}

const fmt = (x: number) => (Math.round(x * 100) / 100).toString();

function grade(min: KrenningScore, max: KrenningScore, reason: string): KrenningGrade {
  return { min, max, label: min === max ? String(min) : `${min}–${max}`, reason };
}

export function krenningGrade(lesion: PetLesion, reference: ReferenceUptake): KrenningGrade {
  const suv = lesion.suvMax;
  const liver = measured(reference.liverSuvMean);
  const spleen = measured(reference.spleenSuvMean);
  const at = `SUVmax ${fmt(suv)}`;
  if (spleen !== undefined && suv > spleen) return grade(4, 4, `${at} > spleen SUVmean ${fmt(spleen)}`);
  if (liver === undefined) {
    return spleen === undefined
      ? grade(1, 4, `${at}; neither liver nor spleen uptake recorded`)
      : grade(1, 3, `${at} ≤ spleen SUVmean ${fmt(spleen)}; liver uptake not recorded`);
  }
  if (suv < liver) return grade(1, 1, `${at} < liver SUVmean ${fmt(liver)}`);
  if (suv === liver) return grade(2, 2, `${at} = liver SUVmean ${fmt(liver)}`);
  return spleen === undefined
    ? grade(3, 4, `${at} > liver SUVmean ${fmt(liver)}; spleen uptake not recorded (3 or 4)`)
    : grade(3, 3, `${at} > liver SUVmean ${fmt(liver)}, ≤ spleen SUVmean ${fmt(spleen)}`);
}
