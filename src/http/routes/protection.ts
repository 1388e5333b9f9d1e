// A site's passwords, for its subscribers: the whole site's and each page's.
// Set, changed and removed here, effective on the live site at the next
// request (no publish). Only whether a password is set is ever answered.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../../context.js';
import { getProtection, removePassword, SetPasswordInput, setPassword } from '../../protection/passwords.js';
import { requireAuth } from '../auth.js';
import { doc } from '../openapi/route-doc.js';
import { Protection } from '../schemas/protection.js';

type SiteParams = { Params: { siteId: string } };
type PageParams = { Params: { siteId: string; pageId: string } };

const DOCS = {
  get: doc({ summary: 'Which of the site’s pages ask for a password, and whether the whole site does', tag: 'protection', responses: { 200: Protection } }),
  setSite: doc({
    summary: 'Set or change the site password',
    description: 'Live at once, without a publish. Visitors who entered an earlier password are asked for the new one at their next request.',
    tag: 'protection',
    body: SetPasswordInput,
    responses: { 200: Protection },
  }),
  removeSite: doc({ summary: 'Remove the site password: the site is public again at once', tag: 'protection', responses: { 200: Protection } }),
  setPage: doc({
    summary: 'Set or change a page’s own password',
    description: 'The page then asks only for its own password, even on a protected site. Live at once, without a publish.',
    tag: 'protection',
    body: SetPasswordInput,
    responses: { 200: Protection },
  }),
  removePage: doc({ summary: 'Remove a page’s own password', tag: 'protection', responses: { 200: Protection } }),
};

export async function protectionRoutes(app: FastifyInstance, ctx: Context) {
  app.get<SiteParams>('/api/sites/:siteId/protection', { config: DOCS.get }, async (req) =>
    getProtection(ctx, requireAuth(req).subscriber.id, req.params.siteId),
  );
  app.put<SiteParams>('/api/sites/:siteId/password', { config: DOCS.setSite }, async (req) =>
    setPassword(ctx, requireAuth(req).subscriber.id, req.params.siteId, undefined, req.body),
  );
  app.delete<SiteParams>('/api/sites/:siteId/password', { config: DOCS.removeSite }, async (req) =>
    removePassword(ctx, requireAuth(req).subscriber.id, req.params.siteId, undefined),
  );
  app.put<PageParams>('/api/sites/:siteId/pages/:pageId/password', { config: DOCS.setPage }, async (req) =>
    setPassword(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.pageId, req.body),
  );
  app.delete<PageParams>('/api/sites/:siteId/pages/:pageId/password', { config: DOCS.removePage }, async (req) =>
    removePassword(ctx, requireAuth(req).subscriber.id, req.params.siteId, req.params.pageId),
  );
}
