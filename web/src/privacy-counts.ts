// Open privacy requests per site (the badge of the site navigation), from the
// one-query count endpoint. Answering a request refreshes the count, so every
// badge follows at once.
import { useEffect, useSyncExternalStore } from 'react';
import { api, ok } from './api';

export interface RequestCounts {
  open: number;
  overdue: number;
}

const counts = new Map<string, { value: RequestCounts; at: number }>();
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();
const STALE_MS = 30_000;

const emit = () => listeners.forEach((l) => l());

/** Asks the server again for the site's counts (one request at a time per site). */
export function refreshRequestCounts(siteId: string): Promise<void> {
  let p = loading.get(siteId);
  if (!p) {
    p = ok(api.GET('/api/sites/{siteId}/privacy-requests/count', { params: { path: { siteId } } }))
      .then((value) => {
        counts.set(siteId, { value, at: Date.now() });
        emit();
      })
      .catch(() => undefined)
      .finally(() => loading.delete(siteId));
    loading.set(siteId, p);
  }
  return p;
}

/** The site's counts (undefined until known); fetched when missing or older than half a minute. */
export function useRequestCounts(siteId: string): RequestCounts | undefined {
  const entry = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => counts.get(siteId),
  );
  useEffect(() => {
    const known = counts.get(siteId);
    if (!known || Date.now() - known.at > STALE_MS) void refreshRequestCounts(siteId);
  }, [siteId]);
  return entry?.value;
}
