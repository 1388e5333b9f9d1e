// bench:serve — requests per second and p99 latency of a published page from
// Atrium, side by side in one run with nginx serving the same precompressed
// bytes from disk (gzip_static + brotli_static), with the same number of
// worker processes (BENCH_WORKERS, default 2: one per core here); and Atrium
// with visitor analytics on (the default: every request a browser's, so every
// one is a pageview stored) against the same Atrium with analytics off, in
// alternating rounds of the same run.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { publish } from '../src/publishing/publishing.js';
import type { Manifest } from '../src/publishing/publishing.js';
import { benchContext, BROWSER_UA as UA } from './setup.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
// Rounds alternate on/off (and which goes first); the on/off figure is the median of each round's ratio: on
// two vCPUs one round's throughput moves by up to 20% (where the scheduler puts wrk and the four serving
// threads, the host's other guests), four times the 5% being measured, so it takes many short rounds.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
// Both Atriums are started afresh this many times in a run (the rounds split between them): a process keeps its
// luck for its whole life (what V8 compiled and inlined, where its memory lies), and on this machine that moved one
// server's CPU per request by up to 15% from one run to the next, more than the rounds of one run did.
const GENERATIONS = Math.max(1, Math.min(ROUNDS, Number(process.env.BENCH_GENERATIONS ?? 4)));
// BENCH_CONTROL=1: a control run, both Atriums with analytics off, everything else alike: the on/off figure then
// shows how far the bench itself strays from 100% when nothing differs.
const CONTROL = Boolean(process.env.BENCH_CONTROL);
// Both servers get the same number of processes: one per core by default.
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const ATRIUM_PORT = 3911;
const NGINX_PORT = 3912;
const ATRIUM_OFF_PORT = 3913;
const HOST = 'bench.localhost';

for (const bin of ['nginx', 'wrk']) {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`]);
  } catch {
    console.error(`${bin} is needed: apt-get install -y nginx-light libnginx-mod-http-brotli-static wrk`);
    process.exit(1);
  }
}
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const hasBrotli = fs.existsSync(BROTLI_MODULE);
const encoding = hasBrotli ? 'br' : 'gzip';

const loadBefore = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

// 1. A published site.
const { ctx, store, subscriber, dataDir, newSite } = await benchContext({ PORT: String(ATRIUM_PORT) });
const site = await newSite('bench');
const release = await publish(ctx, subscriber, site.id);
await store.idle(); // the best-quality brotli files, as served once a publish settles
const row = await ctx.dbs.control.selectFrom('releases').select('manifest').where('id', '=', release.id).executeTakeFirstOrThrow();
const home = (JSON.parse(row.manifest) as Manifest).files['/']!;
await ctx.dbs.close();

// 2. The same bytes on disk for nginx.
const root = path.join(dataDir, 'nginx-root');
fs.mkdirSync(path.join(root, 'logs'), { recursive: true });
fs.chmodSync(dataDir, 0o755); // nginx workers run as an unprivileged user
const file = await store.get(home.hash);
fs.writeFileSync(path.join(root, 'index.html'), file.identity);
fs.writeFileSync(path.join(root, 'index.html.gz'), file.gz!);
fs.writeFileSync(path.join(root, 'index.html.br'), file.br!);
const conf = path.join(root, 'nginx.conf');
fs.writeFileSync(
  conf,
  `${hasBrotli ? `load_module ${BROTLI_MODULE};` : ''}
worker_processes ${WORKERS};
daemon off;
pid ${root}/nginx.pid;
error_log ${root}/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  client_body_temp_path ${root}/tmp; proxy_temp_path ${root}/tmp; fastcgi_temp_path ${root}/tmp; uwsgi_temp_path ${root}/tmp; scgi_temp_path ${root}/tmp;
  server {
    listen 127.0.0.1:${NGINX_PORT};
    root ${root};
    gzip_static on;
    ${hasBrotli ? 'brotli_static on;' : ''}
    location = / {
      add_header Cache-Control "public, max-age=0, must-revalidate";
      add_header Content-Security-Policy "default-src 'none'; style-src 'self'";
      add_header X-Content-Type-Options nosniff;
      try_files /index.html =404;
    }
  }
}
`,
);

// 3. Both servers.
const children: ChildProcess[] = [];
const stopAll = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('exit', stopAll);
children.push(spawn('nginx', ['-c', conf, '-p', root], { stdio: 'inherit' }));
// BENCH_PROFILE=<dir> writes a CPU profile of each thread of each Atrium there (in on/ and off/) when it stops.
// Each Atrium has a data directory of its own (the same published site): sharing one, they would share the
// scheduled jobs too, and the analytics-off server could end up rolling up the other's millions of pageviews.
const offDataDir = `${dataDir}-off`;
fs.cpSync(dataDir, offDataDir, { recursive: true, filter: (from) => !from.startsWith(root) });
const atrium = (port: number, analytics: 'on' | 'off', dir: string) =>
  spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(process.env.BENCH_PROFILE, analytics)}`] : []),
      '--import',
      'tsx',
      'src/main.ts',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        ATRIUM_DATA_DIR: dir,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        ATRIUM_WORKERS: String(WORKERS),
        ATRIUM_ANALYTICS: analytics,
      },
    },
  );
