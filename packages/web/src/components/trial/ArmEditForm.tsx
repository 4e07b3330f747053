import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ArmStatus } from '@continuum/core';
import { ApiError, isApiError, problemSummary } from '../../api/client';
import { api } from '../../api/endpoints';
import type { ArmPatch, ArmView } from '../../api/types';
import { humanise } from '../../lib/format';
import { armKey } from '../../lib/trials';
import { ARM_KIND_LABELS, ARM_STATUSES } from '../../lib/vocab';

interface Props {
  trialId: string;
  arm: ArmView;
  onSaved: (arm: ArmView) => void;
  onCancel: () => void;
  onReload: () => void;
}

type Conflict = 'none' | 'stale' | 'reloaded';

/**
 * Edits one arm with optimistic concurrency: the version read is sent back, and a 409 keeps
 * what the user typed so they can reload, compare with the table and save again.
 */
export function ArmEditForm({ trialId, arm, onSaved, onCancel, onReload }: Props) {
  const id = useId();
  const [status, setStatus] = useState<ArmStatus>(arm.status);
  const [slotsTotal, setSlotsTotal] = useState(String(arm.slotsTotal));
  const [slotsUsed, setSlotsUsed] = useState(String(arm.slotsUsed));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict>('none');
  const [busy, setBusy] = useState(false);
  const version = arm.version;

  useEffect(() => {
    // A new version arriving after a 409 means the reload landed: the table now shows the
    // other person's values and the next save will carry the fresh version.
    setConflict((c) => (c === 'stale' ? 'reloaded' : c));
  }, [version]);

  const label = ARM_KIND_LABELS[arm.kind].toLowerCase();
  const fieldError = (f: string) => localErrors[f] ?? error?.fieldMessage(f);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const patch = buildPatch();
    if (!patch) return;
    setBusy(true);
    setError(null);
    try {
      await api.patchArm(trialId, armKey(arm), patch);
      setConflict('none');
      onSaved(arm);
    } catch (err) {
      if (isApiError(err) && err.status === 409) setConflict('stale');
      else setError(isApiError(err) ? err : new ApiError({ status: 0, title: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  function buildPatch(): ArmPatch | null {
    const problems: Record<string, string> = {};
    const total = parseCount(slotsTotal);
    const used = parseCount(slotsUsed);
    if (total === null) problems.slotsTotal = 'Enter a whole number of slots, 0 or more.';
    if (used === null) problems.slotsUsed = 'Enter a whole number of slots, 0 or more.';
    if (reason.trim().length < 3)
      problems.reason = 'Give the reason for this change (at least 3 characters); it is kept in the audit trail.';
    const patch: ArmPatch = { version, reason: reason.trim() };
    if (status !== arm.status) patch.status = status;
    if (total !== null && total !== arm.slotsTotal) patch.slotsTotal = total;
    if (used !== null && used !== arm.slotsUsed) patch.slotsUsed = used;
    if (Object.keys(problems).length === 0 && Object.keys(patch).length === 2) {
      problems.form = 'Nothing has changed: edit the status or the slots first.';
    }
    setLocalErrors(problems);
    return Object.keys(problems).length ? null : patch;
  }

  const describedBy = (f: string, hint?: string) =>
    [hint, fieldError(f) ? `${id}-${f}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <form className="arm-form" onSubmit={onSubmit} aria-labelledby={`${id}-legend`} noValidate>
      <fieldset disabled={busy}>
        <legend id={`${id}-legend`}>
          Edit {label} {arm.code} — {arm.name}
        </legend>
        {conflict !== 'none' && (
          <div className="banner banner-warn" role="alert" data-testid="conflict">
            <p className="banner-title">Someone else changed this cohort — reload</p>
            {conflict === 'stale' ? (
              <>
                <p>Your changes were not saved. They are kept below.</p>
                <button type="button" className="button-secondary" onClick={onReload}>
                  Reload
                </button>
              </>
            ) : (
              <p>Reloaded: the table shows the current values. Check your changes below against them and save again.</p>
            )}
          </div>
        )}
        {(error || localErrors.form) && (
          <div className="banner banner-error" role="alert">
            <p className="banner-title">{localErrors.form ?? (error && problemSummary(error, FIELDS))}</p>
          </div>
        )}
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-status`}>Status</label>
            <select
              id={`${id}-status`}
              value={status}
              onChange={(e) => setStatus(e.target.value as ArmStatus)}
              aria-invalid={Boolean(fieldError('status')) || undefined}
              aria-describedby={describedBy('status')}
            >
              {ARM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {humanise(s)}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-status-error`} message={fieldError('status')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-total`}>Total slots</label>
            <input
              id={`${id}-total`}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              value={slotsTotal}
              onChange={(e) => setSlotsTotal(e.target.value)}
              aria-invalid={Boolean(fieldError('slotsTotal')) || undefined}
              aria-describedby={describedBy('slotsTotal')}
            />
            <FieldError id={`${id}-slotsTotal-error`} message={fieldError('slotsTotal')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-used`}>Slots used</label>
            <input
              id={`${id}-used`}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              value={slotsUsed}
              onChange={(e) => setSlotsUsed(e.target.value)}
              aria-invalid={Boolean(fieldError('slotsUsed')) || undefined}
              aria-describedby={describedBy('slotsUsed')}
            />
            <FieldError id={`${id}-slotsUsed-error`} message={fieldError('slotsUsed')} />
          </div>
          <div className="field field-full">
            <label htmlFor={`${id}-reason`}>Reason for the change (required)</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={Boolean(fieldError('reason')) || undefined}
              aria-describedby={describedBy('reason', `${id}-reason-hint`)}
            />
            <p id={`${id}-reason-hint`} className="hint">
              Recorded in the audit trail with your name, e.g. "Slot freed after screen failure".
            </p>
            <FieldError id={`${id}-reason-error`} message={fieldError('reason')} />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {busy ? 'Saving…' : `Save ${arm.code}`}
          </button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

const FIELDS = ['status', 'slotsTotal', 'slotsUsed', 'reason'];

function parseCount(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  return Number(text.trim());
}
