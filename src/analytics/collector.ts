// The analytics side of the serving path. count() runs on the hot path and
// only copies the request's few relevant facts into a flat buffer (no
// parsing, hashing or SQL; see wire.ts); every 200 ms (ATRIUM_ANALYTICS_BATCH_MS), or as
// soon as BATCH hits wait, the buffer is handed to the analytics worker
// thread (worker.ts), which does everything else with its own database
// connections; close() hands over what waits before the server stops. Beacon
// events and form goals take the same way. The worker starts with the first
// hit, and the roll-up job runs in it once it runs.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import { decodeChoices } from '../consent/choices.js';
import { cookieHeader } from '../cookies/registry.js';
import type { Config } from '../config/config.js';
import { locations } from '../db/connect.js';
import type { AnalyticsEventsTable, ControlDatabase, RegionDatabase } from '../db/schema.js';
import type { Clock } from '../lib/clock.js';
import { peerOf } from '../lib/peer.js';
import { cookieValue } from './cookie-value.js';
import type { Hit, HitSite } from './hit.js';
import type { IngestResult } from './ingest.js';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.js';
import { rollUpRecent } from './rollup.js';
import { rowOf } from './store.js';
import { HitBuffer } from './wire.js';

const BATCH = 500;
/**
 * Hits held at most (buffered here or not yet stored by the worker): while the database is slow or down, or
 * while serving keeps every core busy (the worker runs at a lower priority and catches up afterwards). A waiting
 * hit takes about 70 bytes (its numbers, and its share of its batch's distinct strings), so this bounds them to
 * about 70 MB; beyond it new hits are dropped (and counted in the log).
 */
const MAX_BUFFERED = 1_000_000;

/** Set by the server build (scripts/build-server.mjs): the bundled worker, next to the bundled server. */
declare const ATRIUM_ANALYTICS_WORKER: string | undefined;

export interface CollectorOptions {
  control: Kysely<ControlDatabase>;
  regions: Record<string, Kysely<RegionDatabase>>;
  /** Where the databases are, for the worker's own connections. */
  config: Pick<Config, 'databaseUrl' | 'regions' | 'dataDir' | 'trustProxy' | 'workers' | 'analyticsBatchMs' | 'analyticsPriority' | 'analyticsMaxDelayMs'>;
  clock: Clock;
  log: Logger;
}

export class Collector {
  private buffer = new HitBuffer(BATCH);
  private timer: NodeJS.Timeout | undefined;
  private worker: Worker | undefined;
  /** Hits handed to the worker and not yet processed. */
  private inFlight = 0;
  private dropped = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** Totals since start, for tests and the benchmark. */
  readonly totals: IngestResult = { stored: 0, bots: 0, refused: 0, skipped: 0 };

  constructor(private readonly opts: CollectorOptions) {}

  /**
   * The hot path: a GET answered with a page (200, or 304 to a revalidation). Returns a Set-Cookie value for
   * the usr cookie when the visitor consented to analytics and has none yet; the cookie header is read only
   * when there is one.
   */
  count(req: IncomingMessage, site: HitSite, path: string, revalidation: boolean, secure: boolean): string | undefined {
    const h = req.headers; // a getter: read once
    const cookie = h.cookie;
    if (this.room()) {
      this.buffer.add(site, Date.now(), path, req.url ?? '/', h, cookie ?? '', peerOf(req.socket), revalidation);
      this.schedule();
    }
    if (cookie === undefined || !cookie.includes('cookie_consent=1.')) return undefined;
    if (cookieValue(cookie, 'usr') !== undefined || !decodeChoices(cookieValue(cookie, 'cookie_consent'))?.analytics) return undefined;
    const day = this.opts.clock.now().toISOString().slice(0, 10).replaceAll('-', '');
    return cookieHeader('usr', `${day}.${randomBytes(6).toString('base64url')}`, { secure });
  }

  /** An event from the beacon endpoint (already validated against the site). */
  beacon(hit: Hit) {
    if (!this.room()) return;
    this.buffer.add(hit.site, hit.at, hit.path, hit.url, hit.headers, hit.headers.cookie ?? '', hit.peer, hit.revalidation, hit.beacon);
    this.schedule();
  }

