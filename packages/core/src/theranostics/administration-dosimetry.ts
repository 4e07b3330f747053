/**
 * Dosimetry of one administration, as stored with it: the full report of runDosimetry plus the
 * organ-at-risk figures the cumulative limits need — kidney absorbed dose, kidney BED and the
 * kidney dose-rate shape (for projecting the next cycle), red-marrow absorbed dose — each with
 * the method that produced it. Nothing here is new physics: fits, S-values and BED are core's
 * nucmed functions.
 */
import { biologicallyEffectiveDose, doseRateShapeOf, KIDNEY_LQ, type DoseRateShape, type LinearQuadraticParameters } from '../nucmed/bed';
import { NucmedError } from '../nucmed/errors';
import { fitTimeActivity } from '../nucmed/fit-time-activity';
import { organAbsorbedDose, type DoseRegion } from '../nucmed/organ-dose';
import { phantomOrgan, REMAINDER_OF_BODY, TOTAL_BODY } from '../nucmed/phantom-organs';
import { parseDosimetryInput, runDosimetry, type DosimetryInput, type DosimetryReport } from '../nucmed/run-dosimetry';
import type { DosimetryData } from '../nucmed/s-values';
import type { TacFit, TacModel } from '../nucmed/time-activity';

export interface KidneyDosimetry {
  doseGy: number;
  doseGyPerGBq: number;
  bedGy: number;
  shape: DoseRateShape;
  /** The regions the kidney figures come from. */
  regions: string[];
  method: string;
  bedMethod: string;
}

export interface RedMarrowDosimetry {
  doseGy: number;
  doseGyPerGBq: number;
  method: string;
}

export interface AdministrationDosimetry {
  input: DosimetryInput;
  report: DosimetryReport;
  /** null when no region is a kidney. */
  kidneys: KidneyDosimetry | null;
  /** null when the data cannot give it (no red-marrow or remainder-of-body region). */
  redMarrow: RedMarrowDosimetry | null;
  notes: string[];
}

const RED_MARROW = 'Red Marrow';
const KIDNEYS = 'Kidneys';

/** The model runDosimetry fits a region with (its defaults, run-dosimetry.ts), so a re-fit is the same fit. */
function modelOf(region: DosimetryInput['regions'][number]): TacModel {
  if (region.model) return region.model;
  const points = region.timesH.length;
  if (points <= 1) return 'single-time-point-hanscheid';
  if (region.organ === 'lesion' || points === 2) return 'mono-exponential';
  return 'bi-exponential-uptake';
}

function fit(data: { timesH: readonly number[]; activitiesMBq: readonly number[] }, model: TacModel, field: string): TacFit {
  return fitTimeActivity(data, { model, nuclide: 'Lu-177', trapezoidTail: 'last-two-points', field });
}

/** Each region's fit, exactly as runDosimetry made it: the curves a chart draws over the points. */
export function regionFits(input: unknown): TacFit[] {
  const parsed = parseDosimetryInput(input);
  return parsed.regions.map((r, i) => fit(r, modelOf(r), `regions[${i}]`));
}

const sameTimes = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((t, i) => t === b[i]);

function kidneyDosimetry(
  parsed: DosimetryInput,
  report: DosimetryReport,
  params: LinearQuadraticParameters,
  notes: string[],
): KidneyDosimetry | null {
  const parts = report.regions.map((r, i) => ({ r, i })).filter(({ r }) => r.organ === KIDNEYS && r.doseGy !== null);
  if (parts.length === 0) {
    notes.push('no kidney region: kidney dose and BED not computed');
    return null;
  }
  const gbq = parsed.injectedMBq / 1000;
  const summary = report.organs.find((o) => o.organ === KIDNEYS);
  const doseGy = summary?.doseGy ?? (parts[0]!.r.doseGy as number);
  const method = summary?.method ?? parts[0]!.r.method;
  // One shape for the organ, so that the stored BED is exactly BED(kidney dose, stored shape) and a
  // planned cycle projected from the shape agrees with it: the fit of both kidneys' summed activity
  // when they were imaged at the same times, else the most irradiated kidney's own fit.
  let shape: DoseRateShape;
  let shapeFrom: string;
  const inputs = parts.map(({ i }) => parsed.regions[i]!);
  if (parts.length === 1) {
    shape = doseRateShapeOf(fit(inputs[0]!, modelOf(inputs[0]!), `regions[${parts[0]!.i}]`));
    shapeFrom = `the ${parts[0]!.r.model} fit of ${parts[0]!.r.name}`;
  } else if (inputs.every((r) => sameTimes(r.timesH, inputs[0]!.timesH))) {
    const summed = {
      timesH: inputs[0]!.timesH,
      activitiesMBq: inputs[0]!.timesH.map((_, k) => inputs.reduce((s, r) => s + (r.activitiesMBq[k] ?? 0), 0)),
    };
    const model = modelOf(inputs[0]!);
    shape = doseRateShapeOf(fit(summed, model, `regions[${parts[0]!.i}]`));
    shapeFrom = `the ${model} fit of the summed activity of ${parts.map(({ r }) => r.name).join(' + ')}`;
  } else {
    const top = parts.reduce((a, b) => ((b.r.doseGy ?? 0) > (a.r.doseGy ?? 0) ? b : a));
    shape = doseRateShapeOf(fit(parsed.regions[top.i]!, modelOf(parsed.regions[top.i]!), `regions[${top.i}]`));
    shapeFrom = `the ${top.r.model} fit of ${top.r.name} (the most irradiated kidney; the kidneys were imaged at different times)`;
  }
  const bed = biologicallyEffectiveDose(doseGy, shape, params, 'kidneys.shape');
  return {
    doseGy,
    doseGyPerGBq: doseGy / gbq,
    bedGy: bed.bedGy,
    shape,
    regions: parts.map(({ r }) => r.name),
    method,
    bedMethod: `${bed.method}; dose-rate shape: ${shapeFrom}`,
  };
}

