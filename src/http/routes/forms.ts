// The form endpoint of published sites: POST /_atrium/forms/:formId on the
// site's own host. Answers JSON to the runtime script, and a redirect or an
// error page to a plain (JavaScript-off) form post.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { receiveSubmission } from '../../forms/submissions.js';
import { checkFormToken, issueFormToken } from '../../forms/token.js';
import { cookieHeader } from '../../cookies/registry.js';
import { DomainError, type FieldIssue } from '../../lib/errors.js';
import type { LiveSite, LiveSites } from '../../hosting/live-sites.js';
import { normalizeHost } from '../../hosting/serve.js';
import { admits, scopesFor } from '../../hosting/protection.js';
import { renderFormErrorPage } from '../../rendering/render-site.js';
import { fill, formWords, siteStrings } from '../../site-strings/strings.js';
import { formIn } from '../../forms/definitions.js';
import { thanksPath } from '../../publishing/build-files.js';
import { doc, type ResponseDoc } from '../openapi/route-doc.js';
import { ErrorBody } from '../schemas/common.js';
import { FormReceived } from '../schemas/forms.js';

export const FORM_BODY_LIMIT = 64 * 1024;

const TOKEN_MESSAGES = { missing: 'tokenMissing', invalid: 'tokenInvalid', expired: 'tokenExpired', too_fast: 'tooFast' } as const;

/** application/x-www-form-urlencoded into an object; repeated keys become arrays (and are refused later). */
export function parseUrlEncoded(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : [prev, v].flat();
  }
  return out;
}

const FormFields = z.record(z.string(), z.union([z.string(), z.boolean()]));
/** JSON to the runtime script, an error page to a plain form post. */
const formError = (description: string): ResponseDoc => ({ description, content: { 'application/json': ErrorBody, 'text/html': z.string() } });

/** Each route's OpenAPI description (src/http/openapi), passed as its config when it registers. */
const DOCS = {
  submit: doc({
    summary: 'A visitor sends a form of a published site (on the site’s own host)',
    description:
      'Needs the c_r_id_ cookie the site set when the page was served. Answers JSON when the request accepts or sends JSON; a plain form post gets a redirect or an error page.',
    tag: 'published sites',
    public: true,
    content: { 'application/json': FormFields, 'application/x-www-form-urlencoded': FormFields },
    responses: { 201: FormReceived, 303: null },
    errors: {
      400: formError('Invalid fields (issues names each), or sent too fast'),
      403: formError('The form token is missing, invalid or expired, or the form is on a password-protected page the visitor has not entered'),
      404: formError('No such form on this site'),
      429: formError('Too many messages: wait for the Retry-After header’s seconds'),
    },
  }),
};

