// The serving hot path: a hostname + path lookup of precomputed, precompressed
// bytes. It runs before Fastify's router, on the raw Node request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveSite, LiveSites, ServedFile } from './live-sites.js';
import { cookieHeader } from '../cookies/registry.js';
import { issueFormToken } from '../forms/token.js';
import { trustFunction, type TrustFn } from '../lib/trust-proxy.js';
import { isSecure, siteHeaders } from './site-headers.js';
import { guard } from './protection.js';
import { PROTECT_PATH } from '../rendering/password-page.js';
import { answerLanguagePick, LANG_PATH, redirectRoot, rootTarget } from './language.js';
import { notFoundKey } from '../publishing/build-files.js';

const NO_PROXY = trustFunction(false);

const UNKNOWN_HOST_PAGE = Buffer.from(
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Site not found</title></head>' +
    '<body><main><h1>Site not found</h1><p>No published site answers at this address.</p></main></body></html>',
);

export const FORMS_PREFIX = '/_atrium/forms/';
/** Cookie choices (POST) and the no-JavaScript cookie settings page with its stylesheet: answered by Fastify (routes/consent.ts). */
export const CONSENT_PATH = '/_atrium/consent';
export const COOKIES_PREFIX = '/_atrium/cookies';
/** A visitor's privacy requests: the request page, filing and confirming (routes/site-privacy-requests.ts). */
export const PRIVACY_PATH = '/_atrium/privacy';
/** The analytics beacon endpoint (hosting/beacon.ts). */
export const BEACON_PATH = '/_atrium/a';

/** Counts pageviews (src/analytics/collector.ts); may return a Set-Cookie value to add to the page. */
export interface PageCounter {
  count(req: IncomingMessage, site: LiveSite, path: string, revalidation: boolean, secure: boolean): string | undefined;
}

type Encoding = 'br' | 'gzip' | 'identity';

/**
 * A small memo for per-request header parsing: browsers send the same few
 * Accept-Encoding and Host strings over and over. Bounded so odd headers
 * cannot grow memory.
 */
function memo<T>(fn: (key: string) => T, max = 1000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = fn(key);
      if (cache.size >= max) cache.clear();
      cache.set(key, v);
    }
    return v;
  };
}

const negotiateMemo = memo(parseEncoding);

/** Picks br, gzip or identity from an Accept-Encoding header, honouring q=0. */
export function negotiateEncoding(header: string | undefined): Encoding {
  return header ? negotiateMemo(header) : 'identity';
}

function parseEncoding(header: string): Encoding {
  let br = false;
  let gz = false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === 'x-gzip') gz = true;
    else if (name === '*') br = gz = true;
  }
  return br ? 'br' : gz ? 'gzip' : 'identity';
}

export function normalizeHost(raw: string): string {
  const h = raw.startsWith('[') ? raw.slice(0, raw.indexOf(']') + 1) : raw.split(':')[0]!;
  return h.toLowerCase().replace(/\.$/, '');
}

/** Pages with a form hand out a fresh signed c_r_id_ token, scoped to the form endpoint. */
function withFormToken(head: string[], site: LiveSite, secure: boolean): string[] {
  const cookie = cookieHeader('c_r_id_', issueFormToken(site.formKey, site.siteId), { secure, path: '/_atrium/forms' });
  return [...head, 'set-cookie', cookie];
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  file: ServedFile,
  status: number,
  site: LiveSite,
  trust: TrustFn,
  path: string,
  counter: PageCounter | undefined,
) {
  const secure = isSecure(req, trust);
  const heads = secure ? file.headTls : file.head;
  const inm = req.headers['if-none-match'];
  const notModified = status === 200 && inm !== undefined && etagMatches(inm, file.etag);
  // Pageviews: a GET of a page (not assets, not the 404 page, not HEAD). Pushed to a buffer, nothing more here.
  const cookie = counter && status === 200 && file.page && req.method === 'GET' ? counter.count(req, site, path, notModified, secure) : undefined;
  if (notModified) {
    const head = file.form ? withFormToken(heads.notModified, site, secure) : heads.notModified;
    res.writeHead(304, cookie ? [...head, 'set-cookie', cookie] : head);
    res.end();
    return;
  }
  const enc = negotiateEncoding(req.headers['accept-encoding'] as string | undefined);
  const head = file.form ? withFormToken(heads[enc], site, secure) : heads[enc];
  res.writeHead(status, cookie ? [...head, 'set-cookie', cookie] : head);
  res.end(req.method === 'HEAD' ? undefined : enc === 'br' ? file.br : enc === 'gzip' ? file.gz : file.identity);
}

