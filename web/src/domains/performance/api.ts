import type { Cycle, Indicator, MyKpis, PayRun, Score } from '@shared/performance';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';

export const CYCLES = '/api/performance/cycles';
export const PAY_RUNS = '/api/pay/runs';

export interface Calibration {
  id: string;
  scoreId: string;
  staffName: string | null;
  fromGrade: string;
  toGrade: string;
  reason: string;
  byName: string;
  at: string;
}
export interface Appeal {
  id: string;
  scoreId: string;
  staffName: string | null;
  grade: string | null;
  reason: string;
  status: 'pending' | 'upheld' | 'rejected';
  reply: string;
  filedBy: string;
  decidedBy: string | null;
  createdAt: string;
}
export interface IndicatorValue {
  id: string;
  indicatorId: string;
  departmentId: string | null;
  staffId: string | null;
  actual: number;
  origin: 'manual' | 'auto';
  note: string;
  evidenceFileIds: string[];
  records: { entity: string; id: string; label: string }[];
  query: string;
}

export function useCycle(id: string | undefined) {
  return useQuery({
    queryKey: [CYCLES, 'one', id],
    queryFn: ({ signal }) => api.get<Cycle>(`${CYCLES}/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useScores(id: string | undefined, subject: 'department' | 'staff') {
  return useQuery({
    queryKey: [CYCLES, 'scores', id, subject],
    queryFn: ({ signal }) => api.get<Score[]>(`${CYCLES}/${id}/scores`, { query: { subject }, signal }),
    enabled: Boolean(id),
  });
}

export function useIndicators(id: string | undefined) {
  return useQuery({
    queryKey: [CYCLES, 'indicators', id],
    queryFn: ({ signal }) => api.get<Indicator[]>(`${CYCLES}/${id}/indicators`, { signal }),
    enabled: Boolean(id),
  });
}

export function useValues(id: string | undefined) {
  return useQuery({
    queryKey: [CYCLES, 'values', id],
    queryFn: ({ signal }) => api.get<IndicatorValue[]>(`${CYCLES}/${id}/values`, { signal }),
    enabled: Boolean(id),
  });
}

export function useCalibrations(id: string | undefined) {
  return useQuery({
    queryKey: [CYCLES, 'calibrations', id],
    queryFn: ({ signal }) => api.get<Calibration[]>(`${CYCLES}/${id}/calibrations`, { signal }),
    enabled: Boolean(id),
  });
}

export function useAppeals(id: string | undefined) {
  return useQuery({
    queryKey: [CYCLES, 'appeals', id],
    queryFn: ({ signal }) => api.get<Appeal[]>(`${CYCLES}/${id}/appeals`, { signal }),
    enabled: Boolean(id),
  });
}

export function usePayRuns(enabled = true) {
  return useQuery({
    queryKey: [PAY_RUNS],
    queryFn: ({ signal }) => api.get<PayRun[]>(PAY_RUNS, { signal }),
    enabled,
  });
}

export function usePayRun(id: string | undefined) {
  return useQuery({
    queryKey: [PAY_RUNS, 'one', id],
    queryFn: ({ signal }) => api.get<PayRun>(`${PAY_RUNS}/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

/** A POST whose success refreshes everything of the cycle (and pay runs, which read grades). */
export function usePerformanceAction<B>(path: (b: B) => string, body: (b: B) => unknown = () => undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (b: B) => api.post(path(b), body(b)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [CYCLES] });
      void client.invalidateQueries({ queryKey: [PAY_RUNS] });
    },
  });
}

/** 1234567 fen → ¥12,345.67 (integer arithmetic; no float on money). */
export function formatFen(fen: number, locale: string): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100).toLocaleString(locale === 'en-US' ? 'en-US' : 'zh-CN');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

export const MY_KPIS = '/api/performance/me';

/** 我的考核: the signed-in account's own staff member. */
export function useMyKpis() {
  return useQuery({
    queryKey: [MY_KPIS],
    queryFn: ({ signal }) => api.get<MyKpis>(MY_KPIS, { signal }),
  });
}

/** An automatic indicator source registered by a domain (server: performance.sources.ts). */
export interface IndicatorSourceInfo {
  key: string;
  label: { 'zh-CN': string; 'en-US': string };
  unit: { 'zh-CN': string; 'en-US': string };
  query: { 'zh-CN': string; 'en-US': string };
  targets: ('department' | 'staff')[];
}

export function useIndicatorSources(enabled = true) {
  return useQuery({
    queryKey: ['/api/performance/sources'],
    queryFn: ({ signal }) => api.get<IndicatorSourceInfo[]>('/api/performance/sources', { signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
}
