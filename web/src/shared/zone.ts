import { useSyncExternalStore } from 'react';

const KEY = 'zoneos.zone';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

let current: string | null = typeof window === 'undefined' ? null : read();

export function getZoneId(): string | null {
  return current;
}

export function setZoneId(id: string | null): void {
  if (id === current) return;
  current = id;
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    // storage unavailable (private mode): keep in memory only
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The zone chosen in the header switcher (sent as X-Zone-Id). */
export function useZoneId(): string | null {
  return useSyncExternalStore(subscribe, getZoneId, () => null);
}
