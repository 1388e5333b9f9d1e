// Opens the control-plane database and one database per region: SQLite files
// under the data directory by default, PostgreSQL when a URL is configured.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { ConfigError } from '../lib/config-error.js';
import { regionVariable } from '../regions/regions.js';
import { migrate } from './migrations.js';
import type { ControlDatabase, RegionDatabase } from './schema.js';
import { nowIso } from '../lib/ids.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Databases {
  control: Kysely<ControlDatabase>;
  dialect: Dialect;
  /** One database per configured region, by region id. */
  regions: Record<string, Kysely<RegionDatabase>>;
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

export type DatabaseConfig = Pick<Config, 'databaseUrl' | 'dataDir'> & { regions: Pick<Config['regions'][number], 'id' | 'url'>[] };

export function locations(config: DatabaseConfig): { control: Location; regions: Record<string, Location> } {
  return {
    control: { url: config.databaseUrl, file: path.join(config.dataDir, 'control.sqlite') },
    regions: Object.fromEntries(config.regions.map((r) => [r.id, { url: r.url, file: path.join(config.dataDir, 'regions', `${r.id}.sqlite`) }])),
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

/**
 * Opens and migrates every database. Refuses to start if a region database belongs to another region, or
 * if sites keep their data in a region the configuration no longer lists.
 */
export async function openDatabases(config: DatabaseConfig, log: Pick<Logger, 'warn'>, opts: OpenOptions = {}): Promise<Databases> {
  const at = locations(config);
  const control = open<ControlDatabase>(at.control, log, opts.poolMax);
  const regions: Record<string, Kysely<RegionDatabase>> = {};
  for (const r of config.regions) regions[r.id] = open<RegionDatabase>(at.regions[r.id]!, log, opts.poolMax);
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
  const used = await control
    .selectFrom('sites')
    .select(['region', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('region')
    .execute();
  const missing = used.filter((u) => !Object.hasOwn(regions, u.region));
  if (missing.length) {
    await dbs.close();
    throw new ConfigError(
      `ATRIUM_REGIONS (${Object.keys(regions).join(',')}) leaves out ${missing.map((m) => `${m.region} (${Number(m.n)} site${Number(m.n) === 1 ? '' : 's'})`).join(', ')}: those sites keep their data there. Add ${missing.length === 1 ? 'it' : 'them'} back to ATRIUM_REGIONS, with the same database, to start.`,
    );
  }
  for (const r of Object.keys(regions)) {
    const db = regions[r]!;
    await migrate(db, 'region');
    const row = await db.selectFrom('region_info').select('region').where('id', '=', 1).executeTakeFirst();
    if (!row)
      await db
        .insertInto('region_info')
        .values({ id: 1, region: r, created_at: nowIso() } as never)
        .execute();
    else if (row.region !== r) {
      await dbs.close();
      throw new ConfigError(
        `the database configured for region ${r} (${regionVariable(r, 'URL')}, or the file regions/${r}.sqlite) belongs to region ${row.region}; give each region its own database.`,
      );
    }
  }
  return dbs;
}
