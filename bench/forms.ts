// bench:forms — form submissions per second accepted with the durable write
// (submission + its deliveries in one transaction, in the site's region),
// side by side with a raw better-sqlite3 insert loop of the same rows; the
// delivery side: webhooks per second delivered to a local receiver while the
// load runs, as a share of the submissions accepted in the same run, and how
// long the queue takes to drain once it stops, with the job thread on and off
// (BENCH_THREAD=on,off: the first setting also runs the steady and crash
// phases); then a crash test: SIGKILL the server at random moments under load,
// restart it, and check that every submission that got a 2xx is stored (zero
// lost). BENCH_POSTGRES=postgres://... runs on fresh PostgreSQL databases,
// BENCH_WORKERS=n with n Atrium worker processes.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { publish } from '../src/publishing/publishing.js';
import { saveDraft } from '../src/sites/sites.js';
import { deliveryJob } from '../src/forms/deliveries.js';
import { addWebhook } from '../src/forms/webhooks.js';
import { dropPostgres, freshPostgresEnv } from '../test/helpers/databases.js';
import { benchContext } from './setup.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONNECTIONS ?? 32);
const CRASHES = Number(process.env.BENCH_CRASHES ?? 5);
const POSTGRES = process.env.BENCH_POSTGRES;
const WORKERS = Math.max(1, Number(process.env.BENCH_WORKERS ?? 1));
const THREAD = (process.env.BENCH_THREAD ?? 'on,off').split(',').map((s) => s.trim());
const PORT = 3921;
const HOST = 'forms-bench.localhost';
const loadAtStart = os.loadavg();
const pgEnv = POSTGRES ? await freshPostgresEnv(POSTGRES) : {};
const env = {
  ...process.env,
  ...pgEnv,
  ATRIUM_WORKERS: String(WORKERS),
  PORT: String(PORT),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'error',
  NODE_ENV: 'production',
  ATRIUM_FORM_LIMIT_PER_IP: '100000000',
  ATRIUM_FORM_LIMIT_PER_SITE: '100000000',
  ATRIUM_WEBHOOKS_ALLOW_PRIVATE: 'true',
};

// The webhook receiver: answers 204 and counts what it got.
let delivered = 0;
const receiver = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    delivered++;
    res.writeHead(204).end();
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;

// 1. A site with a contact form, published.
const { ctx, subscriber, dataDir, newSite } = await benchContext({ PORT: String(PORT), ...pgEnv });
const site = await newSite('forms-bench');
const form = {
  type: 'form' as const,
  props: {
    id: 'contact',
    fields: [
      { name: 'name', type: 'text' as const, label: 'Name', required: true },
      { name: 'email', type: 'email' as const, label: 'Email', required: true },
      { name: 'message', type: 'textarea' as const, label: 'Message', required: true },
    ],
    notifyEmail: 'owner@example.com',
  },
};
site.document.pages.push({ id: 'contact-us', path: '/contact-us', title: 'Contact', description: '', noindex: false, blocks: [form] } as never);
await saveDraft(ctx, subscriber.id, site.id, { revision: site.revision, document: site.document });
await addWebhook(ctx, subscriber.id, site.id, { url: receiverUrl });
await publish(ctx, subscriber, site.id);
await ctx.releases.idle();
await ctx.dbs.close();
const regionFile = path.join(dataDir, 'regions', 'us-oregon.sqlite');

