// bench:serve-cost — what counting a pageview costs the serving thread, in
// instructions, not seconds: both Atriums (analytics on and off, one process
// each, the same published site) run under valgrind's callgrind, which counts
// the instructions each thread executes. That count does not move with the
// machine's other load or the host's neighbours, which made bench:serve's
// throughput ratio stray by ±7% in control runs; the same server measured
// twice agrees within about 1%. After a warm-up (so V8 has compiled the
// serving path), the bench counts the main thread's instructions over a fixed
// number of browser requests and prints them per request, on against off.
// It also reports when a server's main thread spent instructions in V8's slow
// path for Node's nextTick object literal (Runtime_DefineKeyedOwnPropertyInLiteral):
// a process that falls into it spends about 45% more on every request, for its
// whole life (README: Performance).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { publish } from '../src/publishing/publishing.js';
import { benchContext, BROWSER_UA as UA } from './setup.js';

const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 20_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const CONCURRENCY = 10;
const HOST = 'bench.localhost';
const SLOW_PATH = 'Runtime_DefineKeyedOwnPropertyInLiteral';

for (const bin of ['valgrind', 'callgrind_control', 'callgrind_annotate']) {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`]);
  } catch {
    console.error(`${bin} is needed: apt-get install -y valgrind`);
    process.exit(1);
  }
}

const { ctx, store, subscriber, dataDir, newSite } = await benchContext();
const site = await newSite('bench');
await publish(ctx, subscriber, site.id);
await store.idle();
await ctx.dbs.close();
const offDataDir = `${dataDir}-off`;
fs.cpSync(dataDir, offDataDir, { recursive: true });
const out = fs.mkdtempSync(`${dataDir}-callgrind-`);

// vgdb (behind callgrind_control) names its pipes after the user and host from the environment.
const vgdbEnv = { USER: process.env.USER || 'root', LOGNAME: process.env.LOGNAME || 'root', HOST: '127.0.0.1' };

interface Server {
  name: 'on' | 'off';
  port: number;
  child: ChildProcess;
}

function start(name: 'on' | 'off', port: number, dir: string): Server {
  const child = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      '--separate-threads=yes',
      '--instr-atstart=no',
      `--callgrind-out-file=${path.join(out, name)}.%p`,
      process.execPath,
      '--import',
      'tsx',
      'src/main.ts',
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        ...vgdbEnv,
        PORT: String(port),
        ATRIUM_DATA_DIR: dir,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        ATRIUM_WORKERS: '1',
        ATRIUM_ANALYTICS: name,
      },
    },
  );
  let errors = '';
  child.stderr!.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-4000)));
  child.once('exit', (code) => {
    if (code && code !== 0) console.error(`the ${name} server stopped (${code}):\n${errors}`);
  });
  return { name, port, child };
}

async function up(s: Server) {
  for (let i = 0; i < 600; i++) {
    if ((await request(s.port).catch(() => 0)) === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the ${s.name} server did not come up under valgrind`);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function request(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const r = http.get({ host: '127.0.0.1', port, path: '/', agent, headers: { host: HOST, 'accept-encoding': 'br', 'user-agent': UA } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    r.on('error', reject);
  });
}

/** Sends `n` browser requests for the home page, CONCURRENCY at a time; every one must answer 200. */
async function load(port: number, n: number) {
  let left = n;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) {
        const status = await request(port);
        if (status !== 200) throw new Error(`the home page answered ${status}`);
      }
    }),
  );
}

const control = (pid: number, ...args: string[]) =>
  execFileSync('callgrind_control', [...args, String(pid)], { env: { ...process.env, ...vgdbEnv }, stdio: 'ignore' });

/** Instructions of the server's main thread over REQUESTS requests, and those spent in the slow path. */
async function measure(s: Server): Promise<{ perRequest: number; slowPath: number }> {
  await up(s);
  const pid = s.child.pid!;
  await load(s.port, WARM_UP);
  control(pid, '--instr=on');
  await load(s.port, REQUESTS);
  control(pid, '--dump');
  control(pid, '--instr=off');
  s.child.kill('SIGTERM');
  await new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once('exit', r)));
  // The dump asked for is part 1 (the one at exit is part 2); thread 1 is the main thread.
  const file = `${s.name}.${pid}.1-01`;
  if (!fs.existsSync(path.join(out, file))) throw new Error(`no callgrind dump of the ${s.name} server's main thread`);
  const text = fs.readFileSync(path.join(out, file), 'utf8');
  const total = Number(/^(?:summary|totals): (\d+)/m.exec(text)?.[1]);
  if (!Number.isFinite(total) || total <= 0) throw new Error(`the ${s.name} server's callgrind dump has no instruction total`);
  const annotated = execFileSync('callgrind_annotate', ['--inclusive=yes', '--threshold=100', path.join(out, file)], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const slow = new RegExp(`^\\s*([\\d,]+) .*${SLOW_PATH}`, 'm').exec(annotated);
  return { perRequest: total / REQUESTS, slowPath: slow ? Number(slow[1]!.replaceAll(',', '')) / REQUESTS : 0 };
}

const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));
const servers = [start('on', 3951, dataDir), start('off', 3952, offDataDir)];
children.push(...servers.map((s) => s.child));
const [on, off] = await Promise.all(servers.map(measure));

console.log(
  `\nbench:serve-cost — the serving thread's instructions per request (callgrind), ${REQUESTS.toLocaleString('en')} browser requests for the home page after ${WARM_UP.toLocaleString('en')} to warm up, one process each\n`,
);
console.log('| server               | instructions / request | of which nextTick slow path |');
console.log('|----------------------|------------------------|-----------------------------|');
for (const [name, r] of [
  ['atrium', on!],
  ['atrium, no analytics', off!],
] as const)
  console.log(
    `| ${name.padEnd(20)} | ${Math.round(r.perRequest).toLocaleString('en').padStart(22)} | ${Math.round(r.slowPath).toLocaleString('en').padStart(27)} |`,
  );
console.log(`\nAnalytics on / off: ${((on!.perRequest / off!.perRequest) * 100).toFixed(1)}% of the instructions (target for throughput: within 5%)`);
for (const [name, r] of [
  ['on', on!],
  ['off', off!],
] as const)
  if (r.slowPath > 0)
    console.log(`The ${name} server fell into V8's slow path for Node's nextTick literal (${SLOW_PATH}): its figure is not comparable; run the bench again.`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(offDataDir, { recursive: true, force: true });
if (!process.env.BENCH_KEEP) fs.rmSync(out, { recursive: true, force: true });
process.exit(0);
