import type { FastifyInstance } from 'fastify';
import type { Context } from '../../context.js';
import * as assets from '../../assets/assets.js';
import { IMAGE_TYPES, MAX_UPLOAD_BYTES } from '../../assets/assets.js';
import * as domains from '../../domains/domains.js';
import * as publishing from '../../publishing/publishing.js';
import * as sites from '../../sites/sites.js';
import { TEMPLATES } from '../../templates/index.js';
import { THEMES } from '../../themes/index.js';
import { documentPreview } from '../../sites/preview.js';
import { siteSubdomainUrl } from '../../config/config.js';
import { requireAuth } from '../auth.js';
import { doc } from '../openapi/route-doc.js';
import { z } from 'zod';
import { AddDomainInput } from '../../domains/domains.js';
import { CreateSiteInput, UpdateSiteInput } from '../../sites/sites.js';
import * as S from '../schemas/sites.js';

type SiteParams = { Params: { siteId: string } };
type ReleaseParams = { Params: { siteId: string; releaseId: string } };
type DomainParams = { Params: { siteId: string; domainId: string } };

/** Each route's OpenAPI description (src/http/openapi), passed as its config when it registers. */
const DOCS = {
  templates: doc({ summary: 'Starter templates', tag: 'catalogue', public: true, responses: { 200: z.array(S.TemplateInfo) } }),
  themes: doc({ summary: 'Theme presets', tag: 'catalogue', public: true, responses: { 200: z.array(S.ThemePreset) } }),
  meta: doc({ summary: 'Where sites are served', tag: 'catalogue', public: true, responses: { 200: S.Meta } }),
  regions: doc({ summary: 'Data regions a site can keep its data in', tag: 'catalogue', public: true, responses: { 200: z.array(S.RegionInfo) } }),
  listSites: doc({ summary: 'Your sites, most recently changed first', tag: 'sites', responses: { 200: S.SiteList } }),
  createSite: doc({
    summary: 'Create a site from a template',
    tag: 'sites',
    body: CreateSiteInput,
    responses: { 201: S.SiteDetail },
    errors: { 409: 'The address (slug) is taken' },
  }),
  getSite: doc({ summary: 'A site with its draft document', tag: 'sites', responses: { 200: S.SiteDetail } }),
  updateSite: doc({
    summary: 'Rename a site or change its address',
    tag: 'sites',
    body: UpdateSiteInput,
    responses: { 200: S.SiteDetail },
    errors: { 409: 'The address (slug) is taken' },
  }),
  deleteSite: doc({ summary: 'Delete a site with its releases, messages and consent records', tag: 'sites', responses: { 204: null } }),
  saveDraft: doc({
    summary: 'Save the draft document',
    description:
      'Saves only if `revision` is the draft’s current revision; otherwise answers 409 with the current draft. Custom code added or changed in this save that publishing would refuse is refused with a 400 naming its field (e.g. `document.snippets.0.code`) in publishing’s words; what publishing would still refuse otherwise comes back as `warnings`.',
    tag: 'sites',
    body: S.SaveDraftBody,
    responses: { 200: S.DraftSaved },
    errors: { 409: S.DraftConflict, 413: 'The document is too large' },
  }),
  publish: doc({
    summary: 'Publish the draft as a new live release',
    tag: 'publishing',
    responses: { 201: S.Published },
    errors: {
      403: 'Confirm your email address first (email_not_verified), or a CSRF failure',
      409: 'dpa_required: the site has a form or analytics and the workspace has not accepted the data processing agreement in effect (GET/POST /api/account/dpa)',
    },
  }),
  unpublish: doc({ summary: 'Take the site offline', tag: 'publishing', responses: { 204: null } }),
  releases: doc({ summary: 'The site’s releases, newest first', tag: 'publishing', responses: { 200: S.ReleaseList } }),
  release: doc({ summary: 'One release with the document it was rendered from, to preview it', tag: 'publishing', responses: { 200: S.ReleaseDetail } }),
  rollback: doc({
    summary: 'Make an earlier release live again, recorded as a release of its own',
    tag: 'publishing',
    responses: { 200: S.RolledBack },
    errors: { 409: 'dpa_required: the release has a form or analytics and the workspace has not accepted the data processing agreement in effect' },
  }),
  upload: doc({
    summary: 'Upload an image',
    description: 'The image’s bytes as the body, with its own Content-Type; it is stored as resized WebP variants.',
    tag: 'assets',
    content: Object.fromEntries(IMAGE_TYPES.map((t) => [t, z.string().meta({ format: 'binary' })])),
    responses: { 201: S.Asset },
    errors: { 413: 'The image is too large', 415: 'Not a supported image type' },
  }),
  assets: doc({ summary: 'The site’s uploaded images', tag: 'assets', responses: { 200: S.AssetList } }),
  image: doc({
    summary: 'An uploaded image variant, by content hash',
    tag: 'assets',
    public: true,
    responses: { 200: { content: { 'image/webp': z.string().meta({ format: 'binary' }) } } },
  }),
  domains: doc({ summary: 'The site’s custom domains', tag: 'domains', responses: { 200: S.DomainList } }),
  addDomain: doc({
    summary: 'Add a custom domain (verified by a DNS TXT record)',
    tag: 'domains',
    body: AddDomainInput,
    responses: { 201: S.Domain },
    errors: { 409: 'The domain is in use, or the site has too many' },
  }),
  verifyDomain: doc({ summary: 'Check the domain’s TXT record now', tag: 'domains', responses: { 200: S.Domain } }),
  removeDomain: doc({ summary: 'Remove a custom domain', tag: 'domains', responses: { 204: null } }),
  tlsAsk: doc({
    summary: 'May a certificate be issued for this domain? (for a TLS front such as Caddy on-demand TLS)',
    tag: 'meta',
    public: true,
    query: z.object({ domain: z.string().optional() }),
    responses: { 200: { content: { 'text/plain': z.literal('ok') } } },
    errors: { 404: { description: 'Unknown domain', content: { 'text/plain': z.string() } } },
  }),
};

