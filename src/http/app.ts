// The HTTP layer: published-site requests are answered before Fastify from
// precomputed bytes; everything else (API, dashboard) goes through Fastify.
import http from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Context } from '../context.js';
import type { Collector } from '../analytics/collector.js';
import { enforceCookieRegistry } from '../cookies/set-cookie.js';
import { LiveSites } from '../hosting/live-sites.js';
import { BeaconLimiter, createBeaconHandler } from '../hosting/beacon.js';
import { createSiteHandler } from '../hosting/serve.js';
import { HSTS } from '../hosting/site-headers.js';
import { trustFunction } from '../lib/trust-proxy.js';
import { checkDatabases } from '../db/health.js';
import { registerAuth } from './auth.js';
import { errorHandler } from './errors.js';
import { authRoutes } from './routes/auth.js';
import { siteRoutes } from './routes/sites.js';
import { formRoutes } from './routes/forms.js';
import { consentRoutes } from './routes/consent.js';
import { consentApiRoutes } from './routes/consent-api.js';
import { inboxRoutes } from './routes/inbox.js';
import { sitePrivacyRequestRoutes } from './routes/site-privacy-requests.js';
import { sitePrivacyPageRoutes } from './routes/site-privacy-page.js';
import { accountDataRoutes } from './routes/account-data.js';
import { accountChoiceRoutes } from './routes/account-choices.js';
import { policyRoutes } from './routes/policy.js';
import { dpaRoutes } from './routes/dpa.js';
import { privacyRequestRoutes } from './routes/privacy-requests.js';
import { analyticsRoutes } from './routes/analytics.js';
import { beaconRoutes } from './routes/analytics-beacon.js';
import { protectionRoutes } from './routes/protection.js';
import { sitePasswordRoutes } from './routes/site-password.js';
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
const Health = z
  .object({ ok: z.boolean(), databases: z.array(z.object({ name: z.string(), ok: z.boolean() })), message: z.string().optional() })
  .meta({ id: 'Health' });

const DOCS = {
  healthz: doc({
    summary: 'Health: whether the control database and every region database answer',
    tag: 'meta',
    public: true,
    responses: { 200: Health },
    errors: { 503: { description: 'A database does not answer; `message` names it', content: { 'application/json': Health } } },
  }),
  root: doc({ summary: 'Redirects to the dashboard at /app', tag: 'meta', public: true, responses: { 302: null } }),
};

const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/;

/** `analytics`: the pageview collector (src/analytics), absent when analytics is off (ATRIUM_ANALYTICS=off). */
export async function buildApp(ctx: Context, analytics?: Collector): Promise<FastifyInstance> {
  const live = new LiveSites(ctx, ctx.releases);
  const appHost = ctx.config.publicUrl.hostname.toLowerCase();
  const trust = trustFunction(ctx.config.trustProxy);
  const beaconLimiter = new BeaconLimiter(ctx.config.analyticsBeaconPerIp);
  const serveSite = createSiteHandler(
    live,
    (host) => host === appHost || host === '' || IP_LITERAL.test(host),
    trust,
    analytics,
    createBeaconHandler(live, analytics, trust, beaconLimiter),
  );

  const app = Fastify({
    // Only the configured proxies may speak for the client (its address for rate limits, HTTPS for cookies).
    trustProxy: trust,
    // One line per request only when asked for (LOG_LEVEL=debug); errors are always logged.
    logController: new LogController({ disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace' }),
    bodyLimit: 256 * 1024,
    // No IP addresses or cookies in logs (src/logging/logger.ts): personal data we do not need there.
    loggerInstance: ctx.log as FastifyBaseLogger,
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
    // Sent below, only on responses that really went over HTTPS.
    hsts: false,
  });
  await app.register(rateLimit, { global: false });
  // The route table with each route's description: the OpenAPI document is made from it, and the
  // tenancy test walks every route with foreign ids.
  const routes = collectRoutes(app);
  app.decorate('routeList', routes);
  if (process.env.ATRIUM_CHECK_RESPONSES === '1') checkResponses(app);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` }));
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.protocol === 'https') reply.header(HSTS[0]!, HSTS[1]!);
    enforceCookieRegistry(reply);
    return payload;
  });
  app.addHook('onClose', async () => {
    await ctx.releases.idle();
  });
  registerAuth(app, ctx);

  // For load balancers and monitors: 503 names the database that does not answer.
  app.get('/healthz', { config: DOCS.healthz }, async (_req, reply) => {
    const databases = await checkDatabases(ctx.dbs);
    const failing = databases.filter((d) => !d.ok);
    for (const d of failing) ctx.log.warn({ database: d.name, reason: d.error }, 'health check: a database does not answer');
    return reply
      .code(failing.length ? 503 : 200)
      .header('cache-control', 'no-store')
      .send({
        ok: failing.length === 0,
        databases: databases.map((d) => ({ name: d.name, ok: d.ok })),
        ...(failing.length ? { message: `database ${failing.map((d) => d.name).join(', ')} does not answer` } : {}),
      });
  });
  app.get('/', { config: DOCS.root }, async (_req, reply) => reply.redirect('/app'));
  await app.register(import('./routes/app.js')); // the dashboard SPA at /app (dist/app)
  await authRoutes(app, ctx);
  await siteRoutes(app, ctx);
  // Its own scope: only the form endpoint accepts urlencoded bodies; the JSON API keeps answering 415 to them.
  await app.register(async (scope) => formRoutes(scope, ctx, live));
  // The same for cookie choices from the no-JavaScript preferences page.
  await app.register(async (scope) => consentRoutes(scope, ctx, live));
  await inboxRoutes(app, ctx);
  await consentApiRoutes(app, ctx);
  // Its own scope: only these routes accept zip bodies.
  await app.register(async (scope) => accountDataRoutes(scope, ctx));
  await analyticsRoutes(app, ctx);
  await privacyRequestRoutes(app, ctx);
  await policyRoutes(app, ctx);
  await dpaRoutes(app, ctx);
  // Its own scope: the one-click unsubscribe accepts the url-encoded body mail clients send.
  await app.register(async (scope) => accountChoiceRoutes(scope, ctx));
  await sitePrivacyRequestRoutes(app, ctx);
  // Scoped: its form parser and page error handler stay with the request page.
  await app.register(async (scope) => sitePrivacyPageRoutes(scope, ctx, live));
  await app.register(async (scope) => beaconRoutes(scope, live, analytics, beaconLimiter));
  await protectionRoutes(app, ctx);
  // Scoped: the password page posts url-encoded bodies.
  await app.register(async (scope) => sitePasswordRoutes(scope, ctx, live));
  await openApiRoutes(app, routes);
  return app;
}
