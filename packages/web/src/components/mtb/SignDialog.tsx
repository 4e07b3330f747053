import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../api/client';
import { mtbApi, type CaseView } from '../../api/mtb';
import { useUser } from '../../auth/session';

interface Props {
  caseView: CaseView;
  onClose: () => void;
  onSigned: () => void;
}

/**
 * The chair's signature: the meaning of the signature and the SHA-256 of the content it binds
 * are shown, and the chair re-enters their password. A native modal dialog, so focus stays in it
 * and Escape cancels.
 */
export function SignDialog({ caseView, onClose, onSigned }: Props) {
  const id = useId();
  const user = useUser();
  const ref = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!password) {
      setError('Re-enter your password to sign.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await mtbApi.sign(caseView.id, {
        version: caseView.version,
        contentSha256: caseView.contentSha256,
        meaning: caseView.signing.meaning,
        password,
      });
      onSigned();
    } catch (err) {
      setPassword('');
      if (isApiError(err)) {
        setStale(err.status === 409);
        setError(
          err.status === 401 ? 'Wrong password: nothing was signed. Re-enter the password of your account.' : (err.detail ?? err.title),
        );
      } else setError(String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className="mtb-dialog" aria-labelledby={`${id}-title`} onCancel={onClose} data-testid="sign-dialog">
      <form onSubmit={onSubmit} noValidate>
        <h2 id={`${id}-title`}>Sign the recommendations of {caseView.patient.pseudonym}</h2>
        <p>By signing you state:</p>
        <blockquote className="mtb-meaning" data-testid="signature-meaning">
          {caseView.signing.meaning}
        </blockquote>
        <p>
          The signature binds this statement to the case content and its {caseView.recommendations.length} recommendation(s) as shown on
          this page, whose SHA-256 is:
        </p>
        <p className="mtb-hash">
          <code data-testid="content-hash">{caseView.contentSha256}</code>
        </p>
        <p className="small muted">After signing, the case is locked: no recommendation can be added, changed or withdrawn.</p>
        {error && (
          <div className="banner banner-error" role="alert">
            <p className="banner-title">{error}</p>
            {stale && <p>Close this dialog and review the case again before signing.</p>}
          </div>
        )}
        <fieldset disabled={busy}>
          <div className="field">
            <label htmlFor={`${id}-password`}>Password of {user.username} (re-authentication)</label>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="current-password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={Boolean(error) || undefined}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button-primary">
              {busy ? 'Signing…' : 'Sign as chair'}
            </button>
            <button type="button" className="button-secondary" onClick={onClose}>
              Cancel
            </button>
          </div>
        </fieldset>
      </form>
    </dialog>
  );
}
