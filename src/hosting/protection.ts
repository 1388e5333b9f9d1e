// Protected sites and pages on the serving path. A site with a password (for
// itself or a page of its live release) is loaded with a SiteProtection; a
// site without one has `protection: null`, and serving it costs one property
// check. The passwords come from the control database with the live site and
// again after every change (site.protection_changed), never from the release.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '../context.js';
import { accessRules, SITE_SCOPE, type AccessRules } from '../protection/access.js';
import { GRANT_SECRET, grantCookie, grantMac, holdsGrant, parseGrants } from '../protection/grants.js';
import { renderPasswordPage, type PasswordPageInput } from '../rendering/password-page.js';
import { languageOfPath } from '../site-document/translations.js';
import { serverSecret } from '../secrets/secrets.js';
import type { SiteDocument } from '../site-document/schema.js';
import { siteHeaders } from './site-headers.js';

export interface SiteProtection {
  rules: AccessRules;
  /** Scope -> the mac a valid u_sp grant carries (signed over the password's current version). */
  expected: Map<string, string>;
  /** Scope -> the password's argon2id hash. */
  hashes: Map<string, string>;
  doc: SiteDocument;
  siteName: string;
  /** Rendered password pages, by kind and language ('site:fr'), split where the next path goes. */
  templates: Record<string, [string, string]>;
}

/** The site's protection for its live release's document, or null when nothing of it asks for a password. */
export async function loadProtection(ctx: Context, siteId: string, siteName: string, document: () => Promise<SiteDocument>): Promise<SiteProtection | null> {
  const rows = await ctx.dbs.control.selectFrom('site_passwords').select(['scope', 'password_hash', 'version']).where('site_id', '=', siteId).execute();
  if (!rows.length) return null;
  const doc = await document();
  const rules = accessRules(doc, new Set(rows.map((r) => r.scope)));
  // Passwords only of pages this release does not have: nothing to protect.
  if (!rules.siteWide && !rules.paths.size) return null;
  const key = await serverSecret(ctx, GRANT_SECRET);
  return {
    rules,
    expected: new Map(rows.map((r) => [r.scope, grantMac(key, siteId, r.scope, r.version)])),
    hashes: new Map(rows.map((r) => [r.scope, r.password_hash])),
    doc,
    siteName,
    templates: {},
  };
}

/**
 * The scopes whose password admits to `path` (any one of them), or undefined when it is public.
 * `known`: the release has the path (else it answers the 404 page, protected too on a protected site).
 */
export function scopesFor(p: SiteProtection, path: string, known: boolean): string[] | undefined {
  return known ? p.rules.paths.get(path) : p.rules.siteWide ? [SITE_SCOPE] : undefined;
}

/** Whether the request's u_sp cookie holds a valid grant for one of `scopes`. */
export function admits(p: SiteProtection, req: Pick<IncomingMessage, 'headers'>, scopes: readonly string[]): boolean {
  const value = grantCookie(req.headers.cookie);
  return value !== undefined && holdsGrant(parseGrants(value), scopes, p.expected);
}

const MARK = '__ATRIUM_NEXT__';
const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The password page asking for one of `scopes`, sending the visitor on to `next`. */
export function passwordPage(p: SiteProtection, scopes: readonly string[], next: string, error?: PasswordPageInput['error']): string {
  const kind = scopes.includes(SITE_SCOPE) ? 'site' : 'page';
  const homeLink = next.split('?')[0] !== '/' && !p.rules.paths.has('/');
  const lang = languageOfPath(p.doc, next);
  if (error) return renderPasswordPage(p.doc, p.siteName, { kind, next, error, homeLink, lang });
  // The common case (a plain GET) fills a template rendered once per site load (and language).
  const t = (p.templates[`${kind}:${lang}`] ??= renderPasswordPage(p.doc, p.siteName, { kind, next: MARK, homeLink: true, lang }).split(MARK) as [
    string,
    string,
  ]);
  const page = t[0] + escapeAttr(next) + t[1];
  return homeLink ? page : page.replace(/<a class="pw-home"[^>]*>[^<]*<\/a>/, '');
}

const unescapeXml = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

/** The release's sitemap without the pages that ask for a password. */
export function publicSitemap(body: Buffer, siteUrl: string, rules: AccessRules): Buffer {
  const lines = body
    .toString('utf8')
    .split('\n')
    .filter((line) => {
      const loc = /<loc>([^<]*)<\/loc>/.exec(line)?.[1];
      if (loc === undefined) return true;
      const url = unescapeXml(loc);
      const path = url.startsWith(siteUrl) ? url.slice(siteUrl.length) || '/' : null;
      return !rules.siteWide && !(path !== null && rules.paths.has(path));
    });
  return Buffer.from(lines.join('\n'));
}

/**
 * Answers the password page when `path` asks for a password the request's cookie does not prove; returns
 * whether it did. Never counted as a pageview, never cached, never indexed.
 */
export function guard(req: IncomingMessage, res: ServerResponse, p: SiteProtection, path: string, known: boolean, next: string, secure: boolean): boolean {
  const scopes = scopesFor(p, path, known);
  if (!scopes || admits(p, req, scopes)) return false;
  const body = Buffer.from(passwordPage(p, scopes, next));
  res.writeHead(
    403,
    siteHeaders(secure, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-robots-tag': 'noindex',
      'content-length': String(body.length),
    }),
  );
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
