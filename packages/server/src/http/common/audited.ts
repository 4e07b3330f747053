import type { FastifyRequest } from 'fastify';
import { appendAudit, type Actor, type AuditEvent } from '../../audit/record';
import type { Db, Queryable } from '../../db/driver';
import { userOf } from './access';

export type Audit = (event: AuditEvent) => Promise<void>;

/**
 * The one path for writes: the change and its audit entries share one transaction, so there
 * is never a change without its record, nor a record of a change that did not happen.
 */
export function audited<T>(db: Db, actor: Actor, work: (tx: Queryable, audit: Audit) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const audit: Audit = async (event) => {
      await appendAudit(tx, actor, event);
    };
    return work(tx, audit);
  });
}

export function actorOf(request: FastifyRequest): Actor {
  const user = userOf(request);
  return { id: user.id, username: user.username, role: user.role };
}
