import { ROLES, type Role, type Trial } from '@continuum/core';
import { createAccount } from './auth/accounts';
import { SYSTEM_ACTOR } from './audit/record';
import type { Db } from './db/driver';

/** The password of every demo account (README "Demo accounts"). Demo mode only. */
export const DEMO_PASSWORD = 'continuum-demo';

const DISPLAY: Record<Role, string> = {
  admin: 'Demo administrator',
  investigator: 'Dr Demo Investigator',
  coordinator: 'Demo research coordinator',
  mtb: 'Dr Demo MTB member',
  radiopharmacist: 'Demo radiopharmacist',
  physicist: 'Demo medical physicist',
  referrer: 'Dr Demo Referring oncologist',
  sponsor: 'Demo sponsor contact',
};

/** The sponsor with most trials in the catalogue: the demo sponsor account follows it. */
export function demoSponsor(trials: Trial[]): string {
  const counts = new Map<string, number>();
  for (const t of trials) counts.set(t.sponsor, (counts.get(t.sponsor) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'Demo sponsor';
}

/** One account per role, username = role name. Returns the accounts created (none if any user exists). */
export async function createDemoAccounts(db: Db, trials: Trial[]): Promise<{ username: string; role: Role; password: string }[]> {
  const any = (await db.query('select 1 from app_user limit 1')).rows.length > 0;
  if (any) return [];
  const sponsor = demoSponsor(trials);
  const created = [];
  for (const role of ROLES) {
    await createAccount(db, SYSTEM_ACTOR, {
      username: role, displayName: DISPLAY[role], role, password: DEMO_PASSWORD, sponsor: role === 'sponsor' ? sponsor : null,
    });
    created.push({ username: role, role, password: DEMO_PASSWORD });
  }
  return created;
}
