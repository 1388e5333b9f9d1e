// The password page's form on a protected site's own host: POST
// /_atrium/protect with the password and the page to go on to. A right
// password adds a grant for its scope to the u_sp cookie and sends the
// visitor on (303); a wrong one shows the page again with the error. Wrong
// guesses are limited per site and address (src/protection/guess-limit.ts).
// Also serves the page's stylesheet.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { verifyPassword } from '../../accounts/passwords.js';
import { setCookie } from '../../cookies/set-cookie.js';
import { passwordPage, scopesFor, type SiteProtection } from '../../hosting/protection.js';
import type { LiveSite, LiveSites } from '../../hosting/live-sites.js';
import { withGrant } from '../../protection/grants.js';
import { GuessLimit } from '../../protection/guess-limit.js';
import { PASSWORD_PAGE_CSS } from '../../rendering/password-css.js';
import { PROTECT_PATH } from '../../rendering/password-page.js';
import { doc } from '../openapi/route-doc.js';
import { NO_SITE_PAGE, privatePageHeaders, siteAtHost } from '../site-page.js';
import { parseUrlEncoded } from './forms.js';

const EnterBody = z.object({ password: z.string(), next: z.string().optional() });
const page = (description: string) => ({ description, content: { 'text/html': z.string() } });

const DOCS = {
  enter: doc({
    summary: 'A visitor enters the password of a protected site or page (on the site’s own host)',
    description:
      'A plain form post from the password page. The right password sets the u_sp cookie and redirects to `next`; a wrong one answers the page again.',
    tag: 'published sites',
    public: true,
    content: { 'application/x-www-form-urlencoded': EnterBody },
    responses: { 303: null },
    errors: {
      400: page('No password was entered'),
      403: page('The password is not right'),
      404: page('No published site answers here'),
      429: page('Too many wrong passwords: wait for the Retry-After header’s seconds'),
    },
  }),
  css: doc({
    summary: 'The password page’s stylesheet',
    tag: 'published sites',
    public: true,
    responses: { 200: { content: { 'text/css': z.string() } } },
  }),
};

/** Where to go once in: a path of this site (never another origin), else the home page. */
export function safeNext(raw: unknown): string {
  const next = typeof raw === 'string' ? raw : '';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && next.length <= 2048 && !/[\r\n]/.test(next) ? next : '/';
}

/** The scopes `next` asks for, resolved like serving resolves a request path. */
function scopesOfNext(site: LiveSite, p: SiteProtection, next: string): string[] | undefined {
  let path = next.split('?')[0]!;
  if (path.length > 1 && path.endsWith('/') && !site.files.has(path)) path = path.replace(/\/+$/, '') || '/';
  if (!site.files.has(path))
    try {
      path = decodeURIComponent(path).toLowerCase();
    } catch {
      /* malformed: the 404 page's scopes */
    }
  return scopesFor(p, path, site.files.has(path));
}

export async function sitePasswordRoutes(app: FastifyInstance, ctx: Context, live: LiveSites) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) =>
    done(null, parseUrlEncoded(String(body))),
  );
  const guesses = new GuessLimit(ctx.clock);

  app.get(PASSWORD_PAGE_CSS.path, { config: DOCS.css }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(PASSWORD_PAGE_CSS.body),
  );

  app.post(PROTECT_PATH, { bodyLimit: 4096, config: DOCS.enter }, async (req, reply) => {
    const [site] = await siteAtHost(live, req);
    privatePageHeaders(reply).type('text/html; charset=utf-8');
    if (!site) return reply.code(404).send(NO_SITE_PAGE);
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const next = safeNext(body.next);
    const p = site.protection;
    const scopes = p && scopesOfNext(site, p, next);
    // Nothing to enter (any more): on to the page.
    if (!p || !scopes) return reply.code(303).header('location', next).send();
    const again = (status: number, error: 'wrong' | 'empty' | 'tooMany', r: FastifyReply = reply) => r.code(status).send(passwordPage(p, scopes, next, error));

    const verdict = guesses.check(site.siteId, req.ip);
    if (!verdict.ok) return again(429, 'tooMany', reply.header('retry-after', String(verdict.retryAfterSeconds)));
    const password = typeof body.password === 'string' ? body.password : '';
    if (!password) return again(400, 'empty');
    for (const scope of scopes)
      if (await verifyPassword(p.hashes.get(scope), password)) {
        setCookie(req, reply, 'u_sp', withGrant(req.cookies.u_sp, p.expected, scope));
        return reply.code(303).header('location', next).send();
      }
    guesses.failed(site.siteId, req.ip);
    return again(403, 'wrong');
  });
}
