// The analytics worker thread: everything analytics does besides counting
// happens here, off the serving thread. It owns its own database connections
// and processes the hits the serving thread hands over (ingest.ts), writes
// them in batches (store.ts), and runs the roll-up job, so none of that work
// ever delays a response; while serving keeps the cores busy, it waits
// (pacing.ts). Operations run one at a time, in
// the order they were sent; hits that arrive while one runs are taken
// together by the next.
import { parentPort, workerData } from 'node:worker_threads';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { openPool, openSqlite, type Location } from '../db/connect.js';
import type { ControlDatabase, RegionDatabase } from '../db/schema.js';
import { trustFunction } from '../lib/trust-proxy.js';
import { forgetHashes, ingest, type IngestResult } from './ingest.js';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.js';
import { registerSqlite } from './raw-rows.js';
import { rollUpRecent, type Pace } from './rollup.js';
import { Salts } from './salts.js';
import { postgresStore, sqliteStore, type EventRow, type EventStore } from './store.js';
import { VisitTracker } from './visits.js';
import { Pacer } from './pacing.js';
import { setThreadPriority } from './priority.js';
import { unpack, type WireBatch } from './wire.js';

/**
 * Hits processed in one transaction at most. On SQLite the serving thread's own writes (forms, consent records)
 * wait while the worker holds the write lock, so a transaction stays short: 250 events take about a millisecond.
 * At the idle priority a busy machine may pause the thread inside one; short ones keep that wait short too.
 */
const MAX_BATCH = 250;

const port = parentPort!;
const setup = workerData as WorkerSetup;
const send = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
const log = {
  warn: (data: Record<string, unknown>, msg: string) => send({ t: 'log', level: 'warn', msg, data }),
  error: (data: Record<string, unknown>, msg: string) => send({ t: 'log', level: 'error', msg, data }),
};

function open<T>(at: Location): { db: Kysely<T>; store?: (db: Kysely<RegionDatabase>) => EventStore } {
  if (at.url) return { db: new Kysely<T>({ dialect: new PostgresDialect({ pool: openPool(at.url, log, 3) }) }), store: postgresStore };
  const raw = openSqlite(at.file);
  return {
    db: new Kysely<T>({ dialect: new SqliteDialect({ database: raw }) }),
    store: (db) => {
      registerSqlite(db, raw);
      return sqliteStore(db, raw);
    },
  };
}

// Serving comes first: when every core is busy, this thread waits (and its hits with it) until one is free.
setThreadPriority(setup.priority);

const control = open<ControlDatabase>(setup.control).db;
const stores: Record<string, EventStore> = {};
const regions: Record<string, Kysely<RegionDatabase>> = {};
for (const [name, at] of Object.entries(setup.regions)) {
  const { db, store } = open<RegionDatabase>(at);
  regions[name] = db;
  stores[name] = store!(db);
}
const deps = { stores, salts: new Salts(control), visits: new VisitTracker(setup.shared), trust: trustFunction(setup.trustProxy) };

/** Batches waiting (with when each arrived), the first one read from hit `cursor` on; unpacked only when processed (they are compact until then). */
const waiting: { batch: WireBatch; received: number }[] = [];
let waitingHits = 0;
let cursor = 0;
/** Buffers of batches read to the end, to hand back with the next 'processed'. */
let spent: ArrayBuffer[] = [];
let events: { region: string; row: EventRow }[] = [];
let drainQueued = false;
let chain: Promise<void> = Promise.resolve();
let clockOffset = 0;
// While serving keeps the cores busy, processing waits (pacing.ts); never at the normal priority.
const pacer = new Pacer(setup.priority === 'normal' ? 0 : setup.maxDelayMs);
let resumeTimer: NodeJS.Timeout | undefined;

function enqueue(op: () => Promise<void>) {
  chain = chain.then(op).catch((err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, 'analytics: a task failed'));
}

function queueDrain() {
  if (drainQueued) return;
  drainQueued = true;
  enqueue(drain);
}

