// bench:analytics — visitor analytics, each figure against a reference in the
// same run, on SQLite (default) or PostgreSQL (BENCH_POSTGRES=postgres://...):
//  1. events per second accepted through the serving path (page requests
//     answered, processed and stored) and through the beacon endpoint, against
//     a raw insert loop of the same rows into the same database;
//  2. bench:serve's page with analytics on and off, in the same run (wrk);
//  3. the 30-day dashboard (overview and every breakdown) over BENCH_EVENTS
//     (10 million) generated events, read from the rollups built from them.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { publish } from '../src/publishing/publishing.js';
import { saveDraft } from '../src/sites/sites.js';
import { REGIONS } from '../src/regions/regions.js';
import type { AnalyticsEventsTable, RegionDatabase } from '../src/db/schema.js';
import { DIMENSIONS } from '../src/analytics/dimensions.js';
import { ensurePartitions } from '../src/analytics/partitions.js';
import { breakdown, overview, type QueryScope } from '../src/analytics/query.js';
import { resolveRange, addDays } from '../src/analytics/range.js';
import { rollUpDay } from '../src/analytics/rollup.js';
import { benchContext } from './setup.js';

const POSTGRES = process.env.BENCH_POSTGRES;
const N = Number(process.env.BENCH_HITS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONNECTIONS ?? 32);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const SERVE_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PORT = 3931;
const HOST = 'analytics-bench.localhost';
const REGION = 'us-oregon';
const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
];

// 0. Databases: SQLite files, or fresh PostgreSQL databases.
const pgEnv: Record<string, string> = {};
if (POSTGRES) {
  const prefix = `atrium_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${POSTGRES}/postgres` });
  await admin.connect();
  for (const name of ['control', ...REGIONS]) {
    const db = `${prefix}_${name.replace('-', '_')}`;
    await admin.query(`CREATE DATABASE ${db}`);
    if (name === 'control') pgEnv.ATRIUM_DATABASE_URL = `${POSTGRES}/${db}`;
    else pgEnv[`ATRIUM_REGION_${name.replace('-', '_').toUpperCase()}_URL`] = `${POSTGRES}/${db}`;
  }
  await admin.end();
}
const { ctx, subscriber, dataDir, newSite } = await benchContext({ PORT: String(PORT), ...pgEnv });
const site = await newSite('analytics-bench');
// The beacon endpoint takes events only for sites that load the beacon.
await saveDraft(ctx, subscriber.id, site.id, { revision: site.revision, document: { ...site.document, analytics: { beacon: true } } });
await publish(ctx, subscriber, site.id);
await ctx.releases.idle();
const region = ctx.dbs.regions[REGION] as Kysely<RegionDatabase>;
const countEvents = async (kind?: string) => {
  let q = region.selectFrom('analytics_events').select((eb) => eb.fn.countAll().as('n'));
  if (kind) q = q.where('kind', '=', kind);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

const env = {
  ...process.env,
  ...pgEnv,
  PORT: String(PORT),
  HOST: '127.0.0.1',
  ATRIUM_DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  ATRIUM_TRUST_PROXY: 'loopback',
  ATRIUM_ANALYTICS_BEACON_PER_IP: '100000000',
};
let server: ChildProcess | null = null;
async function startAtrium(extra: Record<string, string> = {}) {
  server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, ...extra } });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}
async function stopAtrium() {
  if (!server) return;
  const s = server;
  server = null;
  s.kill('SIGTERM');
  await new Promise((r) => s.once('exit', r));
}
process.on('exit', () => server?.kill('SIGKILL'));

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
/** One request; a kept-alive socket the server closed meanwhile is retried on a new one. */
const request = async (method: string, urlPath: string, headers: Record<string, string>, body?: string): Promise<number> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(method, urlPath, headers, body);
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
};
const send = (method: string, urlPath: string, headers: Record<string, string>, body?: string) =>
  new Promise<number>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: PORT, method, path: urlPath, agent, headers: { host: HOST, ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(body);
  });
/** A visitor: one of 5 000 addresses (documentation ranges and others) with one of five browsers. */
const visitor = (i: number) => ({
  'x-forwarded-for': `${81 + (i % 50)}.${(i >> 3) % 250}.${i % 200}.${(i * 7) % 250}`,
  'user-agent': UAS[i % UAS.length]!,
  'accept-language': i % 3 ? 'en-US,en;q=0.9' : 'de-DE,de;q=0.8',
});
const PAGES = ['/', '/pricing', '/about', '/contact'];

/** Sends `n` requests from CONCURRENCY clients; resolves with the time until `stored()` reaches `target`. */
async function drive(n: number, send: (i: number) => Promise<number>, target: () => Promise<boolean>) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) {
        const i = next++;
        const status = await send(i);
        if (status >= 400) throw new Error(`request ${i} answered ${status}`);
      }
    }),
  );
  const answered = performance.now() - t0;
  while (!(await target())) await new Promise((r) => setTimeout(r, 20));
  return { answered, stored: performance.now() - t0 };
}

