import type { FastifyInstance } from 'fastify';
import type { Context } from '../../context.js';
import * as assets from '../../assets/assets.js';
import { IMAGE_TYPES, MAX_UPLOAD_BYTES } from '../../assets/assets.js';
import * as domains from '../../domains/domains.js';
import * as publishing from '../../publishing/publishing.js';
import { REGION_INFO, REGIONS } from '../../regions/regions.js';
import * as sites from '../../sites/sites.js';
import { TEMPLATES } from '../../templates/index.js';
import { THEMES } from '../../themes/index.js';
import { documentPreview } from '../../sites/preview.js';
import { siteSubdomainUrl } from '../../config/config.js';
import { requireAuth } from '../auth.js';

type SiteParams = { Params: { siteId: string } };
type ReleaseParams = { Params: { siteId: string; releaseId: string } };
type DomainParams = { Params: { siteId: string; domainId: string } };

export async function siteRoutes(app: FastifyInstance, ctx: Context) {
  app.get('/api/templates', async () =>
    Object.values(TEMPLATES).map((t) => ({ id: t.id, name: t.name, description: t.description, preview: documentPreview(t.document(t.name)) })),
  );
  app.get('/api/themes', async () => Object.entries(THEMES).map(([id, theme]) => ({ id, theme })));
  // What the dashboard needs to show addresses before a site exists.
  app.get('/api/meta', async () => ({ sitesDomain: ctx.config.sitesDomain, siteUrlTemplate: siteSubdomainUrl(ctx.config, '{slug}') }));
  app.get('/api/regions', async () => REGIONS.map((id) => ({ id, ...REGION_INFO[id] })));

  app.get('/api/sites', async (req) => ({ sites: await sites.listSites(ctx, requireAuth(req).subscriber.id) }));
  app.post('/api/sites', async (req, reply) => reply.code(201).send(await sites.createSite(ctx, requireAuth(req).subscriber.id, req.body)));
  app.get<SiteParams>('/api/sites/:siteId', async (req) => sites.getSite(ctx, requireAuth(req).subscriber.id, req.params.siteId));
  app.patch<SiteParams>('/api/sites/:siteId', async (req) => sites.updateSite(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.body));
  app.delete<SiteParams>('/api/sites/:siteId', async (req, reply) => {
    await sites.deleteSite(ctx, requireAuth(req).subscriber.id, req.params.siteId);
    return reply.code(204).send();
  });
  app.put<SiteParams>('/api/sites/:siteId/draft', { bodyLimit: 8 * 1024 * 1024 }, async (req) =>
    sites.saveDraft(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.body),
  );

  app.post<SiteParams>('/api/sites/:siteId/publish', async (req, reply) =>
    reply.code(201).send(await publishing.publish(ctx, requireAuth(req).subscriber, req.params.siteId)),
  );
  app.post<SiteParams>('/api/sites/:siteId/unpublish', async (req, reply) => {
    await publishing.unpublish(ctx, requireAuth(req).subscriber.id, req.params.siteId);
    return reply.code(204).send();
  });
  app.get<SiteParams>('/api/sites/:siteId/releases', async (req) => ({
    releases: await publishing.listReleases(ctx, requireAuth(req).subscriber.id, req.params.siteId),
  }));
  app.get<ReleaseParams>('/api/sites/:siteId/releases/:releaseId', async (req) =>
    publishing.getRelease(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.releaseId),
  );
  app.post<ReleaseParams>('/api/sites/:siteId/releases/:releaseId/rollback', async (req) =>
    publishing.rollback(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.releaseId),
  );

  // Images arrive as raw bytes (drag and drop sends the File as is); sharp checks what they really are.
  app.addContentTypeParser(IMAGE_TYPES as unknown as string[], { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
  app.post<SiteParams>('/api/sites/:siteId/assets', { bodyLimit: MAX_UPLOAD_BYTES }, async (req, reply) =>
    reply.code(201).send(await assets.uploadImage(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.body)),
  );
  app.get<SiteParams>('/api/sites/:siteId/assets', async (req) => ({
    assets: await assets.listImages(ctx, requireAuth(req).subscriber.id, req.params.siteId),
  }));
  // Draft previews in the editor load uploaded images from the app host; the hash is the capability.
  app.get<{ Params: { file: string } }>('/_atrium/img/:file', async (req, reply) => {
    const hash = /^([0-9a-f]{64})\.webp$/.exec(req.params.file)?.[1];
    if (!hash || !(await assets.isImageVariant(ctx, hash))) return reply.code(404).send({ error: 'not_found', message: 'no such image' });
    const { identity } = await ctx.releases.get(hash);
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type('image/webp').send(identity);
  });

  app.get<SiteParams>('/api/sites/:siteId/domains', async (req) => ({
    domains: await domains.listDomains(ctx, requireAuth(req).subscriber.id, req.params.siteId),
  }));
  app.post<SiteParams>('/api/sites/:siteId/domains', async (req, reply) =>
    reply.code(201).send(await domains.addDomain(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.body)),
  );
  app.post<DomainParams>('/api/sites/:siteId/domains/:domainId/verify', async (req) =>
    domains.verifyDomain(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.domainId),
  );
  app.delete<DomainParams>('/api/sites/:siteId/domains/:domainId', async (req, reply) => {
    await domains.removeDomain(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.domainId);
    return reply.code(204).send();
  });

  // Asked by a TLS front (e.g. Caddy on_demand_tls "ask") before issuing a certificate.
  app.get<{ Querystring: { domain?: string } }>('/internal/tls-ask', async (req, reply) => {
    const ok = await domains.mayIssueCertificate(ctx, String(req.query.domain ?? ''));
    return reply.code(ok ? 200 : 404).send(ok ? 'ok' : 'unknown domain');
  });
}
