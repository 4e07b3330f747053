import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { mtbApi } from '../api/mtb';
import { useApi } from '../api/useApi';
import { can, MTB_WRITERS } from '../auth/roles';
import { useUser } from '../auth/session';
import { ErrorBanner } from '../components/ErrorBanner';
import { AlterationCard } from '../components/mtb/AlterationCard';
import { CaseSummaryPanel } from '../components/mtb/CaseSummaryPanel';
import { CaseStatusBadge } from '../components/mtb/labels';
import { SignaturePanel } from '../components/mtb/SignaturePanel';
import { SignDialog } from '../components/mtb/SignDialog';
import { formatInstantUtc } from '../lib/format';
import { usePageTitle } from '../lib/usePageTitle';

/** An MTB case: the patient and report, alterations ranked by actionability with evidence and trials, recommendations, and the chair's signature. */
export function MtbCasePage() {
  const { id = '' } = useParams();
  const user = useUser();
  const { data, error, reload } = useApi(`mtb-case|${id}`, (signal) => mtbApi.case(id, { signal }));
  const [notice, setNotice] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);
  const [justSigned, setJustSigned] = useState(false);
  usePageTitle(data ? `MTB case ${data.patient.pseudonym}` : 'MTB case');

  if (!data) {
    return error ? (
      <>
        <p className="breadcrumb">
          <Link to="/mtb">← Molecular Tumour Board</Link>
        </p>
        <ErrorBanner error={error} context="Could not open the MTB case" onRetry={reload} />
      </>
    ) : (
      <p role="status">Loading the MTB case…</p>
    );
  }

  const c = data;
  const writer = can(user.role, MTB_WRITERS);
  const canEdit = writer && c.status !== 'signed';
  const changed = (message: string) => {
    setNotice(message);
    reload();
  };

  return (
    <article aria-labelledby="case-title">
      <p className="breadcrumb">
        <Link to="/mtb">← Molecular Tumour Board</Link>
        {c.meeting && (
          <>
            {' '}
            · <Link to={`/mtb/meetings/${encodeURIComponent(c.meeting.id)}`}>{c.meeting.title}</Link>
          </>
        )}
      </p>
      <h1 id="case-title">
        MTB case {c.patient.pseudonym} <CaseStatusBadge status={c.status} />
      </h1>
      <p className="h1-sub">
        {c.meeting
          ? `On the agenda of ${formatInstantUtc(c.meeting.scheduledAt)}, item ${c.meeting.position}, chair ${c.meeting.chair.displayName}`
          : 'Not on a meeting agenda'}{' '}
        · <Link to={`/patients/${encodeURIComponent(c.patient.id)}`}>patient record</Link>
      </p>
      <p role="status" className={notice ? 'banner banner-success' : 'visually-hidden'}>
        {notice ?? ''}
      </p>
      <ErrorBanner error={error} context="Could not refresh the case" onRetry={reload} />
      <CaseSummaryPanel c={c} />
      {c.signature && <SignaturePanel caseView={c} signature={c.signature} focus={justSigned} />}

      <section aria-labelledby="alterations-title">
        <h2 id="alterations-title">Alterations, most actionable first ({c.alterations.length})</h2>
        <p className="hint">
          Ranked by the ESCAT tier suggested from the knowledge base (CIViC, FDA/EMA approvals) for {c.tumourType.name}; the board decides
          the tier in each recommendation.
        </p>
        {c.alterations.length === 0 && <p className="muted">The report holds no reportable alteration.</p>}
        {c.alterations.map((a) => (
          <AlterationCard key={a.key} caseView={c} alteration={a} canEdit={canEdit} onChanged={changed} />
        ))}
      </section>

      {writer && !c.signature && (
        <section aria-labelledby="sign-title" className="card">
          <h2 id="sign-title">Chair&apos;s signature</h2>
          {c.signing.canSign ? (
            <p>All recommendations recorded? The chair signs them: the signature binds its meaning to the content shown on this page.</p>
          ) : (
            <>
              <p>This case cannot be signed by you yet:</p>
              <ul>
                {c.signing.blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </>
          )}
          <button type="button" className="button-primary" disabled={!c.signing.canSign} onClick={() => setSigning(true)}>
            Sign as chair…
          </button>
        </section>
      )}
      {signing && (
        <SignDialog
          caseView={c}
          onClose={() => setSigning(false)}
          onSigned={() => {
            setSigning(false);
            setJustSigned(true);
            changed('Signed. The case is locked; the signed report can be downloaded.');
          }}
        />
      )}
    </article>
  );
}
