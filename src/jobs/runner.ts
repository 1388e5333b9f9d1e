// The one job runner: every process runs one, over the control database and
// every region database. It claims due jobs atomically (claim.ts), runs up to
// `concurrency` of them at once per database, keeps claiming while due jobs
// remain, wakes at once when a job is queued in this process, and polls as a
// safety net for jobs queued elsewhere or coming due. Failures are retried
// with exponential backoff up to MAX_ATTEMPTS unless a handler throws
// PermanentError; every failure is logged with its job, kind and site.
// Periodic work (every()) is a job row with a fixed id in the control
// database, so with several processes each run happens exactly once.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Dialect } from '../db/connect.js';
import type { Clock } from '../lib/clock.js';
import { claimDueJobs, type JobsDatabase } from './claim.js';
import { backoffMs, MAX_ATTEMPTS, newJob, PermanentError, type JobRow } from './job.js';

/** A row for a table of the job's own database (a delivery log entry), written with the job's outcome. */
export interface Insert {
  table: string;
  row: Record<string, unknown>;
}

interface Outcome {
  job: JobRow;
  patch: Partial<JobRow>;
  inserts: Insert[];
}

export interface JobContext {
  /** The database the job lives in, for reads. */
  db: Kysely<JobsDatabase>;
  /** A row to insert beside the job's outcome (a delivery log entry), whether the job succeeds or fails. */
  insert(table: string, row: Record<string, unknown>): void;
  /** 'control' or a region name. */
  database: string;
  now: Date;
}

export type JobHandler = (job: JobRow, jc: JobContext) => Promise<void>;

export interface RunnerOptions {
  databases: Record<string, Kysely<JobsDatabase>>;
  dialect: Dialect;
  log: Logger;
  clock: Clock;
  retryBaseMs: number;
  /** Jobs run at once per database in this process. */
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
  /**
   * The runner has its thread to itself (the job thread). On SQLite a transaction of several statements holds
   * the write lock across turns of the microtask queue; another server in the same thread (tests run two in one
   * process) that wants to write meanwhile blocks the thread in SQLite's busy wait until it gives up. With the
   * thread to itself, a batch's outcomes and the next claim share one transaction (one commit).
   */
  ownThread?: boolean;
}

