import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../api/client';
import { fetchReadiness, type Readiness } from '../api/readiness';

export interface ReadinessState {
  data: Readiness | undefined;
  error: unknown;
  loading: boolean;
  checkedAt: Date | undefined;
  refresh: () => void;
}

/** Loads /readyz on mount and on refresh(); a newer request cancels an older one. */
export function useReadiness(): ReadinessState {
  const [data, setData] = useState<Readiness>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [checkedAt, setCheckedAt] = useState<Date>();
  const controllerRef = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setLoading(true);
    fetchReadiness(controller.signal)
      .then((result) => {
        setData(result);
        setError(undefined);
      })
      .catch((caught: unknown) => {
        if (isAbortError(caught)) return;
        // Do not keep showing a stale result next to the error.
        setData(undefined);
        setError(caught);
      })
      .finally(() => {
        if (controllerRef.current !== controller) return;
        setLoading(false);
        setCheckedAt(new Date());
      });
  }, []);

  useEffect(() => {
    refresh();
    return () => controllerRef.current?.abort();
  }, [refresh]);

  return { data, error, loading, checkedAt, refresh };
}
