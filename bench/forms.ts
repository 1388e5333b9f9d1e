// bench:forms — form submissions per second accepted with the durable write
// (submission + its deliveries in one transaction, in the site's region),
// side by side with a raw better-sqlite3 insert loop of the same rows; the
// delivery side: webhooks per second delivered to a local receiver while the
// load runs, and how long the queue takes to drain once it stops; then a
// crash test: SIGKILL the server at random moments under load, restart it,
// and check that every submission that got a 2xx is stored (zero lost).
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { publish } from '../src/publishing/publishing.js';
import { saveDraft } from '../src/sites/sites.js';
import { deliveryJob } from '../src/forms/deliveries.js';
import { addWebhook } from '../src/forms/webhooks.js';
import { benchContext } from './setup.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONNECTIONS ?? 32);
const CRASHES = Number(process.env.BENCH_CRASHES ?? 5);
const PORT = 3921;
const HOST = 'forms-bench.localhost';
const env = {
  ...process.env,
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
const { ctx, subscriber, dataDir, newSite } = await benchContext({ PORT: String(PORT) });
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

// 2. The server, as its own process.
let server: ChildProcess | null = null;
async function startServer() {
  server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, ATRIUM_DATA_DIR: dataDir } });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not start');
}
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function request(
  method: string,
  urlPath: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: PORT, method, path: urlPath, agent, headers: { host: HOST, ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
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

// 3. Throughput.
await startServer();
const POOL = Number(process.env.BENCH_TOKENS ?? 40_000);
const warm = await load(
  await tokens(3000),
  0,
  (
    (end) => () =>
      Date.now() > end
  )(Date.now() + 1000),
); // warm-up
const pool = await tokens(POOL);
const waitForDeliveries = async (n: number, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (delivered < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  return delivered >= n;
};
await waitForDeliveries(warm.acked.length, 60_000); // start from an empty queue
const d0 = delivered;
const t0 = Date.now();
const measured = await load(pool, 1_000_000, () => Date.now() - t0 > SECONDS * 1000);
const t1 = Date.now();
const d1 = delivered;
if (!pool.length) console.warn(`the ${POOL} tokens ran out before ${SECONDS}s: raise BENCH_TOKENS`);
const atriumRate = measured.acked.length / ((t1 - t0) / 1000);
const deliveredDuringLoad = (d1 - d0) / ((t1 - t0) / 1000);
const drained = await waitForDeliveries(d0 + measured.acked.length, 300_000);
const drainMs = Date.now() - t1;
const backlogAtStop = d0 + measured.acked.length - d1;

// The same at a steady quarter of that intake: does delivery keep pace when the process is not saturated?
const PACED_RATE = Math.max(10, Math.round(atriumRate / 4));
const pacedPool = await tokens(PACED_RATE * SECONDS + 100);
const p0 = Date.now();
const pd0 = delivered;
let pacedAcked = 0;
const pacedSends: Promise<unknown>[] = [];
for (let i = 0; i < PACED_RATE * SECONDS; i++) {
  const due = p0 + (i * 1000) / PACED_RATE;
  if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
  pacedSends.push(submit(pacedPool.pop()!, 5_000_000 + i).then((r) => r.status < 300 && pacedAcked++));
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

// 4. Crash test: kill -9 at random moments under load, restart, keep going.
const acked: number[] = [];
let next = 10_000_000;
let errors = 0;
for (let round = 0; round <= CRASHES; round++) {
  const roundPool = await tokens(8000);
  const killAt = Date.now() + 300 + Math.random() * 1500;
  const killer = setTimeout(() => server?.kill('SIGKILL'), killAt - Date.now());
  const last = round === CRASHES;
  const r = await load(roundPool, next, () => (last ? Date.now() > killAt : server?.exitCode !== null || server?.signalCode !== null));
  if (last) clearTimeout(killer);
  acked.push(...r.acked);
  next = r.next;
  errors += r.errors;
  if (!last) {
    await new Promise<void>((res) => (server!.exitCode !== null || server!.signalCode !== null ? res() : server!.once('exit', () => res())));
    await startServer();
  }
}
server!.kill('SIGTERM');
await new Promise((r) => server!.once('exit', r));

const db = new SQLite(regionFile, { readonly: true });
const stored = new Set(
  (db.prepare("select data from form_submissions where data like '%message number 1000000%' or 1").all() as { data: string }[]).map((r) =>
    Number(/message number (\d+)/.exec(JSON.parse(r.data).message)?.[1]),
  ),
);
const lost = acked.filter((n) => !stored.has(n));
const crashStored = [...stored].filter((n) => n >= 10_000_000).length;
db.close();

console.log(`\nbench:forms — ${CONCURRENCY} concurrent clients, ${SECONDS}s, one Atrium process, SQLite WAL (synchronous=NORMAL)\n`);
console.log('| what | submissions/s |');
console.log('|---|---|');
console.log(`| Atrium: POST, validate, spam check, store + queue in one transaction | ${atriumRate.toFixed(0)} |`);
console.log(`| reference: raw better-sqlite3 insert loop of the same rows, no HTTP | ${refRate.toFixed(0)} |`);
console.log(`\nAtrium / raw insert loop: ${((atriumRate / refRate) * 100).toFixed(1)}%`);
console.log(`\ndelivery side (each submission queues a notification email and a webhook to a local receiver)\n`);
console.log('| what | per second |');
console.log('|---|---|');
console.log(`| submissions accepted | ${atriumRate.toFixed(0)} |`);
console.log(`| webhooks delivered while the load ran | ${deliveredDuringLoad.toFixed(0)} |`);
console.log(`\nwebhooks delivered / submissions accepted: ${((deliveredDuringLoad / atriumRate) * 100).toFixed(1)}%`);
console.log(`queue when the load stopped: ${backlogAtStop} webhooks waiting; drained ${drained ? `in ${drainMs} ms` : 'NOT within 300 s'}`);
console.log(`\nat a steady ${PACED_RATE} submissions/s (a quarter of the above) for ${SECONDS}s:`);
console.log(`  accepted ${(pacedAcked / ((p1 - p0) / 1000)).toFixed(0)}/s, webhooks delivered ${pacedDelivered.toFixed(0)}/s`);
console.log(`  queue when the load stopped: ${pacedBacklog} webhooks waiting; drained ${pacedDrained ? `in ${pacedDrainMs} ms` : 'NOT within 300 s'}`);
console.log(`\ncrash test: ${CRASHES} SIGKILLs at random moments under load`);
console.log(`  acknowledged with 2xx: ${acked.length}`);
console.log(`  stored: ${crashStored} (acknowledged or in flight when killed)`);
console.log(`  refused or cut off (no 2xx, may or may not be stored): ${errors}`);
console.log(`  lost (2xx but not stored): ${lost.length}`);
receiver.close();
process.exit(lost.length === 0 ? 0 : 1);
