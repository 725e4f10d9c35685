import type {
  CalendarPublishInput,
  CalendarPublishResult,
  CalendarVersion,
  CalendarYear,
  CalendarYearDetail,
} from '@shared/calendar';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../shared/api';

export const CALENDAR = '/api/calendar';
const YEARS = `${CALENDAR}/years`;

export interface WorkdaysAdd {
  start: string;
  n: number;
  date: string;
  provisional: boolean;
}

export interface WorkdaysBetween {
  from: string;
  to: string;
  workdays: number;
  provisional: boolean;
}

export function useCalendarYears() {
  return useQuery({
    queryKey: [CALENDAR, 'years'],
    queryFn: ({ signal }) => api.get<CalendarYear[]>(YEARS, { signal }),
  });
}

/** A year's current arrangement; null when the year has none published (404). */
export function useCalendarYear(year: number | null | undefined) {
  return useQuery({
    queryKey: [CALENDAR, 'year', year],
    queryFn: async ({ signal }) => {
      try {
        return await api.get<CalendarYearDetail>(`${YEARS}/${year}`, { signal });
      } catch (e) {
        if (isApiError(e) && e.status === 404) return null;
        throw e;
      }
    },
    enabled: typeof year === 'number' && Number.isInteger(year),
  });
}

export function useCalendarVersion(year: number, version: number | null) {
  return useQuery({
    queryKey: [CALENDAR, 'year', year, 'version', version],
    queryFn: ({ signal }) => api.get<CalendarVersion>(`${YEARS}/${year}/versions/${version}`, { signal }),
    enabled: version !== null,
    staleTime: Number.POSITIVE_INFINITY, // a published version never changes
  });
}

export function usePublishVersion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, input }: { year: number; input: CalendarPublishInput }) =>
      api.post<CalendarPublishResult>(`${YEARS}/${year}/versions`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: [CALENDAR] }),
  });
}

export const addWorkdays = (start: string, n: number) =>
  api.get<WorkdaysAdd>(`${CALENDAR}/workdays/add`, { query: { start, n } });

export const workdaysBetween = (from: string, to: string) =>
  api.get<WorkdaysBetween>(`${CALENDAR}/workdays/between`, { query: { from, to } });