function etagMatches(header: string, etag: string) {
  return header === etag || header === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** Answers a path the site's redirects name with a 301 (the query string carries over to a path); false if none does. */
function redirect(req: IncomingMessage, res: ServerResponse, site: LiveSite, trust: TrustFn, url: string, q: number): boolean {
  let path = q === -1 ? url : url.slice(0, q);
  try {
    path = decodeURIComponent(path);
  } catch {
    return false;
  }
  const to = site.redirects.get(path.length > 1 ? path.replace(/\/+$/, '') : path);
  if (to === undefined) return false;
  const location = to.startsWith('/') && q !== -1 && !to.includes('?') ? to + url.slice(q) : to;
  res.writeHead(301, siteHeaders(isSecure(req, trust), { location, 'cache-control': 'public, max-age=3600' }));
  res.end();
  return true;
}

export function servePublished(req: IncomingMessage, res: ServerResponse, site: LiveSite | null, trust: TrustFn = NO_PROXY, counter?: PageCounter) {
  if (!site) {
    res.writeHead(404, siteHeaders(isSecure(req, trust), { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }));
    res.end(req.method === 'HEAD' ? undefined : UNKNOWN_HOST_PAGE);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, siteHeaders(isSecure(req, trust), { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }));
    res.end('Method not allowed');
    return;
  }
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  let path = q === -1 ? url : url.slice(0, q);
  let file = site.files.get(path);
  // A multi-language site's root may send the visitor to the language they picked: only then is a cookie read.
  if (site.languages !== undefined && path === '/') {
    const target = rootTarget(req, site.languages);
    if (target) return redirectRoot(res, isSecure(req, trust), target, q === -1 ? '' : url.slice(q));
  }
  if (!file && path === LANG_PATH) return answerLanguagePick(req, res, site, isSecure(req, trust), q === -1 ? '' : url.slice(q + 1));
  if (!file && path.length > 1 && path.endsWith('/')) {
    // One canonical URL per page: /pricing/ redirects to /pricing.
    const bare = path.replace(/\/+$/, '') || '/';
    if (site.files.has(bare)) {
      // Not even a redirect tells a visitor without the password which pages exist.
      if (site.protection !== null && guard(req, res, site.protection, bare, true, url, isSecure(req, trust))) return;
      res.writeHead(301, siteHeaders(isSecure(req, trust), { location: bare + (q === -1 ? '' : url.slice(q)), 'cache-control': 'public, max-age=3600' }));
      res.end();
      return;
    }
  }
  /** The release's name of the file found. */
  let key = path;
  if (!file) {
    try {
      path = decodeURIComponent(path);
      key = path.toLowerCase();
      file = site.files.get(key);
    } catch {
      /* malformed escapes: fall through to 404 */
    }
  }
  // Protected sites and pages: the password page instead, unless the u_sp cookie proves the password.
  if (site.protection !== null && guard(req, res, site.protection, key, file !== undefined, url, isSecure(req, trust))) return;
  if (file) send(req, res, file, 200, site, trust, path, counter);
  else if (site.redirects.size && redirect(req, res, site, trust, url, q)) return;
  else send(req, res, notFoundPage(site, path), 404, site, trust, path, counter);
}

/** The 404 page in the language whose pages the path is under (/fr/...), else the default language's. */
function notFoundPage(site: LiveSite, path: string): ServedFile {
  if (site.languages === undefined) return site.notFound;
  const segment = path.split('/')[1] ?? '';
  return site.files.get(notFoundKey(segment.toLowerCase())) ?? site.notFound;
}

/** The URL's path is exactly `path` (a query string may follow). */
const isPath = (url: string, path: string) => url === path || (url.startsWith(path) && url[path.length] === '?');

/** Serves the request if its host is a published site; returns false for the app's own hosts. */
export function createSiteHandler(
  live: LiveSites,
  isAppHost: (host: string) => boolean,
  trust: TrustFn = NO_PROXY,
  counter?: PageCounter,
  beacon?: (req: IncomingMessage, res: ServerResponse, host: string) => void,
) {
  // Host header -> the site host it names, or '' for the app's own hosts.
  const siteHost = memo((raw) => {
    const host = normalizeHost(raw);
    return isAppHost(host) ? '' : host;
  });
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const host = siteHost(req.headers.host ?? '');
    if (host === '') return false;
    // Form submissions need body parsing and validation: Fastify's job (routes/forms.ts).
    // Consent: stored choices and a page that shows the visitor's own; rendered per request.
    if (req.url?.startsWith('/_atrium/c') && (req.url.startsWith(COOKIES_PREFIX) || (req.method === 'POST' && isPath(req.url, CONSENT_PATH)))) return false;
    // So do a visitor's privacy requests, page and posts alike.
    if (req.url?.startsWith(PRIVACY_PATH) && (isPath(req.url, PRIVACY_PATH) || req.url.startsWith(`${PRIVACY_PATH}/`))) return false;
    // So does the password page's form and its stylesheet (routes/site-password.ts).
    if (req.url?.startsWith(PROTECT_PATH)) return false;
    if (req.method === 'POST') {
      // Analytics beacon events: answered here too, as often as pages (hosting/beacon.ts).
      if (req.url === BEACON_PATH && beacon) {
        beacon(req, res, host);
        return true;
      }
      if (req.url?.startsWith(FORMS_PREFIX) || req.url === BEACON_PATH) return false;
    }
    const cached = live.peek(host);
    if (cached !== undefined) servePublished(req, res, cached, trust, counter);
    else
      live.load(host).then(
        (site) => servePublished(req, res, site, trust, counter),
        () => {
          res.writeHead(
            503,
            siteHeaders(isSecure(req, trust), { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5', 'cache-control': 'no-store' }),
          );
          res.end('Temporarily unavailable');
        },
      );
    return true;
  };
}
