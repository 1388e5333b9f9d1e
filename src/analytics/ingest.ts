// Turns a batch of hits into stored events, in the analytics worker (never on
// the serving thread): prefetches are skipped; bots and visitors who refused
// analytics only add to a per-day tally; every other hit gets its visitor
// hash, visit, source, place and client, and the batch is written in one
// transaction per region database. The address and user agent are used here,
// in memory, and then dropped. Look-ups that repeat (user agents, places,
// visitor hashes, languages) are cached; places are cached by the reader.
import proxyAddr from '@fastify/proxy-addr';
import { isbot } from 'isbot';
import { decodeChoices } from '../consent/choices.js';
import type { TrustFn } from '../lib/trust-proxy.js';
import { screenClass, targetName } from './beacon.js';
import { cookieValue } from './cookie-value.js';
import { geoReady, locate, type Place } from './geo.js';
import { Lru } from './lru.js';
import type { Salts } from './salts.js';
import { visitOrigin } from './source.js';
import { rowOf, type EventRow, type EventStore, type UncountedTally } from './store.js';
import { parseUserAgent } from './user-agent.js';
import { anonymiseAddress, plainAddress, visitorHash } from './visitor.js';
import type { VisitOrigin, VisitTracker } from './visits.js';
import type { RawHit } from './wire.js';

export interface IngestDeps {
  stores: Record<string, EventStore>;
  salts: Salts;
  visits: VisitTracker;
  trust: TrustFn;
}

/** Outcome of a batch, for tests and the benchmark. */
export interface IngestResult {
  stored: number;
  bots: number;
  refused: number;
  skipped: number;
}

export type Uncounted = 'bot' | 'choice';

const bots = new Lru<string, boolean>(5000);
const languages = new Lru<string, string | null>(1000);
const hashes = new Lru<string, string>(20_000);

/** Forgets cached visitor hashes (when old salts are deleted). */
export const forgetHashes = () => hashes.clear();

/** Why a hit is not counted, or null when it counts. */
export function notCounted(hit: RawHit): Uncounted | 'prefetch' | null {
  if (hit.purpose && /prefetch|preview/i.test(hit.purpose)) return 'prefetch';
  if (!hit.userAgent || bots.of(hit.userAgent, isbot)) return 'bot';
  if (hit.cookie) {
    const choices = decodeChoices(cookieValue(hit.cookie, 'cookie_consent'));
    if (choices && !choices.analytics) return 'choice';
  }
  if (hit.secGpc === '1' && hit.gpcRefusesAnalytics) return 'choice';
  return null;
}

/** The visitor's preferred language: the primary subtag of the first Accept-Language entry ('de' for de-CH). */
export function primaryLanguage(accept: string | undefined): string | null {
  const first = accept?.split(',')[0]?.split(';')[0]?.trim().toLowerCase();
  const m = first ? /^([a-z]{2,3})(?:-|$)/.exec(first) : null;
  return m ? m[1]! : null;
}

/** Whether the usr cookie (set only with analytics consent) dates from before this day. */
function isReturning(cookieHeader: string, day: string): boolean {
  if (!cookieHeader) return false;
  const usr = cookieValue(cookieHeader, 'usr');
  const m = usr ? /^(\d{4})(\d{2})(\d{2})\./.exec(usr) : null;
  return m !== null && `${m[1]}-${m[2]}-${m[3]}` < day;
}

const EMPTY_ORIGIN: VisitOrigin = {
  source: null,
  referrer_host: null,
  utm_source: null,
  utm_medium: null,
  utm_campaign: null,
  utm_content: null,
  utm_term: null,
};

function originOf(hit: RawHit): VisitOrigin {
  if (hit.beacon) return EMPTY_ORIGIN;
  const o = visitOrigin(hit.url, hit.referer || undefined, hit.host.split(':')[0]!.toLowerCase());
  return {
    source: o.source,
    referrer_host: o.referrerHost,
    utm_source: o.utm.source,
    utm_medium: o.utm.medium,
    utm_campaign: o.utm.campaign,
    utm_content: o.utm.content,
    utm_term: o.utm.term,
  };
}

function eventName(hit: RawHit): string | null {
  const b = hit.beacon;
  if (!b) return null;
  if (b.type === 'custom') return b.name;
  if (b.type === 'outbound') return `Outbound link: ${targetName(b.target)}`;
  if (b.type === 'download') return `File download: ${targetName(b.target)}`;
  return null;
}

/** The client's address: the socket's peer, or what trusted proxies forwarded. */
const clientAddress = (hit: RawHit, trust: TrustFn) =>
  plainAddress(
    hit.forwardedFor ? proxyAddr({ headers: { 'x-forwarded-for': hit.forwardedFor }, socket: { remoteAddress: hit.peer } } as never, trust) : hit.peer,
  );

/** Memoises `make` by two keys for one batch (repeated values in a batch are the same strings: cheap to look up). */
function memo2<V>() {
  const outer = new Map<string, Map<string, V>>();
  return (a: string, b: string, make: () => V): V => {
    let inner = outer.get(a);
    if (!inner) outer.set(a, (inner = new Map()));
    let v = inner.get(b);
    if (v === undefined) inner.set(b, (v = make()));
    return v;
  };
}

