import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { radiopharmacyApi, type BatchDetail } from '../../api/radiopharmacy';
import { asApiError, describedBy, Field, FormProblem } from './FormBits';

/**
 * The radiopharmacist's signature: the meaning is shown in full, the password re-entered; the
 * server stores the meaning with the SHA-256 of the batch and its QC.
 */
export function ReleaseForm({ batch, onReleased }: { batch: BatchDetail; onReleased: (b: BatchDetail) => void }) {
  const id = useId();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const released = await radiopharmacyApi.release(batch.id, batch.version, password, batch.release.meaning);
      setPassword('');
      onReleased(released);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const passwordError = error?.fieldMessage('password');
  return (
    <form className="card rp-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Release the batch</h2>
      {!batch.qc.releasable && (
        <div className="banner banner-warn" role="status">
          <p className="banner-title">Release will be refused until every required QC test passes:</p>
          <ul>
            {batch.qc.issues.map((i) => (
              <li key={i.field}>{i.message}</li>
            ))}
          </ul>
        </div>
      )}
      <FormProblem error={error} shownFields={['password']} />
      <p id={`${id}-meaning-label`}>By signing you state:</p>
      <blockquote className="rp-meaning" id={`${id}-meaning`} aria-labelledby={`${id}-meaning-label`}>
        {batch.release.meaning}
      </blockquote>
      <fieldset disabled={busy}>
        <Field id={`${id}-password`} label="Your password (signature)" error={passwordError}>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            {...describedBy(`${id}-password`, false, passwordError)}
            aria-describedby={[`${id}-meaning`, passwordError ? `${id}-password-error` : ''].filter(Boolean).join(' ')}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={password.length === 0}>
            {busy ? 'Signing…' : 'Sign and release'}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
