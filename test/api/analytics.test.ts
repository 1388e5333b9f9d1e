// Visitor analytics end to end over HTTP: known visits through the serving
// path (browsers, a bot, a prefetch, a 304, consent refusals, GPC) and the
// beacon give exactly the expected figures; the beacon refuses bad and
// foreign events; no client address reaches any database or log line; the
// salt of two days ago is gone; retention deletes raw events after 30 days
// and rollups after 24 months.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { MovableClock } from '../../src/lib/clock.js';
import { isPostgresDb, partitionMonths } from '../../src/analytics/partitions.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

let t: TestServer;
let c: HttpClient;
let site: any;
const logs: string[] = [];
const host = 'stats.localhost';
const DAY = 24 * 3600_000;
const shiftDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
// The test clients' addresses (a trusted proxy on loopback names them): none may be stored or logged.
const A = '81.2.69.142';
const B = '8.8.8.8';
const C = '2a00:1450:4001:81c::200e';
const PREFETCHER = '81.2.69.160';
const REFUSER = '203.0.113.77';
const ADDRESSES = [A, B, C, PREFETCHER, REFUSER, '81.2.69.', '2a00:1450:4001', '203.0.113.', '127.0.0.1'];

const page = (path: string, ip: string, ua: string, headers: Record<string, string> = {}) =>
  c.get(path, { host, headers: { 'x-forwarded-for': ip, 'user-agent': ua, ...headers } });
const beacon = (body: unknown, ip = A, ua = CHROME, headers: Record<string, string> = {}) =>
  c.request('POST', '/_atrium/a', undefined, {
    host,
    raw: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'x-forwarded-for': ip, 'user-agent': ua, ...headers },
  });
const clock = () => t.running.ctx.clock as MovableClock;
const api = (path: string) => c.get(`/api/sites/${site.id}/analytics${path}`);
const rows = async (dimension: string, extra = '') => {
  const r = await api(`/breakdown?period=7d&dimension=${dimension}${extra}`);
  expect(r.status, r.text).toBe(200);
  return Object.fromEntries(r.json.rows.map((x: any) => [x.label, x.visitors]));
};

/** Runs the schedules that are due on the (moved) clock, and waits for them. */
async function runSchedules() {
  t.running.jobs.wakeAll();
  await t.running.jobs.idle();
}

beforeAll(async () => {
  t = await startTestServer({ ATRIUM_TRUST_PROXY: 'loopback', LOG_LEVEL: 'debug' }, { logs });
  c = t.client();
  await signUpVerified(c, t.smtp, 'stats@example.com');
  site = (await c.post('/api/sites', { name: 'Stats', slug: 'stats', template: 'saas', region: 'de-frankfurt' })).json;
  site.document.consent = { ...site.document.consent, gpcRefusesAnalytics: true };
  site.document.analytics = { beacon: true };
  const form = { type: 'form', props: { id: 'contact', fields: [{ name: 'message', type: 'textarea', label: 'Message', required: true }] } };
  site.document.pages.push({ id: 'talk', path: '/talk', title: 'Talk', description: '', blocks: [form] });
  expect((await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: site.document })).status).toBe(200);
  expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
});
afterAll(async () => t?.close());

