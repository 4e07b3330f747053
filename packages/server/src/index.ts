export { buildApp } from './http/app';
export { openDatabase, openPglite, openPostgres, type Db, type Queryable } from './db/driver';
export { migrate } from './db/migrate';
export { verifyAuditChain } from './audit/verify';
export { appendAudit, SYSTEM_ACTOR } from './audit/record';
export { createAccount } from './auth/accounts';
export { loadOncoTree } from './reference';
export { seedCohort } from './seed/seedCohort';
