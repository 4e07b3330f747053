import { useId, useState } from 'react';
import { formatDate } from '../lib/format';
import { KIND_LABELS, KIND_TAGS, TIMELINE_KINDS, type TimelineEvent, type TimelineKind } from '../lib/timeline';
import { ProvenanceTip } from './ProvenanceTip';

export function Timeline({ events }: { events: readonly TimelineEvent[] }) {
  const [hidden, setHidden] = useState<ReadonlySet<TimelineKind>>(new Set());
  const countId = useId();
  const listId = useId();
  const counts = new Map<TimelineKind, number>();
  for (const e of events) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const shown = events.filter((e) => !hidden.has(e.kind));

  function toggle(kind: TimelineKind) {
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  }

  return (
    <div className="timeline-wrap">
      <fieldset className="kind-filter">
        <legend>Show on the timeline</legend>
        {TIMELINE_KINDS.map((kind) => (
          <label key={kind} className={`kind-option kind-${kind}`}>
            <input type="checkbox" checked={!hidden.has(kind)} onChange={() => toggle(kind)} aria-controls={listId} />
            {KIND_LABELS[kind]} ({counts.get(kind) ?? 0})
          </label>
        ))}
      </fieldset>
      <p id={countId} className="muted" aria-live="polite">
        {shown.length} of {events.length} events, oldest first
      </p>
      <ol id={listId} className="timeline" data-testid="timeline" aria-describedby={countId}>
        {shown.map((e) => (
          <li key={e.key} className={`timeline-item kind-${e.kind}`} data-kind={e.kind}>
            <time dateTime={e.at} className="timeline-date">
              {formatDate(e.at)}
            </time>
            <div className="timeline-body">
              <p className="timeline-title">
                <span className="kind-tag">{KIND_TAGS[e.kind]}</span> {e.title}{' '}
                <ProvenanceTip provenance={e.provenance} subject={e.title} />
              </p>
              {e.details.length > 0 && (
                <ul className="timeline-details">
                  {e.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              )}
            </div>
          </li>
        ))}
        {shown.length === 0 && <li className="empty">No events of the selected kinds.</li>}
      </ol>
    </div>
  );
}
