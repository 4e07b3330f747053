import { useState } from 'react';
import type { EvidenceGroup } from '../../api/mtb';
import { humanise } from '../../lib/format';
import { DataTable } from '../DataTable';
import { RELATION_LABELS } from './labels';

const SHOWN = 6;

/** A citation as a link when it is a PubMed id; other references as written. */
function Citation({ text }: { text: string }) {
  const pmid = /^(?:PMID:?\s*)?(\d{5,9})$/i.exec(text.trim());
  return pmid ? (
    <a href={`https://pubmed.ncbi.nlm.nih.gov/${pmid[1]}/`} rel="noreferrer" target="_blank">
      PMID {pmid[1]}
    </a>
  ) : (
    <>{text}</>
  );
}

/** Evidence grouped by source, level, direction, therapies and tumour type, most relevant first (as the server ranks it). */
export function EvidenceTable({ groups, caption }: { groups: EvidenceGroup[]; caption: string }) {
  const [all, setAll] = useState(false);
  if (groups.length === 0) return <p className="muted">No evidence in the knowledge base for this alteration in this tumour type.</p>;
  const rows = all ? groups : groups.slice(0, SHOWN);
  return (
    <>
      <DataTable
        caption={caption}
        captionHidden
        rows={rows}
        rowKey={(g) => `${g.source}|${g.level}|${g.direction}|${g.supports}|${g.therapies.join('+')}|${g.disease}`}
        columns={[
          { key: 'source', header: 'Source', rowHeader: true, cell: (g) => `${g.source} ${g.version}` },
          { key: 'level', header: 'Level', cell: (g) => g.level },
          {
            key: 'direction',
            header: 'Direction',
            cell: (g) => (g.supports ? humanise(g.direction) : <strong>Does not support: {g.direction.replace(/_/g, ' ')}</strong>),
          },
          { key: 'therapies', header: 'Therapies', cell: (g) => g.therapies.join(' + ') || '—' },
          {
            key: 'tumour',
            header: 'Tumour type',
            cell: (g) => (
              <>
                {g.oncotreeCode ?? g.disease} <span className="muted">({RELATION_LABELS[g.relation] ?? g.relation})</span>
              </>
            ),
          },
          {
            key: 'refs',
            header: 'References',
            cell: (g) => (
              <ul className="mtb-refs">
                {g.items.slice(0, 4).map((i, n) => (
                  <li key={`${i.id ?? ''}-${n}`}>
                    {i.url ? (
                      <a href={i.url} rel="noreferrer" target="_blank">
                        {i.id ?? 'record'}
                      </a>
                    ) : (
                      (i.id ?? i.date ?? 'record')
                    )}
                    {i.citations.slice(0, 2).map((c) => (
                      <span key={c}>
                        {' '}
                        · <Citation text={c} />
                      </span>
                    ))}
                  </li>
                ))}
                {g.items.length > 4 && <li className="muted">+{g.items.length - 4} more</li>}
              </ul>
            ),
          },
        ]}
      />
      {groups.length > SHOWN && (
        <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show the first evidence groups only' : `Show all ${groups.length} evidence groups`}
        </button>
      )}
    </>
  );
}
