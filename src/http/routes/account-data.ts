// A subscriber's own data, self-service: download everything (zip), download
// one site as an archive, and import archives (from this or another Atrium).
// Thin: session and tenancy, then src/rights and src/sites.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { exportAccount } from '../../rights/account-export.js';
import { importArchive, MAX_ARCHIVE_BYTES } from '../../rights/import-archive.js';
import { siteArchiveFiles } from '../../sites/site-archive.js';
import { requireSite } from '../../tenancy/tenancy.js';
import { zipSync } from 'fflate';
import { requireAuth } from '../auth.js';
import { doc } from '../openapi/route-doc.js';
import { invalid } from '../../lib/errors.js';
import * as S from '../schemas/sites.js';

const ZIP = { 'application/zip': z.string().meta({ format: 'binary' }) };

const DOCS = {
  exportAccount: doc({
    summary: 'Download everything Atrium holds about you: a zip of JSON and CSV with a README, one site archive per site',
    tag: 'account',
    responses: { 200: { content: ZIP } },
  }),
  exportSite: doc({ summary: 'Download the site as an archive another Atrium can import', tag: 'sites', responses: { 200: { content: ZIP } } }),
  importSites: doc({
    summary: 'Import a site archive or an account export (zip): each site in it becomes a new draft site',
    tag: 'sites',
    content: ZIP,
    query: z.object({ workspaceId: z.string().max(64).optional() }),
    responses: { 201: z.object({ sites: z.array(S.SiteDetail) }) },
    errors: { 413: 'The archive is larger than 200 MB', 415: 'Not a zip' },
  }),
};

const attachment = (name: string) => `attachment; filename="${name}"`;

export async function accountDataRoutes(app: FastifyInstance, ctx: Context) {
  app.addContentTypeParser('application/zip', { parseAs: 'buffer', bodyLimit: MAX_ARCHIVE_BYTES }, (_req, body, done) => done(null, body));

  app.get('/api/account/export', { config: DOCS.exportAccount }, async (req, reply) => {
    const zip = await exportAccount(ctx, requireAuth(req).subscriber.id);
    const day = ctx.clock.now().toISOString().slice(0, 10);
    return reply
      .type('application/zip')
      .header('content-disposition', attachment(`atrium-my-data-${day}.zip`))
      .header('cache-control', 'no-store')
      .send(Buffer.from(zip));
  });

  app.get<{ Params: { siteId: string } }>('/api/sites/:siteId/export', { config: DOCS.exportSite }, async (req, reply) => {
    const site = await requireSite(ctx.dbs.control, requireAuth(req).subscriber.id, req.params.siteId);
    const zip = zipSync(await siteArchiveFiles(ctx, site.id));
    return reply
      .type('application/zip')
      .header('content-disposition', attachment(`${site.slug}-site-archive.zip`))
      .header('cache-control', 'no-store')
      .send(Buffer.from(zip));
  });

  app.post<{ Querystring: { workspaceId?: string } }>('/api/sites/import', { bodyLimit: MAX_ARCHIVE_BYTES, config: DOCS.importSites }, async (req, reply) => {
    const auth = requireAuth(req);
    if (!Buffer.isBuffer(req.body)) throw invalid('(body)', 'send the zip as the body with Content-Type application/zip');
    const sites = await importArchive(ctx, auth.subscriber.id, req.body, req.query.workspaceId);
    return reply.code(201).send({ sites });
  });
}
