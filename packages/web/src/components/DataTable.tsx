import { Fragment, useId } from 'react';
import type { ReactNode } from 'react';
import { factAnchor } from '../lib/evidence';
import { useFactHighlight } from '../lib/factHighlight';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The cell that names the row (e.g. the pseudonym) becomes a <th scope="row">. */
  rowHeader?: boolean;
  /** e.g. "num" to right-align figures. */
  className?: string;
}

interface Props<T> {
  caption: string;
  /** Keep the caption for assistive technology when a visible heading already says it. */
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  /** Extra full-width content under a row (details, diffs, edit forms); null when collapsed. */
  expansion?: (row: T) => ReactNode | null;
  loading?: boolean;
  testId?: string;
  /** The fact id of a row: the row gets the anchor `fact-<id>` that match evidence links to. */
  factId?: (row: T) => string | null | undefined;
}

/** A table that scrolls sideways inside its own box, so the page never does on a tablet. */
export function DataTable<T>(props: Props<T>) {
  const { caption, captionHidden, columns, rows, rowKey, empty, expansion, loading, testId, factId } = props;
  const captionId = useId();
  const highlighted = useFactHighlight();
  return (
    // The scroll box is focusable so keyboard users can scroll it with the arrow keys.
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table data-testid={testId} aria-busy={loading || undefined}>
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty">
                {loading ? 'Loading…' : (empty ?? 'Nothing to show.')}
              </td>
            </tr>
          )}
          {rows.map((row) => {
            const extra = expansion?.(row) ?? null;
            const fact = factId?.(row) ?? null;
            const target = fact !== null && fact === highlighted;
            const className = [extra ? 'row-expanded' : '', target ? 'fact-target' : ''].filter(Boolean).join(' ');
            return (
              <Fragment key={rowKey(row)}>
                <tr
                  className={className || undefined}
                  id={fact !== null ? factAnchor(fact) : undefined}
                  // Focusable only as the target of an evidence link, so focus can land on it.
                  tabIndex={target ? -1 : undefined}
                  aria-current={target ? 'location' : undefined}
                >
                  {columns.map((c) =>
                    c.rowHeader ? (
                      <th key={c.key} scope="row" className={c.className}>
                        {c.cell(row)}
                      </th>
                    ) : (
                      <td key={c.key} className={c.className}>
                        {c.cell(row)}
                      </td>
                    ),
                  )}
                </tr>
                {extra && (
                  <tr className="row-expansion">
                    <td colSpan={columns.length}>{extra}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
