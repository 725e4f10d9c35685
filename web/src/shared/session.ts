import type { SessionInfo } from '@shared/auth';
import type { Permission } from '@shared/roles';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, isApiError, setCsrfToken } from './api';
import { getZoneId, setZoneId } from './zone';

export const SESSION_KEY = ['session'] as const;

/** Keeps the chosen zone valid for this session: stored choice, else the user's own zone, else the first one. */
function syncZone(session: SessionInfo): void {
  const ids = session.zones.map((z) => z.id);
  const current = getZoneId();
  if (current && ids.includes(current)) return;
  const own = session.user.zoneId;
  setZoneId(own && ids.includes(own) ? own : (ids[0] ?? own ?? null));
}

function applySideEffects(session: SessionInfo | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  if (session) syncZone(session);
}

/** Probes GET /api/auth/session; 401 means "not logged in" (null), never a redirect. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await api.get<SessionInfo>('/api/auth/session', { noAuthRedirect: true });
    applySideEffects(session);
    return session;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      applySideEffects(null);
      return null;
    }
    throw e;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY, retry: 1 });
}

/** The current session (null when logged out). The app shell waits for the first probe before rendering routes. */
export function useSession(): SessionInfo | null {
  return useSessionQuery().data ?? null;
}

export function storeSession(client: QueryClient, session: SessionInfo | null): void {
  applySideEffects(session);
  client.setQueryData(SESSION_KEY, session);
}

export function useSetSession(): (session: SessionInfo | null) => void {
  const client = useQueryClient();
  return useCallback((session: SessionInfo | null) => storeSession(client, session), [client]);
}

export function hasPermission(session: SessionInfo | null, permission?: Permission): boolean {
  if (!permission) return session !== null;
  return session?.permissions.includes(permission) ?? false;
}

export function useCan(permission: Permission): boolean {
  return hasPermission(useSession(), permission);
}

/** Clears every cached query and forgets the session (after logout or a 401). */
export function clearClientState(client: QueryClient): void {
  client.cancelQueries();
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  storeSession(client, null);
}
