import { useCallback, useEffect, useState } from 'react';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

interface Loaded<T> {
  key: string;
  data: T;
}

/**
 * Loads `fetcher` whenever `key` changes; a newer key aborts the older request so a slow
 * answer never overwrites a fresher one. `key: null` means "nothing to load yet".
 *
 * Data belongs to the key it was loaded for: a record page never shows patient A under
 * patient B's address, even for one frame. Lists pass `keepPrevious` so the table stays in
 * place (marked busy) while the next page loads.
 */
export function useApi<T>(
  key: string | null,
  fetcher: (signal: AbortSignal) => Promise<T>,
  options: { keepPrevious?: boolean } = {},
): ApiState<T> {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [error, setError] = useState<{ key: string; error: unknown } | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setPending(key);
    fetcher(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setLoaded({ key, data });
        setError(null);
        setPending(null);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError({ key, error: e });
        setPending(null);
      },
    );
    return () => controller.abort();
    // The fetcher is a fresh closure each render; `key` is what identifies the request.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const current = loaded !== null && loaded.key === key;
  return {
    data: current || options.keepPrevious ? loaded?.data : undefined,
    error: error && error.key === key ? error.error : null,
    // Before the effect has started the request for a new key, it is already "loading".
    loading: key !== null && (pending === key || (!current && !(error && error.key === key))),
    reload,
  };
}
