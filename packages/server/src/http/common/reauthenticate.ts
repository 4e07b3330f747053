/**
 * Re-authentication before a signature (the MTB chair's, the radiopharmacist's batch release):
 * the signer re-enters the password of the account the session belongs to. A signing form is a
 * password prompt, so it shares sign-in's throttle and keys — a session left open cannot be used
 * to guess — and every wrong password is audited against the record that was not signed.
 */
import type { FastifyRequest } from 'fastify';
import { appendAudit } from '../../audit/record';
import { verifyPassword } from '../../auth/passwords';
import type { AppDeps } from '../app';
import { actorOf } from './audited';
import { HttpProblem } from './problem';

export async function requireReauthentication(
  request: FastifyRequest,
  deps: Pick<AppDeps, 'db' | 'throttle'>,
  what: { password: string; entityType: string; entityId: string; notApplied: string },
): Promise<void> {
  const user = request.session!.user;
  const keys = [`user:${user.username}`, `ip:${request.ip}`];
  const waitMs = deps.throttle.retryAfterMs(keys);
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new HttpProblem(429, 'Too Many Requests', `Too many wrong passwords. Try again in ${seconds} s.`, undefined, {
      'retry-after': String(seconds),
    });
  }
  const hash = (await deps.db.query<{ password_hash: string }>('select password_hash from app_user where id = $1 and active', [user.id]))
    .rows[0]?.password_hash;
  if (!hash || !(await verifyPassword(hash, what.password))) {
    deps.throttle.recordFailure(keys);
    await deps.db.transaction((tx) =>
      appendAudit(tx, actorOf(request), {
        action: 'sign-failed',
        entityType: what.entityType,
        entityId: what.entityId,
        after: { address: request.ip, why: 'wrong password' },
      }),
    );
    throw new HttpProblem(
      401,
      'Unauthorized',
      `Wrong password: ${what.notApplied}. Re-enter the password of the account you are signed in with.`,
      [{ path: 'body.password', message: 'does not match your account' }],
    );
  }
  deps.throttle.clear(`user:${user.username}`);
}
