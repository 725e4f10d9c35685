import type { ZoneCockpit } from '@shared/cockpit';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import { useZoneId } from '../../shared/zone';

export const COCKPIT = '/api/cockpit';
/** A wall screen is left open all day: it refetches on its own (and when the window regains focus). */
export const REFRESH_MS = 60_000;

export function useZoneCockpit(period: { year?: number; month?: number }) {
  const zoneId = useZoneId();
  return useQuery({
    queryKey: [COCKPIT, 'zone', zoneId, period.year, period.month],
    queryFn: ({ signal }) => api.get<ZoneCockpit>(`${COCKPIT}/zone`, { query: period, signal }),
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

export const fmtNum = (v: number | null | undefined, digits = 2) =>
  v == null ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
export const signedPct = (v: number | null | undefined) => (v == null ? '—' : `${v > 0 ? '+' : ''}${v.toFixed(2)}%`);
