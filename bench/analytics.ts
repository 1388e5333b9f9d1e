// bench:analytics — visitor analytics on SQLite and on PostgreSQL, side by
// side in one run, each figure against a reference in the same run:
//  1. events per second accepted through the serving path (pages answered,
//     processed and stored) and through the beacon endpoint, wrk driving one
//     Atrium process for BENCH_SECONDS each, against a raw insert loop of the
//     same rows into the same table (one statement, and so one commit, per
//     row), as a ratio (target: at least 50%);
//  2. the dashboard's 30-day view (overview with previous period and series,
//     realtime, requests not counted, and a breakdown per dimension) over
//     BENCH_EVENTS (10 million) generated events, served by the rollups
//     (target: under 100 ms). The generated data is cached (analytics-data.ts).
// bench:serve compares serving with analytics on and off.
// PostgreSQL: BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432; "off" to skip).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { publish } from '../src/publishing/publishing.js';
import { saveDraft } from '../src/sites/sites.js';
import { DEFAULT_REGION_IDS as REGIONS } from '../src/regions/regions.js';
import type { AnalyticsEventsTable, RegionDatabase } from '../src/db/schema.js';
import { DIMENSIONS } from '../src/analytics/dimensions.js';
import { breakdown, notCountedTotals, overview, realtime, type QueryScope } from '../src/analytics/query.js';
import { resolveRange } from '../src/analytics/range.js';
import { ANCHOR_DAY, postgresDashboard, SITE_ID, sqliteDashboard, type DashboardData } from './analytics-data.js';
import { benchContext } from './setup.js';

