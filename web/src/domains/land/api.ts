import type { Contract, LandStats, Parcel, ParcelMap, Review } from '@shared/land';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../shared/api';

export const PARCELS = '/api/land/parcels';
export const PARCEL_MAP = '/api/land/parcels/map';
export const CONTRACTS = '/api/land/contracts';
export const PATROLS = '/api/land/patrols';
export const STATS = '/api/land/stats';

export const STATUS_COLOR: Record<string, string> = {
  reserve: '#bfbfbf',
  supplied: '#1677ff',
  construction: '#faad14',
  production: '#389e0d',
  reclaimed: '#8c8c8c',
  idle: '#cf1322',
};
export const CLASS_COLOR: Record<string, string> = { A: '#389e0d', B: '#1677ff', C: '#faad14', D: '#cf1322' };

export function useParcelMap() {
  return useQuery({ queryKey: [PARCEL_MAP], queryFn: ({ signal }) => api.get<ParcelMap>(PARCEL_MAP, { signal }) });
}

export function useParcel(id: string | undefined) {
  return useQuery({
    queryKey: [PARCELS, 'one', id],
    queryFn: ({ signal }) => api.get<Parcel>(`${PARCELS}/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useContract(id: string | null | undefined) {
  return useQuery({
    queryKey: [CONTRACTS, 'one', id],
    queryFn: ({ signal }) => api.get<Contract>(`${CONTRACTS}/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useReviews(contractId: string | null | undefined) {
  return useQuery({
    queryKey: [CONTRACTS, 'reviews', contractId],
    queryFn: ({ signal }) => api.get<Review[]>(`${CONTRACTS}/${contractId}/reviews`, { signal }),
    enabled: Boolean(contractId),
  });
}

export function useStats(from: string, to: string) {
  return useQuery({
    queryKey: [STATS, from, to],
    queryFn: ({ signal }) => api.get<LandStats>(STATS, { query: { from, to }, signal }),
  });
}

export function useEnterpriseOptions(q: string, enabled = true) {
  const query = useQuery({
    queryKey: ['/api/enterprises', 'search', q],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: string; name: string }>>('/api/enterprises', {
        query: { current: 1, pageSize: 20, q },
        signal,
      }),
    enabled,
  });
  return { options: (query.data?.data ?? []).map((e) => ({ value: e.id, label: e.name })), loading: query.isFetching };
}
