// The HTTP layer: published-site requests are answered before Fastify from
// precomputed bytes; everything else (API, dashboard) goes through Fastify.
import http from 'node:http';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Context } from '../context.js';
import { enforceCookieRegistry } from '../cookies/set-cookie.js';
import { LiveSites } from '../hosting/live-sites.js';
import { createSiteHandler } from '../hosting/serve.js';
import { followHostChanges } from '../hosting/host-changes.js';
import { registerAuth } from './auth.js';
import { errorHandler } from './errors.js';
import { authRoutes } from './routes/auth.js';
import { siteRoutes } from './routes/sites.js';
import { formRoutes } from './routes/forms.js';
import { inboxRoutes } from './routes/inbox.js';
import { openApiRoutes } from './routes/openapi.js';
import { collectRoutes } from './openapi/document.js';
import { checkResponses } from './openapi/check-responses.js';
import { doc } from './openapi/route-doc.js';
import { z } from 'zod';

declare module 'fastify' {
  interface FastifyInstance {
    routeList: { method: string; url: string }[];
  }
}

/** The OpenAPI descriptions of the routes registered here (src/http/openapi). */
const DOCS = {
  healthz: doc({ summary: 'Liveness check', tag: 'meta', public: true, responses: { 200: z.object({ ok: z.literal(true) }) } }),
  root: doc({ summary: 'Redirects to the dashboard at /app', tag: 'meta', public: true, responses: { 302: null } }),
};

const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/;

export async function buildApp(ctx: Context): Promise<FastifyInstance> {
  const live = new LiveSites(ctx, ctx.releases);
  const stopFollowing = await followHostChanges(ctx, (siteId) => live.forgetSite(siteId));
  const appHost = ctx.config.publicUrl.hostname.toLowerCase();
  const serveSite = createSiteHandler(live, (host) => host === appHost || host === '' || IP_LITERAL.test(host), ctx.config.trustProxy);

  const app = Fastify({
    trustProxy: ctx.config.trustProxy,
    // One line per request only when asked for (LOG_LEVEL=debug); errors are always logged.
    logController: new LogController({ disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace' }),
    bodyLimit: 256 * 1024,
    logger: {
      level: ctx.config.logLevel,
      // No IP addresses or cookies in logs: they are personal data we do not need there.
      serializers: {
        req: (req) => ({ method: req.method, url: req.url.split('?')[0] }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
    serverFactory: (handler) =>
      http.createServer((req, res) => {
        if (!serveSite(req, res)) handler(req, res);
      }),
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      // style-src 'unsafe-inline' (dashboard and API only; published sites have their own strict CSP in
      // hosting/live-sites.ts): the visual editor (Puck) inserts <style> elements at run time, including
      // into its srcdoc preview iframe, which inherits this policy. Scripts stay 'self' only.
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: ctx.config.publicUrl.protocol === 'https:',
  });
  await app.register(rateLimit, { global: false });
  // The route table with each route's description: the OpenAPI document is made from it, and the
  // tenancy test walks every route with foreign ids.
  const routes = collectRoutes(app);
  app.decorate('routeList', routes);
  if (process.env.ATRIUM_CHECK_RESPONSES === '1') checkResponses(app);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` }));
  app.addHook('onSend', async (_req, reply, payload) => {
    enforceCookieRegistry(reply);
    return payload;
  });
  app.addHook('onClose', async () => {
    stopFollowing();
    await ctx.releases.idle();
  });
  registerAuth(app, ctx);

  app.get('/healthz', { config: DOCS.healthz }, async () => ({ ok: true }));
  app.get('/', { config: DOCS.root }, async (_req, reply) => reply.redirect('/app'));
  await app.register(import('./routes/app.js')); // the dashboard SPA at /app (dist/app)
  await authRoutes(app, ctx);
  await siteRoutes(app, ctx);
  // Its own scope: only the form endpoint accepts urlencoded bodies; the JSON API keeps answering 415 to them.
  await app.register(async (scope) => formRoutes(scope, ctx, live));
  await inboxRoutes(app, ctx);
  await openApiRoutes(app, routes);
  return app;
}