/** Processes hits (in arrival order) and writes their events; `offsetMs` maps Date.now() stamps to the context clock. */
export async function ingest(deps: IngestDeps, hits: RawHit[], offsetMs: number): Promise<IngestResult> {
  const result: IngestResult = { stored: 0, bots: 0, refused: 0, skipped: 0 };
  // Per region: site, day and reason -> requests not counted.
  const tallies = new Map<string, Map<string, UncountedTally>>();
  const counted: { hit: RawHit; at: number; time: string; day: string; visitor: string; address: string }[] = [];
  const salts = new Map<string, Buffer>();
  // Per batch: a visitor's hits, and hits from one proxy, repeat the same strings.
  const addressOf = memo2<string>();
  const hashOf = memo2<string>();
  for (const hit of hits) {
    const at = hit.at + offsetMs;
    const why = notCounted(hit);
    if (why === 'prefetch') {
      result.skipped++;
      continue;
    }
    const time = new Date(at).toISOString();
    const day = time.slice(0, 10);
    if (why) {
      if (why === 'bot') result.bots++;
      else result.refused++;
      const key = `${hit.siteId}\0${day}\0${why}`;
      let forRegion = tallies.get(hit.region);
      if (!forRegion) tallies.set(hit.region, (forRegion = new Map()));
      const t = forRegion.get(key);
      if (t) t[3]++;
      else forRegion.set(key, [hit.siteId, day, why, 1]);
      continue;
    }
    // Visitor hashes: the salts of the days in the batch (usually one) are fetched once.
    let salt = salts.get(day);
    if (!salt) salts.set(day, (salt = await deps.salts.get(at)));
    const address = addressOf(hit.peer, hit.forwardedFor, () => clientAddress(hit, deps.trust));
    // Keyed by the network only (what the hash reads): the caches hold no full address.
    const ofVisitor = `${day}\0${hit.siteId}\0${anonymiseAddress(address)}`;
    const visitor = hashOf(ofVisitor, hit.userAgent, () =>
      hashes.of(`${ofVisitor}\0${hit.userAgent}`, () => visitorHash(salt, hit.siteId, address, hit.userAgent)),
    );
    counted.push({ hit, at, time, day, visitor, address });
  }
  if (counted.length) await geoReady({ v4: counted.some((c) => !c.address.includes(':')), v6: counted.some((c) => c.address.includes(':')) });

  const byRegion = new Map<string, typeof counted>();
  for (const c of counted) {
    const list = byRegion.get(c.hit.region);
    if (list) list.push(c);
    else byRegion.set(c.hit.region, [c]);
  }
  const rows = new Map<string, EventRow[]>();
  const places = new Map<string, Place>();
  for (const [region, list] of byRegion) {
    const store = deps.stores[region];
    if (!store) continue;
    let latest = 0;
    for (const c of list) latest = Math.max(latest, c.at);
    if (deps.visits.mayLookUp(latest)) {
      const visitors = new Map<string, Set<string>>();
      for (const c of list) {
        const ofSite = visitors.get(c.hit.siteId);
        if (ofSite) ofSite.add(c.visitor);
        else visitors.set(c.hit.siteId, new Set([c.visitor]));
      }
      await deps.visits.load(store.db, visitors, latest);
    }
    const out: EventRow[] = [];
    for (const { hit, at, time, day, visitor, address } of list) {
      const beacon = hit.beacon;
      const { visit, isNew } = deps.visits.visit(visitor, at, () => originOf(hit));
      // A browser revalidating a page it already showed in this visit (back button, reload) is not a new pageview.
      if (!beacon && hit.revalidation && !isNew && visit.paths.has(hit.path)) {
        result.skipped++;
        continue;
      }
      if (!beacon) visit.paths.add(hit.path);
      let place = places.get(address);
      if (!place) places.set(address, (place = locate(address)));
      const client = parseUserAgent(hit.userAgent);
      out.push(
        rowOf({
          site_id: hit.siteId,
          time,
          visitor,
          visit_id: visit.id,
          kind: beacon ? beacon.type : 'pageview',
          name: eventName(hit),
          path: hit.path,
          source: visit.origin.source,
          referrer_host: visit.origin.referrer_host,
          utm_source: visit.origin.utm_source,
          utm_medium: visit.origin.utm_medium,
          utm_campaign: visit.origin.utm_campaign,
          utm_content: visit.origin.utm_content,
          utm_term: visit.origin.utm_term,
          country: place.country,
          region: place.region,
          city: place.city,
          device: client.device,
          os: client.os,
          browser: client.browser,
          language: hit.acceptLanguage ? languages.of(hit.acceptLanguage, primaryLanguage) : null,
          screen: beacon?.type === 'engagement' && beacon.screen ? screenClass(beacon.screen) : null,
          duration: beacon?.type === 'engagement' ? (beacon.duration ?? null) : null,
          returning: isReturning(hit.cookie, day) ? 1 : 0,
          props: beacon?.type === 'custom' && beacon.props ? JSON.stringify(beacon.props) : null,
        }),
      );
    }
    rows.set(region, out);
    result.stored += out.length;
  }
  for (const region of new Set([...rows.keys(), ...tallies.keys()])) {
    const store = deps.stores[region];
    if (store) await store.write(rows.get(region) ?? [], [...(tallies.get(region)?.values() ?? [])]);
  }
  return result;
}
