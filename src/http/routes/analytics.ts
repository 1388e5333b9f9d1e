// Visitor analytics of a site for its workspace (tenancy: a foreign site is
// 404), its CSV export and share link, and the read-only API behind a share
// link (aggregates only). The figures come from src/analytics/query.ts.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { breakdownCsv } from '../../analytics/csv.js';
import { DIMENSIONS, type Dimension } from '../../analytics/dimensions.js';
import { GEO_CREDIT } from '../../analytics/geo.js';
import { breakdown, Filters, notCountedTotals, overview, realtime, type QueryScope } from '../../analytics/query.js';
import { RangeQuery, resolveRange } from '../../analytics/range.js';
import { createShare, getShare, revokeShare, sharedScope, siteScope, type Share } from '../../analytics/sites.js';
import { workspaceVisitors } from '../../analytics/workspace.js';
import { parseInput } from '../../lib/validate.js';
import { requireAuth } from '../auth.js';
import { doc } from '../openapi/route-doc.js';
import * as A from '../schemas/analytics.js';

type SiteParams = { Params: { siteId: string } };
type TokenParams = { Params: { token: string } };

const ViewQuery = RangeQuery.extend(Filters.shape);
const BreakdownQuery = ViewQuery.extend({
  dimension: z.enum(DIMENSIONS),
  limit: z.coerce.number().int().min(1).max(1000).default(10),
});
const ExportQuery = BreakdownQuery.extend({ limit: z.coerce.number().int().min(1).max(100_000).default(10_000) });

const FILTERS_NOTE = `Filters: any of ${DIMENSIONS.join(', ')} as a query parameter keeps the visits with that value (an empty value: unknown, or Direct / none for source). Filtered views read raw events and reach back as far as they are kept (30 days by default).`;

/** Each route's OpenAPI description (src/http/openapi), passed as its config when it registers. */
const DOCS = {
  overview: doc({
    summary: 'Visitors, pageviews, visits, bounce rate and visit duration of a period, with the previous period and a time series',
    description: `Periods: day (hourly series; date= picks the day), 7d, 30d (daily), 12mo (monthly), custom (from= and to=). ${FILTERS_NOTE}`,
    tag: 'analytics',
    query: ViewQuery,
    responses: { 200: A.Overview },
  }),
  breakdown: doc({
    summary: 'Top values of one dimension (pages, entry and exit pages, sources, campaigns, places, devices, browsers, systems, languages, screens, goals)',
    description: FILTERS_NOTE,
    tag: 'analytics',
    query: BreakdownQuery,
    responses: { 200: A.Breakdown },
  }),
  export: doc({
    summary: 'Download a breakdown as CSV',
    tag: 'analytics',
    query: ExportQuery,
    responses: { 200: { content: { 'text/csv': z.string() } } },
  }),
  realtime: doc({ summary: 'Visitors in the last five minutes', tag: 'analytics', responses: { 200: A.Realtime } }),
  workspaceVisitors: doc({
    summary: 'Visitors per day over the last 7 days of every site you can see (the sites list’s sparklines)',
    description: 'Read from the daily figures, which are rebuilt every five minutes.',
    tag: 'analytics',
    responses: { 200: A.WorkspaceVisitors },
  }),
  share: doc({ summary: 'The site’s public read-only analytics link, if any', tag: 'analytics', responses: { 200: A.ShareState } }),
  createShare: doc({
    summary: 'Make a public read-only analytics link (replaces the previous one)',
    tag: 'analytics',
    responses: { 201: A.Share },
  }),
  revokeShare: doc({ summary: 'Revoke the public analytics link', tag: 'analytics', responses: { 204: null } }),
  sharedOverview: doc({
    summary: 'Shared analytics: the overview of a site whose owner made a share link',
    tag: 'analytics',
    public: true,
    query: ViewQuery,
    responses: { 200: A.SharedOverview },
  }),
  sharedBreakdown: doc({
    summary: 'Shared analytics: top values of one dimension',
    tag: 'analytics',
    public: true,
    query: BreakdownQuery,
    responses: { 200: A.Breakdown },
  }),
};

