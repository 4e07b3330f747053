import { api } from '../api/endpoints';
import type { Referral } from '../api/types';
import { useApi } from '../api/useApi';
import { can, REFERRAL_WRITERS } from '../auth/roles';
import { useUser } from '../auth/session';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorBanner } from '../components/ErrorBanner';
import { Pagination } from '../components/Pagination';
import { ReferralForm } from '../components/ReferralForm';
import { StatusBadge } from '../components/StatusBadge';
import { formatDate, MISSING } from '../lib/format';
import { usePageTitle } from '../lib/usePageTitle';
import { useListParams } from '../lib/useListParams';

const FILTERS = [] as const;

export function ReferralsPage() {
  usePageTitle('Referrals');
  const user = useUser();
  const isReferrer = can(user.role, REFERRAL_WRITERS);
  const list = useListParams(FILTERS);
  const { data, error, loading, reload } = useApi(
    list.key,
    (signal) => api.referrals({ page: list.page, pageSize: list.pageSize }, { signal }),
    { keepPrevious: true },
  );

  const columns: Column<Referral>[] = [
    { key: 'date', header: 'Sent', className: 'date', rowHeader: true, cell: (r) => formatDate(r.createdAt) },
    { key: 'trial', header: 'Trial', cell: (r) => r.protocolNumber ?? r.trialId },
    ...(isReferrer ? [] : [{ key: 'referrer', header: 'Referrer', cell: (r: Referral) => r.referrer ?? MISSING }]),
    { key: 'summary', header: 'Summary', cell: (r) => <span className="summary-cell">{r.summary}</span> },
    { key: 'status', header: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
  ];

  return (
    <section aria-labelledby="referrals-title">
      <h1 id="referrals-title">{isReferrer ? 'My referrals' : 'Referrals'}</h1>
      {isReferrer && <ReferralForm onSent={reload} />}
      <h2>{isReferrer ? 'Referrals you have sent' : 'Referrals received'}</h2>
      <ErrorBanner error={error} context="Could not load referrals" onRetry={reload} />
      <DataTable
        caption="Referrals"
        captionHidden
        columns={columns}
        rows={data?.items ?? []}
        rowKey={(r) => r.id}
        loading={loading}
        empty="No referral yet."
        testId="referrals"
      />
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={list.setPage} noun="referrals" />}
    </section>
  );
}
