import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { mtbApi, type MeetingDetail } from '../api/mtb';
import { useApi } from '../api/useApi';
import { can, MTB_WRITERS } from '../auth/roles';
import { useUser } from '../auth/session';
import { ErrorBanner } from '../components/ErrorBanner';
import { alterationName, CaseStatusBadge, EscatBadge } from '../components/mtb/labels';
import { formatDate, formatInstantUtc } from '../lib/format';
import { usePageTitle } from '../lib/usePageTitle';

/** A meeting: its chair, and the ordered agenda of cases (add from the queue, move, remove). */
export function MtbMeetingPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const canWrite = can(user.role, MTB_WRITERS);
  const meeting = useApi(`mtb-meeting|${id}`, (signal) => mtbApi.meeting(id, { signal }));
  const queued = useApi(canWrite ? 'mtb-queued' : null, (signal) => mtbApi.cases({ status: 'queued', pageSize: 200 }, { signal }));
  const ids = { reason: useId(), add: useId() };
  const [reason, setReason] = useState('Agenda preparation');
  const [toAdd, setToAdd] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(meeting.data ? meeting.data.title : 'MTB meeting');

  async function run(label: string, action: (m: MeetingDetail) => Promise<MeetingDetail>) {
    const m = meeting.data;
    if (!m) return;
    if (reason.trim().length < 3) {
      setActionError('Give a reason for the agenda change (at least 3 characters): it goes to the audit trail.');
      return;
    }
    setBusy(true);
    setActionError(null);
    try {
      await action(m);
      setNotice(label);
    } catch (err) {
      setActionError(isApiError(err) ? (err.detail ?? err.title) : String(err));
    } finally {
      setBusy(false);
      meeting.reload();
      queued.reload();
    }
  }

  function move(index: number, delta: number) {
    const m = meeting.data!;
    const order = m.agenda.map((a) => a.case.id);
    const [item] = order.splice(index, 1);
    order.splice(index + delta, 0, item!);
    const who = m.agenda[index]!.case.patient.pseudonym;
    void run(`${who} moved ${delta < 0 ? 'up' : 'down'} to position ${index + delta + 1}.`, (mm) =>
      mtbApi.reorderAgenda(mm.id, { caseIds: order, version: mm.version, reason: reason.trim() }),
    );
  }

  function onAdd(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!toAdd) {
      setActionError('Choose a queued case to add.');
      return;
    }
    const c = queued.data?.items.find((x) => x.id === toAdd);
    void run(`${c?.patient.pseudonym ?? 'Case'} added to the agenda.`, (mm) =>
      mtbApi.addToAgenda(mm.id, { caseId: toAdd, version: mm.version, reason: reason.trim() }),
    );
    setToAdd('');
  }

  if (!meeting.data) {
    return meeting.error ? (
      <>
        <p className="breadcrumb">
          <Link to="/mtb">← Molecular Tumour Board</Link>
        </p>
        <ErrorBanner error={meeting.error} context="Could not open the meeting" onRetry={meeting.reload} />
      </>
    ) : (
      <p role="status">Loading the meeting…</p>
    );
  }
  const m = meeting.data;
  return (
    <article aria-labelledby="meeting-title">
      <p className="breadcrumb">
        <Link to="/mtb">← Molecular Tumour Board</Link>
      </p>
      <header className="record-header">
        <h1 id="meeting-title">{m.title}</h1>
        <p>
          {formatInstantUtc(m.scheduledAt)} · chair <strong>{m.chair.displayName}</strong> ({m.chair.username}) — the chair signs the cases
          of this meeting.
        </p>
      </header>
      <p role="status" className={notice ? 'banner banner-success' : 'visually-hidden'}>
        {notice ?? ''}
      </p>
      {actionError && (
        <div className="banner banner-error" role="alert">
          <p className="banner-title">{actionError}</p>
        </div>
      )}
      <h2>Agenda</h2>
      {canWrite && (
        <div className="field mtb-reason">
          <label htmlFor={ids.reason}>Reason for agenda changes (audit trail)</label>
          <input id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      {m.agenda.length === 0 ? (
        <p className="muted">No case on the agenda yet.</p>
      ) : (
        <ol className="mtb-agenda" data-testid="agenda">
          {m.agenda.map((a, i) => {
            const c = a.case;
            return (
              <li key={c.id}>
                <div>
                  {a.position}. <Link to={`/mtb/cases/${encodeURIComponent(c.id)}`}>{c.patient.pseudonym}</Link>{' '}
                  {c.patient.diagnosis && <span className="code">{c.patient.diagnosis.oncotreeCode}</span>} ·{' '}
                  {c.report.specimen === 'ctdna' ? 'ctDNA' : 'tissue'} {formatDate(c.report.reportedAt)} ·{' '}
                  {c.top ? (
                    <>
                      {alterationName(c.top)} <EscatBadge tier={c.top.escat} />
                    </>
                  ) : (
                    <span className="muted">no evidence</span>
                  )}{' '}
                  <CaseStatusBadge status={c.status} />
                </div>
                {canWrite && (
                  <div className="form-actions">
                    <button
                      type="button"
                      className="button-secondary button-small"
                      disabled={busy || i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={`Move ${c.patient.pseudonym} up`}
                    >
                      Move up
                    </button>
                    <button
                      type="button"
                      className="button-secondary button-small"
                      disabled={busy || i === m.agenda.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={`Move ${c.patient.pseudonym} down`}
                    >
                      Move down
                    </button>
                    <button
                      type="button"
                      className="button-secondary button-small"
                      disabled={busy || c.status === 'signed' || c.status === 'discussed'}
                      onClick={() =>
                        void run(`${c.patient.pseudonym} taken off the agenda.`, (mm) =>
                          mtbApi.removeFromAgenda(mm.id, c.id, { version: mm.version, reason: reason.trim() }),
                        )
                      }
                      aria-label={`Take ${c.patient.pseudonym} off the agenda`}
                    >
                      Remove
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {canWrite && (
        <form onSubmit={onAdd} className="mtb-inline-form" aria-label="Add a queued case to the agenda">
          <div className="field">
            <label htmlFor={ids.add}>Add a queued case</label>
            <select id={ids.add} value={toAdd} onChange={(e) => setToAdd(e.target.value)}>
              <option value="">Choose a case…</option>
              {(queued.data?.items ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.patient.pseudonym} — {c.patient.diagnosis?.oncotreeCode ?? 'no diagnosis'} —{' '}
                  {c.top ? `${alterationName(c.top)} (ESCAT ${c.top.escat})` : 'no evidence'} — reported {formatDate(c.report.reportedAt)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button-primary" disabled={busy}>
            Add to the agenda
          </button>
        </form>
      )}
    </article>
  );
}
