// Opens the control-plane database and one database per region: SQLite files
// under the data directory by default, PostgreSQL when a URL is configured.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { REGIONS, type Region } from '../regions/regions.js';
import { migrate } from './migrations.js';
import type { ControlDatabase, RegionDatabase } from './schema.js';
import { nowIso } from '../lib/ids.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Databases {
  control: Kysely<ControlDatabase>;
  dialect: Dialect;
  regions: Record<Region, Kysely<RegionDatabase>>;
  close(): Promise<void>;
}

/** A PostgreSQL pool that survives dropped idle connections. */
export function openPool(url: string, log: { warn(data: object, msg: string): void }, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection dropped by the server (restart, failover) is not fatal: the pool reconnects.
  pool.on('error', (err) => log.warn({ err: err.message }, 'PostgreSQL connection lost; reconnecting on next use'));
  return pool;
}

/** A SQLite file with the settings every connection to it uses (WAL: readers never wait for the writer). */
export function openSqlite(file: string): SQLite.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten, so an erased person's data does not linger in free pages of the file.
  database.pragma('secure_delete = ON');
  return database;
}

/** Where each database is: a PostgreSQL URL, or else a SQLite file under the data directory. */
export interface Location {
  url: string | undefined;
  file: string;
}

export function locations(config: Pick<Config, 'databaseUrl' | 'regionUrls' | 'dataDir'>): { control: Location; regions: Record<Region, Location> } {
  return {
    control: { url: config.databaseUrl, file: path.join(config.dataDir, 'control.sqlite') },
    regions: Object.fromEntries(REGIONS.map((r) => [r, { url: config.regionUrls[r], file: path.join(config.dataDir, 'regions', `${r}.sqlite`) }])) as Record<
      Region,
      Location
    >,
  };
}

export interface OpenOptions {
  /** Migrate and check the databases (default); a second opener in the same process (the job thread) skips it. */
  migrate?: boolean;
  /** PostgreSQL connections per database at most. */
  poolMax?: number;
}

function open<T>(at: Location, log: Pick<Logger, 'warn'>, poolMax = 10): Kysely<T> {
  if (at.url) return new Kysely<T>({ dialect: new PostgresDialect({ pool: openPool(at.url, log, poolMax) }) });
  return new Kysely<T>({ dialect: new SqliteDialect({ database: keepStatements(openSqlite(at.file)) }) });
}

/**
 * Kysely prepares every query anew; preparing costs about as much as running a small statement. The same
 * SQL text reuses its prepared statement (SQLite re-prepares it by itself after a schema change). Bounded:
 * queries whose text varies (IN lists of any length) fall out first.
 */
function keepStatements(database: SQLite.Database, max = 500) {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => void database.close(),
    prepare(sql: string) {
      let statement = kept.get(sql);
      if (statement) {
        kept.delete(sql); // most recently used last
      } else {
        statement = database.prepare(sql);
        if (kept.size >= max) kept.delete(kept.keys().next().value!);
      }
      kept.set(sql, statement);
      return statement;
    },
  };
}

/** Opens and migrates every database. Refuses to start if a region database belongs to another region. */
export async function openDatabases(
  config: Pick<Config, 'databaseUrl' | 'regionUrls' | 'dataDir'>,
  log: Pick<Logger, 'warn'>,
  opts: OpenOptions = {},
): Promise<Databases> {
  const at = locations(config);
  const control = open<ControlDatabase>(at.control, log, opts.poolMax);
  const regions = {} as Record<Region, Kysely<RegionDatabase>>;
  for (const r of REGIONS) regions[r] = open<RegionDatabase>(at.regions[r], log, opts.poolMax);
  const dbs: Databases = {
    control,
    dialect: config.databaseUrl ? 'postgres' : 'sqlite',
    regions,
    async close() {
      await Promise.all([control.destroy(), ...Object.values(regions).map((d) => d.destroy())]);
    },
  };
  if (opts.migrate === false) return dbs;
  await migrate(control, 'control');
  for (const r of REGIONS) {
    const db = regions[r];
    await migrate(db, 'region');
    const row = await db.selectFrom('region_info').select('region').where('id', '=', 1).executeTakeFirst();
    if (!row)
      await db
        .insertInto('region_info')
        .values({ id: 1, region: r, created_at: nowIso() } as never)
        .execute();
    else if (row.region !== r) throw new Error(`the database configured for region ${r} belongs to region ${row.region}`);
  }
  return dbs;
}
