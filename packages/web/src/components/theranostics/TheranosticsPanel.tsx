import { theranosticsApi } from '../../api/theranostics';
import { useApi } from '../../api/useApi';
import { ErrorBanner } from '../ErrorBanner';
import { PatientDoses } from '../radiopharmacy/PatientDoses';
import { PatientCycles } from '../scheduling/PatientCycles';
import { DosimetrySection } from './DosimetrySection';
import { EligibilitySection } from './EligibilitySection';
import { PetReadsSection } from './PetReadsSection';
import './theranostics.css';

/**
 * The patient's theranostic page: eligibility by rule, PET reads, the treatment cycles
 * (scheduling), dosimetry per administration with the cumulative limits, and the radiopharmacy's
 * doses traced to their batches.
 */
export function TheranosticsPanel({ patientId }: { patientId: string }) {
  const { data, error, loading, reload } = useApi(`theranostics:${patientId}`, (signal) => theranosticsApi.patient(patientId, { signal }));
  return (
    <div className="theranostics" data-testid="theranostics">
      <ErrorBanner error={error} context="Could not load the theranostic record" onRetry={reload} />
      {loading && !data && <p role="status">Loading the theranostic record…</p>}
      {data && (
        <>
          <EligibilitySection eligibility={data.eligibility} />
          <PetReadsSection patientId={patientId} reads={data.petReads} onRecorded={reload} />
        </>
      )}
      <PatientCycles patientId={patientId} />
      {data && <DosimetrySection studies={data.dosimetry} administrations={data.administrations} cumulative={data.cumulative} />}
      <PatientDoses patientId={patientId} />
    </div>
  );
}