// 2. The server, as its own process group (a primary and its workers with BENCH_WORKERS), killed as a whole.
let server: ChildProcess | null = null;
const exited = () => !server || server.exitCode !== null || server.signalCode !== null;
async function startServer(thread: string) {
  server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...env, ATRIUM_DATA_DIR: dataDir, ATRIUM_JOB_THREAD: thread },
    detached: true,
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) {
        if (WORKERS > 1) await new Promise((r) => setTimeout(r, 1000)); // the other workers
        return;
      }
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not start');
}
const signal = (name: NodeJS.Signals) => {
  try {
    if (!exited()) process.kill(-server!.pid!, name);
  } catch {
    /* gone already */
  }
};
async function stopServer() {
  const s = server!;
  const gone = new Promise((r) => (exited() ? r(null) : s.once('exit', r)));
  signal('SIGTERM');
  await gone;
}
process.on('exit', () => signal('SIGKILL'));
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function request(
  method: string,
  urlPath: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  const once = () =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: PORT, method, path: urlPath, agent, headers: { host: HOST, ...headers } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
      });
      req.on('error', reject);
      req.end(body);
    });
  // A page load meets a keep-alive socket the server just closed now and then: load it again.
  return method === 'GET' ? once().catch(once) : once();
}
/** Single-use verified-request tokens, one page load each, ready once the minimum fill time has passed. */
async function tokens(n: number): Promise<string[]> {
  const out: string[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (out.length < n) {
        const page = await request('GET', '/contact-us');
        out.push((page.headers['set-cookie'] ?? []).find((c) => c.startsWith('c_r_id_='))!.split(';')[0]!);
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 2100)); // the minimum fill time
  return out;
}
const submit = (cookie: string, n: number) =>
  request(
    'POST',
    '/_atrium/forms/contact',
    new URLSearchParams({ name: `Visitor ${n}`, email: `v${n}@example.com`, message: `message number ${n}` }).toString(),
    {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      cookie,
    },
  );

/** Runs CONCURRENCY clients until `until()`; returns the numbers that got a 2xx. */
async function load(pool: string[], first: number, until: () => boolean) {
  const acked: number[] = [];
  let next = first;
  let errors = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (!until() && pool.length) {
        const n = next++;
        try {
          const r = await submit(pool.pop()!, n);
          if (r.status >= 200 && r.status < 300) acked.push(n);
          else errors++;
        } catch {
          errors++;
          if (until()) return;
          await new Promise((r) => setTimeout(r, 20)); // the server is down: try again shortly
        }
      }
    }),
  );
  return { acked, next, errors };
}

// 3. Throughput at saturation, with each job thread setting, then at a steady quarter of it.
const POOL = Number(process.env.BENCH_TOKENS ?? 40_000);
const waitForDeliveries = async (n: number, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (delivered < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  return delivered >= n;
};
let nextNumber = 1_000_000;
interface Saturated {
  thread: string;
  accepted: number;
  delivered: number;
  backlog: number;
  drained: boolean;
  drainMs: number;
  /** CPU time the server's processes used while the load ran, in cores (1 = one core busy all the time). */
  cores: number;
}
/** CPU time (ms) used so far by the server's process group: the primary, its workers and their threads. */
function serverCpuMs(): number {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(fields[2]) === server?.pid) ticks += Number(fields[11]) + Number(fields[12]); // pgrp; utime + stime
    } catch {
      /* gone meanwhile */
    }
  }
  return ticks * 10;
}
async function saturated(thread: string): Promise<Saturated> {
  await startServer(thread);
  const warm = await load(
    await tokens(3000),
    nextNumber,
    (
      (end) => () =>
        Date.now() > end
    )(Date.now() + 1000),
  ); // warm-up
  nextNumber = warm.next;
  const pool = await tokens(POOL);
  const settled = delivered + warm.acked.length;
  await waitForDeliveries(settled, 120_000); // start from an empty queue
  const d0 = delivered;
  const c0 = serverCpuMs();
  const t0 = Date.now();
  const measured = await load(pool, nextNumber, () => Date.now() - t0 > SECONDS * 1000);
  nextNumber = measured.next;
  const t1 = Date.now();
  const d1 = delivered;
  const cores = (serverCpuMs() - c0) / (t1 - t0);
  if (!pool.length) console.warn(`the ${POOL} tokens ran out before ${SECONDS}s: raise BENCH_TOKENS`);
  const drained = await waitForDeliveries(d0 + measured.acked.length, 300_000);
  const result = {
    thread,
    accepted: measured.acked.length / ((t1 - t0) / 1000),
    delivered: (d1 - d0) / ((t1 - t0) / 1000),
    backlog: d0 + measured.acked.length - d1,
    drained,
    drainMs: Date.now() - t1,
    cores,
  };
  process.stderr.write(`  measured at saturation, job thread ${thread}\n`);
  return result;
}
const runs: Saturated[] = [];
for (const thread of [...THREAD].reverse()) {
  if (runs.length) await stopServer();
  runs.unshift(await saturated(thread));
}
// The first setting's server is the one still running: the steady phase and the crash test use it.
const main = runs[0]!;

