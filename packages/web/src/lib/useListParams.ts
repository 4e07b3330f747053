import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PAGE_SIZES } from '../components/Pagination';

const NONE: readonly string[] = [];

/**
 * Filters and paging live in the URL query string: a filtered list can be bookmarked, shared
 * with a colleague, and survives Back from a detail page.
 */
export function useListParams<K extends string>(filterKeys: readonly K[], preserve: readonly string[] = NONE) {
  const [searchParams, setParams] = useSearchParams();
  const key = searchParams.toString();

  // `searchParams` is a new object on every render; its string form is the stable identity.
  const state = useMemo(() => {
    const params = new URLSearchParams(key);
    const page = Math.max(1, Number.parseInt(params.get('page') ?? '', 10) || 1);
    const requested = Number.parseInt(params.get('pageSize') ?? '', 10);
    const pageSize = (PAGE_SIZES as readonly number[]).includes(requested) ? requested : PAGE_SIZES[0];
    const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
    return { page, pageSize, filters };
  }, [key, filterKeys]);

  const setFilters = useCallback(
    (next: Partial<Record<K, string>>) => {
      setParams((prev) => {
        const out = new URLSearchParams();
        const size = prev.get('pageSize');
        if (size) out.set('pageSize', size);
        // Parameters that belong to the page rather than to the list (e.g. its tab).
        for (const k of preserve) {
          const v = prev.get(k);
          if (v !== null) out.set(k, v);
        }
        for (const [k, v] of Object.entries(next)) {
          const value = typeof v === 'string' ? v.trim() : '';
          if (value) out.set(k, value);
        }
        return out;
      });
    },
    [setParams, preserve],
  );

  const setPage = useCallback(
    (page: number, pageSize: number) => {
      setParams((prev) => {
        const out = new URLSearchParams(prev);
        out.set('page', String(page));
        out.set('pageSize', String(pageSize));
        return out;
      });
    },
    [setParams],
  );

  return { ...state, key, setFilters, setPage };
}
