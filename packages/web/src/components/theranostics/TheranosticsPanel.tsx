import { PatientDoses } from '../radiopharmacy/PatientDoses';

/** The patient's theranostic page: PET reads, eligibility, cycles, dosimetry, doses. (Being built.) */
export function TheranosticsPanel({ patientId }: { patientId: string }) {
  return <PatientDoses patientId={patientId} />;
}
