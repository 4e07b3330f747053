import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '@continuum/core';
import type { Queryable } from '../db/driver';

export const SESSION_COOKIE = 'cx_session';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000; // one working day

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  sponsor: string | null;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Creates a session; only the token's hash is stored, so a database leak yields no live sessions. */
export async function createSession(tx: Queryable, userId: string): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await tx.query(
    'insert into user_session (token_hash, user_id, csrf_token, expires_at) values ($1, $2, $3, $4)',
    [sha256(token), userId, csrfToken, new Date(Date.now() + SESSION_TTL_MS).toISOString()],
  );
  return { token, csrfToken };
}

export async function findSession(db: Queryable, token: string): Promise<Session | null> {
  const { rows } = await db.query<{
    id: string; username: string; display_name: string; role: Role; sponsor: string | null; csrf_token: string;
  }>(
    `select u.id, u.username, u.display_name, u.role, u.sponsor, s.csrf_token
       from user_session s join app_user u on u.id = s.user_id
      where s.token_hash = $1 and s.expires_at > now() and u.active`,
    [sha256(token)],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    user: { id: r.id, username: r.username, displayName: r.display_name, role: r.role, sponsor: r.sponsor },
    csrfToken: r.csrf_token,
  };
}

export async function deleteSession(tx: Queryable, token: string): Promise<void> {
  await tx.query('delete from user_session where token_hash = $1', [sha256(token)]);
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
