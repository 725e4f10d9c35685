import type { EfficiencyParams, Result, Run } from '@shared/efficiency';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';

export const RUNS = '/api/efficiency/runs';
export const DEFAULTS = '/api/efficiency/defaults';

export function useRun(id: string | undefined) {
  return useQuery({
    queryKey: [RUNS, 'one', id],
    queryFn: ({ signal }) => api.get<Run>(`${RUNS}/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useResult(id: string | null) {
  return useQuery({
    queryKey: ['/api/efficiency/results', id],
    queryFn: ({ signal }) => api.get<Result>(`/api/efficiency/results/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useDefaults(enabled = true) {
  return useQuery({
    queryKey: [DEFAULTS],
    queryFn: ({ signal }) => api.get<EfficiencyParams>(DEFAULTS, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    enabled,
  });
}

export const CLASS_COLOR: Record<string, string> = { A: '#389e0d', B: '#1677ff', C: '#faad14', D: '#cf1322' };
