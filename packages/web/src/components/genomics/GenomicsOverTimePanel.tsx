import { useState } from 'react';
import { genomicsApi } from '../../api/genomics';
import { useApi } from '../../api/useApi';
import { can, RESISTANCE_REVIEWERS } from '../../auth/roles';
import { useUser } from '../../auth/session';
import { ErrorBanner } from '../ErrorBanner';
import { ComparisonList } from './ComparisonList';
import './genomics.css';
import { TumourFractionChart } from './TumourFractionChart';
import { VafChart } from './VafChart';
import { VafTable } from './VafTable';

/** The patient's "Genomics over time" tab: VAF and tumour fraction over time, lines of therapy, acquired and lost alterations. */
export function GenomicsOverTimePanel({ patientId }: { patientId: string }) {
  const user = useUser();
  const { data, error, loading, reload } = useApi(`genomic-timeline:${patientId}`, (signal) => genomicsApi.timeline(patientId, { signal }));
  const [message, setMessage] = useState<string | null>(null);

  if (error) return <ErrorBanner error={error} context="Could not load the genomic timeline" onRetry={reload} />;
  if (loading || !data) return <p role="status">Loading the genomic timeline…</p>;
  const ctdna = data.samples.filter((s) => s.specimen === 'ctdna').length;
  const tissue = data.samples.length - ctdna;
  return (
    <section aria-labelledby="genomics-time-title" className="genomics-over-time">
      <h2 id="genomics-time-title">Genomics over time</h2>
      <p className="muted">
        {data.samples.length} samples ({tissue} tissue, {ctdna} ctDNA), {data.series.length} distinct alterations, {data.lines.length} lines
        of therapy. Classifications are suggestions from the acquired-resistance reference and CIViC resistance evidence: each needs the
        MTB&apos;s review.
      </p>
      {message && (
        <p className="banner banner-success" role="status">
          {message}
        </p>
      )}
      {data.samples.length === 0 ? (
        <p>No molecular report on record.</p>
      ) : (
        <>
          <h3>Variant allele fraction</h3>
          <VafChart samples={data.samples} series={data.series} lines={data.lines} />
          <h3>Tumour fraction (ctDNA)</h3>
          <TumourFractionChart samples={data.samples} lines={data.lines} />
          <details className="chart-table">
            <summary>Every value as a table</summary>
            <VafTable samples={data.samples} series={data.series} />
          </details>
        </>
      )}
      <h3>Acquired and lost between baseline and progression</h3>
      <ComparisonList
        patientId={patientId}
        comparisons={data.comparisons}
        samples={data.samples}
        canReview={can(user.role, RESISTANCE_REVIEWERS)}
        onReviewed={(m) => {
          setMessage(m);
          reload();
        }}
      />
      <p className="hint">
        Baseline: the last sample up to {data.windows.baselineGraceDays} days after a line starts. At progression: samples from{' '}
        {data.windows.progressionLeadDays} days before its end to {data.windows.baselineGraceDays} days into the next line (or{' '}
        {data.windows.lastLineFollowUpDays} days after the last). Sources: {data.sources.map((s) => `${s.source} ${s.version}`).join('; ')}.
      </p>
    </section>
  );
}
