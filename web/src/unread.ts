// Unread inbox counts per site, shared by the sites list, the site navigation
// and the inbox, so reading a message updates every badge at once. The counts
// come from the sites list (GET /api/sites carries newSubmissions per site).
import { useEffect, useSyncExternalStore } from 'react';
import { api, ok, type SiteSummary } from './api';

const counts = new Map<string, number>();
const listeners = new Set<() => void>();
let loadedAt = 0;
let loading: Promise<void> | null = null;
const STALE_MS = 30_000;

const emit = () => listeners.forEach((l) => l());

/** Takes the counts from a sites list answer. */
export function setUnreadCounts(sites: Pick<SiteSummary, 'id' | 'newSubmissions'>[]) {
  for (const s of sites) if (typeof s.newSubmissions === 'number') counts.set(s.id, s.newSubmissions);
  loadedAt = Date.now();
  emit();
}

/** A local change (a message read, marked unread, moved) before the server is asked again. */
export function adjustUnread(siteId: string, delta: number) {
  const n = counts.get(siteId);
  if (n === undefined || delta === 0) return;
  counts.set(siteId, Math.max(0, n + delta));
  emit();
}

export function refreshUnread(): Promise<void> {
  loading ??= ok(api.GET('/api/sites'))
    .then((r) => setUnreadCounts(r.sites))
    .catch(() => undefined)
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** The site's unread count (undefined until known); fetched when missing or older than half a minute. */
export function useUnread(siteId: string): number | undefined {
  const n = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => counts.get(siteId),
  );
  useEffect(() => {
    if (!counts.has(siteId) || Date.now() - loadedAt > STALE_MS) void refreshUnread();
  }, [siteId]);
  return n;
}
