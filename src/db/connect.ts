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

function open<T>(url: string | undefined, sqliteFile: string, log: Pick<Logger, 'warn'>): Kysely<T> {
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection dropped by the server (restart, failover) is not fatal: the pool reconnects.
    pool.on('error', (err) => log.warn({ err: err.message }, 'PostgreSQL connection lost; reconnecting on next use'));
    return new Kysely<T>({ dialect: new PostgresDialect({ pool }) });
  }
  fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });
  const database = new SQLite(sqliteFile);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten, so an erased person's data does not linger in free pages of the file.
  database.pragma('secure_delete = ON');
  return new Kysely<T>({ dialect: new SqliteDialect({ database }) });
}

/** Opens and migrates every database. Refuses to start if a region database belongs to another region. */
export async function openDatabases(config: Config, log: Pick<Logger, 'warn'>): Promise<Databases> {
  const control = open<ControlDatabase>(config.databaseUrl, path.join(config.dataDir, 'control.sqlite'), log);
  await migrate(control, 'control');
  const regions = {} as Record<Region, Kysely<RegionDatabase>>;
  for (const r of REGIONS) {
    const db = open<RegionDatabase>(config.regionUrls[r], path.join(config.dataDir, 'regions', `${r}.sqlite`), log);
    await migrate(db, 'region');
    const row = await db.selectFrom('region_info').select('region').where('id', '=', 1).executeTakeFirst();
    if (!row)
      await db
        .insertInto('region_info')
        .values({ id: 1, region: r, created_at: nowIso() } as never)
        .execute();
    else if (row.region !== r) throw new Error(`the database configured for region ${r} belongs to region ${row.region}`);
    regions[r] = db;
  }
  return {
    control,
    dialect: config.databaseUrl ? 'postgres' : 'sqlite',
    regions,
    async close() {
      await Promise.all([control.destroy(), ...Object.values(regions).map((d) => d.destroy())]);
    },
  };
}
