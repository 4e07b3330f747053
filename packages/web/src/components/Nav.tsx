import { NavLink } from 'react-router-dom';
import type { Role } from '@continuum/core';
import {
  AUDIT_READERS,
  can,
  CLINICAL_READERS,
  KPI_READERS,
  MTB_WRITERS,
  REFERRAL_READERS,
  TRIAL_READERS,
  RADIOPHARMACY_USERS,
} from '../auth/roles';

interface Entry {
  to: string;
  label: string;
  roles: readonly Role[];
}

const ENTRIES: readonly Entry[] = [
  { to: '/patients', label: 'Patients', roles: CLINICAL_READERS },
  { to: '/trials', label: 'Trials', roles: TRIAL_READERS },
  { to: '/radiopharmacy', label: 'Radiopharmacy', roles: RADIOPHARMACY_USERS },
  { to: '/scheduling', label: 'Scheduling', roles: CLINICAL_READERS },
  { to: '/genomics/atlas', label: 'Resistance atlas', roles: CLINICAL_READERS },
  { to: '/mtb', label: 'Tumour board', roles: MTB_WRITERS },
  { to: '/referrals', label: 'Referrals', roles: REFERRAL_READERS },
  { to: '/sponsor', label: 'Sponsor KPIs', roles: KPI_READERS },
  { to: '/audit', label: 'Audit trail', roles: AUDIT_READERS },
];

/** Only the pages the role may use: a link that always ends in 403 is noise. */
export function Nav({ role }: { role: Role }) {
  const entries = ENTRIES.filter((e) => can(role, e.roles));
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        {entries.map((e) => (
          <li key={e.to}>
            <NavLink to={e.to}>{e.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
