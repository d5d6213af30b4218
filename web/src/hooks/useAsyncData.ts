import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../api/client';

export interface AsyncData<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the data locally (after a write that returned the new value). */
  setData: (data: T) => void;
}

/**
 * Loads data when `key` changes (and on reload()); a newer request cancels an older one. `load` may change on
 * every render: only `key` decides when to load again.
 */
export function useAsyncData<T>(load: (signal: AbortSignal) => Promise<T>, key: string): AsyncData<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  // Runs before the loading effect below (effects run in order), so it always calls the latest `load`.
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    loadRef
      .current(controller.signal)
      .then((result) => {
        setData(result);
        setError(undefined);
      })
      .catch((caught: unknown) => {
        if (!isAbortError(caught) && !controller.signal.aborted) setError(caught);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, setData };
}
