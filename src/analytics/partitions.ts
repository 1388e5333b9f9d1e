// PostgreSQL keeps raw events in one partition per month (the table is
// partitioned by range of its ISO time, byte-ordered), so retention drops
// whole months instead of deleting rows one by one. A month's partition is
// created before the first write to it (and ahead of time by the sweep);
// SQLite has one plain table.
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { RegionDatabase } from '../db/schema.js';

export const isPostgresDb = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** '2026-12' -> 'analytics_events_p202612' */
export const partitionName = (month: string) => `analytics_events_p${month.replace('-', '')}`;

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const ensured = new WeakMap<Kysely<any>, Set<string>>();

/** Creates the monthly partitions these months need (PostgreSQL; nothing on SQLite). */
export async function ensurePartitions(db: Kysely<RegionDatabase>, months: Iterable<string>): Promise<void> {
  if (!isPostgresDb(db)) return;
  let done = ensured.get(db);
  if (!done) ensured.set(db, (done = new Set()));
  for (const month of months) {
    if (done.has(month)) continue;
    if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`not a month: ${month}`);
    try {
      await sql
        .raw(`create table if not exists ${partitionName(month)} partition of analytics_events for values from ('${month}') to ('${nextMonth(month)}')`)
        .execute(db);
    } catch (err) {
      // Another process created it at the same moment.
      if (!(await partitionExists(db, month))) throw err;
    }
    done.add(month);
  }
}

async function partitionExists(db: Kysely<RegionDatabase>, month: string): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from pg_class where relname = ${partitionName(month)}`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

/** The months that have a partition, oldest first. */
export async function partitionMonths(db: Kysely<RegionDatabase>): Promise<string[]> {
  const r = await sql<{ name: string }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'analytics_events'::regclass`.execute(db);
  return r.rows
    .map((x) => /^analytics_events_p(\d{4})(\d{2})$/.exec(x.name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}-${m[2]}`)
    .sort();
}

/** Drops a month's partition with its rows: no row-by-row delete, no rewrite of the table. */
export async function dropPartition(db: Kysely<RegionDatabase>, month: string): Promise<void> {
  await sql.raw(`drop table if exists ${partitionName(month)}`).execute(db);
  ensured.get(db)?.delete(month);
}
