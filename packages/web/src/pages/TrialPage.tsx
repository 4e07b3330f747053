import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api/endpoints';
import type { TrialView } from '../api/types';
import { useApi } from '../api/useApi';
import { can, CANDIDATE_READERS, CLINICAL_READERS, TRIAL_WRITERS } from '../auth/roles';
import { useUser } from '../auth/session';
import { ErrorBanner } from '../components/ErrorBanner';
import { StatusBadge } from '../components/StatusBadge';
import { Tabs, type Tab } from '../components/Tabs';
import { ArmsTable } from '../components/trial/ArmsTable';
import { Candidates } from '../components/trial/Candidates';
import { CriteriaPanel } from '../components/trial/CriteriaPanel';
import { humanise, MISSING } from '../lib/format';
import { PARTICIPATION_STATUSES } from '../lib/vocab';
import { useOncoTree } from '../lib/oncotree';
import { clinicalTrialsUrl, slotTotals } from '../lib/trials';
import { usePageTitle } from '../lib/usePageTitle';

export function TrialPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const { data, error, reload } = useApi(id, (signal) => api.trial(id, { signal }));
  const [notice, setNotice] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  usePageTitle(data ? `Trial ${data.protocolNumber}` : 'Trial');
  const seesCandidates = can(user.role, CANDIDATE_READERS);
  const seesCriteria = can(user.role, CLINICAL_READERS);
  const tab = params.get('tab') ?? 'arms';
  // Levels feed the candidates' level filter and the criteria tab: loaded when one of those is
  // first opened, then kept for the visit.
  const [needCriteria, setNeedCriteria] = useState(false);
  if (!needCriteria && seesCriteria && (tab === 'candidates' || tab === 'criteria')) setNeedCriteria(true);
  const criteria = useApi(needCriteria ? `criteria|${id}` : null, (signal) => api.criteria(id, { signal }));

  // Keep showing the trial during a reload: an arm form with the user's unsaved input
  // must stay mounted while fresh values arrive after a conflict.
  if (!data) {
    return error ? (
      <>
        <p className="breadcrumb">
          <Link to="/trials">← Trials</Link>
        </p>
        <ErrorBanner error={error} context="Could not open the trial" onRetry={reload} />
      </>
    ) : (
      <p role="status">Loading the trial…</p>
    );
  }

  const trial = data;
  const tabs: Tab[] = [
    {
      id: 'arms',
      label: 'Arms and cohorts',
      panel: () => (
        <section aria-labelledby="arms-title">
          <h2 id="arms-title">Arms and cohorts</h2>
          <p role="status" className={notice ? 'banner banner-success' : 'visually-hidden'}>
            {notice ?? ''}
          </p>
          <ArmsTable
            trial={trial}
            canEdit={can(user.role, TRIAL_WRITERS)}
            onReload={reload}
            onChanged={(message) => {
              setNotice(message);
              reload();
              // Closing or re-opening a cohort changes availability: refresh the levels.
              criteria.reload();
            }}
          />
        </section>
      ),
    },
  ];
  if (seesCandidates) {
    tabs.push({ id: 'candidates', label: 'Candidates', panel: () => <Candidates trial={trial} levels={criteria.data?.levels} /> });
  }
  if (seesCriteria) {
    tabs.push({
      id: 'criteria',
      label: 'Eligibility criteria',
      // Unsaved edits survive a look at the candidates or the cohorts.
      keepMounted: true,
      panel: () =>
        criteria.data ? (
          <CriteriaPanel
            key={trial.id}
            trial={trial}
            initial={criteria.data}
            canEdit={can(user.role, TRIAL_WRITERS)}
            onSaved={criteria.reload}
          />
        ) : criteria.error ? (
          <ErrorBanner error={criteria.error} context="Could not load the eligibility criteria" onRetry={criteria.reload} />
        ) : (
          <p role="status">Loading the criteria…</p>
        ),
    });
  }

  return (
    <article aria-labelledby="trial-title">
      <p className="breadcrumb">
        <Link to="/trials">← Trials</Link>
      </p>
      <TrialHeader trial={data} />
      <ErrorBanner error={error} context="Could not refresh the trial" onRetry={reload} />
      <Tabs
        label="Trial sections"
        tabs={tabs}
        selected={tab}
        onSelect={(tab) =>
          // Only the tab: each tab's own filters and open rows do not carry over to another.
          setParams(tab === 'arms' ? {} : { tab }, { replace: true })
        }
      />
    </article>
  );
}

function participationText(counts: TrialView['participationCounts']): string {
  // Follows the subject's path through a trial, not the alphabet.
  const parts = PARTICIPATION_STATUSES.flatMap((s) => (counts?.[s] ? [`${counts[s]} ${humanise(s).toLowerCase()}`] : []));
  return parts.length ? parts.join(' · ') : 'None yet';
}

function TrialHeader({ trial }: { trial: TrialView }) {
  const { byCode } = useOncoTree();
  const slots = slotTotals(trial);
  return (
    <header className="record-header">
      <h1 id="trial-title">
        <span data-testid="protocol-number">{trial.protocolNumber}</span>
        {trial.acronym && <span className="h1-sub"> — {trial.acronym}</span>}
      </h1>
      <p className="lead">{trial.title}</p>
      <dl className="facts">
        <div>
          <dt>NCT id</dt>
          <dd>
            {trial.nctId ? (
              <a href={clinicalTrialsUrl(trial.nctId)} target="_blank" rel="noopener noreferrer">
                {trial.nctId}
                <span className="visually-hidden"> (ClinicalTrials.gov, opens in a new tab)</span>
              </a>
            ) : (
              MISSING
            )}
          </dd>
        </div>
        <div>
          <dt>Phase</dt>
          <dd>{trial.phase}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={trial.status} />
          </dd>
        </div>
        <div>
          <dt>Sponsor</dt>
          <dd>{trial.sponsor}</dd>
        </div>
        <div>
          <dt>Committee</dt>
          <dd>{trial.committee}</dd>
        </div>
        <div>
          <dt>Open slots / total</dt>
          <dd>{slots ? `${slots.open} / ${slots.total}` : MISSING}</dd>
        </div>
        <div>
          <dt>Tumour types</dt>
          <dd>
            {trial.oncotreeCodes?.length
              ? trial.oncotreeCodes.map((c) => (byCode.get(c) ? `${c} (${byCode.get(c)?.name})` : c)).join(', ')
              : 'Tumour-agnostic'}
          </dd>
        </div>
        <div>
          <dt>Biomarkers</dt>
          <dd>{trial.biomarkers?.length ? trial.biomarkers.join(', ') : MISSING}</dd>
        </div>
        <div>
          <dt>Participants by status</dt>
          <dd>{participationText(trial.participationCounts)}</dd>
        </div>
      </dl>
    </header>
  );
}
