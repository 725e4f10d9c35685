import type { Activity, Chain, ChainMap, GreenCard, MapNode, TargetCompany } from '@shared/investment-library';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../shared/api';

export const CHAINS = '/api/investment/chains';
export const CHAIN_LINKS = '/api/investment/chain-links';
export const TARGETS = '/api/investment/target-companies';
export const ACTIVITIES = '/api/investment/activities';
export const GREEN_CARDS = '/api/investment/green-cards';

export function useChains() {
  return useQuery({
    queryKey: [CHAINS],
    queryFn: ({ signal }) => api.get<Page<Chain>>(CHAINS, { query: { current: 1, pageSize: 200 }, signal }),
  });
}

export function useChainMap(id: string | undefined) {
  return useQuery({
    queryKey: [CHAINS, 'map', id],
    queryFn: ({ signal }) => api.get<ChainMap>(`${CHAINS}/${id}/map`, { signal }),
    enabled: Boolean(id),
  });
}

export interface LinkDetail {
  link: MapNode;
  enterprises: { id: string; name: string; creditCode: string; chainLeader: boolean }[];
  targets: TargetCompany[];
}

export function useLinkDetail(id: string | null) {
  return useQuery({
    queryKey: [CHAINS, 'link', id],
    queryFn: ({ signal }) => api.get<LinkDetail>(`${CHAIN_LINKS}/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useActivities(projectId: string | null) {
  return useQuery({
    queryKey: [ACTIVITIES, 'project', projectId],
    queryFn: ({ signal }) =>
      api.get<Page<Activity>>(ACTIVITIES, { query: { projectId, current: 1, pageSize: 100 }, signal }),
    enabled: Boolean(projectId),
  });
}

export function useGreenCards(projectId: string | null) {
  return useQuery({
    queryKey: [GREEN_CARDS, projectId],
    queryFn: ({ signal }) =>
      api.get<Page<GreenCard>>(GREEN_CARDS, { query: { projectId, current: 1, pageSize: 20 }, signal }),
    enabled: Boolean(projectId),
  });
}
