// bench:privacy — the rights engines on a subscriber whose site holds 10,000
// form submissions, side by side with the floor each cannot beat:
//  - export (the whole zip of everything held about them) against reading the
//    same rows with one raw query and writing them out as JSON;
//  - erasure (account deletion: sites, region rows, files, and the scan-clean
//    SQLite files) against deleting the same rows with one raw query.
// SQLite by default; BENCH_POSTGRES=1 runs the same on fresh PostgreSQL databases too.
import { sql } from 'kysely';
import { exportAccount } from '../src/rights/account-export.js';
import { eraseAccount } from '../src/rights/erase-account.js';
import { dropPostgres, freshPostgresEnv } from '../test/helpers/databases.js';
import { benchContext } from './setup.js';

const N = Number(process.env.BENCH_SUBMISSIONS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PG = process.env.BENCH_POSTGRES ? (process.env.ATRIUM_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432') : undefined;

/** A subscriber with one site in us-oregon holding N submissions; returns the pieces to time. */
async function prepared(env: Record<string, string>) {
  const bench = await benchContext(env);
  const site = await bench.newSite(`privacy-${Math.random().toString(36).slice(2, 8)}`);
  const region = bench.ctx.dbs.regions['us-oregon'];
  const at = new Date().toISOString();
  for (let i = 0; i < N; i += 500)
    await region
      .insertInto('form_submissions')
      .values(
        Array.from({ length: Math.min(500, N - i) }, (_, k) => ({
          id: `sub_${i + k}_${Math.random().toString(36).slice(2)}`,
          site_id: site.id,
          form_id: 'contact',
          form_version: 'v1',
          page_path: '/contact',
          data: JSON.stringify({
            name: `Visitor ${i + k}`,
            email: `v${i + k}@example.com`,
            message: 'Hello, I would like to know more about your pricing plans. '.repeat(3),
          }),
          submitter_email: `v${i + k}@example.com`,
          consent_text: null,
          status: 'inbox',
          spam_reasons: null,
          read_at: null,
          created_at: at,
        })),
      )
      .execute();
  return { ...bench, site, region };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Fresh databases for every prepared subscriber: SQLite files in a new data dir, or new PostgreSQL databases. */
type Databases = { make: () => Promise<Record<string, string>>; drop: (env: Record<string, string>) => Promise<void> };
const SQLITE: Databases = { make: async () => ({}), drop: async () => {} };

async function run(label: string, dbs: Databases) {
  const exportMs: number[] = [];
  const rawReadMs: number[] = [];
  const eraseMs: number[] = [];
  const rawDeleteMs: number[] = [];
  let zipBytes = 0;
  for (let r = 0; r < RUNS; r++) {
    // Export, and its floor, on the same data.
    const envA = await dbs.make();
    const a = await prepared(envA);
    exportMs.push(await timed(async () => (zipBytes = (await exportAccount(a.ctx, a.subscriber.id)).length)));
    rawReadMs.push(
      await timed(async () => JSON.stringify(await a.region.selectFrom('form_submissions').selectAll().where('site_id', '=', a.site.id).execute())),
    );
    // Erasure of the whole account, against deleting the rows of a second, identical subscriber.
    eraseMs.push(await timed(() => eraseAccount(a.ctx, a.subscriber.id, 'benchmark password')));
    await a.ctx.dbs.close();
    await dbs.drop(envA);
    const envB = await dbs.make();
    const b = await prepared(envB);
    rawDeleteMs.push(await timed(() => sql`delete from form_submissions where site_id = ${b.site.id}`.execute(b.region)));
    await b.ctx.dbs.close();
    await dbs.drop(envB);
  }
  const row = (what: string, engine: number[], floor: number[], floorName: string) => ({
    database: label,
    what,
    'Atrium (ms)': Math.round(median(engine)),
    [`reference (ms)`]: Math.round(median(floor)),
    reference: floorName,
    ratio: `${(median(engine) / median(floor)).toFixed(1)}x`,
  });
  return [
    row(`export ${N} submissions (zip ${(zipBytes / 1024 / 1024).toFixed(1)} MB)`, exportMs, rawReadMs, 'one select + JSON'),
    row(`erase account with ${N} submissions`, eraseMs, rawDeleteMs, 'one delete'),
  ];
}

const rows = await run('SQLite', SQLITE);
if (PG) rows.push(...(await run('PostgreSQL', { make: () => freshPostgresEnv(PG), drop: (env) => dropPostgres(env, PG) })));
const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
console.log(`bench:privacy, median of ${RUNS} runs, load average ${load}`);
console.table(rows);
