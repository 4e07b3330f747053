import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { ApiError, isApiError } from '../../api/client';
import { LESION_REGIONS, theranosticsApi, type LesionRegion, type PetReadInput, type RuleEvaluation } from '../../api/theranostics';
import { humanise } from '../../lib/format';

interface LesionDraft {
  key: number;
  site: string;
  region: LesionRegion;
  suvMax: string;
  shortAxisMm: string;
  ctMeasurable: '' | 'true' | 'false';
}

const TRACERS = [
  '[68Ga]Ga-PSMA-11',
  '[18F]PSMA-1007',
  '[18F]DCFPyL',
  '[68Ga]Ga-DOTATATE',
  '[68Ga]Ga-DOTATOC',
  '[68Ga]Ga-FAPI-46',
  '[68Ga]Ga-NeoB',
  '[18F]FDG',
];

const toLocalInput = (ms: number) => {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const numberOrNull = (s: string): number | null => {
  const t = s.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
};

function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
const aria = (id: string, hint: boolean, error: string | undefined) => ({
  'aria-describedby': [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
  'aria-invalid': error ? true : undefined,
});

const VERDICT = { met: 'met', not_met: 'not met', unknown: 'unknown' } as const;

/**
 * Record a diagnostic PET read: tracer, reference organs, lesions (added and removed with the
 * keyboard like any button), the conclusion and the reason. The server evaluates every
 * eligibility rule and re-matches the patient; problems come back next to their field.
 */
export function PetReadForm({ patientId, onRecorded }: { patientId: string; onRecorded: (eligibility: RuleEvaluation[]) => void }) {
  const id = useId();
  const [tracer, setTracer] = useState('[68Ga]Ga-PSMA-11');
  const [scannedAt, setScannedAt] = useState(() => toLocalInput(Date.now() - 60 * 60_000));
  const [liver, setLiver] = useState('');
  const [parotid, setParotid] = useState('');
  const [spleen, setSpleen] = useState('');
  const [lesions, setLesions] = useState<LesionDraft[]>([
    { key: 1, site: '', region: 'bone', suvMax: '', shortAxisMm: '', ctMeasurable: '' },
  ]);
  const [conclusion, setConclusion] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const err = (path: string) => error?.errors.find((e) => e.path === `body.${path}`)?.message;
  const update = (key: number, patch: Partial<LesionDraft>) => setLesions((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const scanned = new Date(scannedAt);
    const body: PetReadInput = {
      tracer: tracer.trim(),
      scannedAt: Number.isNaN(scanned.getTime()) ? scannedAt : scanned.toISOString(),
      reference: { liverSuvMean: numberOrNull(liver), parotidSuvMean: numberOrNull(parotid), spleenSuvMean: numberOrNull(spleen) },
      lesions: lesions.map((l) => ({
        site: l.site.trim(),
        region: l.region,
        suvMax: numberOrNull(l.suvMax) ?? Number.NaN,
        shortAxisMm: numberOrNull(l.shortAxisMm),
        ctMeasurable: l.ctMeasurable === '' ? null : l.ctMeasurable === 'true',
      })),
      conclusion: conclusion.trim() || null,
      reason: reason.trim(),
    };
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await theranosticsApi.recordPetRead(patientId, body);
      setDone(`PET read recorded. ${result.eligibility.map((r) => `${r.title}: ${VERDICT[r.verdict]}`).join('; ')}.`);
      setReason('');
      onRecorded(result.eligibility);
    } catch (x) {
      setError(isApiError(x) ? x : new ApiError({ status: 0, title: x instanceof Error ? x.message : String(x) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card th-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate data-testid="pet-read-form">
      <h3 id={`${id}-title`}>Record a PET read</h3>
      {error && (
        <div className="banner banner-error" role="alert">
          <p className="banner-title">{error.title}</p>
          {error.errors.length > 0 ? <p>Please correct the fields marked below.</p> : error.detail && <p>{error.detail}</p>}
        </div>
      )}
      {done && (
        <p className="banner banner-info" role="status">
          {done}
        </p>
      )}
      <div className="form-grid">
        <Field id={`${id}-tracer`} label="Tracer" error={err('tracer')} hint="e.g. [68Ga]Ga-PSMA-11, [68Ga]Ga-DOTATATE">
          <input
            id={`${id}-tracer`}
            list={`${id}-tracers`}
            value={tracer}
            onChange={(e) => setTracer(e.target.value)}
            required
            {...aria(`${id}-tracer`, true, err('tracer'))}
          />
          <datalist id={`${id}-tracers`}>
            {TRACERS.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </Field>
        <Field id={`${id}-at`} label="Scanned at (local time)" error={err('scannedAt')}>
          <input
            id={`${id}-at`}
            type="datetime-local"
            value={scannedAt}
            onChange={(e) => setScannedAt(e.target.value)}
            required
            {...aria(`${id}-at`, false, err('scannedAt'))}
          />
        </Field>
      </div>
      <fieldset>
        <legend>Reference organs (SUVmean)</legend>
        <div className="form-grid">
          {(
            [
              ['liverSuvMean', 'Liver', liver, setLiver],
              ['parotidSuvMean', 'Parotid', parotid, setParotid],
              ['spleenSuvMean', 'Spleen', spleen, setSpleen],
            ] as const
          ).map(([key, label, value, set]) => (
            <Field
              key={key}
              id={`${id}-${key}`}
              label={`${label} SUVmean`}
              error={err(`reference.${key}`)}
              hint="Leave empty if not measured"
            >
              <input
                id={`${id}-${key}`}
                inputMode="decimal"
                value={value}
                onChange={(e) => set(e.target.value)}
                {...aria(`${id}-${key}`, true, err(`reference.${key}`))}
              />
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Lesions</legend>
        {lesions.length === 0 && <p className="muted">No lesion: a negative read.</p>}
        <ol className="th-lesion-list">
          {lesions.map((l, i) => {
            const f = (name: string) => `${id}-l${l.key}-${name}`;
            const e = (name: string) => err(`lesions.${i}.${name}`);
            return (
              <li key={l.key} className="th-lesion-row">
                <Field id={f('site')} label={`Lesion ${i + 1} site`} error={e('site')}>
                  <input
                    id={f('site')}
                    value={l.site}
                    onChange={(x) => update(l.key, { site: x.target.value })}
                    {...aria(f('site'), false, e('site'))}
                  />
                </Field>
                <Field id={f('region')} label="Region" error={e('region')}>
                  <select id={f('region')} value={l.region} onChange={(x) => update(l.key, { region: x.target.value as LesionRegion })}>
                    {LESION_REGIONS.map((r) => (
                      <option key={r} value={r}>
                        {humanise(r)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={f('suv')} label="SUVmax" error={e('suvMax')}>
                  <input
                    id={f('suv')}
                    inputMode="decimal"
                    value={l.suvMax}
                    onChange={(x) => update(l.key, { suvMax: x.target.value })}
                    {...aria(f('suv'), false, e('suvMax'))}
                  />
                </Field>
                <Field id={f('axis')} label="Short axis (mm)" error={e('shortAxisMm')}>
                  <input
                    id={f('axis')}
                    inputMode="decimal"
                    value={l.shortAxisMm}
                    onChange={(x) => update(l.key, { shortAxisMm: x.target.value })}
                    {...aria(f('axis'), false, e('shortAxisMm'))}
                  />
                </Field>
                <Field id={f('ct')} label="Measurable on CT">
                  <select
                    id={f('ct')}
                    value={l.ctMeasurable}
                    onChange={(x) => update(l.key, { ctMeasurable: x.target.value as LesionDraft['ctMeasurable'] })}
                  >
                    <option value="">Not stated</option>
                    <option value="true">Yes</option>
                    <option value="false">No</option>
                  </select>
                </Field>
                <button
                  type="button"
                  className="button-small button-danger"
                  onClick={() => setLesions((ls) => ls.filter((x) => x.key !== l.key))}
                  aria-label={`Remove lesion ${i + 1}`}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() =>
            setLesions((ls) => [
              ...ls,
              { key: Math.max(0, ...ls.map((x) => x.key)) + 1, site: '', region: 'bone', suvMax: '', shortAxisMm: '', ctMeasurable: '' },
            ])
          }
        >
          Add a lesion
        </button>
      </fieldset>
      <div className="form-grid">
        <div className="field-full">
          <Field id={`${id}-concl`} label="Conclusion" error={err('conclusion')}>
            <textarea id={`${id}-concl`} rows={2} value={conclusion} onChange={(e) => setConclusion(e.target.value)} />
          </Field>
        </div>
        <div className="field-full">
          <Field id={`${id}-reason`} label="Reason (audited)" error={err('reason')}>
            <input
              id={`${id}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              {...aria(`${id}-reason`, false, err('reason'))}
            />
          </Field>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record PET read'}
        </button>
      </div>
    </form>
  );
}
