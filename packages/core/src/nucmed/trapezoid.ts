/**
 * Trapezoidal integration of the measured points with an exponential tail after the last one
 * (MIRD Pamphlet No. 16, Siegel et al. 1999, "trapezoidal method" with extrapolation):
 *
 *   TIA = Σ ½(A_i + A_{i+1})(t_{i+1} − t_i)  +  A_n / λ_tail
 *
 * Before the first point the curve starts at (0, 0) by default (activity reaches the region
 * after injection), or is held flat at the first value. The tail decays either physically
 * (λ_phys: no biological clearance after the last point, an upper bound) or with the effective
 * constant of the last two points; that one may not be slower than physical decay, since a
 * region that is not still taking activity up cannot lose it slower than its nuclide decays,
 * so a flatter last segment falls back to the physical tail and the method says so.
 */
import { NucmedError } from './errors';
import { decayConstantPerH, nuclide, type Nuclide } from './nuclides';
import type { TacFit, TimeActivityData } from './time-activity';

export interface TrapezoidOptions {
  nuclide: Nuclide | string;
  tail: 'physical' | 'last-two-points';
  start?: 'origin' | 'first-point';
  field?: string;
}

export function integrateTrapezoid(tac: TimeActivityData, options: TrapezoidOptions): TacFit {
  const n = nuclide(options.nuclide);
  const lambdaPhysical = decayConstantPerH(n);
  const start = options.start ?? 'origin';
  const times = [...tac.timesH];
  const activities = [...tac.activitiesMBq];
  if ((times[0] ?? 0) > 0) {
    times.unshift(0);
    activities.unshift(start === 'origin' ? 0 : (activities[0] ?? 0));
  }
  let area = 0;
  for (let i = 1; i < times.length; i++) {
    area += 0.5 * ((activities[i - 1] ?? 0) + (activities[i] ?? 0)) * ((times[i] ?? 0) - (times[i - 1] ?? 0));
  }
  const m = tac.timesH.length;
  const aLast = tac.activitiesMBq[m - 1] ?? 0;
  let tailLambda = lambdaPhysical;
  let tailNote = `physical decay tail A_n/λ_phys (T½ ${n.halfLife.value} ${n.halfLife.unit})`;
  if (options.tail === 'last-two-points') {
    if (m < 2) {
      throw new NucmedError({
        field: `${options.field ?? 'tac'}.timesH`,
        code: 'too-few-points',
        reason: '1 point',
        expected: 'at least 2 for a last-two-points tail',
      });
    }
    const aBefore = tac.activitiesMBq[m - 2] ?? 0;
    const dt = (tac.timesH[m - 1] ?? 0) - (tac.timesH[m - 2] ?? 0);
    const lambda = aLast > 0 && aBefore > 0 ? Math.log(aBefore / aLast) / dt : Number.NaN;
    if (lambda > lambdaPhysical) {
      tailLambda = lambda;
      tailNote = `effective tail A_n/λ_eff, λ_eff from the last two points (T½eff ${(Math.LN2 / lambda).toPrecision(4)} h)`;
    } else {
      tailNote = `physical decay tail A_n/λ_phys: the last two points fall slower than ${n.id} decays`;
    }
  }
  const tail = aLast / tailLambda;
  return {
    model: 'trapezoid',
    parameters: { areaMBqH: area, tailMBqH: tail, tailLambdaPerH: tailLambda },
    terms: null,
    piecewise: { timesH: times, activitiesMBq: activities, tailLambdaPerH: tailLambda },
    tiaMBqH: area + tail,
    goodnessOfFit: null,
    converged: true,
    iterations: 0,
    method: `trapezoid from ${start === 'origin' ? '(0, 0)' : 'the first value held back to t = 0'} + ${tailNote} [MIRD Pamphlet No. 16, Siegel et al., J Nucl Med 1999;40:37S-61S]`,
  };
}
