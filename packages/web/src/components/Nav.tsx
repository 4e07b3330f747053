import { NavLink } from 'react-router-dom';
import type { Role } from '@continuum/core';
import { AUDIT_READERS, can, CLINICAL_READERS, KPI_READERS, REFERRAL_READERS, TRIAL_READERS } from '../auth/roles';

interface Entry {
  to: string;
  label: string;
  roles: readonly Role[];
}

const ENTRIES: readonly Entry[] = [
  { to: '/patients', label: 'Patients', roles: CLINICAL_READERS },
  { to: '/trials', label: 'Trials', roles: TRIAL_READERS },
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
