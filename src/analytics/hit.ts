// What the beacon endpoint hands to analytics: the raw request facts, copied
// (wire.ts) into the batch the analytics worker processes (collector.ts).
// Nothing here is parsed, hashed or stored on the hot path; the address and
// user agent never leave memory.
import type { IncomingHttpHeaders } from 'node:http';
import type { BeaconEvent } from './beacon.js';

/** The facts of a site analytics needs, read when the hit is processed (not when it is counted). */
export interface HitSite {
  siteId: string;
  region: string;
  /** The live release's consent setting: GPC also refuses analytics. */
  gpcRefusesAnalytics: boolean;
}

export interface Hit {
  site: HitSite;
  /** Date.now() when the request came in (mapped to the context clock when handed over). */
  at: number;
  /** The page's path, as the site serves it. */
  path: string;
  /** The request URL (its query holds UTM tags). */
  url: string;
  /** The request's headers (only the few analytics reads are copied). */
  headers: IncomingHttpHeaders;
  /** The socket's peer address; the client address is resolved at flush through the trusted proxies. */
  peer: string;
  /** A 304 answer to a revalidation. */
  revalidation: boolean;
  /** Set for events from the beacon (src/analytics/beacon.ts), absent for pageviews counted while serving. */
  beacon?: BeaconEvent;
}
