/**
 * Demo time-activity data of [177Lu]Lu-PSMA-617 cycles, shaped on the SNMMI 2021 Lu-177
 * dosimetry-challenge patient (PyTheranostics reference; its organ masses, its four SPECT/CT time
 * points) and moved to PSMA-617 kinetics: a larger renal and salivary share, a smaller hepatic
 * one, faster whole-body clearance.
 *
 * The demo patient has a single functioning kidney (compensatory hypertrophy, 230 g), whose
 * absorbed dose runs high — about 0.85 Gy/GBq, as reported for single-kidney patients treated with
 * [177Lu]Lu-PSMA-617 (0.81 ± 0.32 Gy/GBq in 16 patients, J Nucl Med 2019;60:1579) — so that with
 * renal risk factors (28 Gy BED limit) three cycles stay within the limit and a fourth 7.4 GBq
 * cycle would cross it. Each region is a sum-of-exponentials curve sampled at the scan times with
 * a small, fixed measurement scatter: deterministic, so the demo is the same on every start.
 */

interface Curve {
  name: string;
  organ: string;
  massG?: number;
  /** A·(e^(−λw t) − e^(−λu t)) per MBq injected: amplitude as a fraction of the injected activity. */
  fraction: number;
  washoutHalfLifeH: number;
  uptakeHalfLifeH: number;
}

const REGIONS: Curve[] = [
  { name: 'Kidney (single, left)', organ: 'Kidneys', massG: 230, fraction: 0.0385, washoutHalfLifeH: 42, uptakeHalfLifeH: 0.9 },
  { name: 'Liver', organ: 'Liver', massG: 1850, fraction: 0.035, washoutHalfLifeH: 70, uptakeHalfLifeH: 1.2 },
  { name: 'Spleen', organ: 'Spleen', massG: 210, fraction: 0.006, washoutHalfLifeH: 60, uptakeHalfLifeH: 1.0 },
  { name: 'Salivary glands', organ: 'Salivary Glands', massG: 80, fraction: 0.0095, washoutHalfLifeH: 38, uptakeHalfLifeH: 1.5 },
  { name: 'Bone lesion L3', organ: 'lesion', massG: 12, fraction: 0.0065, washoutHalfLifeH: 90, uptakeHalfLifeH: 0.5 },
  { name: 'Remainder of body', organ: 'Remainder of Body', massG: 78000, fraction: 0.42, washoutHalfLifeH: 30, uptakeHalfLifeH: 0.3 },
  { name: 'Whole body', organ: 'Total Body', massG: 81000, fraction: 0.62, washoutHalfLifeH: 36, uptakeHalfLifeH: 0.2 },
];

// Scan times (h after injection) and injected activities of the three cycles; the lesion's uptake
// falls as it responds, the kidney's varies a little from cycle to cycle.
const CYCLES = [
  { injectedMBq: 7422, timesH: [4.1, 24.3, 48.2, 167.5], lesionScale: 1, kidneyScale: 1 },
  { injectedMBq: 7365, timesH: [3.8, 23.9, 47.6, 168.8], lesionScale: 0.72, kidneyScale: 1.03 },
  { injectedMBq: 7391, timesH: [4.3, 24.6, 48.9, 166.9], lesionScale: 0.5, kidneyScale: 0.98 },
] as const;

// ±3 % measurement scatter, fixed per point.
const SCATTER = [1.021, 0.978, 1.012, 0.991, 0.985, 1.027, 0.996, 1.018];

export const DEMO_CYCLES = CYCLES.length;

/** The `continuum dosimetry` input of demo cycle `cycle` (1-based). */
export function demoPsmaCycleInput(cycle: number): { nuclide: 'Lu-177'; injectedMBq: number; phantom: 'male'; regions: unknown[] } {
  const c = CYCLES[cycle - 1];
  if (!c) throw new Error(`demo cycles are 1..${CYCLES.length}`);
  const regions = REGIONS.map((r, ri) => {
    const scale = r.organ === 'lesion' ? c.lesionScale : r.organ === 'Kidneys' ? c.kidneyScale : 1;
    const lw = Math.LN2 / r.washoutHalfLifeH;
    const lu = Math.LN2 / r.uptakeHalfLifeH;
    const activitiesMBq = c.timesH.map((t, k) => {
      const a = c.injectedMBq * r.fraction * scale * (Math.exp(-lw * t) - Math.exp(-lu * t));
      return Math.round(a * SCATTER[(ri * 3 + k + cycle) % SCATTER.length]! * 100) / 100;
    });
    return { name: r.name, organ: r.organ, timesH: [...c.timesH], activitiesMBq, ...(r.massG !== undefined ? { massG: r.massG } : {}) };
  });
  return { nuclide: 'Lu-177', injectedMBq: c.injectedMBq, phantom: 'male', regions };
}

export const demoInjectedMBq = (cycle: number): number => CYCLES[cycle - 1]!.injectedMBq;
