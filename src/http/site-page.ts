// What every page Atrium renders on request on a published site's host (the
// cookie settings and privacy request pages) shares: the site the Host header
// names, and the headers of a site page: the strict CSP, the hardening headers
// (HSTS is added for HTTPS by the app), noindex and no caching.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveSite, LiveSites } from '../hosting/live-sites.js';
import { normalizeHost } from '../hosting/serve.js';
import { CSP, SECURITY_HEADERS } from '../hosting/site-headers.js';

/** The live site at the request's host (null when none), and that host. */
export async function siteAtHost(live: LiveSites, req: FastifyRequest): Promise<[LiveSite | null, string]> {
  const host = normalizeHost(req.headers.host ?? '');
  return [live.peek(host) ?? (await live.load(host)), host];
}

/** The strict CSP and the hardening headers of every site page. */
export function sitePageHeaders(reply: FastifyReply): FastifyReply {
  reply.header('content-security-policy', CSP);
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
  return reply;
}

/** A page only for the visitor in front of it: never stored by a cache, never indexed. */
export function privatePageHeaders(reply: FastifyReply): FastifyReply {
  return sitePageHeaders(reply).header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
}

export const NO_SITE_PAGE = '<!doctype html><title>Site not found</title><p>No published site answers at this address.</p>';

/** A body that is JSON: what the consent runtime and API clients send (browsers' forms never do). */
export const isJsonBody = (req: FastifyRequest) => /application\/json/.test(String(req.headers['content-type'] ?? ''));
