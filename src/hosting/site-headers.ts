// The headers every response on a published site's host carries: a strict
// CSP, the usual hardening headers, and HSTS when the visitor came over HTTPS.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { CSP } from '../consent/csp.js';
import { peerOf } from '../lib/peer.js';
import { lastEntry, type TrustFn } from '../lib/trust-proxy.js';

// The strict policy, the form pages' one, and each page's own when it holds custom code or embeds: src/consent/csp.ts.
export { CSP, FORM_CSP } from '../consent/csp.js';

export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()',
  'cross-origin-opener-policy': 'same-origin',
};

/** One year; no includeSubDomains: a subscriber's other subdomains are theirs to decide. */
export const HSTS = ['strict-transport-security', 'max-age=31536000'];

/** Whether the visitor reached us over TLS: directly, or as reported by a proxy we trust. */
export function isSecure(req: IncomingMessage, trust: TrustFn): boolean {
  if ((req.socket as TLSSocket).encrypted === true) return true;
  const proto = req.headers['x-forwarded-proto'];
  return typeof proto === 'string' && trust(peerOf(req.socket), 0) && lastEntry(proto) === 'https';
}

/** Headers for responses that are not a release file (redirects, 405, unknown hosts), as a flat array. */
export function siteHeaders(secure: boolean, extra: Record<string, string>): string[] {
  return [...Object.entries({ 'content-security-policy': CSP, ...SECURITY_HEADERS, ...extra }).flat(), ...(secure ? HSTS : [])];
}
