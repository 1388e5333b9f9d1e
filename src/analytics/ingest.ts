// Turns a batch of hits into stored events, off the request path: prefetches
// are skipped; bots and visitors who refused analytics only add to a per-day
// count; every other hit gets its visitor hash, visit, source, place and
// client, and the batch is written in one transaction per region database.
// The address and user agent are used here, in memory, and then dropped.
import type { IncomingHttpHeaders } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import { isbot } from 'isbot';
import { type Kysely, sql } from 'kysely';
import { decodeChoices } from '../consent/choices.js';
import type { AnalyticsEventsTable, RegionDatabase } from '../db/schema.js';
import type { TrustFn } from '../lib/trust-proxy.js';
import { screenClass, targetName } from './beacon.js';
import { geoReady, locate } from './geo.js';
import type { Hit } from './hit.js';
import { ensurePartitions, isPostgresDb } from './partitions.js';
import { utcDay, type Salts } from './salts.js';
import { visitOrigin } from './source.js';
import { parseUserAgent } from './user-agent.js';
import { plainAddress, visitorHash } from './visitor.js';
import type { VisitOrigin, VisitTracker } from './visits.js';

export type EventInsert = AnalyticsEventsTable;

export interface IngestDeps {
  regions: Record<string, Kysely<RegionDatabase>>;
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

const header = (h: IncomingHttpHeaders, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** A cookie's value from a Cookie header, without parsing the others. */
export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const bots = new Map<string, boolean>();
/** isbot, memoised: the same few user agents come again and again. */
function isBot(ua: string): boolean {
  let b = bots.get(ua);
  if (b === undefined) {
    b = isbot(ua);
    if (bots.size >= 5000) bots.clear();
    bots.set(ua, b);
  }
  return b;
}

/** Why a hit is not counted, or null when it counts. */
export function notCounted(hit: Hit): Uncounted | 'prefetch' | null {
  const h = hit.headers;
  const purpose = header(h, 'sec-purpose') ?? header(h, 'purpose') ?? header(h, 'x-purpose') ?? header(h, 'x-moz');
  if (purpose && /prefetch|preview/i.test(purpose)) return 'prefetch';
  const ua = header(h, 'user-agent');
  if (!ua || isBot(ua)) return 'bot';
  const choices = decodeChoices(cookieValue(header(h, 'cookie'), 'cookie_consent'));
  if (choices && !choices.analytics) return 'choice';
  if (header(h, 'sec-gpc') === '1' && hit.site.gpcRefusesAnalytics) return 'choice';
  return null;
}

/** The visitor's preferred language: the primary subtag of the first Accept-Language entry ('de' for de-CH). */
export function primaryLanguage(accept: string | undefined): string | null {
  const first = accept?.split(',')[0]?.split(';')[0]?.trim().toLowerCase();
  const m = first ? /^([a-z]{2,3})(?:-|$)/.exec(first) : null;
  return m ? m[1]! : null;
}

/** Whether the usr cookie (set only with analytics consent) dates from before this day. */
function isReturning(cookieHeader: string | undefined, day: string): boolean {
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

/** Processes hits (in arrival order) and writes their events; `offsetMs` maps Date.now() stamps to the context clock. */
export async function ingest(deps: IngestDeps, hits: Hit[], offsetMs: number): Promise<IngestResult> {
  const result: IngestResult = { stored: 0, bots: 0, refused: 0, skipped: 0 };
  // Per region: [site, day, reason] -> requests not counted.
  const counts = new Map<string, Map<string, [string, string, string, number]>>();
  const counted: { hit: Hit; at: number; address: string; ua: string }[] = [];
  for (const hit of hits) {
    const at = hit.at + offsetMs;
    const why = notCounted(hit);
    if (why === 'prefetch') {
      result.skipped++;
      continue;
    }
    if (why) {
      if (why === 'bot') result.bots++;
      else result.refused++;
      const day = utcDay(at);
      const key = `${hit.site.siteId}\0${day}\0${why}`;
      let forRegion = counts.get(hit.site.region);
      if (!forRegion) counts.set(hit.site.region, (forRegion = new Map()));
      const c = forRegion.get(key);
      if (c) c[3]++;
      else forRegion.set(key, [hit.site.siteId, day, why, 1]);
      continue;
    }
    const address = plainAddress(proxyAddr({ headers: hit.headers, socket: { remoteAddress: hit.peer } } as never, deps.trust));
    counted.push({ hit, at, address, ua: header(hit.headers, 'user-agent')! });
  }

  // Visitor hashes first: the salts of the days in the batch (usually one) are fetched once.
  const salts = new Map<string, Buffer>();
  for (const c of counted) {
    const day = utcDay(c.at);
    if (!salts.has(day)) salts.set(day, await deps.salts.get(c.at));
  }
  if (counted.length) await geoReady();
  const hashed = counted.map((c) => ({ ...c, visitor: visitorHash(salts.get(utcDay(c.at))!, c.hit.site.siteId, c.address, c.ua) }));
  const byRegion = new Map<string, typeof hashed>();
  for (const h of hashed) {
    const list = byRegion.get(h.hit.site.region) ?? [];
    list.push(h);
    byRegion.set(h.hit.site.region, list);
  }

  const rows = new Map<string, EventInsert[]>();
  for (const [region, list] of byRegion) {
    const db = deps.regions[region];
    if (!db) continue;
    await deps.visits.load(db, new Set(list.map((h) => h.visitor)), Math.max(...list.map((h) => h.at)));
    const out: EventInsert[] = [];
    for (const { hit, at, address, ua, visitor } of list) {
      const host = (header(hit.headers, 'host') ?? '').split(':')[0]!.toLowerCase();
      const beacon = hit.beacon;
      const { visit, isNew } = deps.visits.visit(visitor, at, () => {
        if (beacon) return EMPTY_ORIGIN;
        const o = visitOrigin(hit.url, header(hit.headers, 'referer'), host);
        return {
          source: o.source,
          referrer_host: o.referrerHost,
          utm_source: o.utm.source,
          utm_medium: o.utm.medium,
          utm_campaign: o.utm.campaign,
          utm_content: o.utm.content,
          utm_term: o.utm.term,
        };
      });
      // A browser revalidating a page it already showed in this visit (back button, reload) is not a new pageview.
      if (!beacon && hit.revalidation && !isNew && visit.paths.has(hit.path)) {
        result.skipped++;
        continue;
      }
      if (!beacon) visit.paths.add(hit.path);
      const day = utcDay(at);
      const place = locate(address);
      const client = parseUserAgent(ua);
      out.push({
        site_id: hit.site.siteId,
        time: new Date(at).toISOString(),
        visitor,
        visit_id: visit.id,
        kind: beacon ? beacon.type : 'pageview',
        name: !beacon
          ? null
          : beacon.type === 'custom'
            ? beacon.name
            : beacon.type === 'outbound'
              ? `Outbound link: ${targetName(beacon.target)}`
              : beacon.type === 'download'
                ? `File download: ${targetName(beacon.target)}`
                : null,
        path: hit.path,
        ...visit.origin,
        country: place.country,
        region: place.region,
        city: place.city,
        device: client.device,
        os: client.os,
        browser: client.browser,
        language: primaryLanguage(header(hit.headers, 'accept-language')),
        screen: beacon?.type === 'engagement' && beacon.screen ? screenClass(beacon.screen) : null,
        duration: beacon?.type === 'engagement' ? (beacon.duration ?? null) : null,
        returning: isReturning(header(hit.headers, 'cookie'), day) ? 1 : 0,
        props: beacon?.type === 'custom' && beacon.props ? JSON.stringify(beacon.props) : null,
      });
    }
    rows.set(region, out);
    result.stored += out.length;
  }
  for (const region of new Set([...rows.keys(), ...counts.keys()])) {
    const db = deps.regions[region];
    if (db) await write(db, rows.get(region) ?? [], [...(counts.get(region)?.values() ?? [])]);
  }
  return result;
}

const FIELDS = [
  'site_id',
  'time',
  'visitor',
  'visit_id',
  'kind',
  'name',
  'path',
  'source',
  'referrer_host',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_content',
  'utm_term',
  'country',
  'region',
  'city',
  'device',
  'os',
  'browser',
  'language',
  'screen',
  'duration',
  'returning',
  'props',
] as const satisfies readonly (keyof EventInsert)[];

/**
 * Inserts events. PostgreSQL: one JSON parameter the server unpacks (one short statement per batch instead of
 * thousands of bound parameters). SQLite: multi-row inserts of up to 1 000 rows (its parameter limit), which
 * measured faster there than unpacking JSON. Values are parameters either way, never SQL.
 */
async function insertEvents(db: Kysely<RegionDatabase>, events: EventInsert[]) {
  if (isPostgresDb(db)) {
    const json = JSON.stringify(events.map((e) => FIELDS.map((f) => e[f])));
    const cols = sql.raw(FIELDS.map((f) => `"${f}"`).join(', '));
    const typed = sql.raw(FIELDS.map((f, i) => `(r->>${i})${f === 'duration' || f === 'returning' ? '::int' : ''}`).join(', '));
    await sql`insert into analytics_events (${cols}) select ${typed} from json_array_elements(${json}::json) as r`.execute(db);
  } else
    for (let i = 0; i < events.length; i += 1000)
      await db
        .insertInto('analytics_events')
        .values(events.slice(i, i + 1000))
        .execute();
}

/** Writes events and not-counted tallies in one transaction. */
export async function write(db: Kysely<RegionDatabase>, events: EventInsert[], counts: [siteId: string, day: string, reason: string, n: number][] = []) {
  if (!events.length && !counts.length) return;
  await ensurePartitions(db, new Set(events.map((e) => e.time.slice(0, 7))));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < events.length; i += 2000) await insertEvents(trx, events.slice(i, i + 2000));
    for (const [site_id, day, reason, count] of counts)
      await trx
        .insertInto('analytics_uncounted')
        .values({ site_id, day, reason, count })
        .onConflict((oc) =>
          oc.columns(['site_id', 'day', 'reason']).doUpdateSet((eb) => ({ count: eb('analytics_uncounted.count', '+', eb.ref('excluded.count')) })),
        )
        .execute();
  });
}
