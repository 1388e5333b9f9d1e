// The analytics sweep: raw events older than ATRIUM_ANALYTICS_RAW_DAYS (30)
// and rollups older than ATRIUM_ANALYTICS_ROLLUP_MONTHS (24) are deleted.
// PostgreSQL drops whole monthly partitions (no row-by-row delete, no table
// rewrite) and deletes only the older rows of the one partition that straddles
// the cutoff; it also creates the partitions of this month and the next ahead
// of time. SQLite deletes in small batches, oldest rows first, so no write
// holds the database for long.
import type { Kysely } from 'kysely';
import type { RegionDatabase } from '../db/schema.js';
import { dropPartition, ensurePartitions, isPostgresDb, nextMonth, partitionMonths } from './partitions.js';
import { utcDay } from './salts.js';

const DAY_MS = 24 * 3600_000;
const BATCH = 5000;

export interface RetentionSettings {
  rawDays: number;
  rollupMonths: number;
}

/** The first day whose rollups are kept: the same day of the month, `months` months ago. */
export function rollupCutoff(now: Date, months: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
  return utcDay(d.getTime());
}

export async function sweepAnalytics(regions: Record<string, Kysely<RegionDatabase>>, settings: RetentionSettings, now: Date) {
  const rawCutoff = new Date(now.getTime() - settings.rawDays * DAY_MS).toISOString();
  const rollupDay = rollupCutoff(now, settings.rollupMonths);
  let events = 0;
  let rollups = 0;
  let partitions = 0;
  for (const db of Object.values(regions)) {
    if (isPostgresDb(db)) {
      const month = now.toISOString().slice(0, 7);
      await ensurePartitions(db, [month, nextMonth(month)]);
      for (const m of await partitionMonths(db))
        if (nextMonth(m) <= rawCutoff.slice(0, 7)) {
          await dropPartition(db, m);
          partitions++;
        }
      const r = await db.deleteFrom('analytics_events').where('time', '<', rawCutoff).executeTakeFirst();
      events += Number(r.numDeletedRows);
    } else {
      // Events are appended in time order, so the oldest are the lowest rowids: each batch reads from the start.
      for (;;) {
        const r = await db
          .deleteFrom('analytics_events')
          .where((eb) =>
            eb(
              eb.ref('rowid' as never),
              'in',
              eb
                .selectFrom('analytics_events')
                .select('rowid' as never)
                .where('time', '<', rawCutoff)
                .orderBy('rowid' as never)
                .limit(BATCH),
            ),
          )
          .executeTakeFirst();
        const n = Number(r.numDeletedRows);
        events += n;
        if (n < BATCH) break;
      }
    }
    for (const table of ['analytics_daily', 'analytics_uncounted'] as const) {
      const r = await db.deleteFrom(table).where('day', '<', rollupDay).executeTakeFirst();
      rollups += Number(r.numDeletedRows);
    }
    const r = await db.deleteFrom('analytics_hourly').where('hour', '<', rollupDay).executeTakeFirst();
    rollups += Number(r.numDeletedRows);
  }
  return { events, rollups, partitions };
}
