// Fresh databases per test server: SQLite files in a temp dir by default, or
// brand-new PostgreSQL databases when ATRIUM_TEST_POSTGRES is set.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DEFAULT_REGION_IDS, regionVariable } from '../../src/regions/regions.js';

export const POSTGRES = process.env.ATRIUM_TEST_POSTGRES;

/**
 * Brand-new control and region databases on `server` (default: ATRIUM_TEST_POSTGRES), as Atrium's env
 * variables; `regions` as ATRIUM_REGIONS lists them (default: Atrium's default regions).
 */
export async function freshPostgresEnv(server = POSTGRES, regions = DEFAULT_REGION_IDS.join(',')): Promise<Record<string, string>> {
  if (!server) return {};
  const prefix = `atrium_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  const env: Record<string, string> = {};
  try {
    for (const name of ['control', ...regions.split(',').map((r) => r.trim())]) {
      const db = `${prefix}_${name.replace(/-/g, '_')}`;
      await admin.query(`CREATE DATABASE ${db}`);
      const url = `${server}/${db}`;
      if (name === 'control') env.ATRIUM_DATABASE_URL = url;
      else env[regionVariable(name, 'URL')] = url;
    }
  } finally {
    await admin.end();
  }
  return env;
}

/** Drops the databases freshPostgresEnv created (after the server closed its pools). */
export async function dropPostgres(env: Record<string, string>, server = POSTGRES): Promise<void> {
  if (!server) return;
  const names = Object.entries(env)
    .filter(([k]) => k === 'ATRIUM_DATABASE_URL' || /^ATRIUM_REGION_.*_URL$/.test(k))
    .map(([, v]) => new URL(v).pathname.slice(1));
  // Let closing pools finish their goodbyes before FORCE cuts any straggler.
  await new Promise((r) => setTimeout(r, 100));
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  try {
    for (const db of names) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
