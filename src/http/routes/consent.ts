// Consent on a published site's own host: POST /_atrium/consent stores a
// visitor's choice (JSON from the consent runtime, or a plain form post from
// the no-JavaScript page, answered with a 303), GET /_atrium/cookies is that
// page. Global Privacy Control (Sec-GPC: 1) refuses what it refuses; cookies
// go out through the cookie registry only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { decodeChoices, encodeChoices } from '../../consent/choices.js';
import { recordChoice, siteAsksConsent, visitorRecord } from '../../consent/records.js';
import { atriumCookiesToExpire, cookiesToExpire } from '../../consent/site-cookies.js';
import { clearCookie, setCookie, expireSiteCookies } from '../../cookies/set-cookie.js';
import { DomainError } from '../../lib/errors.js';
import type { LiveSite, LiveSites } from '../../hosting/live-sites.js';
import { normalizeHost } from '../../hosting/serve.js';
import { COOKIE_SETTINGS_CSS } from '../../rendering/cookie-settings-css.js';
import { renderCookieSettingsPage, type CookieSettingsInput } from '../../rendering/cookie-settings-page.js';
import { doc } from '../openapi/route-doc.js';
import { ErrorBody } from '../schemas/common.js';
import { isJsonBody, NO_SITE_PAGE, siteAtHost, sitePageHeaders } from '../site-page.js';
import { ConsentForm, ConsentSaved } from '../schemas/consent.js';
import { parseUrlEncoded } from './forms.js';

const BODY_LIMIT = 4 * 1024;

/** JSON to the runtime script, a page to a plain form post. */
const consentError = (description: string) => ({ description, content: { 'application/json': ErrorBody, 'text/html': z.string() } });

/** Each route's OpenAPI description (src/http/openapi), passed as its config when it registers. */
const DOCS = {
  save: doc({
    summary: 'A visitor saves their cookie choices on a published site (on the site’s own host)',
    description:
      'Stores a consent record in the site’s region and sets the cookie_consent and c_id cookies; cookies the site declared for refused categories are expired. ' +
      'Sec-GPC: 1 refuses marketing (and analytics when the site says so). The consent runtime posts JSON; the no-JavaScript page posts a form and is sent back with a 303.',
    tag: 'published sites',
    public: true,
    content: {
      'application/json': z.object({
        version: z.string().meta({ description: 'The banner version of the page (data-version)' }),
        choices: z.object({ functional: z.boolean(), analytics: z.boolean(), marketing: z.boolean(), providers: z.array(z.string()).optional() }),
        gpc: z.boolean().optional().meta({ description: 'navigator.globalPrivacyControl' }),
      }),
      'application/x-www-form-urlencoded': ConsentForm,
    },
    responses: { 200: ConsentSaved, 303: null },
    errors: {
      400: consentError('Bad choices, or the banner version is not the live one (issues names `version`): reload the page'),
      403: consentError('Sent from another site'),
      404: consentError('No published site here, or it asks for no consent'),
      429: consentError('Too many choices from this network: wait for the Retry-After header’s seconds'),
    },
  }),
  page: doc({
    summary: 'The cookie settings page of a published site, without JavaScript (on the site’s own host)',
    description: 'A form with one checkbox per category the site uses, the visitor’s consent record and the site’s cookie table, in the site’s language.',
    tag: 'published sites',
    public: true,
    query: z.object({ saved: z.string().optional() }),
    responses: { 200: { content: { 'text/html': z.string() } } },
    errors: { 404: { description: 'No published site here', content: { 'text/html': z.string() } } },
  }),
  css: doc({
    summary: 'The stylesheet of the cookie settings page',
    tag: 'published sites',
    public: true,
    responses: { 200: { content: { 'text/css': z.string() } } },
  }),
};

/** Only paths of this site: /something, never //host or /\host. */
const safeReturn = (v: unknown) => (typeof v === 'string' && /^\/(?![/\\])[^\s\\]*$/.test(v) && v.length < 500 ? v : '/_atrium/cookies?saved=1');

/** A request another site made the visitor's browser send (a cross-site form or fetch). */
function crossSite(req: FastifyRequest, host: string): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return origin === 'null';
  try {
    return normalizeHost(new URL(origin).host) !== host;
  } catch {
    return true;
  }
}

