import type { Enterprise, TimelineItem } from '@shared/enterprises';
import type { IndustryNode } from '@shared/industry-codes';
import type { Staff } from '@shared/org';
import type { SubPark } from '@shared/tenancy';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../shared/api';
import { localName } from '../../shared/format';

export const ENTERPRISES = '/api/enterprises';
export const INDUSTRIES = '/api/reference/industries';
const SUB_PARKS = '/api/tenancy/sub-parks';
const STAFF = '/api/org/staff';

export function useEnterprise(id: string | null | undefined) {
  return useQuery({
    queryKey: [ENTERPRISES, 'one', id],
    queryFn: ({ signal }) => api.get<Enterprise>(`${ENTERPRISES}/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useTimeline(id: string | null | undefined) {
  return useQuery({
    queryKey: [ENTERPRISES, 'timeline', id],
    queryFn: ({ signal }) => api.get<TimelineItem[]>(`${ENTERPRISES}/${id}/timeline`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

/** GB/T 4754-2017 tree (门类 → 大类 → 中类); it never changes while the app runs. */
export function useIndustryTree() {
  return useQuery({
    queryKey: [INDUSTRIES],
    queryFn: ({ signal }) => api.get<IndustryNode[]>(INDUSTRIES, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSubParkOptions(enabled = true) {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: [SUB_PARKS],
    queryFn: ({ signal }) => api.get<SubPark[]>(SUB_PARKS, { signal }),
    enabled,
  });
  const options = (query.data ?? []).map((p) => ({ value: p.id, label: localName(p, i18n.language) }));
  return { options, loading: query.isFetching };
}

/** Staff of the zone as chief service officer candidates (active people, with their department). */
export function useOfficerOptions(enabled = true) {
  const query = useQuery({
    queryKey: [STAFF, 'officers'],
    queryFn: ({ signal }) =>
      api.get<Page<Staff>>(STAFF, { query: { current: 1, pageSize: 500, status: 'active' }, signal }),
    enabled,
  });
  const options = (query.data?.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.departmentName}）` }));
  return { options, loading: query.isFetching };
}