export async function siteRoutes(app: FastifyInstance, ctx: Context) {
  app.get('/api/templates', { config: DOCS.templates }, async () =>
    Object.values(TEMPLATES).map((t) => ({ id: t.id, name: t.name, description: t.description, preview: documentPreview(t.document(t.name)) })),
  );
  app.get('/api/themes', { config: DOCS.themes }, async () => Object.entries(THEMES).map(([id, theme]) => ({ id, theme })));
  // What the dashboard needs to show addresses before a site exists.
  app.get('/api/meta', { config: DOCS.meta }, async () => ({ sitesDomain: ctx.config.sitesDomain, siteUrlTemplate: siteSubdomainUrl(ctx.config, '{slug}') }));
  app.get('/api/regions', { config: DOCS.regions }, async () => ctx.config.regions.map((r) => ({ id: r.id, name: r.name, description: r.description })));

  app.get('/api/sites', { config: DOCS.listSites }, async (req) => ({ sites: await sites.listSites(ctx, requireAuth(req).subscriber.id) }));
  app.post('/api/sites', { config: DOCS.createSite }, async (req, reply) =>
    reply.code(201).send(await sites.createSite(ctx, requireAuth(req).subscriber.id, req.body)),
  );
  app.get<SiteParams>('/api/sites/:siteId', { config: DOCS.getSite }, async (req) => sites.getSite(ctx, requireAuth(req).subscriber.id, req.params.siteId));
  app.patch<SiteParams>('/api/sites/:siteId', { config: DOCS.updateSite }, async (req) =>
    sites.updateSite(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.body),
  );
  app.delete<SiteParams>('/api/sites/:siteId', { config: DOCS.deleteSite }, async (req, reply) => {
    await sites.deleteSite(ctx, requireAuth(req).subscriber.id, req.params.siteId);
    return reply.code(204).send();
  });
  app.put<SiteParams>('/api/sites/:siteId/draft', { bodyLimit: 8 * 1024 * 1024, config: DOCS.saveDraft }, async (req) =>
    sites.saveDraft(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.body),
  );

  app.post<SiteParams>('/api/sites/:siteId/publish', { config: DOCS.publish }, async (req, reply) =>
    reply.code(201).send(await publishing.publish(ctx, requireAuth(req).subscriber, req.params.siteId)),
  );
  app.post<SiteParams>('/api/sites/:siteId/unpublish', { config: DOCS.unpublish }, async (req, reply) => {
    await publishing.unpublish(ctx, requireAuth(req).subscriber.id, req.params.siteId);
    return reply.code(204).send();
  });
  app.get<SiteParams>('/api/sites/:siteId/releases', { config: DOCS.releases }, async (req) => ({
    releases: await publishing.listReleases(ctx, requireAuth(req).subscriber.id, req.params.siteId),
  }));
  app.get<ReleaseParams>('/api/sites/:siteId/releases/:releaseId', { config: DOCS.release }, async (req) =>
    publishing.getRelease(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.releaseId),
  );
  app.post<ReleaseParams>('/api/sites/:siteId/releases/:releaseId/rollback', { config: DOCS.rollback }, async (req) =>
    publishing.rollback(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.releaseId),
  );

  // Images arrive as raw bytes (drag and drop sends the File as is); sharp checks what they really are.
  app.addContentTypeParser(IMAGE_TYPES as unknown as string[], { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
  app.post<SiteParams>('/api/sites/:siteId/assets', { bodyLimit: MAX_UPLOAD_BYTES, config: DOCS.upload }, async (req, reply) =>
    reply.code(201).send(await assets.uploadImage(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.body)),
  );
  app.get<SiteParams>('/api/sites/:siteId/assets', { config: DOCS.assets }, async (req) => ({
    assets: await assets.listImages(ctx, requireAuth(req).subscriber.id, req.params.siteId),
  }));
  // Draft previews in the editor load uploaded images from the app host; the hash is the capability.
  app.get<{ Params: { file: string } }>('/_atrium/img/:file', { config: DOCS.image }, async (req, reply) => {
    const hash = /^([0-9a-f]{64})\.webp$/.exec(req.params.file)?.[1];
    if (!hash || !(await assets.isImageVariant(ctx, hash))) return reply.code(404).send({ error: 'not_found', message: 'no such image' });
    const { identity } = await ctx.releases.get(hash);
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type('image/webp').send(identity);
  });

  app.get<SiteParams>('/api/sites/:siteId/domains', { config: DOCS.domains }, async (req) => ({
    domains: await domains.listDomains(ctx, requireAuth(req).subscriber.id, req.params.siteId),
  }));
  app.post<SiteParams>('/api/sites/:siteId/domains', { config: DOCS.addDomain }, async (req, reply) =>
    reply.code(201).send(await domains.addDomain(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.body)),
  );
  app.post<DomainParams>('/api/sites/:siteId/domains/:domainId/verify', { config: DOCS.verifyDomain }, async (req) =>
    domains.verifyDomain(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.domainId),
  );
  app.delete<DomainParams>('/api/sites/:siteId/domains/:domainId', { config: DOCS.removeDomain }, async (req, reply) => {
    await domains.removeDomain(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.domainId);
    return reply.code(204).send();
  });

  // Asked by a TLS front (e.g. Caddy on_demand_tls "ask") before issuing a certificate.
  app.get<{ Querystring: { domain?: string } }>('/internal/tls-ask', { config: DOCS.tlsAsk }, async (req, reply) => {
    const ok = await domains.mayIssueCertificate(ctx, String(req.query.domain ?? ''));
    return reply.code(ok ? 200 : 404).send(ok ? 'ok' : 'unknown domain');
  });
}
