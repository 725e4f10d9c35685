import type { Department, Post } from '@shared/org';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../shared/api';
import { localName } from '../../shared/format';

export const DEPARTMENTS = '/api/org/departments';
export const POSTS = '/api/org/posts';
export const STAFF = '/api/org/staff';

const MAX_PAGE = 500;

/** Department options for Selects (current zone, or `zoneId` when given, e.g. admin creating a user). */
export function useDepartmentOptions(zoneId?: string | null, enabled = true) {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: [DEPARTMENTS, 'options', zoneId ?? 'current'],
    queryFn: ({ signal }) =>
      api.get<Page<Department>>(DEPARTMENTS, {
        query: { current: 1, pageSize: MAX_PAGE },
        zoneId: zoneId === undefined ? undefined : zoneId,
        signal,
      }),
    enabled,
  });
  const options = (query.data?.data ?? []).map((d) => ({ value: d.id, label: localName(d, i18n.language) }));
  return { options, loading: query.isFetching };
}

/** Post options of one department (none until a department is chosen). */
export function usePostOptions(departmentId?: string | null) {
  const query = useQuery({
    queryKey: [POSTS, 'options', departmentId],
    queryFn: ({ signal }) =>
      api.get<Page<Post>>(POSTS, { query: { current: 1, pageSize: MAX_PAGE, departmentId }, signal }),
    enabled: Boolean(departmentId),
  });
  const options = (query.data?.data ?? []).map((p) => ({
    value: p.id,
    label: p.grade ? `${p.name}（${p.grade}）` : p.name,
  }));
  return { options, loading: query.isFetching };
}
