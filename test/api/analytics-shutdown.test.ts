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

it('continues a visit after a restart from its newest events, not an older visit of the same visitor', async () => {
  const UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
  const page = (path: string, headers: Record<string, string> = {}) => c.get(path, { host, headers: { 'user-agent': UA, ...headers } });
  const region = () => t.running.ctx.dbs.regions['ca-toronto'];
  expect((await page('/')).status).toBe(200);
  const pricing = await page('/pricing');
  expect(pricing.status).toBe(200);
  await t.restart();
  const first = await region()
    .selectFrom('analytics_events')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('path', '=', '/pricing')
    .orderBy('time', 'desc')
    .executeTakeFirstOrThrow();
  // The same visitor's earlier visit, ended 50 minutes ago (within the hour looked up) with more events than the
  // look-up reads for one visitor: only the newest decide.
  const earlier = Date.parse(first.time) - 50 * 60_000;
  const old = Array.from({ length: 300 }, (_, i) => ({
    ...first,
    visit_id: 'an-earlier-visit',
    path: '/blog',
    time: new Date(earlier - i * 1000).toISOString(),
  }));
  await region().insertInto('analytics_events').values(old).execute();

  // After the restart this process knows no visit: a revalidation of a page of the visit is not counted again, and
  // the next page belongs to the same visit.
  expect((await page('/pricing', { 'if-none-match': pricing.headers.etag! })).status).toBe(304);
  expect((await page('/about')).status).toBe(200);
  await t.running.analytics!.flush();
  const visit = await region()
    .selectFrom('analytics_events')
    .select(['path', 'visit_id'])
    .where('visitor', '=', first.visitor)
    .where('visit_id', '!=', 'an-earlier-visit')
    .orderBy('time')
    .execute();
  expect(visit.map((e) => e.path)).toEqual(['/', '/pricing', '/about']);
  expect(new Set(visit.map((e) => e.visit_id))).toEqual(new Set([first.visit_id]));
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
