// A visitor's privacy requests on a published site's own host. The page
// (GET /_atrium/privacy) is a plain form that works without JavaScript; its
// post answers with a page ("check your email", the form again with each
// field's error, or too many requests), while API clients post JSON and get
// JSON. The mailed link opens a page with a button (GET never confirms: mail
// scanners open links); its post confirms and shows the due date. Thin:
// parse, limit, then src/rights; pages come from src/rendering/privacy.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Context } from '../../context.js';
import type { LiveSite, LiveSites } from '../../hosting/live-sites.js';
import { isCountryCode, isUsState } from '../../lib/countries.js';
import { DomainError, notFound, rateLimited } from '../../lib/errors.js';
import { parseInput } from '../../lib/validate.js';
import { PRIVACY_PAGE_CSS } from '../../rendering/privacy/css.js';
import {
  renderPrivacyConfirmedPage,
  renderPrivacyConfirmPage,
  renderPrivacyInvalidLinkPage,
  renderPrivacySentPage,
  renderPrivacyTooManyPage,
} from '../../rendering/privacy/message-pages.js';
import { FORM_FIELDS, formErrors, renderPrivacyRequestPage, type PrivacyFormValues } from '../../rendering/privacy/request-page.js';
import { privacyPageStrings, type RequestKind } from '../../rendering/privacy/strings.js';
import type { RenderContext } from '../../rendering/render-site.js';
import { fileRequest } from '../../rights/file-request.js';
import { pendingRequest } from '../../rights/pending-request.js';
import type { RequestType } from '../../rights/request-types.js';
import { siteConfirmLink, siteController, siteRequests } from '../../rights/site-requests.js';
import { verifyRequest } from '../../rights/verify-request.js';
import { doc } from '../openapi/route-doc.js';
import { ErrorBody } from '../schemas/common.js';
import * as P from '../schemas/privacy-requests.js';
import { isJsonBody, NO_SITE_PAGE, privatePageHeaders, siteAtHost } from '../site-page.js';
import { parseUrlEncoded } from './forms.js';

// The page lists the request types of src/rights in its own words; both lists must name the same types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const SAME_TYPES: Same<RequestKind, RequestType> = true;
void SAME_TYPES;

/** The form's longest honest body: 5,000 characters of details, each up to 4 UTF-8 bytes, percent-encoded. */
const FORM_BODY_LIMIT = 64 * 1024;

const html = z.string();
const page = (description: string) => ({ description, content: { 'text/html': html } });
/** JSON to API clients, a page to the browser's form post. */
const either = (description: string) => ({ description, content: { 'application/json': ErrorBody, 'text/html': html } });
const FormBody = z.object({
  type: z.string().optional(),
  email: z.string().optional(),
  name: z.string().optional(),
  country: z.string().optional(),
  subdivision: z.string().optional().meta({ description: 'Used only when country is US' }),
  details: z.string().optional(),
});

const DOCS = {
  page: doc({
    summary: 'The privacy request page of a published site, without JavaScript (on the site’s own host)',
    description: 'What each kind of request means and a form that posts to the same address, in the site’s language and theme.',
    tag: 'published sites',
    public: true,
    responses: { 200: page('The page') },
    errors: { 404: page('No published site here') },
  }),
  file: doc({
    summary: 'A visitor files a privacy request about a published site (on the site’s own host); a confirmation link is mailed',
    description:
      'API clients post JSON and get JSON. The request page posts a form and gets a page: “check your email”, the form again with each field’s error (400), or 429.',
    tag: 'published sites',
    public: true,
    content: { 'application/json': P.NewPrivacyRequest, 'application/x-www-form-urlencoded': FormBody },
    responses: {
      202: { description: 'Filed; nothing happens until the mailed link is opened', content: { 'application/json': P.PrivacyRequestFiled, 'text/html': html } },
    },
    errors: {
      400: either('A field is missing or wrong (issues name each)'),
      404: either('No published site at this host'),
      429: either('Too many requests from this network: wait for the Retry-After header’s seconds'),
    },
  }),
  confirmPage: doc({
    summary: 'The page of a request’s confirmation link: what is being confirmed, and a button that posts (opening the link changes nothing)',
    tag: 'published sites',
    public: true,
    query: z.object({ token: z.string().optional() }),
    responses: { 200: page('The request the link names, with a “Confirm my request” button') },
    errors: { 404: page('No published site here, or the link was used, expired or is wrong') },
  }),
  confirm: doc({
    summary: 'A visitor confirms their request with the token from its mail (on the site’s own host): the deadline starts',
    description: 'JSON answers JSON; the confirmation page’s form gets a page with the due date in words.',
    tag: 'published sites',
    public: true,
    content: { 'application/json': P.ConfirmPrivacyRequest, 'application/x-www-form-urlencoded': z.object({ token: z.string() }) },
    responses: { 200: { description: 'Confirmed', content: { 'application/json': P.PrivacyRequestConfirmed, 'text/html': html } } },
    errors: {
      400: either('The link was used, expired or is wrong'),
      404: either('No published site at this host'),
      409: either('Already confirmed'),
    },
  }),
  css: doc({
    summary: 'The stylesheet of the privacy request pages',
    tag: 'published sites',
    public: true,
    responses: { 200: { content: { 'text/css': z.string() } } },
  }),
};

