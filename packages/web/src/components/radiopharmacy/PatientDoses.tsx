/** The patient's radiopharmaceutical doses and administrations, traced back to their batches. (Being built.) */
export function PatientDoses(_props: { patientId: string }) {
  return null;
}