const SCHEDULE_PREFIX = 'every:';
/** How long a finished job may wait to be recorded with others (its lease lasts far longer). */
const RECORD_WITHIN_MS = 20;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules = new Map<string, { intervalMs: number; handler: (now: Date) => Promise<unknown> }>();
  private readonly draining = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** Per database, a wake-up at the earliest retry this process scheduled: retries run when due, not at the next poll. */
  private readonly retryTimers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private stopped = true;
  private readonly concurrency: number;
  private readonly leaseMs: number;

  constructor(private readonly opts: RunnerOptions) {
    this.concurrency = opts.concurrency ?? 32;
    this.leaseMs = opts.leaseMs ?? 60_000;
  }

  /** Handles jobs of one kind (queued by core code with newJob()). */
  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`a handler for job kind ${kind} exists already`);
    this.handlers.set(kind, handler);
  }

  /** Runs `handler` every `intervalMs`, once across all processes sharing the control database. */
  every(name: string, intervalMs: number, handler: (now: Date) => Promise<unknown>): void {
    this.schedules.set(name, { intervalMs, handler });
  }

  async start(): Promise<void> {
    const control = this.opts.databases.control;
    if (control && this.schedules.size) {
      const now = this.opts.clock.now();
      for (const name of this.schedules.keys())
        await control
          .insertInto('jobs')
          .values(newJob(now, { id: SCHEDULE_PREFIX + name, kind: SCHEDULE_PREFIX + name, target: name, payload: {}, siteId: null }))
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
    }
    this.stopped = false;
    this.timer = setInterval(() => this.wakeAll(), this.opts.pollMs ?? 1000);
    this.timer.unref();
    this.wakeAll();
  }

  wakeAll(): void {
    for (const name of Object.keys(this.opts.databases)) this.wake(name);
  }

  /** Drains one database's due jobs now (or again right after the current drain). */
  wake(database: string): void {
    if (this.stopped || !this.opts.databases[database]) return;
    if (this.draining.has(database)) {
      this.again.add(database);
      return;
    }
    const run = this.drain(database).finally(() => {
      this.draining.delete(database);
      if (this.again.delete(database)) this.wake(database);
    });
    this.draining.set(database, run);
  }

  private wakeAt(database: string, at: number): void {
    const current = this.retryTimers.get(database);
    if (this.stopped || (current && current.at <= at)) return;
    if (current) clearTimeout(current.timer);
    const timer = setTimeout(
      () => {
        this.retryTimers.delete(database);
        this.wake(database);
      },
      Math.max(0, at - this.opts.clock.now().getTime()),
    );
    timer.unref();
    this.retryTimers.set(database, { at, timer });
  }

  /** Resolves when every drain started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.draining.size) await Promise.all(this.draining.values());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    for (const { timer } of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
    await this.idle();
  }

  private async drain(database: string): Promise<void> {
    const db = this.opts.databases[database]!;
    const inFlight = new Set<Promise<void>>();
    const finished: Outcome[] = [];
    const batch = Math.ceil(this.concurrency / 4);
    let waitingSince = 0;
    // Claims and records go in batches: outcomes wait until a quarter of the slots have finished (or everything
    // has, or RECORD_WITHIN_MS passed), then one transaction records them and claims as many new jobs. A few
    // statements per batch instead of several per job, so intake and delivery share the database well.
    while (!this.stopped) {
      const room = this.concurrency - inFlight.size;
      const claimRoom = room >= batch || inFlight.size === 0 ? room : 0;
      if (finished.length && !waitingSince) waitingSince = Date.now();
      const recordNow = finished.length > 0 && (finished.length >= batch || inFlight.size === 0 || Date.now() - waitingSince >= RECORD_WITHIN_MS);
      let claimed: JobRow[] = [];
      if (recordNow || (claimRoom && !finished.length)) {
        const outcomes = finished.splice(0);
        waitingSince = 0;
        try {
          claimed = await this.recordAndClaim(db, outcomes, claimRoom);
        } catch (err) {
          this.opts.log.error({ err, database, finished: outcomes.length }, 'cannot record or claim jobs; leases lapse and the next poll retries');
          break;
        }
        for (const job of claimed) {
          const p: Promise<void> = this.run(database, db, job)
            .then((outcome) => void finished.push(outcome))
            .finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
      }
      if (claimed.length === 0) {
        if (inFlight.size === 0 && finished.length === 0) break;
        // Wait for the next job to finish, but not longer than the recording deadline of those already finished.
        if (inFlight.size) await Promise.race(finished.length ? [...inFlight, sleep(RECORD_WITHIN_MS)] : inFlight);
      }
    }
    await Promise.all(inFlight);
    if (finished.length)
      await db
        .transaction()
        .execute((trx) => record(trx, finished.splice(0)))
        .catch((err) => this.opts.log.error({ err, database }, 'cannot record finished jobs; their leases lapse and they run again'));
  }

  /**
   * Records finished jobs and claims the next batch. Where it can (PostgreSQL, or a runner with its own thread)
   * one transaction does both: one commit per batch. Every statement in it resolves at once, so the transaction
   * never waits for anything else while it holds the write lock. Otherwise the outcomes are written in one short
   * transaction and the claim is a statement of its own.
   */
  private async recordAndClaim(db: Kysely<JobsDatabase>, outcomes: Outcome[], claimRoom: number): Promise<JobRow[]> {
    const claim = (on: Kysely<JobsDatabase>) => (claimRoom ? claimDueJobs(on, this.opts.dialect, this.opts.clock.now(), claimRoom, this.leaseMs) : []);
    if (this.opts.dialect === 'postgres' || this.opts.ownThread)
      return db.transaction().execute(async (trx) => {
        await record(trx, outcomes);
        return claim(trx);
      });
    if (outcomes.length) await db.transaction().execute((trx) => record(trx, outcomes));
    return claim(db);
  }

  /** Runs one job; never throws: the outcome (and the rows its handler gave) is recorded with its batch. */
  private async run(database: string, db: Kysely<JobsDatabase>, job: JobRow): Promise<Outcome> {
    const now = this.opts.clock.now();
    const schedule = job.kind.startsWith(SCHEDULE_PREFIX) ? this.schedules.get(job.kind.slice(SCHEDULE_PREFIX.length)) : undefined;
    const handler = schedule ? () => schedule.handler(now) : this.handlers.get(job.kind);
    const attempts = job.attempts + 1;
    const inserts: Insert[] = [];
    const outcome = (patch: Partial<JobRow>): Outcome => ({
      job,
      inserts,
      patch: { ...patch, locked_until: null, updated_at: this.opts.clock.now().toISOString() },
    });
    try {
      if (!handler) throw new PermanentError(`no handler for jobs of kind ${job.kind}`);
      await handler(job, { db, database, now, insert: (table, row) => void inserts.push({ table, row }) });
      if (schedule) return outcome({ attempts: 0, last_error: null, next_attempt_at: new Date(now.getTime() + schedule.intervalMs).toISOString() });
      return outcome({ status: 'done', attempts, last_error: null });
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const permanent = !schedule && (err instanceof PermanentError || attempts >= MAX_ATTEMPTS);
      const delay = schedule ? Math.min(backoffMs(attempts, this.opts.retryBaseMs), schedule.intervalMs) : backoffMs(attempts, this.opts.retryBaseMs);
      const next = new Date(this.opts.clock.now().getTime() + delay).toISOString();
      const log = this.opts.log.child({ job: job.id, kind: job.kind, site: job.site_id ?? undefined, database });
      if (permanent) log.error({ attempt: attempts, reason: message }, 'job failed for good');
      else {
        log.warn({ attempt: attempts, reason: message, retryAt: next }, 'job failed; will retry');
        this.wakeAt(database, Date.parse(next));
      }
      return outcome({ status: permanent ? 'failed' : 'pending', attempts, last_error: message, next_attempt_at: next });
    }
  }
}