/** The first value of a form field (a repeated field counts once), trimmed. */
function formValues(body: unknown): PrivacyFormValues {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const out: PrivacyFormValues = {};
  for (const f of FORM_FIELDS) {
    const v = [raw[f]].flat()[0];
    if (typeof v === 'string') out[f] = f === 'details' ? v : v.trim();
  }
  return out;
}

/** What the form sends, as the API's input: empty optional fields left out, the state kept only for the United States. */
function formInput(v: PrivacyFormValues) {
  const country = v.country?.toUpperCase() ?? '';
  return {
    type: v.type || undefined,
    email: v.email ?? '',
    name: v.name || undefined,
    country,
    subdivision: country === 'US' && v.subdivision ? v.subdivision : undefined,
    details: v.details ?? '',
  };
}

/** Beyond the API's shape: a country and state from the form's lists. */
function listIssues(input: ReturnType<typeof formInput>): string[] {
  const fields: string[] = [];
  if (input.country && !isCountryCode(input.country)) fields.push('country');
  if (input.subdivision && !isUsState(input.subdivision)) fields.push('subdivision');
  return fields;
}

type NewRequestInput = z.infer<typeof P.NewPrivacyRequest>;

/** The status of a failure nobody planned for, when a browser gets it as a page. */
function statusOf(error: Error & { statusCode?: number }): number {
  if (error instanceof DomainError)
    return { invalid_input: 400, forbidden: 403, not_found: 404, conflict: 409, rate_limited: 429 }[error.code as string] ?? 500;
  return error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
}

