import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A set of ids kept in one query parameter (comma-separated), e.g. the expanded rows of a
 * list: Back from a linked page returns to the same rows open. Changes replace the history
 * entry rather than add one.
 */
export function useUrlSet(name: string): [ReadonlySet<string>, (id: string, member: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(name) ?? '';
  const set = useMemo(() => new Set(raw.split(',').filter(Boolean)), [raw]);
  const toggle = useCallback(
    (id: string, member: boolean) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          const ids = new Set((next.get(name) ?? '').split(',').filter(Boolean));
          if (member) ids.add(id);
          else ids.delete(id);
          if (ids.size) next.set(name, [...ids].join(','));
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [name, setParams],
  );
  return [set, toggle];
}
