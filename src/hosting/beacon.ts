// The analytics beacon endpoint of published sites: POST /_atrium/a on the
// site's own host, a text/plain JSON body from navigator.sendBeacon (see
// src/analytics/beacon.ts for the events). Like pages, it is answered on the
// raw Node request, before Fastify's router: a beacon is as frequent as a
// pageview, and the router's body parsing, hooks and reply object cost more
// than the rest of the work. The host decides the site: an event naming a page
// of another host, or sent from another origin, is refused; so is anything
// malformed or too large, and every event of a site whose live release does
// not load the beacon (doc.analytics.beacon). Floods are limited per client
// address, counted in memory only. Accepted events join the pageview buffer.
// routes/analytics-beacon.ts documents the endpoint in the OpenAPI document.
import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import { BEACON_MAX_BYTES, BeaconBody, type BeaconEvent } from '../analytics/beacon.js';
import type { Hit } from '../analytics/hit.js';
import { peerOf } from '../lib/peer.js';
import type { TrustFn } from '../lib/trust-proxy.js';
import type { LiveSite, LiveSites } from './live-sites.js';
import { admits } from './protection.js';
import { normalizeHost } from './serve.js';

/** Where accepted events go (src/analytics/collector.ts). */
export interface BeaconSink {
  beacon(hit: Hit): void;
}

export interface BeaconAnswer {
  status: number;
  /** Absent on 204. */
  body?: { error: string; message: string; issues?: { path: string; message: string }[] };
  retryAfter?: number;
}

const refuse = (status: number, error: string, message: string, extra: Partial<BeaconAnswer> = {}): BeaconAnswer => ({
  status,
  body: { error, message },
  ...extra,
});
const ACCEPTED: BeaconAnswer = { status: 204 };

/** Events counted per client address in fixed one-minute windows; the counts live in memory and go with each window. */
export class BeaconLimiter {
  private counts = new Map<string, number>();
  private windowEnds = 0;

  constructor(private readonly perMinute: number) {}

  /** Seconds to wait when `ip` is over its limit, else 0 (and the event is counted). */
  take(ip: string, now = Date.now()): number {
    if (now >= this.windowEnds) {
      this.counts = new Map();
      this.windowEnds = now + 60_000;
    }
    const n = (this.counts.get(ip) ?? 0) + 1;
    this.counts.set(ip, n);
    return n > this.perMinute ? Math.ceil((this.windowEnds - now) / 1000) : 0;
  }
}

/** What the endpoint reads of a request. */
export interface BeaconRequest {
  host: string;
  contentType: string | undefined;
  origin: string | undefined;
  /** The client's address (through trusted proxies): the rate limit's key, never stored. */
  ip: string;
  body: string;
  hit: Pick<Hit, 'headers' | 'peer'>;
}

/** Checks an event against its site and hands it to analytics; the answer to send. */
export function answerBeacon(site: LiveSite | null, sink: BeaconSink | undefined, limiter: BeaconLimiter, r: BeaconRequest): BeaconAnswer {
  if (!site || !sink || !site.beacon) return refuse(404, 'not_found', 'no published site with the analytics beacon answers here');
  const wait = limiter.take(r.ip);
  if (wait) return refuse(429, 'rate_limited', `too many events from your network; try again in ${wait} seconds`, { retryAfter: wait });
  const type = r.contentType?.split(';')[0]!.trim().toLowerCase();
  if (type !== 'text/plain' && type !== 'application/json')
    return refuse(415, 'unsupported_media_type', 'send the event as JSON with Content-Type text/plain or application/json');
  let raw: unknown;
  try {
    raw = JSON.parse(r.body);
  } catch {
    return refuse(400, 'invalid_json', 'the body is not valid JSON');
  }
  const parsed = BeaconBody.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
    return { status: 400, body: { error: 'invalid_input', message: `invalid input: ${issues[0]!.path}: ${issues[0]!.message}`, issues } };
  }
  const event: BeaconEvent = parsed.data;
  const page = new URL(event.page);
  if (normalizeHost(page.host) !== r.host) return refuse(403, 'foreign_site', 'page: the event names a page of another site');
  if (r.origin && r.origin !== 'null' && normalizeHost(URL.canParse(r.origin) ? new URL(r.origin).host : '') !== r.host)
    return refuse(403, 'foreign_site', 'the event comes from another site');
  if (!site.files.get(page.pathname)?.page)
    return {
      status: 400,
      body: { error: 'invalid_input', message: 'page: not a page of this site', issues: [{ path: 'page', message: 'not a page of this site' }] },
    };
  // A protected page's events count only from visitors who entered its password (src/hosting/protection.ts).
  const scopes = site.protection?.rules.paths.get(page.pathname);
  if (scopes && !admits(site.protection!, r.hit, scopes)) return refuse(403, 'protected', 'page: the page asks for a password this visitor has not entered');
  sink.beacon({ site, at: Date.now(), path: page.pathname, url: page.pathname + page.search, ...r.hit, revalidation: false, beacon: event });
  return ACCEPTED;
}