/** Processes a step of what has arrived, unless the cores are busy (then it tries again later). */
async function drain() {
  drainQueued = false;
  const wait = await pacedStep();
  if (wait > 0) {
    resumeTimer ??= setTimeout(() => {
      resumeTimer = undefined;
      queueDrain();
    }, wait);
    return;
  }
  if (waiting.length || events.length) queueDrain();
}

/** Processes a step of what waits, as large as the pacer allows; or, while the cores are busy, returns how long to wait (ms). */
async function pacedStep(): Promise<number> {
  const { wait, hits } = pacer.plan(waiting[0]?.received ?? Date.now(), waitingHits, MAX_BATCH);
  if (wait > 0) return wait;
  await pacer.step(() => processStep(hits));
  return 0;
}

/** Processes everything that has arrived, whatever the load (a flush, a shutdown). */
async function drainAll() {
  while (waiting.length || events.length) await processStep(MAX_BATCH);
}

/** Processes and stores up to `max` waiting hits, in one transaction per region, and the direct events. */
async function processStep(max: number) {
  const taken = take(max);
  const direct = events;
  events = [];
  let result: IngestResult = { stored: 0, bots: 0, refused: 0, skipped: 0 };
  try {
    if (taken.length) result = await ingest(deps, taken, 0);
    const byRegion = new Map<string, EventRow[]>();
    for (const d of direct) byRegion.set(d.region, [...(byRegion.get(d.region) ?? []), d.row]);
    for (const [region, rows] of byRegion) await stores[region]?.write(rows, []);
  } catch (err) {
    // Never an address or user agent here: only the error and how many hits were lost.
    log.error({ err: err instanceof Error ? err.message : String(err), lost: taken.length + direct.length }, 'analytics: could not store a batch');
  }
  deps.visits.sweep(Date.now() + clockOffset);
  const buffers = spent;
  spent = [];
  send({ t: 'processed', hits: taken.length, result, buffers }, buffers);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How the roll-up job shares this thread (it reads a busy day in slices, rollup.ts): each slice is timed like a
 * step of hits; between slices, the hits waiting are stored (as drain() would), and while the cores are busy the
 * roll-up holds back too, trying its next slice after each pause.
 */
const rollUpPace: Pace = {
  slice: (work) => pacer.step(work),
  async between() {
    while ((waiting.length || events.length) && (await pacedStep()) === 0);
    const { wait } = pacer.plan(Date.now(), 0, MAX_BATCH);
    if (wait > 0) await sleep(wait);
  },
};

/** Up to `max` waiting hits, in arrival order. */
function take(max: number) {
  const out = [];
  while (waiting.length && out.length < max) {
    const b = waiting[0]!.batch;
    const to = Math.min(b.hits, cursor + max - out.length);
    out.push(...unpack(b, cursor, to));
    cursor = to;
    if (cursor === b.hits) {
      spent.push(b.slots.buffer as ArrayBuffer);
      waiting.shift();
      cursor = 0;
    }
  }
  waitingHits -= out.length;
  return out;
}

/** Runs `task` in turn and answers request `id` with its value or error. */
function answer(id: number, task: () => Promise<unknown>) {
  enqueue(async () => {
    try {
      send({ t: 'done', id, value: await task() });
    } catch (err) {
      send({ t: 'done', id, error: err instanceof Error ? err.message : String(err) });
    }
  });
}

port.on('message', (m: ToWorker) => {
  switch (m.t) {
    case 'hits':
      clockOffset = m.offset;
      m.batch.base += m.offset;
      waiting.push({ batch: m.batch, received: Date.now() });
      waitingHits += m.batch.hits;
      queueDrain();
      return;
    case 'event':
      events.push({ region: m.region, row: m.row });
      queueDrain();
      return;
    case 'flush':
      return answer(m.id, drainAll);
    case 'forget-salts':
      deps.salts.forgetBefore(m.before);
      forgetHashes();
      return;
    case 'roll-up':
      return answer(m.id, () => rollUpRecent(control, regions, new Date(m.now), rollUpPace));
    case 'close':
      return enqueue(async () => {
        clearTimeout(resumeTimer);
        await drainAll();
        await Promise.all([control.destroy(), ...Object.values(regions).map((db) => db.destroy())]);
        send({ t: 'done', id: m.id });
        port.close();
      });
  }
});
