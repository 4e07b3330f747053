/**
 * Demo data of the feature modules (MTB, radiopharmacy, theranostics …), written after the
 * synthetic cohort on a first start and in the browser tests' live platform. Each feature owns
 * its seeder next to its code; this list only orders them. A seeder must be idempotent in effect
 * (it runs once, on an empty database) and write through the audited paths like any user would.
 */
import type { Db } from '../db/driver';
import { seedRadiopharmacyDemo } from '../radiopharmacy/demo-seed';
import { seedMtbDemo } from '../mtb/demo-seed';
import { seedTheranosticsDemo } from '../theranostics/demo-seed';
import { seedSchedulingDemo } from '../scheduling/demo-seed';

export interface FeatureDemoContext {
  /** ISO date the cohort was generated against (facts are dated before it). */
  referenceDate: string;
  /** "Today" for the demo's operational data (batches, bookings): the real clock in npm start. */
  now: Date;
}

export type FeatureDemoSeeder = (db: Db, ctx: FeatureDemoContext) => Promise<void>;

const SEEDERS: { name: string; seed: FeatureDemoSeeder }[] = [
  { name: 'MTB', seed: seedMtbDemo },
  { name: 'Radiopharmacy', seed: seedRadiopharmacyDemo },
  { name: 'Theranostics', seed: seedTheranosticsDemo },
  // After theranostics: it plans the remaining cycles of the courses written there, so the demo
  // patient's fourth cycle exists and shows its kidney-BED flag.
  { name: 'Scheduling', seed: seedSchedulingDemo },
];

export async function seedFeatureDemos(db: Db, ctx: FeatureDemoContext, log?: (m: string) => void): Promise<void> {
  for (const s of SEEDERS) {
    const t0 = Date.now();
    await s.seed(db, ctx);
    log?.(`  ${s.name} demo data in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}