const NO_CONTENT = ['x-content-type-options', 'nosniff', 'cache-control', 'no-store'];

/** Sends an answer on a raw response: an empty 204, or a short JSON error (never a document: no page headers). */
export function sendBeaconAnswer(res: ServerResponse, a: BeaconAnswer, close = false) {
  if (!a.body) {
    res.writeHead(a.status, close ? [...NO_CONTENT, 'connection', 'close'] : NO_CONTENT);
    res.end();
    return;
  }
  const json = JSON.stringify(a.body);
  const head = [...NO_CONTENT, 'content-type', 'application/json; charset=utf-8', 'content-length', String(Buffer.byteLength(json))];
  if (a.retryAfter) head.push('retry-after', String(a.retryAfter));
  if (close) head.push('connection', 'close');
  res.writeHead(a.status, head);
  res.end(json);
}

/** The raw handler of POST /_atrium/a on a site's host. */
export function createBeaconHandler(live: LiveSites, sink: BeaconSink | undefined, trust: TrustFn, limiter: BeaconLimiter) {
  // The client address behind trusted proxies, by peer and X-Forwarded-For: a visitor's events repeat both, and
  // resolving them (parsing every hop) costs more than the rest of the checks. Memory only; emptied when it holds 10 000.
  let addresses = new Map<string, string>();
  const clientIp = (req: IncomingMessage, peer: string) => {
    const forwarded = req.headers['x-forwarded-for'];
    if (!forwarded) return peer;
    const key = `${peer} ${forwarded}`;
    let ip = addresses.get(key);
    if (ip === undefined) {
      if (addresses.size >= 10_000) addresses = new Map();
      addresses.set(key, (ip = proxyAddr(req, trust)));
    }
    return ip;
  };
  return (req: IncomingMessage, res: ServerResponse, host: string) => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > BEACON_MAX_BYTES) {
      // Not read: the connection closes after the answer rather than receive a body nobody wants.
      sendBeaconAnswer(res, refuse(413, 'payload_too_large', `the event is larger than ${BEACON_MAX_BYTES} bytes`), true);
      req.resume();
      return;
    }
    let body = '';
    let size = 0;
    let tooLarge = false;
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      size += Buffer.byteLength(chunk);
      if (size > BEACON_MAX_BYTES) tooLarge = true;
      else body += chunk;
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (tooLarge) return sendBeaconAnswer(res, refuse(413, 'payload_too_large', `the event is larger than ${BEACON_MAX_BYTES} bytes`), true);
      const peer = peerOf(req.socket);
      const r: BeaconRequest = {
        host,
        contentType: req.headers['content-type'],
        origin: req.headers.origin,
        ip: clientIp(req, peer),
        body,
        hit: { headers: req.headers, peer },
      };
      const cached = live.peek(host);
      if (cached !== undefined) sendBeaconAnswer(res, answerBeacon(cached, sink, limiter, r));
      else
        live.load(host).then(
          (site) => sendBeaconAnswer(res, answerBeacon(site, sink, limiter, r)),
          () => sendBeaconAnswer(res, refuse(503, 'unavailable', 'temporarily unavailable; try again shortly')),
        );
    });
  };
}
