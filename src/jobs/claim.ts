// Claiming due jobs atomically: one statement marks up to `limit` due, unleased
// jobs as leased by this process and returns them. On PostgreSQL the inner
// select skips rows another process is claiming (FOR UPDATE SKIP LOCKED), so
// concurrent workers take disjoint jobs; SQLite has one writer at a time, and a
// writing statement holds the write lock from its first read.
// A job is never claimed before its next_attempt_at, nor while leased.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db/connect.js';
import type { JobsTable } from '../db/schema.js';

export type JobsDatabase = { jobs: JobsTable };

export async function claimDueJobs(db: Kysely<JobsDatabase>, dialect: Dialect, now: Date, limit: number, leaseMs: number): Promise<JobsTable[]> {
  const at = now.toISOString();
  const leasedUntil = new Date(now.getTime() + leaseMs).toISOString();
  // The re-check on the updated row must not steer SQLite's planner: on the jobs_due index it would walk every
  // pending row to find the few claimed ones (milliseconds with a backlog of thousands) instead of looking them up
  // by id. A leading + keeps a column out of index choice.
  const col = (name: 'status' | 'next_attempt_at' | 'locked_until') => (dialect === 'sqlite' ? sql<string>`+${sql.ref(name)}` : sql<string>`${sql.ref(name)}`);
  return (
    db
      .updateTable('jobs')
      .set({ locked_until: leasedUntil })
      .where('id', 'in', (eb) => {
        const due = eb
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', at)
          .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<', at)]))
          .orderBy('next_attempt_at')
          .limit(limit);
        return dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
      })
      // Checked again on the row being updated, in case it changed since the inner select read it.
      .where(col('status'), '=', 'pending')
      .where(col('next_attempt_at'), '<=', at)
      .where((w) => w.or([w(col('locked_until'), 'is', null), w(col('locked_until'), '<', at)]))
      .returningAll()
      .execute()
  );
}