export async function sitePrivacyPageRoutes(app: FastifyInstance, ctx: Context, live: LiveSites) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_req, body, done) =>
    done(null, parseUrlEncoded(String(body))),
  );
  // Every answer here, pages and JSON alike, is a site page: strict CSP, hardening headers, noindex, no-store.
  app.addHook('onRequest', async (_req, reply) => {
    privatePageHeaders(reply);
  });
  // A browser gets a page for failures nobody planned for; JSON clients get the app's JSON errors.
  app.setErrorHandler((error: Error & { statusCode?: number }, req, reply) => {
    if (isJsonBody(req)) throw error;
    const status = statusOf(error);
    if (status >= 500) req.log.error({ err: error }, 'privacy request page failed');
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><html lang="en"><title>Something went wrong</title><p>Something went wrong with this page. Please go back and try again in a moment.</p></html>',
      );
  });
  // Per network: a person files a request or two, a script thousands of mails. The address is kept in memory for the window only.
  const perIp = app.createRateLimit({ max: ctx.config.privacyRequestLimitPerIp, timeWindow: 3600_000, keyGenerator: (req) => `site-rq-ip:${req.ip}` });

  const requestSite = (site: LiveSite) => ({ id: site.siteId, name: site.siteName, region: site.region, url: site.siteUrl });
  const renderCtx = (site: LiveSite): RenderContext => ({ siteUrl: site.siteUrl, siteName: site.siteName });
  const sendPage = (reply: FastifyReply, status: number, body: string) => reply.code(status).type('text/html; charset=utf-8').send(body);
  const noSite = (req: FastifyRequest, reply: FastifyReply) => {
    if (isJsonBody(req)) throw notFound('published site');
    return sendPage(reply, 404, NO_SITE_PAGE);
  };

  app.get(PRIVACY_PAGE_CSS.path, { config: DOCS.css }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(PRIVACY_PAGE_CSS.body),
  );

  app.get('/_atrium/privacy', { config: DOCS.page }, async (req, reply) => {
    const [site] = await siteAtHost(live, req);
    if (!site) return noSite(req, reply);
    return sendPage(reply, 200, renderPrivacyRequestPage(await site.document(), renderCtx(site)));
  });

  app.post('/_atrium/privacy', { bodyLimit: FORM_BODY_LIMIT, config: DOCS.file }, async (req, reply) => {
    const [site] = await siteAtHost(live, req);
    if (!site) return noSite(req, reply);
    const file = async (input: NewRequestInput) =>
      fileRequest(ctx, siteRequests(ctx, requestSite(site)), await siteController(ctx, requestSite(site)), input, siteConfirmLink(site.siteUrl));

    if (isJsonBody(req)) {
      const input = parseInput(P.NewPrivacyRequest, req.body);
      const limit = await perIp(req);
      if (!limit.isAllowed && limit.isExceeded) throw rateLimited('too many requests from your network; try again later', limit.ttlInSeconds);
      const { id } = await file(input);
      return reply.code(202).send({ id, message: `We sent a confirmation link to ${input.email}. Your request starts when you open it.` });
    }

    const document = await site.document();
    const values = formValues(req.body);
    const raw = formInput(values);
    const parsed = P.NewPrivacyRequest.safeParse(raw);
    const refused = [...(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0] ?? ''))), ...listIssues(raw)];
    if (!parsed.success || refused.length) {
      const errors = formErrors(privacyPageStrings(document.defaultLanguage), refused, values);
      return sendPage(reply, 400, renderPrivacyRequestPage(document, renderCtx(site), values, errors));
    }
    const input = parsed.data;
    const limit = await perIp(req);
    if (!limit.isAllowed && limit.isExceeded) {
      reply.header('retry-after', String(limit.ttlInSeconds));
      return sendPage(reply, 429, renderPrivacyTooManyPage(document, renderCtx(site), limit.ttlInSeconds));
    }
    await file(input);
    return sendPage(reply, 202, renderPrivacySentPage(document, renderCtx(site), input.email.trim().toLowerCase()));
  });

  app.get<{ Querystring: { token?: string } }>('/_atrium/privacy/confirm', { config: DOCS.confirmPage }, async (req, reply) => {
    const [site] = await siteAtHost(live, req);
    if (!site) return noSite(req, reply);
    const document = await site.document();
    const token = typeof req.query.token === 'string' && req.query.token.length <= 200 ? req.query.token : '';
    const pending = token ? await pendingRequest(ctx, siteRequests(ctx, requestSite(site)), token) : undefined;
    if (!pending) return sendPage(reply, 404, renderPrivacyInvalidLinkPage(document, renderCtx(site)));
    return sendPage(reply, 200, renderPrivacyConfirmPage(document, renderCtx(site), token, pending.type as RequestKind));
  });

  app.post('/_atrium/privacy/confirm', { config: DOCS.confirm }, async (req, reply) => {
    const [site] = await siteAtHost(live, req);
    if (!site) return noSite(req, reply);
    const store = siteRequests(ctx, requestSite(site));
    const confirm = async (token: string) => verifyRequest(ctx, store, await siteController(ctx, requestSite(site)), token, site.region);

    if (isJsonBody(req)) {
      const { token } = parseInput(P.ConfirmPrivacyRequest, req.body);
      const row = await confirm(token);
      return { id: row.id, type: row.type, status: row.status, dueAt: row.due_at };
    }

    const document = await site.document();
    const token = [((req.body ?? {}) as Record<string, unknown>).token].flat()[0];
    let row;
    try {
      row = await confirm(parseInput(P.ConfirmPrivacyRequest, { token }).token);
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== 'invalid_input' && e.code !== 'conflict')) throw e;
      return sendPage(reply, e.code === 'conflict' ? 409 : 400, renderPrivacyInvalidLinkPage(document, renderCtx(site)));
    }
    return sendPage(reply, 200, renderPrivacyConfirmedPage(document, renderCtx(site), { email: row.email, dueAt: new Date(row.due_at!) }));
  });
}
