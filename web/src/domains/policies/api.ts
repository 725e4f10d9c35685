import type { Policy, PolicyApplication } from '@shared/policies';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../shared/api';

export const POLICIES = '/api/policies';
export const APPLICATIONS = '/api/policies/applications';

/** Money in fen shown as ¥1,234.56 (integers only, no floats). */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.trunc(abs / 100).toLocaleString('zh-CN')}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12.5" (yuan, as typed) → 1250 fen; null when empty or not a number with at most 2 decimals. */
export function toFen(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined || text === '') return null;
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(text).trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function usePolicy(id: string | undefined) {
  return useQuery({
    queryKey: [POLICIES, 'one', id],
    queryFn: ({ signal }) => api.get<Policy>(`${POLICIES}/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useMatches(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [POLICIES, 'matches', id],
    queryFn: ({ signal }) =>
      api.get<{ enterpriseId: string; enterpriseName: string; creditCode: string; notifiedOn: string }[]>(
        `${POLICIES}/${id}/matches`,
        { signal },
      ),
    enabled: Boolean(id) && enabled,
  });
}

export function useApplications(policyId: string | undefined) {
  return useQuery({
    queryKey: [APPLICATIONS, policyId],
    queryFn: ({ signal }) =>
      api.get<Page<PolicyApplication>>(APPLICATIONS, { query: { policyId, current: 1, pageSize: 200 }, signal }),
    enabled: Boolean(policyId),
  });
}

/** POST to a policy or application action and refresh everything about policies. */
export function usePolicyAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ url, body }: { url: string; body?: unknown }) => api.post<unknown>(url, body),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: [POLICIES] });
      client.invalidateQueries({ queryKey: [APPLICATIONS] });
    },
  });
}