export async function formRoutes(app: FastifyInstance, ctx: Context, live: LiveSites) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_req, body, done) =>
    done(null, parseUrlEncoded(String(body))),
  );
  // Per visitor network and per site: enough for people, not for a flood. The IP is never stored.
  const perIp = app.createRateLimit({ max: ctx.config.formLimitPerIp, timeWindow: 60_000, keyGenerator: (req) => `form-ip:${req.ip}` });
  const perSite = app.createRateLimit({
    max: ctx.config.formLimitPerSite,
    timeWindow: 60_000,
    keyGenerator: (req) => `form-site:${normalizeHost(req.headers.host ?? '')}`,
  });

  app.post<{ Params: { formId: string }; Querystring: { lang?: string } }>(
    '/_atrium/forms/:formId',
    { bodyLimit: FORM_BODY_LIMIT, config: DOCS.submit },
    async (req, reply) => {
      const json = wantsJson(req);
      const host = normalizeHost(req.headers.host ?? '');
      const site = live.peek(host) ?? (await live.load(host));
      // A form on a page in a further language posts with ?lang=: its answers come out in it.
      const lang = site?.languages?.others.find((l) => l === req.query.lang);
      const s = siteStrings(lang ?? site?.languages?.default ?? 'en').form;
      const form = site?.forms.get(req.params.formId);
      if (!site || !form) return reply.code(404).send({ error: 'not_found', message: s.noSuchForm });
      // A form on a protected page takes messages only from visitors who entered its password.
      const scopes = site.protection && scopesFor(site.protection, form.pagePath, true);
      if (site.protection && scopes && !admits(site.protection, req.raw, scopes)) {
        if (!json) return reply.code(303).header('location', form.pagePath).send();
        return reply.code(403).send({ error: 'protected', message: 'this form is on a password-protected page: open the page and enter its password first' });
      }
      // Every answer carries a fresh single-use token, so the visitor can send again after a success or fix an error.
      reply.header(
        'set-cookie',
        cookieHeader('c_r_id_', issueFormToken(site.formKey, site.siteId), { secure: req.protocol === 'https', path: '/_atrium/forms' }),
      );
      const fail = async (status: number, error: string, message: string, issues: FieldIssue[] = []) =>
        json
          ? reply.code(status).send({ error, message, ...(issues.length ? { issues } : {}) })
          : reply
              .code(status)
              .type('text/html; charset=utf-8')
              .send(
                await errorPage(
                  site,
                  form.id,
                  issues.length ? issues.map((i) => ({ field: i.path, message: i.message })) : [{ field: '', message }],
                  backHref(req, form.pagePath),
                  lang,
                ),
              );

      for (const [limit, scope] of [
        [perIp, s.rateIp],
        [perSite, s.rateSite],
      ] as const) {
        const r = await limit(req);
        if (!r.isAllowed && r.isExceeded) {
          reply.header('retry-after', r.ttlInSeconds);
          return fail(429, 'rate_limited', fill(scope, { n: String(r.ttlInSeconds) }));
        }
      }
      const token = checkFormToken(site.formKey, site.siteId, req.cookies.c_r_id_);
      if (!token.ok)
        return fail(token.reason === 'too_fast' ? 400 : 403, token.reason === 'too_fast' ? 'too_fast' : 'unverified', s[TOKEN_MESSAGES[token.reason]]);
      const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
      try {
        await receiveSubmission(ctx, { siteId: site.siteId, siteName: site.siteName, region: site.region, form, lang }, body, token);
      } catch (e) {
        if (e instanceof DomainError && e.code === 'invalid_input') return fail(400, 'invalid_input', s.checkFields, (e.details.issues as FieldIssue[]) ?? []);
        if (e instanceof DomainError && e.code === 'conflict') return fail(409, 'already_sent', s.alreadySent);
        throw e;
      }
      const seen = formIn(form, lang);
      const redirect = seen.successRedirect && (lang ? localizedRedirect(site, seen.successRedirect, lang) : seen.successRedirect);
      const message = formWords(seen, lang ?? site.languages?.default ?? 'en').successMessage;
      if (json) return reply.code(201).send({ ok: true, message, ...(redirect ? { redirect } : {}) });
      return reply
        .code(303)
        .header('location', redirect ?? thanksPath({ defaultLanguage: site.languages?.default ?? '' }, form.id, lang ?? site.languages?.default ?? ''))
        .send();
    },
  );
}

function wantsJson(req: FastifyRequest) {
  return /application\/json/.test(String(req.headers.accept ?? '')) || /application\/json/.test(String(req.headers['content-type'] ?? ''));
}

/** Back to the page the form was on: the Referer when it is this site's, else the form's page. */
function backHref(req: FastifyRequest, pagePath: string) {
  try {
    const ref = new URL(String(req.headers.referer ?? ''));
    if (normalizeHost(ref.host) === normalizeHost(req.headers.host ?? '')) return ref.pathname;
  } catch {
    /* no or bad Referer */
  }
  return pagePath;
}

async function errorPage(site: LiveSite, formId: string, issues: { field: string; message: string }[], back: string, lang?: string) {
  return renderFormErrorPage(await site.document(), { siteUrl: site.siteUrl, siteName: site.siteName }, { formId, issues, backHref: back, lang });
}

/** A success redirect to a page of the site, to that page in the visitor's language (when it was published in it). */
function localizedRedirect(site: LiveSite, path: string, lang: string) {
  const localized = `/${lang.toLowerCase()}${path === '/' ? '' : path}`;
  return site.files.has(localized) ? localized : path;
}
