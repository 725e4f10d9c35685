import type { Issue, KeyProjectDetail, Meeting, Metrics } from '@shared/projects';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../shared/api';

export const KEY_PROJECTS = '/api/projects/key';
export const MEETINGS = '/api/projects/meetings';
export const ISSUES = '/api/projects/issues';

export function useKeyProject(id: string | null) {
  return useQuery({
    queryKey: [KEY_PROJECTS, 'one', id],
    queryFn: ({ signal }) => api.get<KeyProjectDetail>(`${KEY_PROJECTS}/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useMetrics(year: number) {
  return useQuery({
    queryKey: [KEY_PROJECTS, 'metrics', year],
    queryFn: ({ signal }) => api.get<Metrics>('/api/projects/metrics', { query: { year }, signal }),
  });
}

export function useMeetings() {
  return useQuery({
    queryKey: [MEETINGS],
    queryFn: ({ signal }) => api.get<Page<Meeting>>(MEETINGS, { query: { current: 1, pageSize: 50 }, signal }),
  });
}

export function useIssues(meetingId: string | null) {
  return useQuery({
    queryKey: [ISSUES, meetingId],
    queryFn: ({ signal }) =>
      api.get<Page<Issue>>(ISSUES, { query: { meetingId: meetingId ?? undefined, pageSize: 200 }, signal }),
    enabled: Boolean(meetingId),
  });
}
