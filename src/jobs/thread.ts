// Deliveries in a worker thread (ATRIUM_JOB_THREAD, on by default): the jobs of
// the region databases (notification mails, webhooks) run in a thread of their
// own with its own database connections, so they use another core and never
// wait behind form intake on the process's connection. The control database's
// jobs (periodic work, platform mails) stay in the process, beside the modules
// they call.
// The process tells the thread when jobs are queued, shares its clock (tests
// move it), receives its log lines, stops it cleanly on shutdown and starts it
// again if it dies.
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { MovableClock } from '../lib/clock.js';

/** What the thread needs of the configuration (plain data: it is copied to the thread). */
export type JobThreadConfig = Pick<
  Config,
  | 'dataDir'
  | 'databaseUrl'
  | 'regions'
  | 'smtpUrl'
  | 'mailFrom'
  | 'logLevel'
  | 'retryBaseMs'
  | 'webhooksAllowPrivate'
  | 'jobConcurrency'
  // What the sub-processor registry reads, to tell whether a party is enabled (src/privacy/disclose.ts).
  | 'dnsServers'
  | 'trustProxy'
>;

export interface JobThreadData {
  config: JobThreadConfig;
  /** The shared offset of the process's MovableClock. */
  clock: SharedArrayBuffer;
}

export type ToThread = { t: 'start' } | { t: 'wake'; databases: string[] } | { t: 'idle'; id: number } | { t: 'stop' };
export type FromThread = { t: 'ready' } | { t: 'started' } | { t: 'idle'; id: number } | { t: 'stopped' } | { t: 'log'; line: string };

/** Jobs of one process, wherever they run: what tests, the event wiring and shutdown use. */
export interface Jobs {
  /** Drains a database's due jobs now ('control' or a region name). */
  wake(database: string): void;
  wakeAll(): void;
  /** Resolves when every drain started so far has finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const RESTART_AFTER_MS = 1000;

/** The thread's entry (src/job-thread.ts): the bundle's job-thread.js when built, the source through tsx otherwise. */
function entry(): { url: URL; execArgv?: string[] } {
  if (!import.meta.url.endsWith('.ts')) return { url: new URL('./job-thread.js', import.meta.url) };
  // Node 20 does not apply a parent's --import tsx to a worker's entry: the bootstrap registers tsx itself.
  const execArgv = process.execArgv.filter((a, i, all) => !(a === 'tsx' && all[i - 1] === '--import') && !(a === '--import' && all[i + 1] === 'tsx'));
  return { url: new URL('../job-thread-dev.mjs', import.meta.url), execArgv };
}

export class JobThread implements Jobs {
  private worker: Worker | undefined;
  private ready: Promise<void> = Promise.resolve();
  private started = false;
  private stopping = false;
  private nextId = 0;
  private readonly waiting = new Map<number, () => void>();
  private readonly toWake = new Set<string>();
  private stopped: (() => void) | undefined;

  /** Starts the thread (its databases open meanwhile); its jobs run from start() on. */
  constructor(
    private readonly config: JobThreadConfig,
    private readonly databases: readonly string[],
    private readonly clock: MovableClock,
    private readonly log: Logger,
  ) {
    this.spawn();
  }

  private spawn(): void {
    const { url, execArgv } = entry();
    const data: JobThreadData = { config: { ...this.config }, clock: this.clock.shared };
    const worker = new Worker(url, { workerData: data, execArgv, name: 'atrium-jobs' });
    worker.unref(); // never what keeps a process alive
    this.worker = worker;
    const log = this.log.child({ thread: 'jobs' });
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: FromThread) => {
        if (m.t === 'log') return relay(log, m.line);
        if (m.t === 'ready') return resolve();
        if (m.t === 'idle') {
          this.waiting.get(m.id)?.();
          this.waiting.delete(m.id);
        }
        if (m.t === 'stopped') this.stopped?.();
      });
      worker.once('error', (err) => {
        log.error({ err }, 'the job thread failed');
        reject(err);
      });
      worker.once('exit', (code) => {
        if (this.worker === worker) this.worker = undefined;
        for (const done of this.waiting.values()) done();
        this.waiting.clear();
        this.stopped?.();
        reject(new Error(`the job thread exited (${code}) before it was ready`));
        if (this.stopping) return;
        log.error({ code }, 'the job thread exited; starting it again');
        setTimeout(() => {
          if (this.stopping) return;
          this.spawn();
          if (this.started) this.ready.then(() => this.send({ t: 'start' })).catch(() => undefined);
        }, RESTART_AFTER_MS).unref();
      });
    });
    this.ready.catch(() => undefined); // reported by the error handler; start() rethrows
  }

  private send(message: ToThread): void {
    this.worker?.postMessage(message);
  }

  /** Waits for the thread's databases, then lets it run its jobs. */
  async start(): Promise<void> {
    await this.ready;
    this.started = true;
    this.send({ t: 'start' });
  }

  wake(database: string): void {
    if (!this.databases.includes(database)) return;
    // One message per turn of the event loop, however many submissions queued jobs in it.
    if (this.toWake.size === 0) setImmediate(() => this.flushWakes());
    this.toWake.add(database);
  }

  wakeAll(): void {
    for (const database of this.databases) this.wake(database);
  }

  private flushWakes(): void {
    const databases = [...this.toWake];
    this.toWake.clear();
    if (databases.length) this.send({ t: 'wake', databases });
  }

  idle(): Promise<void> {
    const worker = this.worker;
    if (!worker || !this.started) return Promise.resolve();
    this.flushWakes();
    const id = ++this.nextId;
    return new Promise<void>((resolve) => {
      this.waiting.set(id, resolve);
      this.send({ t: 'idle', id });
    });
  }

  /** Lets the jobs under way finish and their outcomes be recorded, closes the thread's databases, ends it. */
  async stop(): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await new Promise<void>((resolve) => {
      this.stopped = resolve;
      this.send({ t: 'stop' });
    });
    await worker.terminate();
    await exited;
  }
}

/** Writes a log line of the thread through the process's logger (its level, format and destination). */
function relay(log: Logger, line: string): void {
  try {
    const {
      level,
      msg,
      time: _time,
      pid: _pid,
      hostname: _hostname,
      ...fields
    } = JSON.parse(line) as Record<string, unknown> & { level: number; msg?: string };
    const label = log.levels.labels[level] as 'info' | undefined;
    if (label && typeof log[label] === 'function') log[label](fields, msg);
  } catch {
    log.warn({ line }, 'an unreadable log line from the job thread');
  }
}

/** The jobs of a process: its own runner and, when it has one, the job thread. */
export function allJobs(...parts: (Jobs | undefined)[]): Jobs {
  const jobs = parts.filter((p): p is Jobs => p !== undefined);
  return {
    wake: (database) => jobs.forEach((j) => j.wake(database)),
    wakeAll: () => jobs.forEach((j) => j.wakeAll()),
    async idle() {
      await Promise.all(jobs.map((j) => j.idle()));
    },
    async stop() {
      await Promise.all(jobs.map((j) => j.stop()));
    },
  };
}
