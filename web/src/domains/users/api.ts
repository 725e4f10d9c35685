import type { Province, Zone } from '@shared/tenancy';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api';
import { localName } from '../../shared/format';

export const USERS = '/api/users';

export function useZoneOptions() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['/api/tenancy/zones'],
    queryFn: ({ signal }) => api.get<Zone[]>('/api/tenancy/zones', { signal }),
    staleTime: 5 * 60_000,
  });
  return {
    options: (query.data ?? []).map((z) => ({ value: z.id, label: localName(z, i18n.language) })),
    loading: query.isFetching,
  };
}

export function useProvinceOptions(enabled = true) {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['/api/tenancy/provinces'],
    queryFn: ({ signal }) => api.get<Province[]>('/api/tenancy/provinces', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
  return {
    options: (query.data ?? []).map((p) => ({ value: p.id, label: localName(p, i18n.language) })),
    loading: query.isFetching,
  };
}
