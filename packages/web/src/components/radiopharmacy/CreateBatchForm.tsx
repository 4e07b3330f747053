import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { radiopharmacyApi, type BatchDetail, type BatchOrigin, type CreateBatchRequest } from '../../api/radiopharmacy';
import { useApi } from '../../api/useApi';
import { ErrorBanner } from '../ErrorBanner';
import { asApiError, describedBy, Field, FormProblem } from './FormBits';
import { fromLocalInput, numberOrNull, toLocalInput } from './format';

const ORIGINS: { id: BatchOrigin; label: string }[] = [
  { id: 'synthesis', label: 'Synthesis / labelling in the hot cell' },
  { id: 'delivery', label: 'Delivery (ready-to-use product)' },
  { id: 'generator-elution', label: 'Ge-68/Ga-68 generator elution' },
];

/** Start a batch: product, the hot cell allowed for it, origin, activity at calibration (or the generator data it comes from). */
export function CreateBatchForm({ onCreated }: { onCreated: (batch: BatchDetail) => void }) {
  const id = useId();
  const products = useApi('rp-products', (signal) => radiopharmacyApi.products({ signal }));
  const [productId, setProductId] = useState('');
  const [hotCellId, setHotCellId] = useState('');
  const [origin, setOrigin] = useState<BatchOrigin>('synthesis');
  const [activity, setActivity] = useState('');
  const [calibratedAt, setCalibratedAt] = useState(() => toLocalInput(Date.now()));
  const [supplierLot, setSupplierLot] = useState('');
  const [volume, setVolume] = useState('');
  const [staffDose, setStaffDose] = useState('');
  const [carrierAdded, setCarrierAdded] = useState(false);
  const [gen, setGen] = useState({ ge68: '1850', ge68At: '', lastElution: '', efficiency: '0.8', yieldPct: '95' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const list = useMemo(() => (products.data?.items ?? []).filter((p) => p.active), [products.data]);
  const product = list.find((p) => p.id === productId);
  const cells = product?.hotCellIds ?? [];
  const generator = origin === 'generator-elution';

  function chooseProduct(next: string) {
    setProductId(next);
    const p = list.find((x) => x.id === next);
    setHotCellId(p?.hotCellIds[0] ?? '');
    if (p?.nuclide !== 'Ga-68' && origin === 'generator-elution') setOrigin('synthesis');
    if (p?.nuclide !== 'Lu-177') setCarrierAdded(false);
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const calibrated = fromLocalInput(calibratedAt);
    const body: CreateBatchRequest = {
      productId,
      hotCellId,
      origin,
      calibratedAt: calibrated ?? '',
      supplierLot: supplierLot.trim() || null,
      volumeMl: numberOrNull(volume),
      staffDoseUSv: numberOrNull(staffDose),
      ...(product?.nuclide === 'Lu-177' ? { carrierAdded } : {}),
    };
    const a = numberOrNull(activity);
    if (a !== null) body.activityMBq = a;
    if (generator) {
      body.generator = {
        ge68CalibrationMBq: numberOrNull(gen.ge68) ?? 0,
        ge68CalibratedAt: fromLocalInput(gen.ge68At) ?? '',
        lastElutionAt: fromLocalInput(gen.lastElution) ?? '',
        elutedAt: calibrated ?? '',
        elutionEfficiency: numberOrNull(gen.efficiency) ?? 0,
        labellingYieldPct: numberOrNull(gen.yieldPct) ?? undefined,
      };
    }
    setBusy(true);
    try {
      onCreated(await radiopharmacyApi.createBatch(body));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const err = (f: string) => error?.fieldMessage(f);
  if (products.error) return <ErrorBanner error={products.error} context="Could not load the products" onRetry={products.reload} />;
  return (
    <form className="card rp-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Prepare a batch</h2>
      <FormProblem
        error={error}
        shownFields={[
          'productId',
          'hotCellId',
          'origin',
          'activityMBq',
          'calibratedAt',
          'supplierLot',
          'volumeMl',
          'staffDoseUSv',
          'carrierAdded',
        ]}
      />
      <fieldset disabled={busy}>
        <div className="form-grid">
          <Field id={`${id}-product`} label="Product" error={err('productId')} wide>
            <select
              id={`${id}-product`}
              value={productId}
              onChange={(e) => chooseProduct(e.target.value)}
              required
              {...describedBy(`${id}-product`, false, err('productId'))}
            >
              <option value="">Choose a product…</option>
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} — {p.nuclide}, {p.purpose}
                  {p.investigational ? ', investigational' : ''}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={`${id}-cell`}
            label="Hot cell"
            error={err('hotCellId')}
            hint={
              product ? `Shelf life ${product.shelfLifeMin} min from calibration; dose tolerance ±${product.tolerancePct} %.` : undefined
            }
          >
            <select
              id={`${id}-cell`}
              value={hotCellId}
              onChange={(e) => setHotCellId(e.target.value)}
              {...describedBy(`${id}-cell`, Boolean(product), err('hotCellId'))}
            >
              {cells.length === 0 && <option value="">Choose a product first</option>}
              {cells.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-origin`} label="Origin" error={err('origin')}>
            <select
              id={`${id}-origin`}
              value={origin}
              onChange={(e) => setOrigin(e.target.value as BatchOrigin)}
              {...describedBy(`${id}-origin`, false, err('origin'))}
            >
              {ORIGINS.filter((o) => o.id !== 'generator-elution' || product?.nuclide === 'Ga-68').map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={`${id}-activity`}
            label="Activity at calibration (MBq)"
            error={err('activityMBq')}
            hint={generator ? 'Leave empty to compute it from the generator.' : undefined}
          >
            <input
              id={`${id}-activity`}
              inputMode="decimal"
              value={activity}
              onChange={(e) => setActivity(e.target.value)}
              {...describedBy(`${id}-activity`, generator, err('activityMBq'))}
            />
          </Field>
          <Field
            id={`${id}-calibrated`}
            label={generator ? 'Elution / calibration time (local)' : 'Calibration time (local)'}
            error={err('calibratedAt')}
          >
            <input
              id={`${id}-calibrated`}
              type="datetime-local"
              step={60}
              value={calibratedAt}
              onChange={(e) => setCalibratedAt(e.target.value)}
              {...describedBy(`${id}-calibrated`, false, err('calibratedAt'))}
            />
          </Field>
          <Field id={`${id}-lot`} label="Supplier lot" error={err('supplierLot')}>
            <input
              id={`${id}-lot`}
              value={supplierLot}
              onChange={(e) => setSupplierLot(e.target.value)}
              {...describedBy(`${id}-lot`, false, err('supplierLot'))}
            />
          </Field>
          <Field id={`${id}-volume`} label="Volume (mL)" error={err('volumeMl')}>
            <input
              id={`${id}-volume`}
              inputMode="decimal"
              value={volume}
              onChange={(e) => setVolume(e.target.value)}
              {...describedBy(`${id}-volume`, false, err('volumeMl'))}
            />
          </Field>
          <Field
            id={`${id}-staff`}
            label="Operator dose (µSv)"
            error={err('staffDoseUSv')}
            hint="Extremity or whole-body dosimeter reading for this preparation."
          >
            <input
              id={`${id}-staff`}
              inputMode="decimal"
              value={staffDose}
              onChange={(e) => setStaffDose(e.target.value)}
              {...describedBy(`${id}-staff`, true, err('staffDoseUSv'))}
            />
          </Field>
          {product?.nuclide === 'Lu-177' && (
            <div className="field field-full">
              <label className="check-field">
                <input type="checkbox" checked={carrierAdded} onChange={(e) => setCarrierAdded(e.target.checked)} /> Carrier-added Lu-177
                (contains Lu-177m, T½ 160.4 d: waste is held for years)
              </label>
            </div>
          )}
        </div>
        {generator && (
          <fieldset className="form-grid">
            <legend>Generator</legend>
            <Field id={`${id}-ge68`} label="Ge-68 on certificate (MBq)" error={err('body.generator.ge68CalibrationMBq')}>
              <input id={`${id}-ge68`} inputMode="decimal" value={gen.ge68} onChange={(e) => setGen({ ...gen, ge68: e.target.value })} />
            </Field>
            <Field id={`${id}-ge68at`} label="Certificate date (local)" error={err('body.generator.ge68CalibratedAt')}>
              <input
                id={`${id}-ge68at`}
                type="datetime-local"
                step={60}
                value={gen.ge68At}
                onChange={(e) => setGen({ ...gen, ge68At: e.target.value })}
              />
            </Field>
            <Field
              id={`${id}-last`}
              label="Last elution (local)"
              error={err('body.generator.lastElutionAt') ?? err('body.generator.elutedAt')}
            >
              <input
                id={`${id}-last`}
                type="datetime-local"
                step={60}
                value={gen.lastElution}
                onChange={(e) => setGen({ ...gen, lastElution: e.target.value })}
              />
            </Field>
            <Field id={`${id}-eff`} label="Elution efficiency (0–1)" error={err('body.generator.elutionEfficiency')}>
              <input
                id={`${id}-eff`}
                inputMode="decimal"
                value={gen.efficiency}
                onChange={(e) => setGen({ ...gen, efficiency: e.target.value })}
              />
            </Field>
            <Field id={`${id}-yield`} label="Labelling yield (%)" error={err('body.generator.labellingYieldPct')}>
              <input
                id={`${id}-yield`}
                inputMode="decimal"
                value={gen.yieldPct}
                onChange={(e) => setGen({ ...gen, yieldPct: e.target.value })}
              />
            </Field>
          </fieldset>
        )}
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {busy ? 'Creating…' : 'Create batch'}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
