import { decayCorrect } from '@continuum/core/nucmed/decay';
import { toleranceCheck } from '@continuum/core/radiopharmacy/dose';
import type { MBq } from '@continuum/core';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { api } from '../../api/endpoints';
import { radiopharmacyApi, type BatchDetail, type DrawnDose } from '../../api/radiopharmacy';
import { useApi } from '../../api/useApi';
import { asApiError, describedBy, Field, FormProblem } from './FormBits';
import { formatDeviation, formatMBq, fromLocalInput, numberOrNull, toLocalInput } from './format';

/** The problem title of the server's tolerance block (http/radiopharmacy: drawDose). */
const OUT_OF_TOLERANCE = 'Dose outside its tolerance';

/**
 * Draw a patient dose: find the patient by pseudonym, enter the prescription and the dose
 * calibrator reading; the activity at the planned injection is previewed with the same core
 * decay the server uses. Outside the tolerance the server blocks the draw; dispensing it anyway
 * needs a reason, recorded and audited as an override.
 */
export function DrawDoseForm({ batch, onDrawn }: { batch: BatchDetail; onDrawn: (dose: DrawnDose) => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [patient, setPatient] = useState<{ id: string; pseudonym: string } | null>(null);
  const [prescribed, setPrescribed] = useState('');
  const [drawn, setDrawn] = useState('');
  const [drawnAt, setDrawnAt] = useState(() => toLocalInput(Date.now()));
  const [injectionAt, setInjectionAt] = useState(() => toLocalInput(Date.now() + 30 * 60_000));
  const [overrideReason, setOverrideReason] = useState('');
  const [needsOverride, setNeedsOverride] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  // A changed dose is a new question: the override offered for the previous one no longer applies.
  const edit = (set: (v: string) => void, value: string) => {
    set(value);
    setNeedsOverride(false);
  };

  const q = query.trim();
  const search = useApi(q.length >= 2 ? `rp-patients:${q}` : null, (signal) => api.patients({ q, pageSize: 8 }, { signal }));

  const prescribedMBq = numberOrNull(prescribed);
  const drawnMBq = numberOrNull(drawn);
  const drawnIso = fromLocalInput(drawnAt);
  const injectionIso = fromLocalInput(injectionAt);
  let preview: { atInjection: number; deviation: number; within: boolean } | null = null;
  if (prescribedMBq && drawnMBq && drawnIso && injectionIso && prescribedMBq > 0 && drawnMBq > 0) {
    const atInjection = decayCorrect({
      nuclide: batch.product.nuclide,
      activityMBq: drawnMBq as MBq,
      at: drawnIso,
      to: injectionIso,
    }).activityMBq;
    const t = toleranceCheck(prescribedMBq, atInjection, batch.product.tolerancePct);
    preview = { atInjection, deviation: t.deviationPct, within: t.within };
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!patient) {
      setError(asApiError(new Error('Choose the patient first.')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const dose = await radiopharmacyApi.drawDose(batch.id, {
        patientId: patient.id,
        prescribedMBq: prescribedMBq ?? 0,
        drawnMBq: drawnMBq ?? 0,
        drawnAt: drawnIso ?? '',
        plannedInjectionAt: injectionIso ?? '',
        override: needsOverride && overrideReason.trim() ? { reason: overrideReason.trim() } : null,
      });
      setNeedsOverride(false);
      setOverrideReason('');
      setDrawn('');
      onDrawn(dose);
    } catch (err) {
      const problem = asApiError(err);
      // The tolerance block is the one refusal a reason can lift: offer the override path.
      if (problem.status === 422 && problem.title === OUT_OF_TOLERANCE) setNeedsOverride(true);
      setError(problem);
    } finally {
      setBusy(false);
    }
  }

  const err = (f: string) => error?.fieldMessage(f);
  return (
    <form className="card rp-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Dispense a patient dose</h2>
      <FormProblem error={error} shownFields={['patientId', 'prescribedMBq', 'drawnAt', 'plannedInjectionAt']} />
      <fieldset disabled={busy}>
        <div className="form-grid">
          <div className="field field-full">
            <label htmlFor={`${id}-search`}>Patient (search by pseudonym)</label>
            <input
              id={`${id}-search`}
              type="search"
              value={query}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                // Enter here searches (it already does, as you type); it must not dispense.
                if (e.key === 'Enter') e.preventDefault();
              }}
              aria-describedby={`${id}-chosen`}
            />
            <p id={`${id}-chosen`} className="hint" aria-live="polite">
              {patient ? `Chosen: ${patient.pseudonym}` : 'Type at least 2 characters of the pseudonym, then choose the patient.'}
            </p>
            {search.data && (
              <fieldset>
                <legend className="visually-hidden">Matching patients</legend>
                <ul className="rp-patient-results">
                  {search.data.items.length === 0 && <li className="muted">No patient matches “{q}”.</li>}
                  {search.data.items.map((p) => (
                    <li key={p.id}>
                      <label className="check-field">
                        <input
                          type="radio"
                          name={`${id}-patient`}
                          value={p.id}
                          checked={patient?.id === p.id}
                          onChange={() => setPatient({ id: p.id, pseudonym: p.pseudonym })}
                        />{' '}
                        {p.pseudonym}
                        {p.primaryDiagnosis
                          ? ` — ${p.primaryDiagnosis.oncotreeCode}${p.primaryDiagnosis.name ? ` ${p.primaryDiagnosis.name}` : ''}`
                          : ''}
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            )}
            {err('patientId') && <p className="field-error">{err('patientId')}</p>}
          </div>
          <Field
            id={`${id}-prescribed`}
            label="Prescribed activity at injection (MBq)"
            error={err('prescribedMBq')}
            hint={`Tolerance ±${batch.product.tolerancePct} %`}
          >
            <input
              id={`${id}-prescribed`}
              inputMode="decimal"
              value={prescribed}
              onChange={(e) => edit(setPrescribed, e.target.value)}
              {...describedBy(`${id}-prescribed`, true, err('prescribedMBq'))}
            />
          </Field>
          <Field id={`${id}-drawn`} label="Measured in the syringe (MBq)" error={err('drawnMBq')}>
            <input
              id={`${id}-drawn`}
              inputMode="decimal"
              value={drawn}
              onChange={(e) => edit(setDrawn, e.target.value)}
              {...describedBy(`${id}-drawn`, false, err('drawnMBq'))}
            />
          </Field>
          <Field id={`${id}-drawnat`} label="Measured at (local)" error={err('drawnAt')}>
            <input
              id={`${id}-drawnat`}
              type="datetime-local"
              step={60}
              value={drawnAt}
              onChange={(e) => edit(setDrawnAt, e.target.value)}
              {...describedBy(`${id}-drawnat`, false, err('drawnAt'))}
            />
          </Field>
          <Field id={`${id}-inj`} label="Planned injection (local)" error={err('plannedInjectionAt')}>
            <input
              id={`${id}-inj`}
              type="datetime-local"
              step={60}
              value={injectionAt}
              onChange={(e) => edit(setInjectionAt, e.target.value)}
              {...describedBy(`${id}-inj`, false, err('plannedInjectionAt'))}
            />
          </Field>
        </div>
        <p aria-live="polite" data-testid="dose-preview">
          {preview
            ? `At injection: ${formatMBq(preview.atInjection)} (${formatDeviation(preview.deviation)} from the prescription, ${preview.within ? 'within' : 'OUTSIDE'} ±${batch.product.tolerancePct} %).`
            : 'Enter the prescription and the measured activity to see the activity at injection.'}
        </p>
        {needsOverride && (
          <Field
            id={`${id}-override`}
            label="Reason to dispense outside the tolerance (override)"
            hint="Recorded with the dose and in the audit trail as an override."
          >
            <textarea
              id={`${id}-override`}
              rows={2}
              value={overrideReason}
              onChange={(e) => setOverrideReason(e.target.value)}
              aria-describedby={`${id}-override-hint`}
            />
          </Field>
        )}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={needsOverride && overrideReason.trim().length < 3}>
            {busy ? 'Dispensing…' : needsOverride ? 'Dispense with override' : 'Dispense dose'}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
