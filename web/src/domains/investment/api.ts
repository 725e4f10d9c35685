import type { Funnel, PipelineProject, StageMove, StageSets } from '@shared/investment';
import type { LightParams } from '@shared/projects';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../shared/api';

export const PIPELINE = '/api/investment/projects';
export const SETTINGS = '/api/investment/settings';
export const TEAMS = '/api/investment/teams';

export function useSettings() {
  return useQuery({
    queryKey: [SETTINGS],
    queryFn: ({ signal }) => api.get<{ stageSets: StageSets; lightParams: LightParams }>(SETTINGS, { signal }),
  });
}

export function useTeams() {
  return useQuery({
    queryKey: [TEAMS],
    queryFn: ({ signal }) => api.get<{ id: string; name: string; leaderName: string }[]>(TEAMS, { signal }),
  });
}

/** Every project of one type (kanban: at most 500 per board). */
export function useBoard(type: string) {
  return useQuery({
    queryKey: [PIPELINE, 'board', type],
    queryFn: ({ signal }) =>
      api.get<Page<PipelineProject>>(PIPELINE, { query: { type, current: 1, pageSize: 500 }, signal }),
  });
}

export function useProject(id: string | null) {
  return useQuery({
    queryKey: [PIPELINE, 'one', id],
    queryFn: ({ signal }) => api.get<PipelineProject>(`${PIPELINE}/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useHistory(id: string | null) {
  return useQuery({
    queryKey: [PIPELINE, 'history', id],
    queryFn: ({ signal }) =>
      api.get<{ moves: StageMove[]; opinions: { id: string; authorName: string; text: string; at: string }[] }>(
        `${PIPELINE}/${id}/history`,
        { signal },
      ),
    enabled: Boolean(id),
  });
}

export function useFunnel(type: string) {
  return useQuery({
    queryKey: [PIPELINE, 'funnel', type],
    queryFn: ({ signal }) => api.get<Funnel>('/api/investment/funnel', { query: { type }, signal }),
  });
}

/** Fen → 万元 text with two decimals (display only; amounts stay integers everywhere else). */
export function wan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const cents = Math.round(Math.abs(fen) / 10_000); // 1/100 of 万元
  return `${sign}${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;
}

/** 万元 typed in a form (up to 2 decimals) → fen. */
export function wanToFen(v: number | null | undefined): number {
  return v ? Math.round(v * 100) * 10_000 : 0;
}
