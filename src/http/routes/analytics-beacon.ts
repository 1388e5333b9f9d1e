// The analytics beacon endpoint of published sites, POST /_atrium/a, as the
// API documents it. A published site's own host is answered before the router
// (src/hosting/beacon.ts); requests that reach Fastify (another host) take the
// same checks, and find no site.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BEACON_MAX_BYTES, BeaconBody } from '../../analytics/beacon.js';
import type { Collector } from '../../analytics/collector.js';
import { answerBeacon, type BeaconLimiter } from '../../hosting/beacon.js';
import type { LiveSites } from '../../hosting/live-sites.js';
import { BEACON_PATH, normalizeHost } from '../../hosting/serve.js';
import { peerOf } from '../../lib/peer.js';
import { doc } from '../openapi/route-doc.js';

const DOCS = {
  beacon: doc({
    summary: 'The analytics beacon of a published site reports an event (on the site’s own host)',
    description:
      'A text/plain (sendBeacon) or application/json body: engagement (screen width, time on page), outbound, download or custom. `page` must be a page URL of the host the request is sent to.',
    tag: 'published sites',
    public: true,
    content: { 'text/plain': z.string(), 'application/json': BeaconBody },
    responses: { 204: null },
    errors: {
      403: 'The event names a page of another site, comes from another origin, or names a protected page whose password the visitor has not entered',
      404: 'No published site here, analytics is off, or the site does not use the beacon',
      413: 'The body is larger than 2 KB',
      415: 'The body is neither text/plain nor application/json',
      429: 'Too many events from this network: wait for the Retry-After header’s seconds',
    },
  }),
};

export async function beaconRoutes(app: FastifyInstance, live: LiveSites, collector: Collector | undefined, limiter: BeaconLimiter) {
  app.post(BEACON_PATH, { bodyLimit: BEACON_MAX_BYTES, config: DOCS.beacon, helmet: false }, async (req, reply) => {
    const host = normalizeHost(req.headers.host ?? '');
    const site = live.peek(host) ?? (await live.load(host));
    const a = answerBeacon(site, collector, limiter, {
      host,
      contentType: req.headers['content-type'],
      origin: req.headers.origin,
      ip: req.ip,
      body: typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? null),
      hit: { headers: req.headers, peer: peerOf(req.socket) },
    });
    reply.header('x-content-type-options', 'nosniff');
    if (a.retryAfter) reply.header('retry-after', a.retryAfter);
    return reply.code(a.status).send(a.body);
  });
}
