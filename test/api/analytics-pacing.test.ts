// The analytics worker yields to serving: while every core is busy, hits wait
// instead of being processed in the gaps, never longer than
// ATRIUM_ANALYTICS_MAX_DELAY; once the cores are free they are stored without
// anyone asking. A flush stores everything counted, however much waits.
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

let t: TestServer;
let c: HttpClient;
let siteId: string;
const host = 'paced.localhost';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
let hogs: ChildProcess[] = [];

beforeAll(async () => {
  // At nice 19 (not the idle policy, under which any busy loop would starve the worker anyway): it could take a
  // share of the cores below, and pacing alone keeps it from doing so.
  t = await startTestServer({
    ATRIUM_ANALYTICS_BATCH_MS: '20',
    ATRIUM_ANALYTICS_MAX_DELAY: '8',
    ATRIUM_ANALYTICS_PRIORITY: 'low',
    ATRIUM_TRUST_PROXY: 'loopback',
  });
  c = t.client();
  await signUpVerified(c, t.smtp, 'paced@example.com');
  siteId = (await c.post('/api/sites', { name: 'Paced', slug: 'paced', template: 'saas', region: 'us-oregon' })).json.id;
  expect((await c.post(`/api/sites/${siteId}/publish`)).status).toBe(201);
});
afterAll(async () => {
  for (const h of hogs) h.kill('SIGKILL');
  await t?.close();
});

const stored = async () =>
  Number(
    (
      await t.running.ctx.dbs.regions['us-oregon']
        .selectFrom('analytics_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('site_id', '=', siteId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** `n` pageviews from `n` visitors (behind the trusted proxy on loopback), a few at a time. */
async function browse(n: number, from: number) {
  for (let i = 0; i < n; i += 50)
    await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, (_, k) =>
        c.get('/', { host, headers: { 'user-agent': FIREFOX, 'x-forwarded-for': `198.51.${(from + i + k) >> 8}.${(from + i + k) & 255}` } }),
      ),
    );
}

it('stores every hit on a flush, however many wait', async () => {
  await browse(700, 0);
  await t.running.analytics!.flush();
  expect(await stored()).toBe(700);
});

it('fills the batch buffers the worker hands back again, every hit intact', async () => {
  // Three waves, each handed over in many small batches (20 ms) whose buffers come back and are filled again; a
  // buffer reused too early, or a slot not written again, would show as hits on the wrong page.
  const pages = ['/', '/pricing', '/about'];
  for (let wave = 0; wave < 3; wave++) {
    for (let i = 0; i < 600; i += 50)
      await Promise.all(
        Array.from({ length: 50 }, (_, k) =>
          c.get(pages[(i + k) % 3]!, { host, headers: { 'user-agent': FIREFOX, 'x-forwarded-for': `198.18.${wave}.${(i + k) % 250}` } }),
        ),
      );
    await t.running.analytics!.flush();
  }
  const byPath = await t.running.ctx.dbs.regions['us-oregon']
    .selectFrom('analytics_events')
    .select(['path', (eb) => eb.fn.countAll().as('n')])
    .where('site_id', '=', siteId)
    .groupBy('path')
    .execute();
  // The 700 of the test above, all on the home page, and 600 a page here.
  expect(Object.fromEntries(byPath.map((r) => [r.path, Number(r.n)]))).toEqual({ '/': 1300, '/pricing': 600, '/about': 600 });
});

it('holds hits back while every core is busy, and stores them once the cores are free', async () => {
  // Four busy loops per core at the worker's own priority: it would get a fifth of a core, waiting four times as
  // long as it runs, well past the pacer's line (twice). Each says when its loop has started: on a loaded machine
  // starting a process can take longer than the whole browse below.
  hogs = Array.from({ length: 4 * os.availableParallelism() }, () =>
    spawn('nice', ['-n', '19', process.execPath, '-e', 'process.stdout.write("go"); for (;;) {}'], { stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  await Promise.all(hogs.map((h) => new Promise((r) => h.stdout!.once('data', r))));
  await new Promise((r) => setTimeout(r, 300));
  const before = await stored();
  await browse(1500, 1000);
  await new Promise((r) => setTimeout(r, 1000));
  // Small probes (50 hits every quarter of a second) and perhaps one full step before it knew: far from all. With
  // pacing off, all 1 500 are stored by now.
  expect((await stored()) - before).toBeLessThan(1250);
  for (const h of hogs) h.kill('SIGKILL');
  hogs = [];
  // No flush: the worker resumes on its own (within the pause, or at the latest after the maximum delay).
  const until = Date.now() + 30_000;
  while ((await stored()) - before < 1500 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  expect((await stored()) - before).toBe(1500);
});

it('takes the maximum delay in whole seconds, 0 turning pacing off; anything else stops start-up naming the variable', () => {
  expect(loadConfig({}).analyticsMaxDelayMs).toBe(60_000);
  expect(loadConfig({ ATRIUM_ANALYTICS_MAX_DELAY: '0' }).analyticsMaxDelayMs).toBe(0);
  expect(loadConfig({ ATRIUM_ANALYTICS_MAX_DELAY: '15' }).analyticsMaxDelayMs).toBe(15_000);
  for (const bad of ['soon', '-1', '1.5', '3601'])
    expect(() => loadConfig({ ATRIUM_ANALYTICS_MAX_DELAY: bad })).toThrow(/ATRIUM_ANALYTICS_MAX_DELAY must be a number of seconds from 0 to 3600/);
});