function startAtriums() {
  const started = { on: atrium(ATRIUM_PORT, CONTROL ? 'off' : 'on', dataDir), off: atrium(ATRIUM_OFF_PORT, 'off', offDataDir) };
  children.push(started.on, started.off);
  return started;
}
let servers = startAtriums();

/** Every process of a server: the primary and its cluster workers. */
function processes(pid: number): number[] {
  try {
    const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ').filter(Boolean).map(Number);
    return [pid, ...kids.flatMap(processes)];
  } catch {
    return [];
  }
}
const SCHED_IDLE = 5;
/**
 * CPU time (ms) used so far by a server, every process and thread: the analytics workers (the threads running
 * under SCHED_IDLE) apart from the rest (serving: each process's main thread, and the threads Node and V8 run
 * beside it for it, garbage collection and compilation among them).
 */
function cpuMs(pid: number): { serving: number; main: number; analytics: number } {
  const sum = { serving: 0, main: 0, analytics: 0 };
  for (const p of processes(pid))
    for (const tid of fs.readdirSync(`/proc/${p}/task`, { withFileTypes: false }) as string[]) {
      try {
        const stat = fs.readFileSync(`/proc/${p}/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ms = ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
        sum[Number(f[38]) === SCHED_IDLE ? 'analytics' : 'serving'] += ms; // field 41: the scheduling policy
        if (tid === String(p)) sum.main += ms;
      } catch {
        /* the thread ended */
      }
    }
  return sum;
}
await waitFor(`http://127.0.0.1:${NGINX_PORT}/`);
await waitFor(`http://127.0.0.1:${ATRIUM_PORT}/healthz`);
await waitFor(`http://127.0.0.1:${ATRIUM_OFF_PORT}/healthz`);

/** Stops both Atriums (the analytics-on one stores what it holds as it stops) and starts them again. */
async function restartAtriums() {
  const exited = (c: ChildProcess) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.once('exit', resolve)));
  for (const c of [servers.on, servers.off]) c.kill('SIGTERM');
  await Promise.all([exited(servers.on), exited(servers.off)]);
  servers = startAtriums();
  await waitFor(`http://127.0.0.1:${ATRIUM_PORT}/healthz`);
  await waitFor(`http://127.0.0.1:${ATRIUM_OFF_PORT}/healthz`);
}

// Check both answer the same bytes before measuring them.
const a = execFileSync('curl', ['-s', '-H', `Host: ${HOST}`, '-H', `Accept-Encoding: ${encoding}`, `http://127.0.0.1:${ATRIUM_PORT}/`]);
const n = execFileSync('curl', ['-s', '-H', `Accept-Encoding: ${encoding}`, `http://127.0.0.1:${NGINX_PORT}/`]);
if (!a.equals(n)) throw new Error(`Atrium (${a.length} B) and nginx (${n.length} B) do not serve the same bytes`);

interface Result {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
}

function wrk(url: string, host: string): Result {
  const out = execFileSync(
    'wrk',
    ['-t1', `-c${CONNECTIONS}`, `-d${DURATION}s`, '--latency', '-H', `Host: ${host}`, '-H', `Accept-Encoding: ${encoding}`, '-H', `User-Agent: ${UA}`, url],
    { encoding: 'utf8' },
  );
  const ms = (label: string) => {
    const m = new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!m) throw new Error(`cannot read ${label}% from wrk:\n${out}`);
    return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
  };
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  if (non2xx) throw new Error(`wrk saw ${non2xx[1]} error responses from ${url}`);
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]), p50: ms('50'), p99: ms('99'), requests: Number(/(\d+) requests in/.exec(out)![1]) };
}