// 1. Throughput through the serving path and the beacon, one Atrium process.
await startAtrium();
const before = await countEvents();
const pages = await drive(
  N,
  (i) =>
    request('GET', PAGES[i % PAGES.length]! + (i % 10 === 0 ? '?utm_source=newsletter&utm_campaign=bench' : ''), {
      ...visitor(i % 5000),
      referer: i % 4 ? '' : 'https://www.google.com/',
    }),
  async () => (await countEvents('pageview')) >= before + N,
);
const beacons = await drive(
  N,
  (i) =>
    request(
      'POST',
      '/_atrium/a',
      { ...visitor(i % 5000), 'content-type': 'text/plain;charset=UTF-8', origin: `http://${HOST}` },
      JSON.stringify(
        i % 2
          ? { type: 'engagement', page: `http://${HOST}:${PORT}${PAGES[i % PAGES.length]}`, screen: 360 + (i % 2000), duration: 1000 + i }
          : { type: 'custom', page: `http://${HOST}:${PORT}/`, name: 'Signup', props: { plan: i % 3 ? 'pro' : 'free' } },
      ),
    ),
  async () => (await countEvents()) >= before + 2 * N,
);
await stopAtrium();
const pageRate = N / (pages.stored / 1000);
const beaconRate = N / (beacons.stored / 1000);

// Reference: the same rows, inserted again into the same table, one statement (and commit) per row; and in batches.
const sample = (await region.selectFrom('analytics_events').selectAll().limit(N).execute()) as AnalyticsEventsTable[];
const columns = Object.keys(sample[0]!) as (keyof AnalyticsEventsTable)[];
let refRate: number;
let batchRate: number;
if (POSTGRES) {
  const client = new pg.Client({ connectionString: pgEnv[`ATRIUM_REGION_${REGION.replace('-', '_').toUpperCase()}_URL`] });
  await client.connect();
  const text = `insert into analytics_events (${columns.map((c) => `"${c}"`).join(',')}) values (${columns.map((_, i) => `$${i + 1}`).join(',')})`;
  let t0 = performance.now();
  for (const row of sample)
    await client.query(
      text,
      columns.map((c) => row[c]),
    );
  refRate = sample.length / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  for (let i = 0; i < sample.length; i += 400)
    await region
      .insertInto('analytics_events')
      .values(sample.slice(i, i + 400))
      .execute();
  batchRate = sample.length / ((performance.now() - t0) / 1000);
  await client.end();
} else {
  const db = new SQLite(path.join(dataDir, 'regions', `${REGION}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const ins = db.prepare(`insert into analytics_events (${columns.map((c) => `"${c}"`).join(',')}) values (${columns.map((c) => `@${c}`).join(',')})`);
  let t0 = performance.now();
  for (const row of sample) ins.run(row);
  refRate = sample.length / ((performance.now() - t0) / 1000);
  const many = db.transaction((rows: AnalyticsEventsTable[]) => rows.forEach((r) => ins.run(r)));
  t0 = performance.now();
  for (let i = 0; i < sample.length; i += 400) many(sample.slice(i, i + 400));
  batchRate = sample.length / ((performance.now() - t0) / 1000);
  db.close();
}

// 2. bench:serve's page with analytics on and off (2 worker processes each, wrk, alternating rounds).
let serve: { on: number; off: number } | null = null;
try {
  execFileSync('sh', ['-c', 'command -v wrk']);
  const wrk = () => {
    const out = execFileSync(
      'wrk',
      ['-t1', '-c50', `-d${SERVE_SECONDS}s`, '-H', `Host: ${HOST}`, '-H', 'Accept-Encoding: br', '-H', `User-Agent: ${UAS[0]}`, `http://127.0.0.1:${PORT}/`],
      { encoding: 'utf8' },
    );
    return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]);
  };
  const best = { on: 0, off: 0 };
  for (let round = 0; round < 2; round++)
    for (const mode of round % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
      await startAtrium({ ATRIUM_WORKERS: '2', ATRIUM_ANALYTICS: mode });
      wrk(); // warm-up
      best[mode] = Math.max(best[mode], wrk());
      await stopAtrium();
    }
  serve = best;
} catch (err) {
  console.error(`skipping serve on/off: ${(err as Error).message}`);
}