// The same at a steady quarter of that intake: does delivery keep pace when the process is not saturated?
const PACED_RATE = Math.max(10, Math.round(main.accepted / 4));
const pacedPool = await tokens(PACED_RATE * SECONDS + 100);
const p0 = Date.now();
const pd0 = delivered;
let pacedAcked = 0;
const pacedSends: Promise<unknown>[] = [];
for (let i = 0; i < PACED_RATE * SECONDS; i++) {
  const due = p0 + (i * 1000) / PACED_RATE;
  if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
  pacedSends.push(
    submit(pacedPool.pop()!, 5_000_000 + i).then(
      (r) => r.status < 300 && pacedAcked++,
      () => undefined,
    ),
  );
}
await Promise.all(pacedSends);
const p1 = Date.now();
const pacedDelivered = (delivered - pd0) / ((p1 - p0) / 1000);
const pacedBacklog = pd0 + pacedAcked - delivered;
const pacedDrained = await waitForDeliveries(pd0 + pacedAcked, 300_000);
const pacedDrainMs = Date.now() - p1;

// Reference: the same two rows per submission, inserted in a loop with better-sqlite3 on the same pragmas.
const ref = new SQLite(path.join(dataDir, 'reference.sqlite'));
ref.pragma('journal_mode = WAL');
ref.pragma('synchronous = NORMAL');
ref.exec(`create table form_submissions (id text primary key, site_id text, form_id text, form_version text, page_path text, data text, submitter_email text, consent_text text, status text, spam_reasons text, read_at text, created_at text);
  create table jobs (id text primary key, site_id text, submission_id text, kind text, target text, payload text, status text, attempts integer, next_attempt_at text, locked_until text, last_error text, created_at text, updated_at text);`);
const insSub = ref.prepare(
  'insert into form_submissions values (@id, @site_id, @form_id, @form_version, @page_path, @data, @submitter_email, @consent_text, @status, @spam_reasons, @read_at, @created_at)',
);
const insJob = ref.prepare(
  'insert into jobs values (@id, @site_id, @submission_id, @kind, @target, @payload, @status, @attempts, @next_attempt_at, @locked_until, @last_error, @created_at, @updated_at)',
);
const both = ref.transaction((n: number) => {
  const id = `sub_ref${n}`;
  const now = new Date().toISOString();
  insSub.run({
    id,
    site_id: site.id,
    form_id: 'contact',
    form_version: 'v',
    page_path: '/contact-us',
    data: JSON.stringify({ name: `Visitor ${n}` }),
    submitter_email: `v${n}@example.com`,
    consent_text: null,
    status: 'inbox',
    spam_reasons: null,
    read_at: null,
    created_at: now,
  });
  insJob.run(deliveryJob(new Date(), site.id, id, 'email', 'owner@example.com', { subject: 's', text: `message number ${n}` }));
});
let refCount = 0;
const r0 = performance.now();
while (performance.now() - r0 < 2000) both(refCount++);
const refRate = refCount / ((performance.now() - r0) / 1000);
ref.close();

// 4. Crash test: kill -9 at random moments under load (every process of the server), restart, keep going.
const acked: number[] = [];
let next = 10_000_000;
let errors = 0;
for (let round = 0; round <= CRASHES; round++) {
  const roundPool = await tokens(8000);
  const killAt = Date.now() + 300 + Math.random() * 1500;
  const killer = setTimeout(() => signal('SIGKILL'), killAt - Date.now());
  const last = round === CRASHES;
  const r = await load(roundPool, next, () => (last ? Date.now() > killAt : exited()));
  if (last) clearTimeout(killer);
  acked.push(...r.acked);
  next = r.next;
  errors += r.errors;
  if (!last) {
    await new Promise<void>((res) => (exited() ? res() : server!.once('exit', () => res())));
    await startServer(main.thread);
  }
}
await stopServer();