// Stored pageviews, read from the region database (the servers write; this only reads). Events are only ever
// added during the run, so the largest rowid is their number, read from the end of the table's b-tree: count(*)
// would scan a table growing by millions of rows, every 50 ms, on the cores being measured.
const region = new SQLite(path.join(dataDir, 'regions', 'us-oregon.sqlite'), { readonly: true });
const stored = () => (region.prepare('select coalesce(max(rowid), 0) as n from analytics_events').get() as { n: number }).n;
/** Every request to the analytics-on server so far (each a browser's pageview). */
let sent = 0;
/**
 * Waits until the analytics workers have stored every pageview sent so far, so no round pays for another's
 * backlog; gives up after 10 s without progress (and says so at the end).
 */
let unsettled = 0;
async function settled() {
  if (CONTROL) return; // nothing is stored
  for (let last = -1, since = performance.now(); ;) {
    const n = stored();
    if (n >= sent) return;
    if (n !== last) [last, since] = [n, performance.now()];
    else if (performance.now() - since > 10_000) {
      unsettled++;
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const best = (rs: Result[]) => rs.reduce((x, y) => (y.rps > x.rps ? y : x));
const runs: { on: Result[]; off: Result[]; nginx: Result[] } = { on: [], off: [], nginx: [] };
// CPU of each Atrium per request: its serving threads while wrk runs, and its analytics workers from the start
// of a round until its pageviews are stored.
const cpu = { on: { serving: 0, main: 0, analytics: 0, requests: 0 }, off: { serving: 0, main: 0, analytics: 0, requests: 0 } };
const target = { on: `http://127.0.0.1:${ATRIUM_PORT}/`, off: `http://127.0.0.1:${ATRIUM_OFF_PORT}/` };
/** Each generation of processes: its rounds' ratios, and its servers' serving CPU (ms) and requests. */
const generations: { ratios: number[]; on: [number, number]; off: [number, number] }[] = [];
for (let i = 0; i < ROUNDS; i++) {
  if (i % Math.ceil(ROUNDS / GENERATIONS) === 0) {
    if (i > 0) await restartAtriums();
    generations.push({ ratios: [], on: [0, 0], off: [0, 0] });
    sent += wrk(target.on, HOST).requests; // warm-up (JIT, caches)
    wrk(target.off, HOST);
    await settled();
  }
  for (const mode of i % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
    const before = cpuMs(servers[mode].pid!);
    const r = wrk(target[mode], HOST);
    const during = cpuMs(servers[mode].pid!);
    runs[mode].push(r);
    if (mode === 'on') {
      sent += r.requests;
      await settled();
    }
    cpu[mode].serving += during.serving - before.serving;
    cpu[mode].main += during.main - before.main;
    cpu[mode].analytics += cpuMs(servers[mode].pid!).analytics - before.analytics;
    cpu[mode].requests += r.requests;
    generations.at(-1)![mode][0] += during.serving - before.serving;
    generations.at(-1)![mode][1] += r.requests;
  }
  runs.nginx.push(wrk(`http://127.0.0.1:${NGINX_PORT}/`, 'localhost'));
  generations.at(-1)!.ratios.push(runs.on.at(-1)!.rps / runs.off.at(-1)!.rps);
}
await settled();
const storedInAll = stored();
stopAll();

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
/**
 * The 95% confidence interval of a median, free of any assumption about the distribution: the order statistics
 * k and n+1-k, with k the largest such that fewer than k of n draws fall below the true median with probability ≤ 2.5%.
 */
function medianInterval(xs: number[]): [number, number] {
  const s = [...xs].sort((x, y) => x - y);
  const n = s.length;
  let k = 0;
  for (let cdf = 0, c = 1, i = 0; i < n; i++) {
    cdf += c / 2 ** n; // P(fewer than i + 1 below)
    if (cdf > 0.025) break;
    k = i + 1;
    c = (c * (n - i)) / (i + 1);
  }
  return k ? [s[k - 1]!, s[n - k]!] : [s[0]!, s[n - 1]!];
}
const ratios = runs.on.map((r, i) => r.rps / runs.off[i]!.rps);
const on = best(runs.on);
const off = best(runs.off);
const nginx = best(runs.nginx);
const row2 = (name: string, r: Result) =>
  `| ${name.padEnd(20)} | ${r.rps.toFixed(0).padStart(8)} | ${r.p50.toFixed(2).padStart(8)} | ${r.p99.toFixed(2).padStart(8)} |`;
console.log(
  `\nbench:serve — home page (${home.bytes} B, ${encoding} ${file[encoding === 'br' ? 'br' : 'gz']!.length} B), wrk -t1 -c${CONNECTIONS} -d${DURATION}s, best of ${ROUNDS}, ${WORKERS} worker process(es) each, started ${GENERATIONS} time(s); load before: ${loadBefore}\n`,
);
console.log('| server               | req/s    | p50 ms   | p99 ms   |');
console.log('|----------------------|----------|----------|----------|');
console.log(row2(CONTROL ? 'atrium, no analytics' : 'atrium', on));
console.log(row2('atrium, no analytics', off));
console.log(row2('nginx', nginx));
console.log(`\nAtrium / nginx throughput: ${((on.rps / nginx.rps) * 100).toFixed(1)}% (target ≥ 60%)`);
const [low, high] = medianInterval(ratios);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(
  `${CONTROL ? 'Control run, both with analytics off, first / second' : 'Analytics on / off'}: median of the rounds' ratios ${pct(median(ratios))} (target ≥ 95%), 95% confidence interval of the median ${pct(low)}–${pct(high)}; rounds: ${ratios.map(pct).join(', ')}; best against best ${pct(on.rps / off.rps)}`,
);
const perRequest = ([ms, requests]: [number, number]) => ms / requests;
console.log(
  `Each start of the servers: median ratio, serving CPU per request ${CONTROL ? 'first/second' : 'on/off'}: ${generations.map((g) => `${pct(median(g.ratios))}, ${pct(perRequest(g.on) / perRequest(g.off))}`).join('; ')}`,
);
if (!CONTROL)
  console.log(
    `${storedInAll.toLocaleString('en')} pageviews stored for ${sent.toLocaleString('en')} requests answered with analytics on${unsettled ? ` (${unsettled} waits gave up after 10 s without progress)` : ''}`,
  );
const [A, B] = CONTROL ? ['first', 'second'] : ['on', 'off'];
const us = (m: 'on' | 'off', part: 'serving' | 'main' | 'analytics') => (cpu[m][part] * 1000) / cpu[m].requests;
console.log(
  `CPU per request, serving threads while wrk runs: ${A} ${us('on', 'serving').toFixed(1)} µs, ${B} ${us('off', 'serving').toFixed(1)} µs (${A}/${B} ${pct(us('on', 'serving') / us('off', 'serving'))}), of which the main threads ${A} ${us('on', 'main').toFixed(1)} µs, ${B} ${us('off', 'main').toFixed(1)} µs; ` +
    `the analytics workers (SCHED_IDLE) until every pageview is stored: ${us('on', 'analytics').toFixed(1)} µs a pageview`,
);
console.log(`load after: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(offDataDir, { recursive: true, force: true });
process.exit(0);

async function waitFor(url: string) {
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}
