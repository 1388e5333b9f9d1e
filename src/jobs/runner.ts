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

export interface JobContext {
  /** The database the job lives in, e.g. for rows it writes beside its own (delivery logs). */
  db: Kysely<JobsDatabase>;
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
}

const SCHEDULE_PREFIX = 'every:';

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules = new Map<string, { intervalMs: number; handler: (now: Date) => Promise<unknown> }>();
  private readonly draining = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private readonly concurrency: number;
  private readonly leaseMs: number;

  constructor(private readonly opts: RunnerOptions) {
    this.concurrency = opts.concurrency ?? 8;
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

  /** Resolves when every drain started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.draining.size) await Promise.all(this.draining.values());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.idle();
  }

  private async drain(database: string): Promise<void> {
    const db = this.opts.databases[database]!;
    const inFlight = new Set<Promise<void>>();
    while (!this.stopped) {
      const room = this.concurrency - inFlight.size;
      let claimed: JobRow[] = [];
      if (room > 0) {
        try {
          claimed = await claimDueJobs(db, this.opts.dialect, this.opts.clock.now(), room, this.leaseMs);
        } catch (err) {
          this.opts.log.warn({ err, database }, 'cannot claim jobs; retrying at the next poll');
          break;
        }
        for (const job of claimed) {
          const p: Promise<void> = this.run(database, db, job).finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
      }
      if (claimed.length === 0) {
        if (inFlight.size === 0) break;
        await Promise.race(inFlight);
      }
    }
    await Promise.all(inFlight);
  }

  private async run(database: string, db: Kysely<JobsDatabase>, job: JobRow): Promise<void> {
    const now = this.opts.clock.now();
    const schedule = job.kind.startsWith(SCHEDULE_PREFIX) ? this.schedules.get(job.kind.slice(SCHEDULE_PREFIX.length)) : undefined;
    const handler = schedule ? () => schedule.handler(now) : this.handlers.get(job.kind);
    const attempts = job.attempts + 1;
    const log = this.opts.log.child({ job: job.id, kind: job.kind, site: job.site_id ?? undefined, database });
    // Updates only while this process still holds the lease it claimed the job with.
    const finish = (patch: Partial<JobRow>) =>
      db
        .updateTable('jobs')
        .set({ ...patch, locked_until: null, updated_at: this.opts.clock.now().toISOString() })
        .where('id', '=', job.id)
        .where('locked_until', '=', job.locked_until)
        .execute();
    try {
      if (!handler) throw new PermanentError(`no handler for jobs of kind ${job.kind}`);
      await handler(job, { db, database, now });
      if (schedule) {
        await finish({ attempts: 0, last_error: null, next_attempt_at: new Date(now.getTime() + schedule.intervalMs).toISOString() });
        log.debug('periodic job ran');
      } else await finish({ status: 'done', attempts, last_error: null });
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const permanent = !schedule && (err instanceof PermanentError || attempts >= MAX_ATTEMPTS);
      const delay = schedule ? Math.min(backoffMs(attempts, this.opts.retryBaseMs), schedule.intervalMs) : backoffMs(attempts, this.opts.retryBaseMs);
      const next = new Date(this.opts.clock.now().getTime() + delay).toISOString();
      try {
        await finish({ status: permanent ? 'failed' : 'pending', attempts, last_error: message, next_attempt_at: next });
      } catch (e) {
        log.error({ err: e }, 'could not record a job failure; its lease will lapse and it will run again');
      }
      if (permanent) log.error({ attempt: attempts, reason: message }, 'job failed for good');
      else log.warn({ attempt: attempts, reason: message, retryAt: next }, 'job failed; will retry');
    }
  }
}
