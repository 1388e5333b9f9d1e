// How hits travel from the serving thread to the analytics worker: the few
// request facts analytics reads, packed into one flat array per batch (cheap
// to copy between threads: no object per hit, no header object). Nothing is
// parsed here; the address and user agent stay in memory and are dropped by
// the worker once the hit is processed.
import type { IncomingHttpHeaders } from 'node:http';
import type { BeaconEvent } from './beacon.js';
import type { HitSite } from './hit.js';

export type Packed = (string | number)[];

/** Slots per hit in a packed batch. */
export const SLOTS = 16;

/** One hit as the worker reads it. */
export interface RawHit {
  siteId: string;
  region: string;
  gpcRefusesAnalytics: boolean;
  /** A 304 answer to a revalidation. */
  revalidation: boolean;
  /** Date.now() when the request came in. */
  at: number;
  path: string;
  url: string;
  userAgent: string;
  referer: string;
  acceptLanguage: string;
  cookie: string;
  /** Sec-Purpose (or Purpose, X-Purpose, X-Moz): prefetches and previews. */
  purpose: string;
  secGpc: string;
  host: string;
  forwardedFor: string;
  peer: string;
  beacon: BeaconEvent | undefined;
}

const one = (v: string | string[] | undefined): string => (v === undefined ? '' : typeof v === 'string' ? v : (v[0] ?? ''));

/** Appends a hit to a batch (the serving path: a few property reads and pushes). */
export function pack(
  out: Packed,
  site: HitSite,
  at: number,
  path: string,
  url: string,
  h: IncomingHttpHeaders,
  peer: string,
  revalidation: boolean,
  beacon?: BeaconEvent,
) {
  out.push(
    site.siteId,
    site.region,
    (site.gpcRefusesAnalytics ? 1 : 0) | (revalidation ? 2 : 0),
    at,
    path,
    url,
    one(h['user-agent']),
    one(h.referer),
    one(h['accept-language']),
    one(h.cookie),
    one(h['sec-purpose'] ?? h.purpose ?? h['x-purpose'] ?? h['x-moz']),
    one(h['sec-gpc']),
    one(h.host),
    one(h['x-forwarded-for']),
    peer,
    beacon ? JSON.stringify(beacon) : '',
  );
}

/** The hits of a packed batch. */
export function unpack(b: Packed): RawHit[] {
  const out: RawHit[] = [];
  for (let i = 0; i + SLOTS <= b.length; i += SLOTS) {
    const flags = b[i + 2] as number;
    const beacon = b[i + 15] as string;
    out.push({
      siteId: b[i] as string,
      region: b[i + 1] as string,
      gpcRefusesAnalytics: (flags & 1) !== 0,
      revalidation: (flags & 2) !== 0,
      at: b[i + 3] as number,
      path: b[i + 4] as string,
      url: b[i + 5] as string,
      userAgent: b[i + 6] as string,
      referer: b[i + 7] as string,
      acceptLanguage: b[i + 8] as string,
      cookie: b[i + 9] as string,
      purpose: b[i + 10] as string,
      secGpc: b[i + 11] as string,
      host: b[i + 12] as string,
      forwardedFor: b[i + 13] as string,
      peer: b[i + 14] as string,
      beacon: beacon ? (JSON.parse(beacon) as BeaconEvent) : undefined,
    });
  }
  return out;
}
