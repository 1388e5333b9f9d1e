// bench:serve — requests per second and p99 latency of a published page from
// Atrium, side by side in one run with nginx serving the same precompressed
// bytes from disk (gzip_static + brotli_static), with the same number of
// worker processes (BENCH_WORKERS, default 2: one per core here).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { publish } from '../src/publishing/publishing.js';
import type { Manifest } from '../src/publishing/publishing.js';
import { benchContext } from './setup.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
// Both servers get the same number of processes: one per core by default.
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const ATRIUM_PORT = 3911;
const NGINX_PORT = 3912;
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
const stored = await store.get(home.hash);
fs.writeFileSync(path.join(root, 'index.html'), stored.identity);
fs.writeFileSync(path.join(root, 'index.html.gz'), stored.gz!);
fs.writeFileSync(path.join(root, 'index.html.br'), stored.br!);
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
children.push(
  spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(ATRIUM_PORT),
      HOST: '127.0.0.1',
      ATRIUM_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ATRIUM_WORKERS: String(WORKERS),
    },
  }),
);
await waitFor(`http://127.0.0.1:${NGINX_PORT}/`);
await waitFor(`http://127.0.0.1:${ATRIUM_PORT}/healthz`);

// Check both answer the same bytes before measuring them.
const a = execFileSync('curl', ['-s', '-H', `Host: ${HOST}`, '-H', `Accept-Encoding: ${encoding}`, `http://127.0.0.1:${ATRIUM_PORT}/`]);
const n = execFileSync('curl', ['-s', '-H', `Accept-Encoding: ${encoding}`, `http://127.0.0.1:${NGINX_PORT}/`]);
if (!a.equals(n)) throw new Error(`Atrium (${a.length} B) and nginx (${n.length} B) do not serve the same bytes`);

interface Result {
  rps: number;
  p50: number;
  p99: number;
}

function wrk(url: string, host: string): Result {
  const out = execFileSync(
    'wrk',
    ['-t1', `-c${CONNECTIONS}`, `-d${DURATION}s`, '--latency', '-H', `Host: ${host}`, '-H', `Accept-Encoding: ${encoding}`, url],
    { encoding: 'utf8' },
  );
  const ms = (label: string) => {
    const m = new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!m) throw new Error(`cannot read ${label}% from wrk:\n${out}`);
    return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
  };
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  if (non2xx) throw new Error(`wrk saw ${non2xx[1]} error responses from ${url}`);
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]), p50: ms('50'), p99: ms('99') };
}

const best = (rs: Result[]) => rs.reduce((x, y) => (y.rps > x.rps ? y : x));
const runs: { atrium: Result[]; nginx: Result[] } = { atrium: [], nginx: [] };
wrk(`http://127.0.0.1:${ATRIUM_PORT}/`, HOST); // warm-up (JIT, caches)
for (let i = 0; i < ROUNDS; i++) {
  runs.atrium.push(wrk(`http://127.0.0.1:${ATRIUM_PORT}/`, HOST));
  runs.nginx.push(wrk(`http://127.0.0.1:${NGINX_PORT}/`, 'localhost'));
}
stopAll();

const atrium = best(runs.atrium);
const nginx = best(runs.nginx);
const row2 = (name: string, r: Result) =>
  `| ${name.padEnd(6)} | ${r.rps.toFixed(0).padStart(8)} | ${r.p50.toFixed(2).padStart(8)} | ${r.p99.toFixed(2).padStart(8)} |`;
console.log(
  `\nbench:serve — home page (${home.bytes} B, ${encoding} ${stored[encoding === 'br' ? 'br' : 'gz']!.length} B), wrk -t1 -c${CONNECTIONS} -d${DURATION}s, best of ${ROUNDS}, ${WORKERS} worker process(es) each\n`,
);
console.log('| server | req/s    | p50 ms   | p99 ms   |');
console.log('|--------|----------|----------|----------|');
console.log(row2('atrium', atrium));
console.log(row2('nginx', nginx));
console.log(`\nAtrium / nginx throughput: ${((atrium.rps / nginx.rps) * 100).toFixed(1)}% (target ≥ 60%)`);
fs.rmSync(dataDir, { recursive: true, force: true });
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
