// Writes a batch of processed events (and the tallies of requests not
// counted) to one region database, in one transaction. SQLite: one prepared
// single-row statement run per event inside BEGIN IMMEDIATE (measured faster
// than multi-row statements with better-sqlite3, and it never waits for a
// lock mid-batch). PostgreSQL: one statement per batch, the rows as one JSON
// parameter the server unpacks (as jsonb: parsed once, then each value read by
// index; plain json measured three times slower, parsed again for every
// value). Values are always parameters, never SQL.
import type SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { AnalyticsEventsTable, RegionDatabase } from '../db/schema.js';
import { COLUMN_SPECS, COLUMNS } from './columns.js';
import { ensurePartitions } from './partitions.js';

/** An event as a row of values in COLUMNS order. */
export type EventRow = unknown[];
/** Requests not counted: site, UTC day, reason, how many. */
export type UncountedTally = [siteId: string, day: string, reason: string, n: number];

const ORDER =
  'site_id time visitor visit_id kind path source referrer_host utm_source utm_medium utm_campaign utm_content utm_term country region city device os browser language screen name returning duration props';
if (COLUMNS.join(' ') !== ORDER) throw new Error('store.ts: rowOf() must follow COLUMNS');

/** An event's values in COLUMNS order (written out: a loop over the names measured slower, once per event). */
export const rowOf = (e: AnalyticsEventsTable): EventRow => [
  e.site_id,
  e.time,
  e.visitor,
  e.visit_id,
  e.kind,
  e.path,
  e.source,
  e.referrer_host,
  e.utm_source,
  e.utm_medium,
  e.utm_campaign,
  e.utm_content,
  e.utm_term,
  e.country,
  e.region,
  e.city,
  e.device,
  e.os,
  e.browser,
  e.language,
  e.screen,
  e.name,
  e.returning,
  e.duration,
  e.props,
];
const TIME = COLUMNS.indexOf('time');

export interface EventStore {
  /** The same database, for everything else (visits, rollups, retention). */
  readonly db: Kysely<RegionDatabase>;
  write(rows: EventRow[], tallies: UncountedTally[]): Promise<void>;
}

const columnList = COLUMNS.map((c) => `"${c}"`).join(', ');

export function sqliteStore(db: Kysely<RegionDatabase>, raw: SQLite.Database): EventStore {
  const insert = raw.prepare(`insert into analytics_events (${columnList}) values (${COLUMNS.map(() => '?').join(', ')})`);
  const tally = raw.prepare(
    'insert into analytics_uncounted (site_id, day, reason, count) values (?, ?, ?, ?) on conflict (site_id, day, reason) do update set count = count + excluded.count',
  );
  const batch = raw.transaction((rows: EventRow[], tallies: UncountedTally[]) => {
    for (const r of rows) insert.run(r);
    for (const t of tallies) tally.run(t);
  });
  return {
    db,
    async write(rows, tallies) {
      if (rows.length || tallies.length) batch.immediate(rows, tallies);
    },
  };
}

const unpacked = sql.raw(COLUMNS.map((c, i) => `(r->>${i})${COLUMN_SPECS[c].type === 'int' ? '::int' : ''}`).join(', '));

export function postgresStore(db: Kysely<RegionDatabase>): EventStore {
  return {
    db,
    async write(rows, tallies) {
      if (!rows.length && !tallies.length) return;
      await ensurePartitions(db, new Set(rows.map((r) => (r[TIME] as string).slice(0, 7))));
      await db.transaction().execute(async (trx) => {
        if (rows.length)
          await sql`insert into analytics_events (${sql.raw(columnList)}) select ${unpacked} from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) as r`.execute(
            trx,
          );
        if (tallies.length)
          await sql`insert into analytics_uncounted (site_id, day, reason, count)
            select r->>0, r->>1, r->>2, (r->>3)::int from jsonb_array_elements(${JSON.stringify(tallies)}::jsonb) as r
            on conflict (site_id, day, reason) do update set count = analytics_uncounted.count + excluded.count`.execute(trx);
      });
    },
  };
}
