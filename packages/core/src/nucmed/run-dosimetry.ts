/**
 * Dosimetry of one administration, from time-activity data to absorbed doses: the pure half of
 * `continuum dosimetry FILE`. The input is the command's JSON file; every bad value is refused
 * with a NucmedError naming its path in that file.
 *
 *   { "nuclide": "Lu-177", "injectedMBq": 7210.4, "phantom": "male" | "female",
 *     "regions": [{ "name", "organ" (phantom organ, or "lesion"), "timesH": [...],
 *                   "activitiesMBq": [...], "massG"?, "model"?, "composition"? }] }
 *
 * Default models (a region's "model" overrides): organs, remainder and whole body — bi-exponential
 * with uptake from 3 points (the model of the SNMMI 2021 challenge reference), mono-exponential
 * with 2, Hänscheid single time point with 1; lesions — mono-exponential from 2 points, Hänscheid
 * with 1. Every exponential washout is kept no slower than physical decay.
 */
import { closestNames, NucmedError, requirePositive } from './errors';
import { fitTimeActivity, TAC_MODELS } from './fit-time-activity';
import { lesionAbsorbedDose } from './lesion-dose';
import { nuclide } from './nuclides';
import { regionAbsorbedDoses, type DoseRegion } from './organ-dose';
import { phantomOrgan } from './phantom-organs';
import type { DosimetryData, Phantom } from './s-values';
import type { GoodnessOfFit, TacModel } from './time-activity';

export interface DosimetryRegionInput {
  readonly name: string;
  /** A phantom organ (phantom-organs.ts) or "lesion". */
  readonly organ: string;
  readonly timesH: readonly number[];
  readonly activitiesMBq: readonly number[];
  readonly massG?: number;
  readonly model?: TacModel;
  /** Lesions: sphere composition, soft tissue/bone, "100%/0%" by default. */
  readonly composition?: string;
}

export interface DosimetryInput {
  readonly nuclide: 'Lu-177';
  readonly injectedMBq: number;
  readonly phantom: Phantom;
  readonly regions: readonly DosimetryRegionInput[];
}

export interface RegionReport {
  readonly name: string;
  readonly organ: string;
  readonly model: TacModel;
  readonly parameters: Readonly<Record<string, number>>;
  readonly goodnessOfFit: GoodnessOfFit | null;
  readonly converged: boolean;
  readonly tiaMBqH: number;
  /** TIA per injected activity, h (the "residence time"). */
  readonly tiaH: number;
  readonly massG: number | null;
  /** null for a region the phantom knows only as a source (e.g. heart contents). */
  readonly doseGy: number | null;
  readonly doseGyPerGBq: number | null;
  readonly selfDoseGy: number | null;
  readonly crossDoseGy: number | null;
  readonly fitMethod: string;
  readonly doseMethod: string | null;
  /** Fit and dose methods together. */
  readonly method: string;
  readonly notes: readonly string[];
}

export interface OrganSummary {
  readonly organ: string;
  readonly regions: readonly string[];
  readonly massG: number;
  readonly doseGy: number;
  readonly doseGyPerGBq: number;
  readonly method: string;
}

