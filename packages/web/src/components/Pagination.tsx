import { useId } from 'react';

export const PAGE_SIZES = [25, 50, 100, 200] as const;

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number, pageSize: number) => void;
  /** What is being paged, e.g. "patients". */
  noun: string;
}

export function Pagination({ page, pageSize, total, onChange, noun }: Props) {
  const sizeId = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <nav className="pagination" aria-label={`Pages of ${noun}`}>
      <p className="pagination-summary" aria-live="polite">
        {total === 0 ? `No ${noun}` : `${first}–${last} of ${total} ${noun}`} · page {page} of {pages}
      </p>
      <div className="pagination-controls">
        <button type="button" disabled={page <= 1} onClick={() => onChange(1, pageSize)}>
          First
        </button>
        <button type="button" disabled={page <= 1} onClick={() => onChange(page - 1, pageSize)}>
          Previous
        </button>
        <button type="button" disabled={page >= pages} onClick={() => onChange(page + 1, pageSize)}>
          Next
        </button>
        <label htmlFor={sizeId}>Rows per page</label>
        <select id={sizeId} value={pageSize} onChange={(e) => onChange(1, Number(e.target.value))}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
    </nav>
  );
}
