import { useId, useState } from 'react';
import { request } from '../../api/client';
import { useApi } from '../../api/useApi';
import { formatInstantUtc, formatNumber } from '../../lib/format';
import { ErrorBanner } from '../ErrorBanner';

interface Protection {
  nuclide: string;
  administeredAt: string;
  administeredMBq: number;
  retention: string;
  settings: { thresholdUSvPerH: number; distanceM: number; minimumStayH: number; turnaroundH: number };
  atAdministration: { doseRateUSvPerH: number };
  now: { at: string; hoursSinceAdministration: number; remainingMBq: number; doseRateUSvPerH: number };
  release: { patientReleasableAt: string; roomAvailableAt: string; hoursAfterAdmission: number; method: string };
}

/**
 * Radiation protection after one administration: what the ward and the radiation-protection
 * officer ask — dose rate at a distance now, when the patient may leave, when the room is free.
 * The threshold is the department's; it can be changed here to answer "what if".
 */
export function RadiationProtection({ administrationId }: { administrationId: string }) {
  const [threshold, setThreshold] = useState('20');
  const inputId = useId();
  const value = Number(threshold);
  const valid = Number.isFinite(value) && value > 0;
  const key = valid ? `/api/administrations/${administrationId}/radiation-protection?thresholdUSvPerH=${value}` : null;
  const { data, error } = useApi<Protection>(key, (signal) => request<Protection>(key!, { signal }));
  return (
    <section className="radiation-protection" aria-label="Radiation protection">
      <label htmlFor={inputId}>
        Release threshold at {data?.settings.distanceM ?? 1} m (µSv/h){' '}
        <input id={inputId} type="number" min="0.1" step="0.1" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
      </label>
      {error ? <ErrorBanner error={error} /> : null}
      {data ? (
        <dl className="facts">
          <dt>Dose rate at administration</dt>
          <dd>{formatNumber(data.atAdministration.doseRateUSvPerH, 1)} µSv/h</dd>
          <dt>Now ({formatNumber(data.now.hoursSinceAdministration, 1)} h after)</dt>
          <dd>
            {formatNumber(data.now.doseRateUSvPerH, 2)} µSv/h — {formatNumber(data.now.remainingMBq, 0)} MBq remaining
          </dd>
          <dt>Patient releasable</dt>
          <dd>
            {formatInstantUtc(data.release.patientReleasableAt)} ({formatNumber(data.release.hoursAfterAdmission, 1)} h)
          </dd>
          <dt>Shielded room free</dt>
          <dd>{formatInstantUtc(data.release.roomAvailableAt)}</dd>
          <dt>Retention</dt>
          <dd>{data.retention}</dd>
          <dt>Method</dt>
          <dd className="method">{data.release.method}</dd>
        </dl>
      ) : null}
    </section>
  );
}