describe('visitor analytics', () => {
  it('counts known visits through the serving path and the beacon, exactly', async () => {
    // Visitor A: from Google, two pages, then a revalidation of the first (not a new pageview), and the beacon.
    const home = await page('/', A, CHROME, { referer: 'https://www.google.com/', 'accept-language': 'de-DE,de;q=0.9' });
    expect(home.status).toBe(200);
    expect(home.headers['set-cookie']).toBeUndefined(); // cookieless
    expect((await page('/pricing', A, CHROME, { referer: `http://${host}/`, 'accept-language': 'de-DE' })).status).toBe(200);
    expect((await page('/', A, CHROME, { 'if-none-match': home.headers.etag!, 'accept-language': 'de-DE' })).status).toBe(304);
    const pricingUrl = `http://${host}:${t.port}/pricing`;
    expect((await beacon({ type: 'engagement', page: pricingUrl, screen: 1280, duration: 30_000 })).status).toBe(204);
    expect((await beacon({ type: 'custom', page: pricingUrl, name: 'Signup', props: { plan: 'pro' } })).status).toBe(204);
    // Visitor B: a phone, from a newsletter campaign, one page (a bounce).
    expect((await page('/?utm_source=newsletter&utm_campaign=spring', B, IPHONE)).status).toBe(200);
    // Visitor C: consented to analytics, so gets the usr cookie.
    const consented = await page('/', C, FIREFOX, { cookie: 'cookie_consent=1.f1a1m0', 'accept-language': 'en-GB' });
    expect(consented.headers['set-cookie']?.[0]).toMatch(/^usr=\d{8}\.[\w-]+; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Lax$/);
    // Not counted: a bot, a prefetch, a refusal by cookie, a refusal by GPC; a HEAD and an asset are no pageviews.
    expect((await page('/', REFUSER, 'curl/8.5.0')).status).toBe(200);
    expect((await page('/about', PREFETCHER, CHROME, { 'sec-purpose': 'prefetch' })).status).toBe(200);
    expect((await page('/about', REFUSER, CHROME, { cookie: 'cookie_consent=1.f1a0m0' })).headers['set-cookie']).toBeUndefined();
    expect((await page('/about', REFUSER, FIREFOX, { 'sec-gpc': '1' })).status).toBe(200);
    expect((await c.request('HEAD', '/about', undefined, { host, headers: { 'x-forwarded-for': B, 'user-agent': IPHONE } })).status).toBe(200);
    const css = /href="(\/_atrium\/site\.[0-9a-f]+\.css)"/.exec(home.text)![1]!;
    expect((await page(css, B, IPHONE)).status).toBe(200);

    await t.running.analytics!.flush();
    expect((await api('/realtime')).json).toEqual({ visitors: 3 });
    // Rollups are rebuilt every five minutes.
    clock().advance(6 * 60_000);
    await runSchedules();

    const o = await api('?period=7d');
    expect(o.status, o.text).toBe(200);
    expect(o.json.summary).toEqual({ visitors: 3, pageviews: 4, visits: 3, bounceRate: 0.667, visitDuration: expect.any(Number), events: 1 });
    expect(o.json.notCounted).toEqual({ bots: 1, refused: 2 });
    expect(o.json.series).toHaveLength(7);
    expect(o.json.series.reduce((n: number, d: any) => n + d.pageviews, 0)).toBe(4);
    // The week before, day by day, for the comparison line: nothing then.
    expect(o.json.previousSeries.map((d: any) => d.period)).toEqual(o.json.series.map((d: any) => d.period).map((day: string) => shiftDays(day, -7)));
    expect(o.json.previousSeries.every((d: any) => d.pageviews === 0)).toBe(true);
    expect(o.json.geoCredit.text).toBe('IP Geolocation by DB-IP');
    expect(await rows('page')).toEqual({ '/': 3, '/pricing': 1 });
    expect(await rows('entry')).toEqual({ '/': 3 });
    expect(await rows('exit')).toEqual({ '/': 2, '/pricing': 1 });
    expect(await rows('source')).toEqual({ Google: 1, newsletter: 1, 'Direct / none': 1 });
    expect(await rows('utm_campaign')).toEqual({ spring: 1, Unknown: 2 });
    expect(await rows('country')).toEqual({ 'United Kingdom': 1, 'United States': 1, Germany: 1 });
    expect(await rows('device')).toEqual({ Desktop: 2, Mobile: 1 });
    expect(await rows('browser')).toEqual({ Chrome: 1, Safari: 1, Firefox: 1 });
    expect(await rows('os')).toEqual({ Windows: 1, iOS: 1, Linux: 1 });
    expect(await rows('language')).toEqual({ de: 1, en: 1, Unknown: 1 });
    expect(await rows('screen')).toEqual({ Laptop: 1, Unknown: 2 });
    const goals = (await api('/breakdown?period=7d&dimension=goal')).json.rows;
    expect(goals).toEqual([expect.objectContaining({ value: 'Signup', events: 1, visitors: 1 })]);

    // Filtered: the visits from the United Kingdom only (raw events).
    const gb = await api('?period=7d&country=GB');
    expect(gb.json.summary).toMatchObject({ visitors: 1, pageviews: 2, visits: 1, bounceRate: 0, events: 1 });
    expect(gb.json.series.reduce((n: number, d: any) => n + d.pageviews, 0)).toBe(2);
    expect(gb.json.previousSeries).toHaveLength(7);
    expect(gb.json.summary.visitDuration).toBeGreaterThanOrEqual(0);
    expect(await rows('page', '&country=GB')).toEqual({ '/': 1, '/pricing': 1 });
    expect(await rows('source', '&source=')).toEqual({ 'Direct / none': 1 });
    // A filter with odd characters is a value, never SQL.
    for (const odd of ["' OR 1=1; --", '"; drop table analytics_events; --', '%', '\\', '🙂']) {
      const r = await api(`?period=7d&page=${encodeURIComponent(odd)}`);
      expect(r.status).toBe(200);
      expect(r.json.summary.visitors).toBe(0);
    }
    expect((await api('?period=7d')).json.summary.pageviews).toBe(4);

    // CSV export of a breakdown.
    const csv = await api('/export?period=7d&dimension=country');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toBe('country,visitors,pageviews,visits,bounce rate,visit duration (s),events');
    expect(csv.text).toContain('United Kingdom,1,2,1,0,');
  });

  it('adds up each site’s daily visitors for the sites list, only for sites the subscriber can see', async () => {
    const r = await c.get('/api/analytics/sites');
    expect(r.status, r.text).toBe(200);
    expect(r.json.days).toHaveLength(7);
    expect(r.json.days.at(-1)).toBe(clock().now().toISOString().slice(0, 10));
    expect(r.json.sites).toEqual([{ siteId: site.id, visitors: [0, 0, 0, 0, 0, 0, 3], total: 3, previous: 0 }]);
    const other = t.client();
    await signUpVerified(other, t.smtp, 'other-stats@example.com');
    const theirs = (await other.post('/api/sites', { name: 'Theirs', slug: 'theirs-stats', template: 'saas', region: 'us-oregon' })).json;
    const seen = (await other.get('/api/analytics/sites')).json.sites;
    expect(seen).toEqual([{ siteId: theirs.id, visitors: [0, 0, 0, 0, 0, 0, 0], total: 0, previous: 0 }]);
    expect((await other.get(`/api/sites/${site.id}/analytics?period=7d`)).status).toBe(404);
    expect((await t.client().get('/api/analytics/sites')).status).toBe(401);
  });

  it('loads the beacon on every page only when the site turns it on, under a policy that lets it run and send', async () => {
    const home = await c.get('/', { host }); // no user agent: a bot, not a pageview
    const src = /<script src="(\/_atrium\/beacon\.[0-9a-f]{12}\.js)" defer><\/script>/.exec(home.text)?.[1];
    expect(src).toBeDefined();
    expect(home.headers['content-security-policy']).toContain("script-src 'self'");
    expect(home.headers['content-security-policy']).toContain("connect-src 'self'");
    const script = await c.get(src!, { host });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(script.text).toContain('sendBeacon');
    // A site that does not use the beacon: no script, the strict policy, and its events are refused.
    const plain = (await c.post('/api/sites', { name: 'Plain', slug: 'plain-stats', template: 'saas', region: 'de-frankfurt' })).json;
    expect((await c.post(`/api/sites/${plain.id}/publish`)).status).toBe(201);
    const plainHome = await c.get('/', { host: 'plain-stats.localhost' });
    expect(plainHome.text).not.toContain('/_atrium/beacon.');
    expect(plainHome.headers['content-security-policy']).not.toContain('script-src');
    const refused = await c.request('POST', '/_atrium/a', undefined, {
      host: 'plain-stats.localhost',
      raw: JSON.stringify({ type: 'custom', page: `http://plain-stats.localhost:${t.port}/`, name: 'Signup' }),
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': CHROME },
    });
    expect(refused.status).toBe(404);
    await t.running.analytics!.flush();
  });

  it('refuses malformed, oversized and foreign-site beacon events, and stores none of them', async () => {
    const before = t.running.analytics!.totals.stored;
    const url = `http://${host}:${t.port}/`;
    expect((await beacon('{not json')).status).toBe(400);
    expect((await beacon({ type: 'teleport', page: url })).status).toBe(400);
    expect((await beacon({ type: 'custom', page: url, name: 'x', extra: 1 })).status).toBe(400);
    expect((await beacon({ type: 'custom', page: url, name: 'x', props: { 'bad key!': 1 } })).status).toBe(400);
    expect((await beacon({ type: 'engagement', page: `http://${host}:${t.port}/no-such-page` })).status).toBe(400);
    expect((await beacon({ type: 'custom', page: url, name: 'x'.repeat(3000) })).status).toBe(413);
    const wrongType = await beacon({ type: 'custom', page: url, name: 'Signup' }, A, CHROME, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.json.error).toBe('unsupported_media_type');
    const foreign = await beacon({ type: 'custom', page: `http://other.localhost:${t.port}/`, name: 'Signup' });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error).toBe('foreign_site');
    expect((await beacon({ type: 'custom', page: url, name: 'Signup' }, A, CHROME, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await c.request('POST', '/_atrium/a', undefined, { host: 'nobody.localhost', raw: '{}' })).status).toBe(404);
    await t.running.analytics!.flush();
    expect(t.running.analytics!.totals.stored).toBe(before);
  });

  it('rate limits beacon floods per address', async () => {
    const url = `http://${host}:${t.port}/`;
    const statuses: number[] = [];
    for (let i = 0; i < 125; i++) statuses.push((await beacon({ type: 'engagement', page: url, duration: 10 }, '198.51.100.9', FIREFOX)).status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(120);
    expect(statuses.at(-1)).toBe(429);
    await t.running.analytics!.flush();
  });

  it('keeps share links read-only and revocable', async () => {
    const share = await c.post(`/api/sites/${site.id}/analytics/share`);
    expect(share.status).toBe(201);
    const anon = t.client();
    const shared = await anon.get(`/api/shared/${share.json.token}/analytics?period=7d`);
    expect(shared.status).toBe(200);
    expect(shared.json.site).toEqual({ name: 'Stats' });
    expect(shared.json.summary.pageviews).toBe(4);
    expect((await anon.get(`/api/shared/${share.json.token}/analytics/breakdown?period=7d&dimension=page`)).json.rows).toHaveLength(2);
    expect((await c.get(`/api/sites/${site.id}/analytics/share`)).json.share.token).toBe(share.json.token);
    expect((await c.delete(`/api/sites/${site.id}/analytics/share`)).status).toBe(204);
    expect((await anon.get(`/api/shared/${share.json.token}/analytics`)).status).toBe(404);
  });

  it('counts each form sent as a goal, with nothing from the message', async () => {
    const talk = await c.get('/talk', { host }); // no user agent: counted apart, as a bot
    const token = talk.headers['set-cookie']!.find((v) => v.startsWith('c_r_id_='))!.split(';')[0]!;
    await new Promise((r) => setTimeout(r, 2100));
    const sent = await c.request('POST', '/_atrium/forms/contact', undefined, {
      host,
      raw: 'message=a+secret+message',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie: token, 'x-forwarded-for': B },
    });
    expect(sent.status).toBe(201);
    await t.running.analytics!.flush();
    clock().advance(6 * 60_000);
    await runSchedules();
    const goals = (await api('/breakdown?period=7d&dimension=goal')).json.rows;
    expect(goals).toEqual([
      expect.objectContaining({ value: 'Form sent: contact', events: 1, visitors: 1 }),
      expect.objectContaining({ value: 'Signup', events: 1, visitors: 1 }),
    ]);
    const stored = await t.running.ctx.dbs.regions['de-frankfurt'].selectFrom('analytics_events').selectAll().where('kind', '=', 'goal').execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain('secret');
    expect(stored[0]).toMatchObject({ path: '/talk', visitor: null, props: null });
  });

  it('stores and logs no client address anywhere', async () => {
    const { dbs } = t.running.ctx;
    const found: string[] = [];
    for (const [name, db] of [['control', dbs.control], ...Object.entries(dbs.regions)] as [string, Kysely<any>][]) {
      for (const table of await db.introspection.getTables({ withInternalKyselyTables: true })) {
        // The generated privacy policy names the mail server, which this test runs on 127.0.0.1: configuration, no visitor's.
        if (table.name === 'policy_versions') continue;
        const text = JSON.stringify(await db.selectFrom(table.name).selectAll().execute());
        for (const a of ADDRESSES) if (text.includes(a)) found.push(`${name}.${table.name} holds ${a}`);
        for (const ua of [CHROME, IPHONE, FIREFOX]) if (text.includes(ua)) found.push(`${name}.${table.name} holds a user agent`);
      }
    }
    expect(found).toEqual([]);
    expect(logs.length).toBeGreaterThan(10); // debug: a line per request
    expect(logs.filter((l) => ADDRESSES.some((a) => l.includes(a)))).toEqual([]);
  });

  it('deletes the salt of two days ago', async () => {
    const control = t.running.ctx.dbs.control;
    const today = clock().now().toISOString().slice(0, 10);
    expect((await control.selectFrom('analytics_salts').select('day').execute()).map((r) => r.day)).toContain(today);
    clock().advance(2 * DAY);
    await runSchedules();
    expect((await control.selectFrom('analytics_salts').select('day').where('day', '=', today).execute()).length).toBe(0);
  });

  it('deletes raw events after 30 days and rollups after 24 months', async () => {
    const region = t.running.ctx.dbs.regions['de-frankfurt'];
    const count = async (table: 'analytics_events' | 'analytics_daily' | 'analytics_hourly') =>
      Number(
        (
          await region
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('analytics_events')).toBeGreaterThan(0);
    const day = (o: any) => o.json.range.from;
    const firstWeek = day(await api('?period=7d'));
    clock().advance(29 * DAY); // 31 days after the visits
    await runSchedules();
    expect(await count('analytics_events')).toBe(0);
    expect(await count('analytics_daily')).toBeGreaterThan(0);
    // The figures live on in the rollups.
    const kept = await api(`?period=custom&from=${firstWeek}&to=${clock().now().toISOString().slice(0, 10)}`);
    expect(kept.json.summary.pageviews).toBe(4);
    // A filtered view cannot reach back that far.
    expect((await api(`?period=custom&from=${firstWeek}&to=${firstWeek}&country=GB`)).status).toBe(400);
    const visitMonth = firstWeek.slice(0, 7);
    if (isPostgresDb(region)) expect(await partitionMonths(region)).toContain(clock().now().toISOString().slice(0, 7));
    clock().advance(2 * 366 * DAY);
    await runSchedules();
    expect(await count('analytics_daily')).toBe(0);
    expect(await count('analytics_hourly')).toBe(0);
    // PostgreSQL: whole months of raw events went with their partitions; this month's and the next are ready.
    if (isPostgresDb(region)) {
      const months = await partitionMonths(region);
      const now = clock().now().toISOString().slice(0, 7);
      expect(months.every((m) => m >= now)).toBe(true);
      expect(months).toContain(now);
      expect(months).not.toContain(visitMonth);
    }
  });
});