  /** An event with no request behind it (a form goal): stored as is, with no visitor. */
  record(region: string, event: AnalyticsEventsTable) {
    this.post({ t: 'event', region, row: rowOf(event) });
  }

  /** Makes the worker forget cached salts of days before `day` (after the scheduled deletion). */
  forgetSaltsBefore(day: string) {
    if (this.worker) this.post({ t: 'forget-salts', before: day });
  }

  /** The roll-up job: in the worker when it runs, else here (nothing was counted since start). */
  rollUp(now: Date): Promise<unknown> {
    return this.worker ? this.request((id) => ({ t: 'roll-up', id, now: now.getTime() })) : rollUpRecent(this.opts.control, this.opts.regions, now);
  }

  /** Resolves when everything counted so far is stored. */
  async flush(): Promise<void> {
    this.send();
    if (this.worker) await this.request((id) => ({ t: 'flush', id }));
  }

  /** Stores everything buffered and stops the worker (shutdown). */
  async close() {
    this.send();
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((r) => worker.once('exit', r));
    await this.request((id) => ({ t: 'close', id }));
    await exited;
  }

  private room(): boolean {
    if (this.buffer.length + this.inFlight < MAX_BUFFERED) return true;
    this.dropped++;
    return false;
  }

  private schedule() {
    if (this.buffer.full) this.send();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.send(), this.opts.config.analyticsBatchMs);
      this.timer.unref();
    }
  }

  /** Hands the buffered hits to the worker. */
  private send() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.dropped) {
      this.opts.log.warn({ dropped: this.dropped }, 'analytics: the buffer was full, hits were not counted');
      this.dropped = 0;
    }
    if (!this.buffer.length) return;
    const batch = this.buffer.take();
    this.inFlight += batch.hits;
    this.post({ t: 'hits', batch, offset: this.opts.clock.now().getTime() - Date.now() }, [batch.slots.buffer as ArrayBuffer]);
  }

  private request(message: (id: number) => ToWorker): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post(message(id));
      this.worker?.ref(); // an answer is awaited: keep the process alive for it
    });
  }

  private post(m: ToWorker, transfer?: ArrayBuffer[]) {
    this.started().postMessage(m, transfer);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const { config } = this.opts;
    const at = locations(config);
    const setup: WorkerSetup = {
      control: at.control,
      regions: at.regions,
      trustProxy: config.trustProxy,
      shared: config.workers > 1 || !!config.databaseUrl,
      priority: config.analyticsPriority,
      maxDelayMs: config.analyticsMaxDelayMs,
    };
    const worker =
      typeof ATRIUM_ANALYTICS_WORKER === 'string'
        ? new Worker(new URL(ATRIUM_ANALYTICS_WORKER, import.meta.url), { workerData: setup })
        : new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { ...setup, entry: new URL('./worker.ts', import.meta.url).href } });
    worker.unref(); // the worker alone never keeps the process running
    worker.on('message', (m: FromWorker) => this.receive(m));
    worker.on('error', (err: Error) => this.opts.log.error({ err: err.message }, 'analytics: the worker failed'));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      if (this.inFlight) this.opts.log.error({ lost: this.inFlight, code }, 'analytics: the worker stopped; hits were not stored');
      this.inFlight = 0;
      for (const p of this.pending.values()) p.reject(new Error('the analytics worker stopped'));
      this.pending.clear();
    });
    this.worker = worker;
    return worker;
  }

  private receive(m: FromWorker) {
    switch (m.t) {
      case 'processed':
        for (const b of m.buffers) this.buffer.recycle(b);
        this.inFlight -= m.hits;
        this.totals.stored += m.result.stored;
        this.totals.bots += m.result.bots;
        this.totals.refused += m.result.refused;
        this.totals.skipped += m.result.skipped;
        return;
      case 'done': {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (!this.pending.size) this.worker?.unref();
        if (m.error) p?.reject(new Error(m.error));
        else p?.resolve(m.value);
        return;
      }
      case 'log':
        this.opts.log[m.level](m.data, m.msg);
        return;
    }
  }
}
