/**
 * One entry point for every time-activity model: validates the data for the model's minimum
 * number of points, then fits or integrates. Errors name the field given in `options.field`.
 */
import { NucmedError } from './errors';
import { fitBiExponential, fitBiExponentialUptake, fitMonoExponential, fitMonoExponentialLogLinear } from './exponential-fits';
import { decayConstantPerH, type Nuclide } from './nuclides';
import { singleTimePointHanscheid, singleTimePointWithHalfLife } from './single-time-point';
import { validateTimeActivity, type TacFit, type TacModel } from './time-activity';
import { integrateTrapezoid } from './trapezoid';

export interface FitTimeActivityOptions {
  model: TacModel;
  /** Needed by the trapezoid's tail and by the physical washout floor. */
  nuclide?: Nuclide | string;
  /**
   * Lower bound on the (slowest) washout constant of the exponential fits. 'physical' (the
   * default when `nuclide` is given): λ >= λ_phys, since a region that is no longer taking
   * activity up cannot lose it slower than the nuclide decays; without it a few points can
   * extrapolate to a near-flat tail and an absurd TIA. 'none' (the default without a nuclide):
   * no bound. A number: that bound, per hour.
   */
  washoutFloor?: 'physical' | 'none' | number;
  trapezoidTail?: 'physical' | 'last-two-points';
  trapezoidStart?: 'origin' | 'first-point';
  /** Mono-exponential log-linear: how many of the last points to use. */
  lastPoints?: number;
  /** Single-time-point methods: which point (default: nearest 96 h). */
  pointIndex?: number;
  /** single-time-point-prior-half-life: the effective half-life to assume. */
  effectiveHalfLifeH?: number;
  field?: string;
}

export const MINIMUM_POINTS: Readonly<Record<TacModel, number>> = {
  'mono-exponential': 2,
  'mono-exponential-log-linear': 2,
  'bi-exponential': 4,
  'bi-exponential-uptake': 3,
  trapezoid: 1,
  'single-time-point-hanscheid': 1,
  'single-time-point-prior-half-life': 1,
};

export const TAC_MODELS = Object.keys(MINIMUM_POINTS) as TacModel[];

export function fitTimeActivity(
  data: { timesH: readonly number[]; activitiesMBq: readonly number[] },
  options: FitTimeActivityOptions,
): TacFit {
  const field = options.field ?? 'tac';
  const minimum = MINIMUM_POINTS[options.model];
  if (minimum === undefined) {
    throw new NucmedError({
      field: `${field}.model`,
      code: 'unsupported',
      reason: `unknown model "${String(options.model)}"`,
      expected: TAC_MODELS.join(', '),
    });
  }
  const tac = validateTimeActivity(data, field, minimum);
  const needNuclide = () => {
    if (options.nuclide === undefined) {
      throw new NucmedError({
        field: 'nuclide',
        code: 'missing',
        reason: `the ${options.model} model needs the nuclide`,
        expected: 'a nuclide, e.g. "Lu-177"',
      });
    }
    return options.nuclide;
  };
  const floorOption = options.washoutFloor ?? (options.nuclide !== undefined ? 'physical' : 'none');
  const floor = floorOption === 'physical' ? decayConstantPerH(needNuclide()) : floorOption === 'none' ? 0 : floorOption;
  if (!(floor >= 0) || !Number.isFinite(floor)) {
    throw new NucmedError({
      field: `${field}.washoutFloor`,
      code: 'out-of-range',
      reason: `${String(floorOption)}`,
      expected: "'physical', 'none' or a rate >= 0 per hour",
    });
  }
  switch (options.model) {
    case 'mono-exponential':
      return fitMonoExponential(tac, { lambdaFloorPerH: floor, field });
    case 'mono-exponential-log-linear':
      return fitMonoExponentialLogLinear(tac, { field, ...(options.lastPoints !== undefined ? { lastPoints: options.lastPoints } : {}) });
    case 'bi-exponential':
      return fitBiExponential(tac, { lambdaFloorPerH: floor, field });
    case 'bi-exponential-uptake':
      return fitBiExponentialUptake(tac, { lambdaFloorPerH: floor, field });
    case 'trapezoid':
      return integrateTrapezoid(tac, {
        nuclide: needNuclide(),
        tail: options.trapezoidTail ?? 'physical',
        start: options.trapezoidStart ?? 'origin',
        field,
      });
    case 'single-time-point-hanscheid':
      return singleTimePointHanscheid(tac, { field, ...(options.pointIndex !== undefined ? { pointIndex: options.pointIndex } : {}) });
    case 'single-time-point-prior-half-life':
      if (options.effectiveHalfLifeH === undefined) {
        throw new NucmedError({
          field: `${field}.effectiveHalfLifeH`,
          code: 'missing',
          reason: 'no effective half-life given',
          expected: 'hours > 0',
        });
      }
      return singleTimePointWithHalfLife(tac, {
        effectiveHalfLifeH: options.effectiveHalfLifeH,
        field,
        ...(options.pointIndex !== undefined ? { pointIndex: options.pointIndex } : {}),
      });
  }
}
