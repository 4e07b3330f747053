import type { Role } from '@continuum/core';
import { appendAudit, type Actor } from '../audit/record';
import type { Db } from '../db/driver';
import { hashPassword, passwordProblem } from './passwords';

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  sponsor?: string | null;
}

export class AccountError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Creates an account (argon2id hash) and its audit entry in one transaction. */
export async function createAccount(db: Db, actor: Actor, a: NewAccount): Promise<{ id: string; username: string }> {
  const username = a.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username)) {
    throw new AccountError('username', 'username: 2–64 characters among a–z, 0–9, ".", "_", "-"');
  }
  const weak = passwordProblem(a.password);
  if (weak) throw new AccountError('password', `password ${weak}`);
  if (a.role === 'sponsor' && !a.sponsor) throw new AccountError('sponsor', 'a sponsor account needs the sponsor name whose trials it may see');
  const passwordHash = await hashPassword(a.password);
  return db.transaction(async (tx) => {
    const taken = (await tx.query('select 1 from app_user where username = $1', [username])).rows.length > 0;
    if (taken) throw new AccountError('username', `username "${username}" is already taken`);
    const row = (await tx.query<{ id: string; username: string }>(
      `insert into app_user (username, display_name, role, password_hash, sponsor) values ($1, $2, $3, $4, $5) returning id, username`,
      [username, a.displayName, a.role, passwordHash, a.sponsor ?? null],
    )).rows[0]!;
    // Never the hash in the audit trail.
    await appendAudit(tx, actor, {
      action: 'create', entityType: 'app_user', entityId: row.id,
      after: { username, displayName: a.displayName, role: a.role, sponsor: a.sponsor ?? null },
    });
    return row;
  });
}
