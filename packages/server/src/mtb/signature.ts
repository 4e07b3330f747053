/**
 * The chair's signature. The signer has re-entered their password (checked by the route before
 * this runs); here, under the case's row lock: the case must be discussed at a meeting whose
 * chair is the signer, the content must still hash to what the signer was shown, and then the
 * signature row (signer, role, time, meaning, SHA-256, the canonical content itself) is written,
 * the case becomes `signed`, and both are audited in the same transaction.
 *
 * Verify-on-read: the stored content must still hash to the signed SHA-256 (the snapshot is
 * intact), and the locked part rebuilt from the live tables must equal the snapshot's (nothing
 * was changed under the signature, e.g. by direct SQL).
 */
import { canonicalJson } from '../audit/canonical';
import type { Queryable } from '../db/driver';
import type { Audit } from '../http/common/audited';
import { conflict, forbidden } from '../http/common/problem';
import { iso, loadCaseRecord, type CaseRecord, type SignatureRow } from './case-record';
import { lockCase, refuseIfSigned } from './cases';
import { buildCaseContent, lockedPart, sha256Hex, SIGNATURE_MEANING, type CaseContent } from './content';
import type { MtbContext } from './recommendations';

export interface Signer {
  id: string;
  username: string;
  displayName: string;
  role: string;
}

export interface SignatureVerification {
  /** The stored content still hashes to the signed SHA-256. */
  snapshotIntact: boolean;
  /** The case, report, alterations and recommendations in the tables still equal the signed ones. */
  contentUnchanged: boolean;
  /** SHA-256 of the stored content as read now. */
  storedContentSha256: string;
  problems: string[];
}

/** Why this user cannot sign this case now (empty: they can). Shown before the password is asked. */
export function signingBlockers(record: CaseRecord, user: { id: string; displayName: string }): string[] {
  if (record.case.status === 'signed') return ['the case is already signed'];
  const out: string[] = [];
  if (!record.meeting) out.push("the case is on no meeting's agenda: the board signs what it discussed");
  if (record.recommendations.length === 0) out.push('no recommendation is recorded');
  if (record.meeting && record.meeting.chair.id !== user.id) {
    out.push(`only the chair of "${record.meeting.title}", ${record.meeting.chair.displayName}, signs its cases`);
  }
  return out;
}

export async function signCase(
  tx: Queryable,
  ctx: MtbContext,
  audit: Audit,
  signer: Signer,
  caseId: string,
  input: { version: number; contentSha256: string; meaning: string },
): Promise<SignatureRow> {
  const c = await lockCase(tx, caseId);
  await refuseIfSigned(tx, c, 'Cannot sign');
  const record = (await loadCaseRecord(tx, caseId))!;
  const blockers = signingBlockers(record, signer);
  if (record.meeting && record.meeting.chair.id !== signer.id) throw forbidden(`Cannot sign: ${blockers.join('; ')}.`);
  if (blockers.length > 0) throw conflict(`Cannot sign MTB case ${caseId}: ${blockers.join('; ')}.`);
  if (c.version !== input.version) {
    throw conflict(
      `MTB case ${caseId} is at version ${c.version}, not ${input.version}: it changed since you opened it. Reload, review and sign again.`,
    );
  }
  const built = buildCaseContent(record, ctx.knowledge, ctx.oncotree);
  if (built.sha256 !== input.contentSha256) {
    throw conflict(
      `The content of MTB case ${caseId} now hashes to ${built.sha256}, not to ${input.contentSha256} that you reviewed: ` +
        'something changed since (a recommendation, the report, the patient summary). Reload, review and sign again.',
    );
  }
  const text = canonicalJson(built.content);
  const row = (
    await tx.query<SignatureRow>(
      `insert into mtb_signature (case_id, meeting_id, signer_id, signer_username, signer_name, signer_role, signed_at, meaning, content_sha256, content)
       values ($1, $2, $3, $4, $5, $6, now(), $7, $8, $9) returning *`,
      [caseId, record.meeting!.id, signer.id, signer.username, signer.displayName, signer.role, input.meaning, built.sha256, text],
    )
  ).rows[0]!;
  await tx.query(`update mtb_case set status = 'signed', version = version + 1, updated_at = now() where id = $1`, [caseId]);
  const signedAt = iso(row.signed_at)!;
  await audit({
    action: 'sign',
    entityType: 'mtb_case',
    entityId: caseId,
    patientId: c.patient_id,
    before: { status: c.status },
    after: {
      status: 'signed',
      signer: { id: signer.id, username: signer.username, displayName: signer.displayName, role: signer.role },
      meetingId: record.meeting!.id,
      signedAt,
      meaning: input.meaning,
      contentSha256: built.sha256,
      recommendations: built.content.recommendations.length,
    },
    reason: input.meaning,
  });
  return { ...row, signed_at: signedAt };
}

export function parseSignedContent(s: SignatureRow): CaseContent {
  return JSON.parse(s.content) as CaseContent;
}

export function verifySignature(record: CaseRecord, ctx: MtbContext): SignatureVerification | null {
  const s = record.signature;
  if (!s) return null;
  const problems: string[] = [];
  const storedContentSha256 = sha256Hex(s.content);
  const snapshotIntact = storedContentSha256 === s.content_sha256;
  if (!snapshotIntact) problems.push(`the stored content hashes to ${storedContentSha256}, not to the signed ${s.content_sha256}`);
  let contentUnchanged = false;
  try {
    const signed = parseSignedContent(s);
    const live = buildCaseContent(record, ctx.knowledge, ctx.oncotree).content;
    contentUnchanged = canonicalJson(lockedPart(signed)) === canonicalJson(lockedPart(live));
    if (!contentUnchanged) problems.push('the case, report, alterations or recommendations in the database differ from the signed content');
  } catch {
    problems.push('the stored content is not readable JSON');
  }
  return { snapshotIntact, contentUnchanged, storedContentSha256, problems };
}

export { SIGNATURE_MEANING };