export async function consentRoutes(app: FastifyInstance, ctx: Context, live: LiveSites) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) =>
    done(null, parseUrlEncoded(String(body))),
  );
  // Per visitor network: a person chooses a few times, a script thousands. The IP is kept in memory for the window only.
  const perIp = app.createRateLimit({ max: ctx.config.consentLimitPerIp, timeWindow: 60_000, keyGenerator: (req) => `consent-ip:${req.ip}` });

  const siteOf = (req: FastifyRequest) => siteAtHost(live, req);

  const page = async (req: FastifyRequest, reply: FastifyReply, site: LiveSite, input: Partial<CookieSettingsInput>, status = 200) => {
    const document = await site.document();
    sitePageHeaders(reply);
    return reply
      .code(status)
      .header('cache-control', 'private, no-store')
      .type('text/html; charset=utf-8')
      .send(
        renderCookieSettingsPage(
          document,
          { siteUrl: site.siteUrl, siteName: site.siteName },
          {
            current: decodeChoices(req.cookies.cookie_consent),
            gpc: req.headers['sec-gpc'] === '1',
            record: null,
            saved: false,
            protected: site.protection !== null,
            ...input,
          },
        ),
      );
  };

  app.post('/_atrium/consent', { bodyLimit: BODY_LIMIT, config: DOCS.save }, async (req, reply) => {
    const json = isJsonBody(req);
    const [site, host] = await siteOf(req);
    const document = await site?.document();
    const fail = (status: number, error: string, message: string, extra: Record<string, unknown> = {}) => {
      if (json || !site) return reply.code(status).send({ error, message, ...extra });
      return page(req, reply, site, { error: status === 429 ? 'tooMany' : 'outdated' }, status);
    };
    if (!site || !document || !siteAsksConsent(document)) return fail(404, 'not_found', 'this site asks for no cookie choices');
    if (crossSite(req, host)) return fail(403, 'forbidden', 'cookie choices are accepted from the site’s own pages only');
    const limit = await perIp(req);
    if (!limit.isAllowed && limit.isExceeded) {
      reply.header('retry-after', limit.ttlInSeconds);
      return fail(429, 'rate_limited', `Too many choices from your network right now: try again in ${limit.ttlInSeconds} seconds.`);
    }

    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    const raw = json
      ? body
      : {
          version: body.version,
          choices: {
            functional: body.functional === 'on',
            analytics: body.analytics === 'on',
            marketing: body.marketing === 'on',
            providers: [body.provider ?? []].flat(),
          },
        };
    let record;
    try {
      record = await recordChoice(ctx, { id: site.siteId, region: site.region }, document, raw, {
        gpcHeader: req.headers['sec-gpc'] === '1',
        previousId: req.cookies.c_id,
      });
    } catch (e) {
      if (e instanceof DomainError && e.code === 'invalid_input') return fail(400, 'invalid_input', e.message, e.details);
      throw e;
    }

    setCookie(req, reply, 'cookie_consent', encodeChoices(record.choices));
    setCookie(req, reply, 'c_id', record.id);
    const sent = Object.keys(req.cookies);
    for (const name of atriumCookiesToExpire(record.choices, sent)) clearCookie(req, reply, name);
    expireSiteCookies(req, reply, cookiesToExpire(document, record.choices, sent), host);
    reply.header('cache-control', 'no-store');
    if (json) return reply.code(200).send({ id: record.id, choices: record.choices, gpc: record.gpc });
    return reply.code(303).header('location', safeReturn(body.return)).send();
  });

  app.get<{ Querystring: { saved?: string } }>('/_atrium/cookies', { config: DOCS.page }, async (req, reply) => {
    const [site] = await siteOf(req);
    sitePageHeaders(reply);
    if (!site) return reply.code(404).type('text/html; charset=utf-8').send(NO_SITE_PAGE);
    const record = await visitorRecord(ctx, { id: site.siteId, region: site.region }, req.cookies.c_id);
    return page(req, reply, site, { record, saved: req.query.saved === '1' });
  });

  app.get(COOKIE_SETTINGS_CSS.path, { config: DOCS.css }, async (_req, reply) => {
    sitePageHeaders(reply);
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(COOKIE_SETTINGS_CSS.body);
  });
}