const messages: string[] = [];
if (POSTGRES) {
  const client = new pg.Client({ connectionString: pgEnv.ATRIUM_REGION_US_OREGON_URL });
  await client.connect();
  messages.push(...(await client.query<{ data: string }>('select data from form_submissions')).rows.map((r) => r.data));
  await client.end();
} else {
  const db = new SQLite(regionFile, { readonly: true });
  messages.push(...(db.prepare('select data from form_submissions').all() as { data: string }[]).map((r) => r.data));
  db.close();
}
const stored = new Set(messages.map((data) => Number(/message number (\d+)/.exec(JSON.parse(data).message)?.[1])));
const lost = acked.filter((n) => !stored.has(n));
const crashStored = [...stored].filter((n) => n >= 10_000_000).length;
const loadAtEnd = os.loadavg();

const storage = POSTGRES ? 'PostgreSQL' : 'SQLite WAL (synchronous=NORMAL)';
const processes = WORKERS > 1 ? `${WORKERS} Atrium worker processes` : 'one Atrium process';
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`\nbench:forms — ${CONCURRENCY} concurrent clients, ${SECONDS}s, ${processes}, ${storage}`);
console.log(`machine: ${os.cpus().length} cores, load average ${loadAtStart[0]!.toFixed(2)} at the start, ${loadAtEnd[0]!.toFixed(2)} at the end\n`);
console.log('| what | submissions/s |');
console.log('|---|---|');
console.log(`| Atrium: POST, validate, spam check, store + queue in one transaction | ${main.accepted.toFixed(0)} |`);
console.log(`| reference: raw better-sqlite3 insert loop of the same rows, no HTTP | ${refRate.toFixed(0)} |`);
console.log(`\nAtrium / raw insert loop: ${pct(main.accepted / refRate)}`);
console.log(`\ndelivery side at saturation (each submission queues a notification email and a webhook to a local receiver)\n`);
console.log(
  '| job thread | accepted/s | webhooks delivered/s during the load | delivered / accepted | waiting when the load stopped | drained in | server CPU (cores) |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of runs)
  console.log(
    `| ${r.thread} | ${r.accepted.toFixed(0)} | ${r.delivered.toFixed(0)} | ${pct(r.delivered / r.accepted)} | ${r.backlog} | ${r.drained ? `${(r.drainMs / 1000).toFixed(1)} s` : 'NOT within 300 s'} | ${r.cores.toFixed(2)} |`,
  );
const reference = runs.find((r) => r.thread === 'off');
if (reference && reference !== main)
  console.log(
    `\ndelivered / accepted, job thread ${main.thread} against off: ${pct(main.delivered / main.accepted)} against ${pct(reference.delivered / reference.accepted)}`,
  );
console.log(`\nat a steady ${PACED_RATE} submissions/s (a quarter of the above) for ${SECONDS}s, job thread ${main.thread}:`);
console.log(`  accepted ${(pacedAcked / ((p1 - p0) / 1000)).toFixed(0)}/s, webhooks delivered ${pacedDelivered.toFixed(0)}/s`);
console.log(`  queue when the load stopped: ${pacedBacklog} webhooks waiting; drained ${pacedDrained ? `in ${pacedDrainMs} ms` : 'NOT within 300 s'}`);
console.log(`\ncrash test: ${CRASHES} SIGKILLs at random moments under load`);
console.log(`  acknowledged with 2xx: ${acked.length}`);
console.log(`  stored: ${crashStored} (acknowledged or in flight when killed)`);
console.log(`  refused or cut off (no 2xx, may or may not be stored): ${errors}`);
console.log(`  lost (2xx but not stored): ${lost.length}`);
receiver.close();
if (POSTGRES) await dropPostgres(pgEnv, POSTGRES);
process.exit(lost.length === 0 ? 0 : 1);
