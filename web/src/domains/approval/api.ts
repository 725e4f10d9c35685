import type {
  ApprovalRules,
  AuthorityLink,
  Case,
  CaseAction,
  CaseActionInput,
  CaseInput,
  Item,
  Metrics,
  Notice,
  RulesInForce,
} from '@shared/approval';
import type { Department } from '@shared/org';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../shared/api';

export const ITEMS = '/api/approval/items';
export const CASES = '/api/approval/cases';
export const METRICS = '/api/approval/metrics';
export const PROJECTS = '/api/approval/projects';
export const RULES = '/api/approval/rules';
const DEPARTMENTS = '/api/org/departments';

export type CaseEvent = {
  at: string;
  on: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorName: string | null;
  reason: string | null;
  materials: string[];
};
export type CaseDetail = Case & { events: CaseEvent[]; actions: CaseAction[]; notices: Notice[] };

export interface Span {
  startOn: string | null;
  endOn: string | null;
  workdays: number;
  open: boolean;
}
export interface ProjectView {
  projectCode: string;
  projectName: string | null;
  cases: Case[];
  stages: (Span & { stage: number; cases: number })[];
  total: Span;
  targetWorkdays: number;
}
export interface ProjectRow {
  projectCode: string;
  projectName: string | null;
  cases: number;
  stages: number;
  firstOn: string | null;
  lastOn: string | null;
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: [CASES, 'one', id],
    queryFn: ({ signal }) => api.get<CaseDetail>(`${CASES}/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useCaseAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseActionInput) => api.post<CaseDetail>(`${CASES}/${id}/actions`, body),
    onSuccess: async (data) => {
      client.setQueryData([CASES, 'one', id], data);
      await client.invalidateQueries({ queryKey: [CASES] });
    },
  });
}

export function useApply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CaseInput>) => api.post<CaseDetail>(CASES, body),
    onSuccess: () => client.invalidateQueries({ queryKey: [CASES] }),
  });
}

/** Active items of the catalogue (for the application form and filters). */
export function useItemOptions(enabled = true) {
  return useQuery({
    queryKey: [ITEMS, 'options'],
    queryFn: ({ signal }) => api.get<Page<Item>>(ITEMS, { query: { current: 1, pageSize: 500 }, signal }),
    enabled,
    select: (page) => page.data.filter((i) => i.active),
  });
}

/** Powers of the zone's currently published authority list (an item may derive only from one of these). */
export function useAuthorityOptions(enabled = true) {
  return useQuery({
    queryKey: [ITEMS, 'authority-options'],
    queryFn: ({ signal }) => api.get<AuthorityLink[]>('/api/approval/authority-items', { signal }),
    enabled,
  });
}

export function useDepartmentOptions(enabled = true) {
  return useQuery({
    queryKey: [DEPARTMENTS, 'approval-options'],
    queryFn: ({ signal }) => api.get<Page<Department>>(DEPARTMENTS, { query: { current: 1, pageSize: 500 }, signal }),
    enabled,
    select: (page) => page.data.map((d) => ({ value: d.id, label: d.name })),
  });
}

export function useMetrics(range: { from?: string; to?: string }) {
  return useQuery({
    queryKey: [METRICS, range],
    queryFn: ({ signal }) => api.get<Metrics>(METRICS, { query: range, signal }),
  });
}

export function useProjects() {
  return useQuery({
    queryKey: [PROJECTS],
    queryFn: ({ signal }) => api.get<ProjectRow[]>(PROJECTS, { signal }),
  });
}

export function useProject(code: string | undefined) {
  return useQuery({
    queryKey: [PROJECTS, 'one', code],
    queryFn: ({ signal }) => api.get<ProjectView>('/api/approval/project', { query: { code }, signal }),
    enabled: Boolean(code),
    retry: false,
  });
}

export function useRules(year: number) {
  return useQuery({
    queryKey: [RULES, year],
    queryFn: ({ signal }) => api.get<RulesInForce>(RULES, { query: { year }, signal }),
  });
}

export function useSaveRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; params: ApprovalRules }) => api.put<RulesInForce>(RULES, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [RULES] });
      await client.invalidateQueries({ queryKey: [CASES] });
    },
  });
}

export const LIGHT_COLOR = { none: 'default', green: 'green', yellow: 'gold', red: 'red' } as const;
