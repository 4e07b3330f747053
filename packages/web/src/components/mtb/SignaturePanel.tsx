import { useEffect, useRef } from 'react';
import { mtbApi, type CaseView, type SignatureView } from '../../api/mtb';
import { formatInstantUtc } from '../../lib/format';

/** Who signed, when, meaning what, over which hash — and whether the stored content still verifies. */
export function SignaturePanel({ caseView, signature: s, focus }: { caseView: CaseView; signature: SignatureView; focus?: boolean }) {
  const ref = useRef<HTMLElement>(null);
  // Just signed: the panel (at the top of the page) is where the signer's attention goes next.
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const v = s.verification;
  const ok = v.snapshotIntact && v.contentUnchanged;
  return (
    <section ref={ref} tabIndex={-1} className="card mtb-signature" aria-labelledby="mtb-signature-title" data-testid="signature">
      <h2 id="mtb-signature-title">Signed report</h2>
      <dl className="facts">
        <div>
          <dt>Signed by</dt>
          <dd>
            {s.signerName} ({s.signerUsername}, {s.signerRole})
          </dd>
        </div>
        <div>
          <dt>Signed at</dt>
          <dd>{formatInstantUtc(s.signedAt)}</dd>
        </div>
      </dl>
      <p>
        <strong>Meaning:</strong> {s.meaning}
      </p>
      <p className="mtb-hash">
        <strong>Content SHA-256:</strong> <code>{s.contentSha256}</code>
      </p>
      <p className={`banner ${ok ? 'banner-success' : 'banner-error'}`} role="status" data-testid="verification">
        {ok
          ? 'Verified: the stored content still hashes to the signed SHA-256, and the records match what was signed.'
          : `Verification failed: ${v.problems.join('; ')}.`}
      </p>
      <p>
        <a className="button-primary" href={mtbApi.reportUrl(caseView.id)} download data-testid="pdf-link">
          Download the signed report (PDF)
        </a>
      </p>
    </section>
  );
}
