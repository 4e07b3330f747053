import { describe, expect, it } from 'vitest';
import { planCycles, SchedulingError, type TreatmentRegimen } from '../../src/operations/scheduling/index';

// The regimens of the migration (005_theranostics.sql).
const VISION: TreatmentRegimen = {
  id: 'lu177-psma617-6x6w',
  name: '[177Lu]Lu-PSMA-617 7.4 GBq every 6 weeks × 6',
  activityMBq: 7400,
  intervalWeeks: 6,
  cycles: 6,
  investigational: false,
  reference: 'VISION: Sartor et al., N Engl J Med 2021;385:1091-1103',
};
const NETTER1: TreatmentRegimen = {
  id: 'lu177-dotatate-4x8w',
  name: '[177Lu]Lu-DOTATATE 7.4 GBq every 8 weeks × 4',
  activityMBq: 7400,
  intervalWeeks: 8,
  cycles: 4,
  investigational: false,
  reference: 'NETTER-1: Strosberg et al., N Engl J Med 2017;376:125-135',
};
const NEOB: TreatmentRegimen = {
  id: 'lu177-neob-protocol',
  name: '[177Lu]Lu-NeoB per protocol',
  activityMBq: 1850,
  intervalWeeks: 6,
  cycles: 4,
  investigational: true,
  reference: 'NeoRay, NCT03872778',
};

describe('cycles from a regimen', () => {
  it('VISION: 7.4 GBq every 6 weeks × 6 (Sartor et al. 2021) — 44.4 GBq over 30 weeks', () => {
    const plan = planCycles(VISION, '2025-01-06');
    expect(plan.cycles.map((c) => c.plannedOn)).toEqual([
      '2025-01-06',
      '2025-02-17',
      '2025-03-31',
      '2025-05-12',
      '2025-06-23',
      '2025-08-04',
    ]);
    expect(plan.cycles.every((c) => c.prescribedMBq === 7400)).toBe(true);
    expect(plan.totalMBq).toBe(44_400);
    expect(plan.perProtocol).toBe(false);
    expect(plan.method).toMatch(/Sartor/);
  });

  it('NETTER-1: 7.4 GBq every 8 weeks × 4 (Strosberg et al. 2017) — 29.6 GBq over 24 weeks', () => {
    const plan = planCycles(NETTER1, '2025-01-06');
    expect(plan.cycles.map((c) => [c.cycleNumber, c.plannedOn])).toEqual([
      [1, '2025-01-06'],
      [2, '2025-03-03'],
      [3, '2025-04-28'],
      [4, '2025-06-23'],
    ]);
    expect(plan.totalMBq).toBe(29_600);
  });

  it('an approved regimen may be reduced or spaced out, never escalated', () => {
    const reduced = planCycles(VISION, '2025-01-06', { activitiesMBq: [7400, 5920], cycles: 4 });
    expect(reduced.cycles.map((c) => c.prescribedMBq)).toEqual([7400, 5920, 5920, 5920]);
    expect(() => planCycles(VISION, '2025-01-06', { activitiesMBq: [8000] })).toThrow(SchedulingError);
    expect(() => planCycles(NETTER1, '2025-01-06', { cycles: 5 })).toThrow(/cycles/);
    expect(() => planCycles(NETTER1, '2025-01-06', { intervalWeeks: 6 })).toThrow(/intervalWeeks/);
  });

  it('an investigational regimen follows its protocol (NeoRay dose level 1: 1.85 GBq then 5.55 GBq, every 6 weeks)', () => {
    const plan = planCycles(NEOB, '2025-02-03', { activitiesMBq: [1850, 5550] });
    expect(plan.perProtocol).toBe(true);
    expect(plan.cycles.map((c) => c.prescribedMBq)).toEqual([1850, 5550, 5550, 5550]);
    expect(plan.totalMBq).toBe(18_500);
    expect(planCycles(NEOB, '2025-02-03', { activitiesMBq: [11_100], cycles: 3 }).totalMBq).toBe(33_300);
  });

  it('refuses bad input naming the field', () => {
    expect(() => planCycles(VISION, '2025-13-01')).toThrow(/startedOn/);
    expect(() => planCycles(VISION, '2025-01-06', { activitiesMBq: [-1] })).toThrow(/activitiesMBq\[0\]/);
    expect(() => planCycles(VISION, '2025-01-06', { cycles: 0 })).toThrow(/cycles/);
  });
});
