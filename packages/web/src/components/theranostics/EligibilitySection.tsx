import type { RuleEvaluation, Truth } from '../../api/theranostics';
import { formatParis } from './format';

const VERDICT: Record<Truth, { label: string; tone: string }> = {
  met: { label: 'Met', tone: 'good' },
  not_met: { label: 'Not met', tone: 'bad' },
  unknown: { label: 'Unknown', tone: 'warn' },
};

export function TruthBadge({ value }: { value: Truth }) {
  const v = VERDICT[value];
  return <span className={`badge badge-${v.tone}`}>{v.label}</span>;
}

/** Each rule's verdict on the latest PET read of its tracer, condition by condition, with its reference. */
export function EligibilitySection({ eligibility }: { eligibility: readonly RuleEvaluation[] }) {
  return (
    <section aria-labelledby="th-eligibility-title" className="th-section">
      <h2 id="th-eligibility-title">Theranostic eligibility</h2>
      <ul className="th-rule-list" data-testid="eligibility">
        {eligibility.map((e) => (
          <li key={e.rule} className="th-rule" data-testid={`rule-${e.rule}`}>
            <h3 className="th-rule-title">
              {e.title} <TruthBadge value={e.verdict} />
            </h3>
            <p className="muted">
              For {e.treatment}.{' '}
              {e.petRead
                ? `Evaluated on the ${e.petRead.tracer} PET of ${formatParis(e.petRead.scannedAt)}.`
                : 'No PET read of this tracer on record.'}
            </p>
            <ul className="th-conditions">
              {e.conditions.map((c) => (
                <li key={c.id}>
                  <TruthBadge value={c.status} /> <strong>{c.text}</strong>
                  <br />
                  <span className="th-reason">{c.reason}</span>
                </li>
              ))}
            </ul>
            <p className="hint">{e.reference}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
