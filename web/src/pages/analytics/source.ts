// Where the Analytics screen reads its figures: a site of the workspace (with
// CSV exports and realtime updates), or a public share link (aggregates only).
import { api, ok } from '../../api';
import type { BreakdownRow, Dimension, Overview } from './model';

type Query = Record<string, string>;

export interface AnalyticsSource {
  overview(q: Query): Promise<Overview>;
  breakdown(q: Query, dimension: Dimension, limit: number): Promise<BreakdownRow[]>;
  /** The CSV download of a table (not offered on a share link). */
  exportUrl?(q: Query, dimension: Dimension): string;
  /** Visitors in the last five minutes, polled while the screen is open. */
  realtime?(): Promise<number>;
}

// The generated types know each query parameter's enum; the screen builds them from the address (model.ts).
type Any = never;

export function siteSource(siteId: string): AnalyticsSource {
  const path = { siteId };
  return {
    overview: (q) => ok(api.GET('/api/sites/{siteId}/analytics', { params: { path, query: q as Any } })),
    breakdown: async (q, dimension, limit) =>
      (await ok(api.GET('/api/sites/{siteId}/analytics/breakdown', { params: { path, query: { ...q, dimension, limit } as Any } }))).rows,
    exportUrl: (q, dimension) => `/api/sites/${encodeURIComponent(siteId)}/analytics/export?${new URLSearchParams({ ...q, dimension })}`,
    realtime: async () => (await ok(api.GET('/api/sites/{siteId}/analytics/realtime', { params: { path } }))).visitors,
  };
}

export type SharedSource = Omit<AnalyticsSource, 'overview'> & { overview(q: Query): Promise<Overview & { site: { name: string } }> };

export function sharedSource(token: string): SharedSource {
  const path = { token };
  return {
    overview: (q) => ok(api.GET('/api/shared/{token}/analytics', { params: { path, query: q as Any } })),
    breakdown: async (q, dimension, limit) =>
      (await ok(api.GET('/api/shared/{token}/analytics/breakdown', { params: { path, query: { ...q, dimension, limit } as Any } }))).rows,
  };
}
