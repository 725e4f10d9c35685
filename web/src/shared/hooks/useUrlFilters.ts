import { useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** List filters carried by a drill-down link's query string (e.g. /projects?light=red from the cockpit). */
export function useUrlFilters(keys: readonly string[]): Record<string, string> {
  const [params] = useSearchParams();
  const wanted = keys.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `wanted` stands for `keys` (a new array each render).
  return useMemo(
    () =>
      Object.fromEntries(
        keys.flatMap((k) => {
          const v = params.get(k);
          return v ? [[k, v]] : [];
        }),
      ),
    [params, wanted],
  );
}
