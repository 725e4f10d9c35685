import { type EnterpriseByCode, type EnterpriseCode, inspectPath, type JointSuggestion } from '@shared/inspections';
import type { OfficerMetricsRow, PortfolioItem, UnderstandingCard } from '@shared/officers';
import type { Department } from '@shared/org';
import type { Demand, DemandMetricsRow } from '@shared/services';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, apiHeaders, errorOf, type Page } from '../../shared/api';

export const DEMANDS = '/api/services/demands';
export const VISITS = '/api/services/visits';
const DEPARTMENTS = '/api/org/departments';
const ENTERPRISES = '/api/enterprises';

export interface HistoryItem {
  at: string;
  action: string;
  actorName: string | null;
  note: string | null;
}

export function useDemand(id: string | undefined) {
  return useQuery({
    queryKey: [DEMANDS, 'one', id],
    queryFn: ({ signal }) => api.get<Demand>(`${DEMANDS}/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useDemandHistory(id: string | undefined) {
  return useQuery({
    queryKey: [DEMANDS, 'history', id],
    queryFn: ({ signal }) => api.get<HistoryItem[]>(`${DEMANDS}/${id}/history`, { signal }),
    enabled: Boolean(id),
  });
}

export function useDemandMetrics(enabled: boolean) {
  return useQuery({
    queryKey: [DEMANDS, 'metrics'],
    queryFn: ({ signal }) => api.get<DemandMetricsRow[]>(`${DEMANDS}/metrics`, { signal }),
    enabled,
  });
}

/** Runs one action on a demand (sign, reply, resolve, rate…) and refreshes everything about demands. */
export function useDemandAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: string; body?: unknown }) =>
      api.post<Demand>(`${DEMANDS}/${id}/${action}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: [DEMANDS] }),
  });
}

export function useDepartmentOptions(enabled = true) {
  const query = useQuery({
    queryKey: [DEPARTMENTS, 'options'],
    queryFn: ({ signal }) => api.get<Page<Department>>(DEPARTMENTS, { query: { current: 1, pageSize: 500 }, signal }),
    enabled,
  });
  return (query.data?.data ?? []).map((d) => ({ value: d.id, label: d.name }));
}

/** Enterprises matching a search (name, credit code, pinyin initials) for pickers. */
export function useEnterpriseSearch(q: string, enabled = true) {
  const query = useQuery({
    queryKey: [ENTERPRISES, 'search', q],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: string; name: string }>>(ENTERPRISES, { query: { current: 1, pageSize: 20, q }, signal }),
    enabled,
  });
  return { options: (query.data?.data ?? []).map((e) => ({ value: e.id, label: e.name })), loading: query.isFetching };
}

/** Outside bodies a demand can be whistled to (the reform module's register of district departments). */
export function useDistrictDepartmentOptions(enabled = true) {
  const query = useQuery({
    queryKey: ['/api/reform/district-departments', 'options'],
    queryFn: ({ signal }) =>
      api.get<{ id: string; name: string; responseDays: number }[]>('/api/reform/district-departments', { signal }),
    enabled,
  });
  return (query.data ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.responseDays}）` }));
}

export const INSPECTIONS = '/api/services/inspections';
export const ENTERPRISE_CODES = '/api/services/enterprise-codes';

export function useEnterpriseCode(enterpriseId: string | undefined | null) {
  return useQuery({
    queryKey: [ENTERPRISE_CODES, enterpriseId],
    queryFn: ({ signal }) => api.get<EnterpriseCode>(`${ENTERPRISE_CODES}/${enterpriseId}`, { signal }),
    enabled: Boolean(enterpriseId),
    retry: false,
  });
}

export function useJointSuggestions(enabled: boolean) {
  return useQuery({
    queryKey: [INSPECTIONS, 'joint'],
    queryFn: ({ signal }) => api.get<JointSuggestion[]>(`${INSPECTIONS}/joint-suggestions`, { signal }),
    enabled,
  });
}

/** The URL a phone opens from the enterprise's QR card: the inspection form for that enterprise. */
export const inspectionUrl = (code: string) => `${window.location.origin}${inspectPath(code)}`;

/** The card's QR (SVG from the server, which encodes the public URL) as an object URL for an <img>. */
export function useEnterpriseQr(enterpriseId: string | undefined, code: string | undefined) {
  const query = useQuery({
    queryKey: [ENTERPRISE_CODES, enterpriseId, 'qr', code],
    queryFn: async ({ signal }) => {
      const res = await fetch(`${ENTERPRISE_CODES}/${enterpriseId}/qr.svg`, {
        headers: apiHeaders('GET'),
        credentials: 'same-origin',
        signal,
      });
      if (!res.ok) throw await errorOf(res);
      return res.text();
    },
    enabled: Boolean(enterpriseId && code),
    retry: false,
  });
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!query.data) return;
    const u = URL.createObjectURL(new Blob([query.data], { type: 'image/svg+xml' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [query.data]);
  return { url, isLoading: query.isLoading, error: query.error };
}

/** Whose code a scanned card carries (the /inspect/<code> page). */
export function useEnterpriseByCode(code: string | undefined) {
  return useQuery({
    queryKey: [ENTERPRISE_CODES, 'by-code', code],
    queryFn: ({ signal }) =>
      api.get<EnterpriseByCode>(`${ENTERPRISE_CODES}/by-code/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: Boolean(code),
    retry: false,
  });
}

export const OFFICERS = '/api/services/officers';
export interface Period {
  from?: string;
  to?: string;
}

export function useOfficerMetrics(period: Period) {
  return useQuery({
    queryKey: [OFFICERS, 'metrics', period],
    queryFn: ({ signal }) => api.get<OfficerMetricsRow[]>(`${OFFICERS}/metrics`, { query: { ...period }, signal }),
  });
}

export function usePortfolio(staffId: string, period: Period) {
  return useQuery({
    queryKey: [OFFICERS, 'portfolio', staffId, period],
    queryFn: ({ signal }) =>
      api.get<PortfolioItem[]>(`${OFFICERS}/${staffId}/portfolio`, { query: { ...period }, signal }),
  });
}

export function useUnderstandingCard(enterpriseId: string | undefined | null) {
  return useQuery({
    queryKey: ['/api/services/enterprises', enterpriseId, 'card'],
    queryFn: ({ signal }) => api.get<UnderstandingCard>(`/api/services/enterprises/${enterpriseId}/card`, { signal }),
    enabled: Boolean(enterpriseId),
    retry: false,
  });
}