const POSTGRES = process.env.BENCH_POSTGRES === 'off' ? undefined : (process.env.BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
/** BENCH_DASHBOARD=off measures ingestion only. */
const DASHBOARD = process.env.BENCH_DASHBOARD !== 'off';
const REFERENCE_ROWS = 20_000;
/** Atrium processes (ATRIUM_WORKERS): 1 by default; the number of cores is the production setting. */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const PORT = 3931;
const HOST = 'analytics-bench.localhost';
const REGION = 'us-oregon';
const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const log = (s: string) => console.error(`  ${s}`);

try {
  execFileSync('sh', ['-c', 'command -v wrk']);
} catch {
  console.error('wrk is needed: apt-get install -y wrk');
  process.exit(1);
}

// wrk scripts: 5 000 visitors (addresses through a trusted proxy on loopback) with five browsers, four pages,
// a tenth of the landings from a campaign, a quarter from Google; beacons: engagement and custom events.
const COMMON = `
local i = 0
local uas = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
}
local pages = { "/", "/pricing", "/about", "/contact" }
local function visitor(v)
  return {
    ["Host"] = "${HOST}",
    ["User-Agent"] = uas[(v % 5) + 1],
    ["X-Forwarded-For"] = (81 + v % 50) .. "." .. (math.floor(v / 8) % 250) .. "." .. (v % 200) .. "." .. ((v * 7) % 250),
    ["Accept-Language"] = (v % 3 == 0) and "de-DE,de;q=0.8" or "en-US,en;q=0.9",
  }
end
`;
// The requests are made once (20 000 of them, then repeated), so wrk spends its time sending, not building them.
const PRECOMPUTED = `
local requests = {}
for k = 1, 20000 do requests[k] = build(k) end
request = function()
  i = i + 1
  return requests[(i % 20000) + 1]
end`;
const PAGES_LUA = `${COMMON}
local function build(i)
  local h = visitor(i % 5000)
  local p = pages[(i % 4) + 1]
  if i % 10 == 0 then p = p .. "?utm_source=newsletter&utm_campaign=bench" end
  if i % 4 == 0 then h["Referer"] = "https://www.google.com/" end
  return wrk.format("GET", p, h)
end
${PRECOMPUTED}`;
const BEACONS_LUA = `${COMMON}
local function build(i)
  local h = visitor(i % 5000)
  h["Content-Type"] = "text/plain;charset=UTF-8"
  h["Origin"] = "http://${HOST}"
  local body
  if i % 2 == 1 then
    body = '{"type":"engagement","page":"http://${HOST}:${PORT}' .. pages[(i % 4) + 1] .. '","screen":' .. (360 + i % 2000) .. ',"duration":' .. (1000 + i % 100000) .. '}'
  else
    body = '{"type":"custom","page":"http://${HOST}:${PORT}/","name":"Signup","props":{"plan":"' .. ((i % 3 == 0) and "free" or "pro") .. '"}}'
  end
  return wrk.format("POST", "/_atrium/a", h, body)
end
${PRECOMPUTED}`;

interface Ingest {
  pages: { answered: number; stored: number };
  beacons: { answered: number; stored: number };
  reference: number;
  batched: number;
}

async function freshPostgres(server: string): Promise<Record<string, string>> {
  const prefix = `atrium_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  const env: Record<string, string> = {};
  for (const name of ['control', ...REGIONS]) {
    const db = `${prefix}_${name.replace('-', '_')}`;
    await admin.query(`CREATE DATABASE ${db}`);
    if (name === 'control') env.ATRIUM_DATABASE_URL = `${server}/${db}`;
    else env[`ATRIUM_REGION_${name.replace('-', '_').toUpperCase()}_URL`] = `${server}/${db}`;
  }
  await admin.end();
  return env;
}

async function dropPostgres(server: string, env: Record<string, string>) {
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  for (const url of Object.values(env)) await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
}

let server: ChildProcess | null = null;
process.on('exit', () => server?.kill('SIGKILL'));

/** Events per second through Atrium (BENCH_WORKERS processes), and the raw insert loop of the same rows. */
async function ingest(postgres: string | undefined): Promise<Ingest> {
  const pgEnv = postgres ? await freshPostgres(postgres) : {};
  const { ctx, subscriber, dataDir, newSite } = await benchContext({ PORT: String(PORT), ...pgEnv });
  const site = await newSite('analytics-bench');
  // The beacon endpoint takes events only for sites that load the beacon.
  await saveDraft(ctx, subscriber.id, site.id, { revision: site.revision, document: { ...site.document, analytics: { beacon: true } } });
  await publish(ctx, subscriber, site.id);
  await ctx.releases.idle();
  const region = ctx.dbs.regions[REGION] as Kysely<RegionDatabase>;
  // Events stored so far, polled every 20 ms while the server works. On SQLite, events are only ever added here,
  // so the largest rowid is their number, read from the end of the table's b-tree (count(*) would scan a table
  // growing by hundreds of thousands of rows, on the cores being measured). PostgreSQL's table has no such
  // number: it is counted (in parallel, by the server).
  const count = async () =>
    Number(
      (
        await (
          postgres
            ? region.selectFrom('analytics_events').select((eb) => eb.fn.countAll().as('n'))
            : region.selectFrom('analytics_events').select(sql<number>`coalesce(max(rowid), 0)`.as('n'))
        ).executeTakeFirstOrThrow()
      ).n,
    );

  // Its log (warnings and errors only) goes to this script's output.
  // BENCH_PROFILE=<dir> writes a CPU profile of each thread there when the server stops.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  server = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      ...pgEnv,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      ATRIUM_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ATRIUM_WORKERS: String(WORKERS),
      ATRIUM_TRUST_PROXY: 'loopback',
      ATRIUM_ANALYTICS_BEACON_PER_IP: '100000000',
    },
  });
  for (let i = 0; ; i++) {
    if (i > 300) throw new Error('Atrium did not start');
    if (
      await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const scripts = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-wrk-'));
  /** Runs wrk with a script; resolves with requests answered per second and events stored per second (until all are stored). */
  async function drive(name: string, lua: string, seconds: number) {
    const script = path.join(scripts, `${name}.lua`);
    fs.writeFileSync(script, lua);
    const before = await count();
    const t0 = performance.now();
    const out = execFileSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '-s', script, `http://127.0.0.1:${PORT}/`], { encoding: 'utf8' });
    const wrkSeconds = (performance.now() - t0) / 1000;
    const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
    if (non2xx) throw new Error(`${name}: ${non2xx[1]} answers were not 2xx:\n${out}`);
    const requests = Number(/(\d+) requests in/.exec(out)![1]);
    // Until every answered event is stored; a minute without progress means events were lost.
    for (let last = -1, since = performance.now(); ;) {
      const n = await count();
      if (n >= before + requests) break;
      if (n !== last) [last, since] = [n, performance.now()];
      else if (performance.now() - since > 60_000) throw new Error(`${name}: ${before + requests - n} of ${requests} events were not stored`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const storedSeconds = (performance.now() - t0) / 1000;
    return { answered: requests / wrkSeconds, stored: requests / storedSeconds };
  }
  await drive('warm-up', PAGES_LUA, 1);
  const pages = await drive('pages', PAGES_LUA, SECONDS);
  const beacons = await drive('beacons', BEACONS_LUA, SECONDS);
  server.kill('SIGTERM');
  await new Promise((r) => server!.once('exit', r));
  server = null;

  // The reference: the same rows, inserted again into the same table one statement (and commit) per row; and in batches.
  const sample = (await region.selectFrom('analytics_events').selectAll().limit(REFERENCE_ROWS).execute()) as AnalyticsEventsTable[];
  const columns = Object.keys(sample[0]!) as (keyof AnalyticsEventsTable)[];
  let reference: number;
  let batched: number;
  if (postgres) {
    const client = new pg.Client({ connectionString: pgEnv[`ATRIUM_REGION_${REGION.replace('-', '_').toUpperCase()}_URL`] });
    await client.connect();
    const text = `insert into analytics_events (${columns.map((c) => `"${c}"`).join(',')}) values (${columns.map((_, i) => `$${i + 1}`).join(',')})`;
    let t0 = performance.now();
    for (const row of sample)
      await client.query(
        text,
        columns.map((c) => row[c]),
      );
    reference = sample.length / ((performance.now() - t0) / 1000);
    t0 = performance.now();
    for (let i = 0; i < sample.length; i += 400)
      await region
        .insertInto('analytics_events')
        .values(sample.slice(i, i + 400))
        .execute();
    batched = sample.length / ((performance.now() - t0) / 1000);
    await client.end();
  } else {
    const db = new SQLite(path.join(dataDir, 'regions', `${REGION}.sqlite`));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const ins = db.prepare(`insert into analytics_events (${columns.map((c) => `"${c}"`).join(',')}) values (${columns.map((c) => `@${c}`).join(',')})`);
    let t0 = performance.now();
    for (const row of sample) ins.run(row);
    reference = sample.length / ((performance.now() - t0) / 1000);
    const many = db.transaction((rows: AnalyticsEventsTable[]) => rows.forEach((r) => ins.run(r)));
    t0 = performance.now();
    for (let i = 0; i < sample.length; i += 400) many(sample.slice(i, i + 400));
    batched = sample.length / ((performance.now() - t0) / 1000);
    db.close();
  }
  await ctx.dbs.close();
  if (postgres) await dropPostgres(postgres, pgEnv);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(scripts, { recursive: true, force: true });
  return { pages, beacons, reference, batched };
}

interface Dashboard {
  median: number;
  fastest: number;
  slowest: number;
  pageviews: number;
  /** Queries that read raw events (only realtime's last five minutes should). */
  rawQueries: number;
  generatedIn: number;
  where: string;
}

/** The dashboard's 30-day view over the generated events, 7 times. */
async function dashboard(data: DashboardData): Promise<Dashboard> {
  const now = new Date(`${ANCHOR_DAY}T23:59:00Z`);
  let rawQueries = 0;
  // Counts the queries that touch raw events, through Kysely's query log.
  const db = data.db.withPlugin({
    transformQuery: (args) => {
      if (JSON.stringify(args.node).includes('"analytics_events"')) rawQueries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  const scope: QueryScope = { db, siteId: SITE_ID, now, rawDays: 30 };
  const range = resolveRange({ period: '30d' }, now);
  const view = () =>
    Promise.all([overview(scope, range), realtime(scope), notCountedTotals(scope, range), ...DIMENSIONS.map((d) => breakdown(scope, range, d))]);
  const times: number[] = [];
  let pageviews = 0;
  for (let i = 0; i < 7; i++) {
    rawQueries = 0;
    const t = performance.now();
    const [o] = await view();
    times.push(performance.now() - t);
    pageviews = o.summary.pageviews;
  }
  times.sort((a, b) => a - b);
  return { median: times[3]!, fastest: times[0]!, slowest: times[6]!, pageviews, rawQueries, generatedIn: data.generatedIn, where: data.where };
}

const NO_DASHBOARD: Dashboard = {
  median: NaN,
  fastest: NaN,
  slowest: NaN,
  pageviews: 0,
  rawQueries: 0,
  generatedIn: 0,
  where: '(not measured: BENCH_DASHBOARD=off)',
};
const backends: { name: string; postgres?: string }[] = [{ name: 'SQLite' }, ...(POSTGRES ? [{ name: 'PostgreSQL', postgres: POSTGRES }] : [])];
const results: { ingest: Ingest; dashboard: Dashboard }[] = [];
const loadBefore = load();
for (const b of backends) {
  log(`${b.name}: ingest (load ${load()})`);
  const i = await ingest(b.postgres);
  let d = NO_DASHBOARD;
  if (DASHBOARD) {
    log(`${b.name}: dashboard data (${EVENTS.toLocaleString('en')} events; generated once, then cached)`);
    const data = b.postgres ? await postgresDashboard(b.postgres, EVENTS, log) : await sqliteDashboard(EVENTS, log);
    d = await dashboard(data);
    await data.close();
  }
  results.push({ ingest: i, dashboard: d });
}

const pct = (x: number, ref: number) => `${((x / ref) * 100).toFixed(0)}%`;
const n = (x: number) => Math.round(x).toLocaleString('en');
const cells = (f: (r: (typeof results)[number]) => string) => results.map(f).join(' | ');
console.log(
  `\nbench:analytics — ${WORKERS === 1 ? 'one Atrium process' : `${WORKERS} Atrium processes`}, wrk -c${CONNECTIONS} for ${SECONDS} s each, SQLite in WAL mode with synchronous=NORMAL; load before ${loadBefore}, after ${load()}\n`,
);
console.log(`| | ${backends.map((b) => b.name).join(' | ')} |`);
console.log(`|---|${backends.map(() => '---').join('|')}|`);
const vs = (x: number, r: Ingest) => `${n(x)} (**${pct(x, r.reference)}**; ${pct(x, r.batched)} of batched)`;
console.log(`| pageviews through the serving path, stored/s (vs raw loop; vs batched inserts) | ${cells((r) => vs(r.ingest.pages.stored, r.ingest))} |`);
console.log(`| beacon events, stored/s (vs raw loop; vs batched inserts) | ${cells((r) => vs(r.ingest.beacons.stored, r.ingest))} |`);
console.log(`| reference: raw insert loop of the same rows, one statement per row, rows/s | ${cells((r) => n(r.ingest.reference))} |`);
console.log(`| (pages answered/s while measuring; beacons answered/s) | ${cells((r) => `${n(r.ingest.pages.answered)}; ${n(r.ingest.beacons.answered)}`)} |`);
console.log(`| for scale: batched inserts, the same rows 400 per transaction, rows/s | ${cells((r) => n(r.ingest.batched))} |`);
if (DASHBOARD)
  console.log(
    `| 30-day dashboard over ${(EVENTS / 1e6).toLocaleString('en')} M events: median ms (fastest–slowest of 7) | ${cells((r) => `${r.dashboard.median.toFixed(1)} (${r.dashboard.fastest.toFixed(1)}–${r.dashboard.slowest.toFixed(1)})`)} |`,
  );
console.log(
  `\nThe dashboard's view is an overview (30 days, the previous 30, a daily series), realtime, requests not counted and ${DIMENSIONS.length} breakdowns;`,
);
console.log(
  `queries reading raw events per view: ${cells((r) => String(r.dashboard.rawQueries))} (realtime's last five minutes); everything else reads the rollups.`,
);
for (const [k, r] of results.entries())
  console.log(
    `${backends[k]!.name}: ${r.dashboard.pageviews.toLocaleString('en')} pageviews shown; data in ${r.dashboard.where}${r.dashboard.generatedIn ? ` (generated now in ${r.dashboard.generatedIn.toFixed(0)} s)` : ' (cached)'}`,
  );
process.exit(0);