// 3. The 30-day dashboard over EVENTS generated events of one site, from the rollups built from them.
const big = await newSite('analytics-big');
const now = new Date();
const today = now.toISOString().slice(0, 10);
const days = Array.from({ length: 30 }, (_, i) => addDays(today, i - 29));
const perDay = Math.ceil(EVENTS / days.length);
const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;
const COUNTRIES = ['US', 'DE', 'GB', 'FR', 'IN', 'CA', 'BR', 'JP', 'NL', 'ES', 'IT', 'SE', 'PL', 'AU', 'MX'];
const SOURCES = [null, null, 'Google', 'Google', 'Bing', 'DuckDuckGo', 'Twitter', 'LinkedIn', 'Reddit', 'newsletter', 'news.example.com'];
const PATHS = Array.from({ length: 200 }, (_, i) => (i === 0 ? '/' : `/page-${i}`));
const t0gen = performance.now();
let generated = 0;
for (const day of days) {
  await ensurePartitions(region, [day.slice(0, 7)]);
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  for (let off = 0; off < perDay && generated < EVENTS; off += 5000) {
    const rows: AnalyticsEventsTable[] = [];
    for (let j = off; j < Math.min(off + 5000, perDay) && generated < EVENTS; j++, generated++) {
      // ~5 events per visit, ~1.4 visits per visitor a day.
      const v = Math.floor(j / 5);
      const who = Math.floor(v / 1.4);
      rows.push({
        site_id: big.id,
        time: new Date(dayStart + Math.floor((v / (perDay / 5)) * 86_000_000) + (j % 5) * 20_000).toISOString(),
        visitor: `${day}-${who}`,
        visit_id: `${day}-${v}`,
        kind: j % 5 === 4 && v % 7 === 0 ? 'custom' : 'pageview',
        name: j % 5 === 4 && v % 7 === 0 ? 'Signup' : null,
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
    if (POSTGRES) {
      // One statement per 5 000 rows: arrays unnested server-side.
      const cols = Object.keys(rows[0]!) as (keyof AnalyticsEventsTable)[];
      const types = cols.map((c) => (c === 'duration' || c === 'returning' ? 'int[]' : 'text[]'));
      const { sql } = await import('kysely');
      await sql`insert into analytics_events (${sql.raw(cols.map((c) => `"${c}"`).join(','))}) select * from unnest(${sql.join(
        cols.map((c, k) => sql`${rows.map((r) => r[c])}::${sql.raw(types[k]!)}`),
      )})`.execute(region);
    } else
      await region.transaction().execute(async (trx) => {
        for (let k = 0; k < rows.length; k += 400)
          await trx
            .insertInto('analytics_events')
            .values(rows.slice(k, k + 400))
            .execute();
      });
  }
}
const genSeconds = (performance.now() - t0gen) / 1000;
const t0roll = performance.now();
for (const day of days) await rollUpDay(region, big.id, day);
const rollSeconds = (performance.now() - t0roll) / 1000;

const scope: QueryScope = { db: region, siteId: big.id, now, rawDays: 30 };
const range = resolveRange({ period: '30d' }, now);
async function dashboard() {
  return Promise.all([overview(scope, range), ...DIMENSIONS.map((d) => breakdown(scope, range, d))]);
}
const times: number[] = [];
let check: Awaited<ReturnType<typeof dashboard>> | null = null;
for (let i = 0; i < 7; i++) {
  const t = performance.now();
  check = await dashboard();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const filteredT = performance.now();
await overview(scope, resolveRange({ period: 'day' }, now), { country: 'DE' });
const filteredMs = performance.now() - filteredT;
const pv = (check![0] as Awaited<ReturnType<typeof overview>>).summary.pageviews;

await ctx.dbs.close();
const kind = POSTGRES ? 'PostgreSQL' : 'SQLite (WAL, synchronous=NORMAL)';
console.log(`\nbench:analytics — ${kind}, ${CONCURRENCY} concurrent clients, one Atrium process, ${N} requests each\n`);
console.log('| what | events/s | vs raw insert loop |');
console.log('|---|---|---|');
console.log(`| pageviews through the serving path (answered, processed, stored) | ${pageRate.toFixed(0)} | ${((pageRate / refRate) * 100).toFixed(0)}% |`);
console.log(`| beacon events (POST, validated, processed, stored) | ${beaconRate.toFixed(0)} | ${((beaconRate / refRate) * 100).toFixed(0)}% |`);
console.log(`| reference: raw insert loop of the same rows, one statement per row | ${refRate.toFixed(0)} | 100% |`);
console.log(`| (for scale: the same rows inserted 400 per transaction) | ${batchRate.toFixed(0)} | ${((batchRate / refRate) * 100).toFixed(0)}% |`);
console.log(`\n(the ${N} page requests were answered in ${(pages.answered / 1000).toFixed(2)} s and stored by ${(pages.stored / 1000).toFixed(2)} s)`);
if (serve)
  console.log(
    `\nbench:serve's home page, wrk -c50 ${SERVE_SECONDS}s, 2 workers, best of 2: analytics on ${serve.on.toFixed(0)} req/s, off ${serve.off.toFixed(0)} req/s: ${((serve.on / serve.off) * 100).toFixed(1)}% (target ≥ 95%)`,
  );
console.log(
  `\n30-day dashboard (overview with previous period and series, and ${DIMENSIONS.length} breakdowns) over ${generated.toLocaleString('en')} events` +
    ` (generated in ${genSeconds.toFixed(0)} s, rolled up in ${rollSeconds.toFixed(0)} s; ${pv.toLocaleString('en')} pageviews shown):`,
);
console.log(`  median ${times[3]!.toFixed(1)} ms, fastest ${times[0]!.toFixed(1)} ms, slowest ${times[6]!.toFixed(1)} ms (target < 100 ms)`);
console.log(`  for comparison, one filtered day from raw events (country=DE): ${filteredMs.toFixed(0)} ms`);
if (POSTGRES) {
  const admin = new pg.Client({ connectionString: `${POSTGRES}/postgres` });
  await admin.connect();
  for (const url of Object.values(pgEnv)) await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
}
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