export interface DosimetryReport {
  readonly nuclide: string;
  readonly injectedMBq: number;
  readonly phantom: Phantom;
  readonly regions: readonly RegionReport[];
  /** Organs made of several regions (left and right kidney): mass-weighted mean dose. */
  readonly organs: readonly OrganSummary[];
  readonly method: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Validate the command's JSON; returns it typed, or throws a NucmedError naming the field. */
export function parseDosimetryInput(value: unknown): DosimetryInput {
  if (!isObject(value))
    throw new NucmedError({
      field: '$',
      code: 'missing',
      reason: 'the input is not a JSON object',
      expected: '{ nuclide, injectedMBq, phantom, regions }',
    });
  if (typeof value.nuclide !== 'string')
    throw new NucmedError({ field: 'nuclide', code: 'missing', reason: 'nuclide is missing', expected: '"Lu-177"' });
  const n = nuclide(value.nuclide, 'nuclide');
  if (n.id !== 'Lu-177') {
    throw new NucmedError({
      field: 'nuclide',
      code: 'unsupported',
      reason: `no S-value tables for ${n.id}`,
      expected: 'Lu-177 (the only nuclide with shipped S-values)',
    });
  }
  const injected = requirePositive(value.injectedMBq, 'injectedMBq');
  if (value.phantom !== 'male' && value.phantom !== 'female') {
    throw new NucmedError({
      field: 'phantom',
      code: value.phantom === undefined ? 'missing' : 'out-of-range',
      reason: `phantom ${JSON.stringify(value.phantom)}`,
      expected: '"male" or "female"',
    });
  }
  if (!Array.isArray(value.regions) || value.regions.length === 0) {
    throw new NucmedError({ field: 'regions', code: 'missing', reason: 'no regions', expected: 'a non-empty array of regions' });
  }
  const names = new Set<string>();
  const regions = value.regions.map((r: unknown, i: number): DosimetryRegionInput => {
    const f = `regions[${i}]`;
    if (!isObject(r))
      throw new NucmedError({ field: f, code: 'missing', reason: 'not an object', expected: '{ name, organ, timesH, activitiesMBq }' });
    if (typeof r.name !== 'string' || r.name.trim() === '')
      throw new NucmedError({ field: `${f}.name`, code: 'missing', reason: 'name is missing', expected: 'a non-empty string' });
    if (names.has(r.name))
      throw new NucmedError({
        field: `${f}.name`,
        code: 'out-of-range',
        reason: `"${r.name}" appears twice`,
        expected: 'unique region names',
      });
    names.add(r.name);
    if (typeof r.organ !== 'string')
      throw new NucmedError({ field: `${f}.organ`, code: 'missing', reason: 'organ is missing', expected: 'a phantom organ or "lesion"' });
    const isLesion = r.organ.trim().toLowerCase() === 'lesion';
    if (!isLesion) phantomOrgan(r.organ, `${f}.organ`);
    if (r.massG !== undefined) requirePositive(r.massG, `${f}.massG`);
    else if (isLesion)
      throw new NucmedError({ field: `${f}.massG`, code: 'missing', reason: 'a lesion needs its mass', expected: 'grams > 0' });
    if (r.model !== undefined && !(TAC_MODELS as unknown[]).includes(r.model)) {
      throw new NucmedError({
        field: `${f}.model`,
        code: 'unsupported',
        reason: `unknown model ${JSON.stringify(r.model)}`,
        expected: TAC_MODELS.join(', '),
        suggestions: typeof r.model === 'string' ? closestNames(r.model, TAC_MODELS) : [],
      });
    }
    if (r.composition !== undefined && typeof r.composition !== 'string') {
      throw new NucmedError({ field: `${f}.composition`, code: 'unsupported', reason: 'not a string', expected: 'e.g. "100%/0%"' });
    }
    return {
      name: r.name,
      organ: isLesion ? 'lesion' : r.organ,
      timesH: r.timesH as number[],
      activitiesMBq: r.activitiesMBq as number[],
      ...(r.massG !== undefined ? { massG: r.massG as number } : {}),
      ...(r.model !== undefined ? { model: r.model as TacModel } : {}),
      ...(r.composition !== undefined ? { composition: r.composition } : {}),
    };
  });
  return { nuclide: 'Lu-177', injectedMBq: injected, phantom: value.phantom, regions };
}

function defaultModel(points: number, lesion: boolean): TacModel {
  if (points <= 1) return 'single-time-point-hanscheid';
  if (lesion || points === 2) return 'mono-exponential';
  return 'bi-exponential-uptake';
}

/** Fit every region, then compute organ doses (S-values) and lesion doses (spheres). */
export function runDosimetry(input: unknown, data: DosimetryData): DosimetryReport {
  const parsed = parseDosimetryInput(input);
  const fits = parsed.regions.map((r, i) => {
    const lesion = r.organ === 'lesion';
    const points = Array.isArray(r.timesH) ? r.timesH.length : 0;
    const model = r.model ?? defaultModel(points, lesion);
    return fitTimeActivity(
      { timesH: r.timesH, activitiesMBq: r.activitiesMBq },
      { model, nuclide: parsed.nuclide, trapezoidTail: 'last-two-points', field: `regions[${i}]` },
    );
  });

  const organIndices = parsed.regions.flatMap((r, i) => (r.organ === 'lesion' ? [] : [i]));
  const organRegions: DoseRegion[] = organIndices.map((i) => {
    const r = parsed.regions[i] as DosimetryRegionInput;
    return { name: r.name, organ: r.organ, tiaMBqH: fits[i]?.tiaMBqH ?? 0, ...(r.massG !== undefined ? { massG: r.massG } : {}) };
  });
  const organDoses = regionAbsorbedDoses(organRegions, { data, phantom: parsed.phantom, field: 'regions' });
  const doseByRegion = new Map(organIndices.map((regionIndex, k) => [regionIndex, organDoses[k] ?? null]));

  const gbq = parsed.injectedMBq / 1000;
  const regions = parsed.regions.map((r, i): RegionReport => {
    const fit = fits[i];
    if (fit === undefined) throw new Error('unreachable: one fit per region');
    let doseGy: number | null = null;
    let selfDose: number | null = null;
    let crossDose: number | null = null;
    let doseMethod: string | null = null;
    let massG: number | null = r.massG ?? null;
    let notes: readonly string[] = [];
    let organ = r.organ;
    if (r.organ === 'lesion') {
      const lesion = lesionAbsorbedDose(
        { name: r.name, tiaMBqH: fit.tiaMBqH, massG: r.massG ?? 0 },
        data.spheres,
        r.composition ?? '100%/0%',
        `regions[${i}]`,
      );
      doseGy = lesion.doseGy;
      selfDose = lesion.doseGy;
      crossDose = 0;
      doseMethod = lesion.method;
    } else {
      const dose = doseByRegion.get(i) ?? null;
      organ = phantomOrgan(r.organ).id;
      if (dose !== null) {
        doseGy = dose.doseGy;
        selfDose = dose.selfDoseGy;
        crossDose = dose.crossDoseGy;
        doseMethod = dose.method;
        massG = dose.massG;
        notes = dose.notes;
      } else {
        notes = [`${organ} is a source region only in the phantom: no absorbed dose to it`];
      }
    }
    return {
      name: r.name,
      organ,
      model: fit.model,
      parameters: fit.parameters,
      goodnessOfFit: fit.goodnessOfFit,
      converged: fit.converged,
      tiaMBqH: fit.tiaMBqH,
      tiaH: fit.tiaMBqH / parsed.injectedMBq,
      massG,
      doseGy,
      doseGyPerGBq: doseGy === null ? null : doseGy / gbq,
      selfDoseGy: selfDose,
      crossDoseGy: crossDose,
      fitMethod: fit.method,
      doseMethod,
      method: doseMethod === null ? fit.method : `${fit.method}; ${doseMethod}`,
      notes,
    };
  });

  // Organs given as several regions (left and right kidney): the organ's mean dose is the
  // mass-weighted mean of its parts' mean doses (energy over mass), when every part has a mass.
  const byOrgan = new Map<string, RegionReport[]>();
  for (const r of regions) if (r.organ !== 'lesion' && r.doseGy !== null) byOrgan.set(r.organ, [...(byOrgan.get(r.organ) ?? []), r]);
  const organs: OrganSummary[] = [];
  for (const [organ, parts] of byOrgan) {
    if (parts.length < 2 || parts.some((p) => p.massG === null)) continue;
    const mass = parts.reduce((s, p) => s + (p.massG ?? 0), 0);
    const dose = parts.reduce((s, p) => s + (p.doseGy ?? 0) * (p.massG ?? 0), 0) / mass;
    organs.push({
      organ,
      regions: parts.map((p) => p.name),
      massG: mass,
      doseGy: dose,
      doseGyPerGBq: dose / gbq,
      method: `mass-weighted mean of the doses of ${parts.map((p) => p.name).join(', ')}`,
    });
  }
  return {
    nuclide: parsed.nuclide,
    injectedMBq: parsed.injectedMBq,
    phantom: parsed.phantom,
    regions,
    organs,
    method: `per-region time-activity fit → TIA → organ S-values (ICRP-89 adult ${parsed.phantom}) or lesion sphere S-values`,
  };
}
