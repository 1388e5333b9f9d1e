// The subscriber's view of a site's consent records: statistics, one record
// by id, an export as proof, and a check of the hash chain. Thin: tenancy
// (a foreign site answers 404), then the core in src/consent.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { consentStats, exportRecords, lookupRecord, StatsQuery, verifyChain } from '../../consent/records.js';
import { regionDbForSite } from '../../db/region-db.js';
import { parseInput } from '../../lib/validate.js';
import { requireSite } from '../../tenancy/tenancy.js';
import { requireAuth } from '../auth.js';
import { doc } from '../openapi/route-doc.js';
import * as C from '../schemas/consent.js';

type SiteParams = { Params: { siteId: string } };
type RecordParams = { Params: { siteId: string; recordId: string } };

/** Each route's OpenAPI description (src/http/openapi), passed as its config when it registers. */
const DOCS = {
  stats: doc({
    summary: 'Consent statistics: choices recorded, accept and reject rates per category, Global Privacy Control share',
    tag: 'consent',
    query: StatsQuery,
    responses: { 200: C.ConsentStats },
  }),
  record: doc({
    summary: 'One consent record by its id (the visitor can read it on the site’s cookie settings page), with the banner it answered',
    tag: 'consent',
    responses: { 200: C.ConsentRecordDetail },
  }),
  export: doc({
    summary: 'Download every consent record with the banner texts and the chain check, as JSON (default) or CSV',
    tag: 'consent',
    query: C.ExportQuery,
    responses: { 200: { content: { 'application/json': C.ConsentExport, 'text/csv': z.string() } } },
  }),
  verify: doc({
    summary: 'Check the hash chain of the site’s consent records: whether any stored record was changed, removed or reordered',
    tag: 'consent',
    responses: { 200: C.ChainStatus },
  }),
};

export async function consentApiRoutes(app: FastifyInstance, ctx: Context) {
  const siteOf = async (subscriberId: string, siteId: string) => {
    const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
    return { site, db: regionDbForSite(ctx.dbs, site) };
  };

  app.get<SiteParams>('/api/sites/:siteId/consent/stats', { config: DOCS.stats }, async (req) => {
    const { site, db } = await siteOf(requireAuth(req).subscriber.id, req.params.siteId);
    const range = parseInput(StatsQuery, req.query);
    return consentStats(db, site.id, range, ctx.clock.now());
  });

  app.get<RecordParams>('/api/sites/:siteId/consent/records/:recordId', { config: DOCS.record }, async (req) => {
    const { site } = await siteOf(requireAuth(req).subscriber.id, req.params.siteId);
    return lookupRecord(ctx, site, req.params.recordId);
  });

  app.get<SiteParams>('/api/sites/:siteId/consent/export', { config: DOCS.export }, async (req, reply) => {
    const { site, db } = await siteOf(requireAuth(req).subscriber.id, req.params.siteId);
    const { format = 'json' } = parseInput(C.ExportQuery, req.query);
    const now = ctx.clock.now();
    const name = `${site.slug}-consent-records-${now.toISOString().slice(0, 10)}.${format}`;
    return reply
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .send(await exportRecords(db, site.id, format, now));
  });

  app.get<SiteParams>('/api/sites/:siteId/consent/verify', { config: DOCS.verify }, async (req) => {
    const { site, db } = await siteOf(requireAuth(req).subscriber.id, req.params.siteId);
    return verifyChain(db, site.id);
  });
}
