import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { radiopharmacyApi, type BatchDetail, type QcEntry, type QcSpecItem } from '../../api/radiopharmacy';
import { asApiError, FormProblem } from './FormBits';
import { numberOrNull } from './format';

const limitOf = (s: QcSpecItem) => {
  if (s.kind === 'pass-fail') return 'pass';
  const u = s.unit && s.unit !== 'pH' ? ` ${s.unit}` : '';
  if (s.min !== undefined && s.max !== undefined) return `${s.min}–${s.max}${u}`;
  if (s.min !== undefined) return `≥ ${s.min}${u}`;
  return s.max !== undefined ? `≤ ${s.max}${u}` : '';
};

/** QC results against the product's specification: each test with its limit and where the limit comes from. Only filled tests are sent. */
export function QcForm({ batch, onSaved }: { batch: BatchDetail; onSaved: (b: BatchDetail) => void }) {
  const id = useId();
  const released = batch.status === 'released' || batch.status === 'expired';
  // After release only the tests whose results come later (sterility, Ge-68 breakthrough) can be recorded.
  const specs = batch.product.qcSpec.filter((s) => !released || !s.required);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const results: QcEntry[] = specs
      .filter((s) => (values[s.test] ?? '').trim() !== '')
      .map((s) =>
        s.kind === 'pass-fail'
          ? { test: s.test, outcome: values[s.test] as 'pass' | 'fail' }
          : { test: s.test, value: numberOrNull(values[s.test] ?? ''), unit: s.unit ?? null },
      );
    if (results.length === 0) {
      setError(asApiError(new Error('Enter at least one result.')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await radiopharmacyApi.recordQc(batch.id, batch.version, results);
      setValues({});
      onSaved(saved);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  if (specs.length === 0) return null;
  return (
    <form className="card rp-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{released ? 'Record post-release QC' : 'Record QC results'}</h2>
      <FormProblem error={error} />
      <fieldset disabled={busy}>
        <div className="form-grid">
          {specs.map((s) => {
            const fid = `${id}-${s.test}`;
            return (
              <div className="field" key={s.test}>
                <label htmlFor={fid}>
                  {s.label}
                  {s.kind === 'numeric' && s.unit && s.unit !== 'pH' ? ` (${s.unit})` : ''}
                </label>
                {s.kind === 'pass-fail' ? (
                  <select
                    id={fid}
                    value={values[s.test] ?? ''}
                    onChange={(e) => setValues({ ...values, [s.test]: e.target.value })}
                    aria-describedby={`${fid}-hint`}
                  >
                    <option value="">Not recorded</option>
                    <option value="pass">Pass</option>
                    <option value="fail">Fail</option>
                  </select>
                ) : (
                  <input
                    id={fid}
                    inputMode="decimal"
                    value={values[s.test] ?? ''}
                    onChange={(e) => setValues({ ...values, [s.test]: e.target.value })}
                    aria-describedby={`${fid}-hint`}
                  />
                )}
                <p id={`${fid}-hint`} className="hint">
                  Limit {limitOf(s)}
                  {s.required ? '' : ' (after release)'} — {s.reference}
                </p>
              </div>
            );
          })}
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {busy ? 'Saving…' : 'Record QC results'}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
