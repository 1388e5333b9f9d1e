// bench:analytics's dashboard data: BENCH_EVENTS (10 million) generated
// events of one site over the 30 days up to a fixed day, written straight
// into a region database with the rollups the real roll-up code computes
// from them (rollupRows), day by day. Generating takes minutes, so the result
// is kept: SQLite as a file under .bench-cache/ (gitignored), PostgreSQL as a
// database of its own on the server, both named after the generator (a change
// to it makes a new one) and brought up to the current schema when opened.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { rollupRows, replaceRollups } from '../src/analytics/rollup.js';
import { addDays } from '../src/analytics/range.js';
import { postgresStore, rowOf, sqliteStore, type EventStore } from '../src/analytics/store.js';
import { openSqlite } from '../src/db/connect.js';
import { migrate } from '../src/db/migrations.js';
import type { AnalyticsEventsTable, RegionDatabase } from '../src/db/schema.js';

/** The last day of the generated month: queries ask for "the last 30 days" as of this day. */
export const ANCHOR_DAY = '2026-03-31';
export const SITE_ID = 'site_bench_dashboard';
const CACHE_DIR = path.resolve('.bench-cache');

const key = (events: number) => createHash('sha256').update(fs.readFileSync('bench/analytics-data.ts')).update(String(events)).digest('hex').slice(0, 10);

export interface DashboardData {
  db: Kysely<RegionDatabase>;
  /** Seconds spent generating now (0: taken from the cache). */
  generatedIn: number;
  where: string;
  close(): Promise<void>;
}

const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;
const COUNTRIES = ['US', 'DE', 'GB', 'FR', 'IN', 'CA', 'BR', 'JP', 'NL', 'ES', 'IT', 'SE', 'PL', 'AU', 'MX'];
const SOURCES = [null, null, 'Google', 'Google', 'Bing', 'DuckDuckGo', 'Twitter', 'LinkedIn', 'Reddit', 'newsletter', 'news.example.com'];
const PATHS = Array.from({ length: 200 }, (_, i) => (i === 0 ? '/' : `/page-${i}`));

/** One day's events, in time order: ~5 events a visit, ~1.4 visits a visitor. */
function dayEvents(day: string, perDay: number): AnalyticsEventsTable[] {
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  const rows: AnalyticsEventsTable[] = [];
  for (let j = 0; j < perDay; j++) {
    const v = Math.floor(j / 5);
    const who = Math.floor(v / 1.4);
    const custom = j % 5 === 4 && v % 7 === 0;
    rows.push({
      site_id: SITE_ID,
      time: new Date(dayStart + Math.floor((v / (perDay / 5)) * 86_000_000) + (j % 5) * 20_000).toISOString(),
      visitor: `${day}-${who}`,
      visit_id: `${day}-${v}`,
      kind: custom ? 'custom' : 'pageview',
      name: custom ? 'Signup' : null,
      path: pick(PATHS, (v * 13 + (j % 5) * 7) % 200),
      source: pick(SOURCES, v),
      referrer_host: null,
      utm_source: v % 10 === 0 ? 'newsletter' : null,
      utm_medium: v % 10 === 0 ? 'email' : null,
      utm_campaign: v % 10 === 0 ? `campaign-${v % 30}` : null,
      utm_content: null,
      utm_term: null,
      country: pick(COUNTRIES, who),
      region: null,
      city: `City ${who % 300}`,
      device: pick(['Desktop', 'Mobile', 'Tablet'], who),
      os: pick(['Windows', 'iOS', 'Android', 'Mac OS', 'Linux'], who),
      browser: pick(['Chrome', 'Safari', 'Firefox', 'Edge'], who),
      language: pick(['en', 'de', 'fr', 'es'], who),
      screen: j % 5 === 1 ? pick(['Mobile', 'Laptop', 'Desktop'], who) : null,
      duration: null,
      returning: 0,
      props: null,
    });
  }
  return rows.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

async function generate(db: Kysely<RegionDatabase>, store: EventStore, events: number, progress: (s: string) => void) {
  const days = Array.from({ length: 30 }, (_, i) => addDays(ANCHOR_DAY, i - 29));
  const perDay = Math.ceil(events / days.length);
  for (const [n, day] of days.entries()) {
    const rows = dayEvents(day, Math.min(perDay, events - n * perDay));
    for (let i = 0; i < rows.length; i += 20_000) await store.write(rows.slice(i, i + 20_000).map(rowOf), []);
    await replaceRollups(db, SITE_ID, day, rollupRows(SITE_ID, day, rows));
    progress(`${day}: ${rows.length.toLocaleString('en')} events`);
  }
}

export async function sqliteDashboard(events: number, progress: (s: string) => void): Promise<DashboardData> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, `analytics-${key(events)}.sqlite`);
  let generatedIn = 0;
  if (!fs.existsSync(file)) {
    const t0 = performance.now();
    const partial = `${file}.partial`;
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
    const raw = openSqlite(partial);
    raw.pragma('cache_size = -1000000');
    const db = new Kysely<RegionDatabase>({ dialect: new SqliteDialect({ database: raw }) });
    await migrate(db, 'region');
    await generate(db, sqliteStore(db, raw), events, progress);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.exec('analyze');
    await db.destroy();
    fs.renameSync(partial, file);
    generatedIn = (performance.now() - t0) / 1000;
  }
  const db = new Kysely<RegionDatabase>({ dialect: new SqliteDialect({ database: openSqlite(file) }) });
  await migrate(db, 'region');
  return { db, generatedIn, where: path.relative(process.cwd(), file), close: () => db.destroy() };
}

export async function postgresDashboard(server: string, events: number, progress: (s: string) => void): Promise<DashboardData> {
  const name = `atrium_bench_dashboard_${key(events)}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  let generatedIn = 0;
  if (!exists) {
    const t0 = performance.now();
    // Built under another name and renamed when complete: an interrupted run leaves no half-made cache.
    await admin.query(`drop database if exists ${name}_partial with (force)`);
    await admin.query(`create database ${name}_partial`);
    const db = new Kysely<RegionDatabase>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: `${server}/${name}_partial`, max: 2 }) }) });
    await migrate(db, 'region');
    await generate(db, postgresStore(db), events, progress);
    await sql`analyze`.execute(db);
    await db.destroy();
    await admin.query(`alter database ${name}_partial rename to ${name}`);
    generatedIn = (performance.now() - t0) / 1000;
  }
  await admin.end();
  const db = new Kysely<RegionDatabase>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: `${server}/${name}`, max: 10 }) }) });
  await migrate(db, 'region');
  return { db, generatedIn, where: `database ${name}`, close: () => db.destroy() };
}
