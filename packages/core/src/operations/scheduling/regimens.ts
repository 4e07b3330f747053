/**
 * Radioligand cycles from a regimen: start date, interval and count → planned dates and
 * activities. The approved regimens are the pivotal trials' schedules:
 * - [177Lu]Lu-PSMA-617 7.4 GBq every 6 weeks × 6 (VISION, Sartor et al., N Engl J Med 2021;385:1091-1103);
 * - [177Lu]Lu-DOTATATE 7.4 GBq every 8 weeks × 4 (NETTER-1, Strosberg et al., N Engl J Med 2017;376:125-135).
 * Under an approved regimen a course may reduce the activity, give fewer cycles or space them
 * further apart (the trials allowed reductions and delays for toxicity) but never escalate;
 * an investigational regimen follows its protocol: the course gives the protocol's activities,
 * interval and count, and the regimen's figures are only defaults.
 */
import { addDays, parseLocalDate } from './department-time';
import { SchedulingError } from './errors';

export interface TreatmentRegimen {
  readonly id: string;
  readonly name: string;
  readonly activityMBq: number;
  readonly intervalWeeks: number;
  readonly cycles: number;
  readonly investigational: boolean;
  readonly reference: string;
}

/** What a course may set differently from its regimen. */
export interface CourseProtocol {
  readonly cycles?: number;
  readonly intervalWeeks?: number;
  /** One activity per cycle, MBq (a shorter list repeats its last value). */
  readonly activitiesMBq?: readonly number[];
}

export interface PlannedTreatmentCycle {
  readonly cycleNumber: number;
  /** Local calendar date, YYYY-MM-DD. */
  readonly plannedOn: string;
  readonly prescribedMBq: number;
}

export interface CyclePlan {
  readonly regimenId: string;
  readonly cycles: readonly PlannedTreatmentCycle[];
  readonly totalMBq: number;
  readonly perProtocol: boolean;
  readonly method: string;
}

const positiveInt = (v: number, field: string) => {
  if (!(Number.isInteger(v) && v > 0))
    throw new SchedulingError({ field, reason: `${v} is not a positive whole number`, expected: 'an integer > 0' });
  return v;
};
const positive = (v: number, field: string) => {
  if (!(Number.isFinite(v) && v > 0)) throw new SchedulingError({ field, reason: `${v} is not a positive activity`, expected: '> 0 MBq' });
  return v;
};

export function planCycles(regimen: TreatmentRegimen, startedOn: string, protocol: CourseProtocol = {}): CyclePlan {
  parseLocalDate(startedOn, 'startedOn');
  const count = positiveInt(protocol.cycles ?? regimen.cycles, 'cycles');
  const interval = positiveInt(protocol.intervalWeeks ?? regimen.intervalWeeks, 'intervalWeeks');
  const activities = (protocol.activitiesMBq ?? [regimen.activityMBq]).map((a, i) => positive(a, `activitiesMBq[${i}]`));
  if (activities.length === 0)
    throw new SchedulingError({ field: 'activitiesMBq', reason: 'no activity given', expected: 'at least one activity' });
  if (activities.length > count) {
    throw new SchedulingError({
      field: 'activitiesMBq',
      reason: `${activities.length} activities for ${count} cycles`,
      expected: `at most ${count} activities`,
    });
  }
  if (!regimen.investigational) {
    if (count > regimen.cycles) {
      throw new SchedulingError({
        field: 'cycles',
        reason: `${count} cycles exceed the ${regimen.cycles} of ${regimen.name}`,
        expected: `<= ${regimen.cycles} (an investigational regimen for more)`,
      });
    }
    if (interval < regimen.intervalWeeks) {
      throw new SchedulingError({
        field: 'intervalWeeks',
        reason: `every ${interval} weeks is closer than the ${regimen.intervalWeeks} weeks of ${regimen.name}`,
        expected: `>= ${regimen.intervalWeeks}`,
      });
    }
    activities.forEach((a, i) => {
      if (a > regimen.activityMBq) {
        throw new SchedulingError({
          field: `activitiesMBq[${i}]`,
          reason: `${a} MBq escalates the ${regimen.activityMBq} MBq of ${regimen.name}`,
          expected: `<= ${regimen.activityMBq} MBq (reductions only)`,
        });
      }
    });
  }
  const cycles: PlannedTreatmentCycle[] = Array.from({ length: count }, (_, i) => ({
    cycleNumber: i + 1,
    plannedOn: addDays(startedOn, i * interval * 7),
    prescribedMBq: activities[Math.min(i, activities.length - 1)]!,
  }));
  const perProtocol = regimen.investigational;
  return {
    regimenId: regimen.id,
    cycles,
    totalMBq: cycles.reduce((s, c) => s + c.prescribedMBq, 0),
    perProtocol,
    method: `${count} cycle(s) every ${interval} weeks from ${startedOn}${perProtocol ? ' per protocol' : ''}; ${regimen.name}: ${regimen.reference}`,
  };
}
