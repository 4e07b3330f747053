import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { radiopharmacyApi, type BatchDetail } from '../../api/radiopharmacy';
import { asApiError, describedBy, Field, FormProblem } from './FormBits';

/** Reject a batch; once released, rejecting it is a recall and the traceability table lists whom it reaches. */
export function RejectForm({ batch, onRejected }: { batch: BatchDetail; onRejected: (b: BatchDetail) => void }) {
  const id = useId();
  const recall = batch.status === 'released';
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onRejected(await radiopharmacyApi.reject(batch.id, batch.version, reason.trim()));
      setReason('');
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const reasonError = error?.fieldMessage('reason');
  return (
    <form className="card rp-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{recall ? 'Recall the batch' : 'Reject the batch'}</h2>
      <FormProblem error={error} shownFields={['reason']} />
      <fieldset disabled={busy}>
        <Field
          id={`${id}-reason`}
          label="Reason"
          error={reasonError}
          hint={
            recall ? 'Doses not yet injected will be blocked; the patients already injected are listed below for follow-up.' : undefined
          }
        >
          <textarea
            id={`${id}-reason`}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...describedBy(`${id}-reason`, recall, reasonError)}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={reason.trim().length < 3}>
            {busy ? 'Saving…' : recall ? 'Recall batch' : 'Reject batch'}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
