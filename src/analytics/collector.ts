// The analytics side of the serving path. count() runs on the hot path and
// only pushes the request's facts into an in-memory buffer (no parsing,
// hashing or SQL); a flusher processes the buffer off the request, within a
// second or as soon as BATCH hits wait (ingest.ts). Beacon events and form
// goals join the same buffer.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import { decodeChoices } from '../consent/choices.js';
import { cookieHeader } from '../cookies/registry.js';
import type { RegionDatabase } from '../db/schema.js';
import type { Clock } from '../lib/clock.js';
import type { TrustFn } from '../lib/trust-proxy.js';
import type { Hit, HitSite } from './hit.js';
import { cookieValue, ingest, write, type EventInsert, type IngestResult } from './ingest.js';
import { Salts } from './salts.js';
import { VisitTracker } from './visits.js';
import type { ControlDatabase } from '../db/schema.js';

const FLUSH_AFTER_MS = 1000;
const BATCH = 500;
/** Hits held at most while the database is slow or down; beyond this new hits are dropped (and counted in the log). */
const MAX_BUFFERED = 100_000;

export interface CollectorOptions {
  control: Kysely<ControlDatabase>;
  regions: Record<string, Kysely<RegionDatabase>>;
  clock: Clock;
  log: Logger;
  trust: TrustFn;
}

export class Collector {
  private buffer: Hit[] = [];
  private direct: { region: string; event: EventInsert }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private running: Promise<void> = Promise.resolve();
  private dropped = 0;
  readonly salts: Salts;
  private readonly visits = new VisitTracker();
  /** Totals since start, for tests and the benchmark. */
  readonly totals: IngestResult = { stored: 0, bots: 0, refused: 0, skipped: 0 };

  constructor(private readonly opts: CollectorOptions) {
    this.salts = new Salts(opts.control);
  }

  /**
   * The hot path: a GET answered with a page (200, or 304 to a revalidation). Returns a Set-Cookie value for
   * the usr cookie when the visitor consented to analytics and has none yet; the cookie header is read only
   * when there is one.
   */
  count(req: IncomingMessage, site: HitSite, path: string, revalidation: boolean, secure: boolean): string | undefined {
    this.push({ site, at: Date.now(), path, url: req.url ?? '/', headers: req.headers, peer: req.socket.remoteAddress ?? '', revalidation });
    const cookie = req.headers.cookie;
    if (cookie === undefined || !cookie.includes('cookie_consent=1.')) return undefined;
    if (cookieValue(cookie, 'usr') !== undefined || !decodeChoices(cookieValue(cookie, 'cookie_consent'))?.analytics) return undefined;
    const day = this.opts.clock.now().toISOString().slice(0, 10).replaceAll('-', '');
    return cookieHeader('usr', `${day}.${randomBytes(6).toString('base64url')}`, { secure });
  }

  /** An event from the beacon endpoint (already validated against the site). */
  beacon(hit: Hit) {
    this.push(hit);
  }

  /** An event with no request behind it (a form goal): stored as is, with no visitor. */
  record(region: string, event: EventInsert) {
    this.direct.push({ region, event });
    this.schedule();
  }

  private push(hit: Hit) {
    if (this.buffer.length >= MAX_BUFFERED) {
      this.dropped++;
      return;
    }
    this.buffer.push(hit);
    this.schedule();
  }

  private schedule() {
    if (this.buffer.length + this.direct.length >= BATCH) {
      this.immediate ??= setImmediate(() => {
        this.immediate = undefined;
        void this.flush();
      });
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, FLUSH_AFTER_MS);
      this.timer.unref();
    }
  }

  /** Processes what is buffered now; flushes run one after another. Resolves when this one is done. */
  flush(): Promise<void> {
    const run = this.running.then(() => this.flushNow());
    this.running = run.catch(() => undefined);
    return run;
  }

  private async flushNow() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const hits = this.buffer;
    const direct = this.direct;
    this.buffer = [];
    this.direct = [];
    if (this.dropped) {
      this.opts.log.warn({ dropped: this.dropped }, 'analytics: the buffer was full, hits were not counted');
      this.dropped = 0;
    }
    const offset = this.opts.clock.now().getTime() - Date.now();
    try {
      if (hits.length) {
        const r = await ingest({ regions: this.opts.regions, salts: this.salts, visits: this.visits, trust: this.opts.trust }, hits, offset);
        this.totals.stored += r.stored;
        this.totals.bots += r.bots;
        this.totals.refused += r.refused;
        this.totals.skipped += r.skipped;
      }
      const byRegion = new Map<string, EventInsert[]>();
      for (const d of direct) byRegion.set(d.region, [...(byRegion.get(d.region) ?? []), d.event]);
      for (const [region, events] of byRegion) if (this.opts.regions[region]) await write(this.opts.regions[region], events);
    } catch (err) {
      // Never an address or user agent here: only the error and how many hits were lost.
      this.opts.log.error({ err: err instanceof Error ? err.message : String(err), lost: hits.length + direct.length }, 'analytics: could not store a batch');
    }
    this.visits.sweep(this.opts.clock.now().getTime());
  }

  /** Flushes everything buffered (shutdown, tests). */
  async close() {
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = undefined;
    await this.flush();
  }
}
