// The analytics beacon endpoint of published sites: POST /_atrium/a on the
// site's own host, a text/plain JSON body from navigator.sendBeacon (see
// src/analytics/beacon.ts for the events). The host decides the site: an
// event naming a page of another host, or sent from another origin, is
// refused; so is anything malformed or too large, and every event of a site
// whose live release does not load the beacon (doc.analytics.beacon). Floods
// are limited per IP address, counted in memory only. Accepted events join
// the pageview buffer.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { BEACON_MAX_BYTES, BeaconBody } from '../../analytics/beacon.js';
import type { Collector } from '../../analytics/collector.js';
import type { LiveSites } from '../../hosting/live-sites.js';
import { BEACON_PATH, normalizeHost } from '../../hosting/serve.js';
import { parseInput } from '../../lib/validate.js';
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
      403: 'The event names a page of another site, or comes from another origin',
      404: 'No published site here, analytics is off, or the site does not use the beacon',
      413: 'The body is larger than 2 KB',
      429: 'Too many events from this network: wait for the Retry-After header’s seconds',
    },
  }),
};

const refuse = (reply: FastifyReply, status: number, error: string, message: string) => reply.code(status).send({ error, message });

export async function beaconRoutes(app: FastifyInstance, ctx: Context, live: LiveSites, collector: Collector | undefined) {
  const perIp = app.createRateLimit({ max: ctx.config.analyticsBeaconPerIp, timeWindow: 60_000, keyGenerator: (req) => `beacon-ip:${req.ip}` });

  app.post(BEACON_PATH, { bodyLimit: BEACON_MAX_BYTES, config: DOCS.beacon }, async (req, reply) => {
    const host = normalizeHost(req.headers.host ?? '');
    const site = live.peek(host) ?? (await live.load(host));
    if (!site || !collector || !site.beacon) return refuse(reply, 404, 'not_found', 'no published site with the analytics beacon answers here');
    const limit = await perIp(req);
    if (!limit.isAllowed && limit.isExceeded) {
      reply.header('retry-after', limit.ttlInSeconds);
      return refuse(reply, 429, 'rate_limited', `too many events from your network; try again in ${limit.ttlInSeconds} seconds`);
    }
    let raw: unknown = req.body;
    if (typeof raw === 'string') {
      try {
        raw = JSON.parse(raw);
      } catch {
        return refuse(reply, 400, 'invalid_json', 'the body is not valid JSON');
      }
    }
    const event = parseInput(BeaconBody, raw);
    const page = new URL(event.page);
    if (normalizeHost(page.host) !== host) return refuse(reply, 403, 'foreign_site', 'page: the event names a page of another site');
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && normalizeHost(URL.canParse(origin) ? new URL(origin).host : '') !== host)
      return refuse(reply, 403, 'foreign_site', 'the event comes from another site');
    if (!site.files.get(page.pathname)?.page) return refuse(reply, 400, 'invalid_input', 'page: not a page of this site');
    collector.beacon({
      site,
      at: Date.now(),
      path: page.pathname,
      url: page.pathname + page.search,
      headers: req.headers,
      peer: req.socket.remoteAddress ?? '',
      revalidation: false,
      beacon: event,
    });
    return reply.code(204).send();
  });
}