function filtersOf(q: Record<string, unknown>) {
  const f: Partial<Record<Dimension, string>> = {};
  for (const d of DIMENSIONS) if (typeof q[d] === 'string') f[d] = q[d];
  return f;
}

async function overviewOf(ctx: Context, s: QueryScope, query: unknown) {
  const q = parseInput(ViewQuery, query);
  const range = resolveRange(q, s.now);
  const [o, live, notCounted] = await Promise.all([overview(s, range, filtersOf(q)), realtime(s), notCountedTotals(s, range)]);
  return { ...o, realtime: live, notCounted, geoCredit: { ...GEO_CREDIT } };
}

async function breakdownOf(s: QueryScope, query: unknown, schema: typeof BreakdownQuery = BreakdownQuery) {
  const q = parseInput(schema, query);
  const rows = await breakdown(s, resolveRange(q, s.now), q.dimension, filtersOf(q), q.limit);
  return { dimension: q.dimension, rows, q };
}

const shareOut = (ctx: Context, share: Share) => ({ ...share, url: `${ctx.config.publicUrl.origin}/app/shared/${share.token}` });

export async function analyticsRoutes(app: FastifyInstance, ctx: Context) {
  const mine = (req: { params: { siteId: string } } & Parameters<typeof requireAuth>[0]) => siteScope(ctx, requireAuth(req).subscriber.id, req.params.siteId);

  app.get('/api/analytics/sites', { config: DOCS.workspaceVisitors }, async (req) => workspaceVisitors(ctx, requireAuth(req).subscriber.id));
  app.get<SiteParams>('/api/sites/:siteId/analytics', { config: DOCS.overview }, async (req) => overviewOf(ctx, (await mine(req)).scope, req.query));
  app.get<SiteParams>('/api/sites/:siteId/analytics/breakdown', { config: DOCS.breakdown }, async (req) => {
    const { dimension, rows } = await breakdownOf((await mine(req)).scope, req.query);
    return { dimension, rows };
  });
  app.get<SiteParams>('/api/sites/:siteId/analytics/export', { config: DOCS.export }, async (req, reply) => {
    const { site, scope } = await mine(req);
    const { dimension, rows, q } = await breakdownOf(scope, req.query, ExportQuery);
    const range = resolveRange(q, scope.now);
    return reply
      .header('content-disposition', `attachment; filename="${site.slug}-${dimension}-${range.from}-${range.to}.csv"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(breakdownCsv(dimension, rows));
  });
  app.get<SiteParams>('/api/sites/:siteId/analytics/realtime', { config: DOCS.realtime }, async (req) => ({
    visitors: await realtime((await mine(req)).scope),
  }));

  app.get<SiteParams>('/api/sites/:siteId/analytics/share', { config: DOCS.share }, async (req) => {
    const share = await getShare(ctx, requireAuth(req).subscriber.id, req.params.siteId);
    return { share: share ? shareOut(ctx, share) : null };
  });
  app.post<SiteParams>('/api/sites/:siteId/analytics/share', { config: DOCS.createShare }, async (req, reply) =>
    reply.code(201).send(shareOut(ctx, await createShare(ctx, requireAuth(req).subscriber.id, req.params.siteId))),
  );
  app.delete<SiteParams>('/api/sites/:siteId/analytics/share', { config: DOCS.revokeShare }, async (req, reply) => {
    await revokeShare(ctx, requireAuth(req).subscriber.id, req.params.siteId);
    return reply.code(204).send();
  });

  // Read-only, by share token: aggregates only.
  app.get<TokenParams>('/api/shared/:token/analytics', { config: DOCS.sharedOverview }, async (req, reply) => {
    const { site, scope } = await sharedScope(ctx, req.params.token);
    reply.header('cache-control', 'no-store');
    return { ...(await overviewOf(ctx, scope, req.query)), site: { name: site.name } };
  });
  app.get<TokenParams>('/api/shared/:token/analytics/breakdown', { config: DOCS.sharedBreakdown }, async (req, reply) => {
    const { scope } = await sharedScope(ctx, req.params.token);
    const { dimension, rows } = await breakdownOf(scope, req.query);
    reply.header('cache-control', 'no-store');
    return { dimension, rows };
  });
}
