import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * One query parameter of the page's link (a tab, a post, a position) as state, so what the reader
 * looks at can be linked to and survives a reload. Setting it keeps the other parameters.
 */
export function useSearchParam(
  name: string,
): [string | null, (value: string, options?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string, options?: { replace?: boolean }) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set(name, value);
        return updated;
      }, options),
    [name, setParams],
  );
  return [params.get(name), set];
}
