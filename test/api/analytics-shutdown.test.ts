// Analytics hands hits to its worker thread in batches; a server that stops
// (SIGTERM, a deploy) stores what it had counted before it goes: nothing is
// lost between the last batch and the shutdown.
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

let t: TestServer;
let c: HttpClient;
let siteId: string;
const host = 'shutdown.localhost';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

beforeAll(async () => {
  // Hits wait a minute before they are handed over: only the shutdown can hand them over here.
  t = await startTestServer({ ATRIUM_ANALYTICS_BATCH_MS: '60000' });
  c = t.client();
  await signUpVerified(c, t.smtp, 'shutdown@example.com');
  siteId = (await c.post('/api/sites', { name: 'Shutdown', slug: 'shutdown', template: 'saas', region: 'ca-toronto' })).json.id;
  expect((await c.post(`/api/sites/${siteId}/publish`)).status).toBe(201);
});
afterAll(async () => t?.close());

it('stores the pageviews counted just before the server stops', async () => {
  for (const path of ['/', '/pricing', '/about']) expect((await c.get(path, { host, headers: { 'user-agent': FIREFOX } })).status).toBe(200);
  await t.restart();
  const events = await t.running.ctx.dbs.regions['ca-toronto'].selectFrom('analytics_events').select(['path', 'kind']).where('site_id', '=', siteId).execute();
  expect(events.map((e) => e.path).sort()).toEqual(['/', '/about', '/pricing']);
});

/** The scheduling policies of this process's threads, from /proc (5 is SCHED_IDLE). */
const policies = () =>
  fs.readdirSync('/proc/self/task').map((tid) => {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[38]);
  });

it('runs the analytics worker at the idle priority: serving keeps the cores', async () => {
  expect((await c.get('/', { host, headers: { 'user-agent': FIREFOX } })).status).toBe(200);
  await t.running.analytics!.flush(); // the worker has started and stored the pageview
  expect(policies().filter((p) => p === 5).length).toBeGreaterThanOrEqual(1);
});