/**
 * Records finished jobs, each only while its lease is still the one it was claimed with. A few statements per
 * batch rather than a few per job: the rows handlers gave go in one insert per table, and the jobs that simply
 * succeeded in one update per lease (those claimed together share it).
 */
async function record(db: Kysely<JobsDatabase>, outcomes: Outcome[]): Promise<void> {
  const rows = new Map<string, Record<string, unknown>[]>();
  for (const { inserts } of outcomes) for (const { table, row } of inserts) rows.set(table, [...(rows.get(table) ?? []), row]);
  for (const [table, list] of rows) await (db as Kysely<any>).insertInto(table).values(list).execute();
  const succeeded = new Map<string, { ids: string[]; updatedAt: string }>();
  for (const { job, patch } of outcomes) {
    if (isPlainSuccess(job, patch) && job.locked_until) {
      const group = succeeded.get(job.locked_until) ?? { ids: [], updatedAt: patch.updated_at! };
      group.ids.push(job.id);
      succeeded.set(job.locked_until, group);
    } else await db.updateTable('jobs').set(patch).where('id', '=', job.id).where('locked_until', '=', job.locked_until).execute();
  }
  for (const [lease, { ids, updatedAt }] of succeeded)
    await db
      .updateTable('jobs')
      .set((eb) => ({ status: 'done', attempts: eb('attempts', '+', 1), last_error: null, locked_until: null, updated_at: updatedAt }))
      .where('id', 'in', ids)
      .where('locked_until', '=', lease)
      .execute();
}

/** A job that ran once and is done: its row changes as every other such job's does (attempts one more). */
function isPlainSuccess(job: JobRow, patch: Partial<JobRow>): boolean {
  return patch.status === 'done' && patch.attempts === job.attempts + 1 && patch.last_error === null && !('next_attempt_at' in patch);
}
