import type {
  AuthorityDiff,
  AuthorityVersion,
  DispositionSummary,
  OrgComparison,
  WhistleLeagueRow,
} from '@shared/reform';
import type { DutySummary } from '@shared/reform-lists';
import type { PlatformSummary } from '@shared/reform-platform';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';

export const VERSIONS = '/api/reform/authority/versions';
export const ITEMS = '/api/reform/authority/items';
export const DIFF = '/api/reform/authority/diff';
export const DEPARTMENTS = '/api/reform/district-departments';
export const WHISTLES = '/api/reform/whistles';
export const LEAGUE = '/api/reform/whistles/league';
export const ORG = '/api/reform/org/comparison';

export interface DistrictDepartment {
  id: string;
  name: string;
  contact: string;
  responseDays: number;
}

export function useVersions() {
  return useQuery({ queryKey: [VERSIONS], queryFn: ({ signal }) => api.get<AuthorityVersion[]>(VERSIONS, { signal }) });
}

export function useDiff(from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: [VERSIONS, 'diff', from, to],
    queryFn: ({ signal }) => api.get<AuthorityDiff>(DIFF, { query: { from, to }, signal }),
    enabled: Boolean(from && to),
  });
}

export function useDistrictDepartments() {
  return useQuery({
    queryKey: [DEPARTMENTS],
    queryFn: ({ signal }) => api.get<DistrictDepartment[]>(DEPARTMENTS, { signal }),
  });
}

export function useLeague(year?: number) {
  return useQuery({
    queryKey: [WHISTLES, 'league', year],
    queryFn: ({ signal }) => api.get<WhistleLeagueRow[]>(LEAGUE, { query: { year }, signal }),
  });
}

export function useOrgComparison() {
  return useQuery({ queryKey: [ORG], queryFn: ({ signal }) => api.get<OrgComparison>(ORG, { signal }) });
}

export const CONTRACT_STAFF = '/api/reform/contract-staff';
export const TASKS = '/api/reform/tasks';

export function useDisposition() {
  return useQuery({
    queryKey: [CONTRACT_STAFF, 'summary'],
    queryFn: ({ signal }) => api.get<DispositionSummary>(`${CONTRACT_STAFF}/summary`, { signal }),
  });
}

export const DUTY_ITEMS = '/api/reform/duty-items';

export function useDutySummary(asOf?: string) {
  return useQuery({
    queryKey: [DUTY_ITEMS, 'summary', asOf],
    queryFn: ({ signal }) => api.get<DutySummary>(`${DUTY_ITEMS}/summary`, { query: { asOf }, signal }),
  });
}

export const PLATFORM = '/api/reform/platform/summary';
export const MATTERS = '/api/reform/platform/matters';
export const COOPERATION = '/api/reform/platform/cooperation';
export const FINANCING = '/api/reform/platform/financing';

export function usePlatformSummary() {
  return useQuery({ queryKey: [PLATFORM], queryFn: ({ signal }) => api.get<PlatformSummary>(PLATFORM, { signal }) });
}
