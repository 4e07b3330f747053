/**
 * What the patient received: the dose decay-corrected from its draw to the administration,
 * minus the residual left in the syringe and line (measured after injection, decay-corrected to
 * the administration instant). This is the activity dosimetry starts from.
 */
import { decayCorrect } from '../nucmed/decay';
import { mbq } from '../nucmed/units';
import { formatMBq, refuseIf, type RadiopharmacyIssue } from './errors';
import { epochMs, iso, type InstantInput } from './instants';

export interface AdministrationInput {
  readonly nuclide: string;
  readonly drawnMBq: number;
  readonly drawnAt: InstantInput;
  readonly administeredAt: InstantInput;
  readonly expiresAt: InstantInput;
  readonly residualMBq?: number | null;
  /** When the residual was measured; the administration instant by default. */
  readonly residualMeasuredAt?: InstantInput | null;
}

export interface AdministeredActivity {
  readonly activityMBq: number;
  readonly doseAtAdministrationMBq: number;
  readonly residualAtAdministrationMBq: number;
  readonly method: string;
}

export function administeredActivity(input: AdministrationInput): AdministeredActivity {
  const issues: RadiopharmacyIssue[] = [];
  const drawnAt = epochMs(input.drawnAt, 'drawnAt');
  const at = epochMs(input.administeredAt, 'administeredAt');
  const expiresAt = epochMs(input.expiresAt, 'expiresAt');
  if (at < drawnAt) {
    issues.push({
      field: 'administeredAt',
      code: 'out-of-order',
      message: `administration ${iso(at)} is before the dose was drawn (${iso(drawnAt)})`,
      limit: `≥ ${iso(drawnAt)}`,
    });
  }
  if (at > expiresAt) {
    issues.push({
      field: 'administeredAt',
      code: 'expired',
      message: `administration ${iso(at)} is after the batch expiry ${iso(expiresAt)}`,
      limit: `≤ batch expiry ${iso(expiresAt)}`,
    });
  }
  const residual = input.residualMBq ?? 0;
  if (!(Number.isFinite(residual) && residual >= 0)) {
    issues.push({ field: 'residualMBq', code: 'invalid', message: `${residual} is not a residual activity`, limit: '≥ 0 MBq' });
  }
  const residualAt = input.residualMeasuredAt == null ? at : epochMs(input.residualMeasuredAt, 'residualMeasuredAt');
  if (residualAt < at) {
    issues.push({
      field: 'residualMeasuredAt',
      code: 'out-of-order',
      message: `the residual was measured (${iso(residualAt)}) before the administration`,
      limit: `≥ ${iso(at)}`,
    });
  }
  refuseIf(issues);
  const dose = decayCorrect({ nuclide: input.nuclide, activityMBq: mbq(input.drawnMBq), at: iso(drawnAt), to: iso(at) });
  const residualThen = decayCorrect({ nuclide: input.nuclide, activityMBq: mbq(residual), at: iso(residualAt), to: iso(at) }).activityMBq;
  const activityMBq = dose.activityMBq - residualThen;
  refuseIf(
    activityMBq > 0
      ? []
      : [
          {
            field: 'residualMBq',
            code: 'invalid',
            message: `the residual (${formatMBq(residualThen)} at administration) is not less than the dose (${formatMBq(dose.activityMBq)})`,
            limit: `< ${formatMBq(dose.activityMBq)}`,
          },
        ],
  );
  return {
    activityMBq,
    doseAtAdministrationMBq: dose.activityMBq,
    residualAtAdministrationMBq: residualThen,
    method: `dose ${dose.method}; minus residual ${formatMBq(residual)}${residualAt === at ? '' : ' decay-corrected back to the administration'}`,
  };
}