/**
 * Red marrow with no marrow region of its own: the marrow is taken as part of the remainder of
 * body at the remainder's mean concentration — its own source gets the remainder's TIA × m_RM/m_RB
 * (ICRP-89 phantom masses, m_RB = total body − the explicit source organs), the remainder keeps
 * the rest — and it receives cross-doses from every organ (MIRD 21 S-values). Without a
 * remainder-of-body region the activity around the marrow is not known: no dose.
 */
function redMarrowDosimetry(
  parsed: DosimetryInput,
  report: DosimetryReport,
  data: DosimetryData,
  notes: string[],
): RedMarrowDosimetry | null {
  const gbq = parsed.injectedMBq / 1000;
  const own = report.regions.filter((r) => r.organ === RED_MARROW && r.doseGy !== null);
  if (own.length > 0) {
    const summary = report.organs.find((o) => o.organ === RED_MARROW);
    const doseGy = summary?.doseGy ?? (own[0]!.doseGy as number);
    return { doseGy, doseGyPerGBq: doseGy / gbq, method: summary?.method ?? own[0]!.method };
  }
  const sources: DoseRegion[] = [];
  parsed.regions.forEach((r, i) => {
    const reg = report.regions[i]!;
    if (reg.organ === 'lesion' || reg.organ === TOTAL_BODY) return;
    sources.push({ name: r.name, organ: reg.organ, tiaMBqH: reg.tiaMBqH, ...(r.massG !== undefined ? { massG: r.massG } : {}) });
  });
  const remainderIndex = sources.findIndex((s) => s.organ === REMAINDER_OF_BODY);
  if (remainderIndex < 0) {
    notes.push('no remainder-of-body (or red-marrow) region: the red-marrow dose is not computed');
    return null;
  }
  const phantom = parsed.phantom;
  const massOf = (organ: string): number => {
    const o = phantomOrgan(organ);
    const m = o.massRow ? data.masses.massG(phantom, o.massRow) : undefined;
    if (m === undefined) {
      throw new NucmedError({
        field: 'regions',
        code: 'unsupported',
        reason: `no ICRP-89 ${phantom} phantom mass for ${o.id}`,
        expected: 'solid source organs beside a remainder of body',
      });
    }
    return m;
  };
  const explicitOrgans = [...new Set(sources.filter((s) => s.organ !== REMAINDER_OF_BODY).map((s) => phantomOrgan(s.organ).id))];
  const remainderMassG = massOf(TOTAL_BODY) - explicitOrgans.reduce((s, o) => s + massOf(o), 0);
  const marrowMassG = massOf(RED_MARROW);
  const remainder = sources[remainderIndex]!;
  const share = marrowMassG / remainderMassG;
  const marrowTia = remainder.tiaMBqH * share;
  const withMarrow: DoseRegion[] = sources.map((s, i) => (i === remainderIndex ? { ...s, tiaMBqH: s.tiaMBqH - marrowTia } : s));
  withMarrow.push({ name: RED_MARROW, organ: RED_MARROW, tiaMBqH: marrowTia });
  const dose = organAbsorbedDose({ organ: RED_MARROW, name: RED_MARROW }, withMarrow, { data, phantom, field: 'regions' });
  return {
    doseGy: dose.doseGy,
    doseGyPerGBq: dose.doseGy / gbq,
    method: `red marrow at the remainder of body's mean concentration: TIA ${marrowTia.toFixed(1)} MBq·h = remainder TIA × ${marrowMassG} g / ${remainderMassG.toFixed(0)} g (ICRP-89 ${phantom} phantom); ${dose.method}`,
  };
}

/** runDosimetry, then the kidney and red-marrow figures of the administration. */
export function administrationDosimetry(
  input: unknown,
  data: DosimetryData,
  params: LinearQuadraticParameters = KIDNEY_LQ,
): AdministrationDosimetry {
  const parsed = parseDosimetryInput(input);
  const report = runDosimetry(parsed, data);
  const notes: string[] = [];
  const kidneys = kidneyDosimetry(parsed, report, params, notes);
  const redMarrow = redMarrowDosimetry(parsed, report, data, notes);
  return { input: parsed, report, kidneys, redMarrow, notes };
}
