import { useCallback, useEffect, useRef, useState } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; failure: unknown } | { state: 'ready'; data: T };

/**
 * Loads once per change of `deps` and again on `reload()`; a stale answer (deps changed meanwhile)
 * is dropped. While reloading, the last data stays on screen (`state` stays 'ready').
 */
export function useLoad<T>(load: () => Promise<T>, deps: React.DependencyList): Loaded<T> & { reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    load().then(
      (data) => mine === generation.current && setLoaded({ state: 'ready', data }),
      (failure: unknown) => mine === generation.current && setLoaded({ state: 'failed', failure }),
    );
    // The caller names what the load depends on.
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...loaded, reload };
}
