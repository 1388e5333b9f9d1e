// Visitor analytics end to end in Chromium, on one shared server: known visits
// through the serving path (Chromium with JavaScript and the beacon, Chromium
// without JavaScript, curl-like bots, a visitor who refused analytics), then
// every figure the Analytics tab shows is checked against what was sent and
// against the others (tables add up to the totals, filters narrow them, the
// CSV matches its table), the public share link shows the same and stops when
// revoked, and the sites list draws the site's week. Each screen is checked
// with axe-core and for sideways scrolling at 1280 and 375 px; screenshots go
// to $ATRIUM_ANALYTICS_SHOTS (default test-results/analytics).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MovableClock } from '../../src/lib/clock.js';
import { launchChromium, seriousA11yViolations, settle, watchProblems } from '../helpers/browser.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { visitorProxy } from '../helpers/visitor-proxy.js';

const SHOTS = process.env.ATRIUM_ANALYTICS_SHOTS ?? 'test-results/analytics';
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
// The visitors' addresses, told to Atrium by a trusted proxy header: the United Kingdom, the United States, Germany.
const A = '81.2.69.142';
const B = '8.8.8.8';
const C = '2a00:1450:4001:81c::200e';

let t: TestServer;
let browser: Browser;
let api: HttpClient;
let site: { id: string; document: any; revision: number };
const host = 'northwind.localhost';
const siteUrl = () => `http://${host}:${t.port}`;

// The custom code of /docs: a link to another site (not on this machine: the browser shows its error page), a file to
// download and a button that counts a custom event.
const DOCS_CODE =
  '<p class="links"><a id="partner" href="https://partner.example/">Our partner</a> <a id="guide" href="/robots.txt" download>Robots</a> ' +
  '<button id="demo" type="button" data-atrium-event="Demo request">Book a demo</button></p>';

beforeAll(async () => {
  t = await startTestServer({ ATRIUM_TRUST_PROXY: 'loopback' });
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  api = t.client();
  await signUpVerified(api, t.smtp, 'analytics@example.com', 'Ada Lovelace');
  site = (await api.post('/api/sites', { name: 'Northwind', slug: 'northwind', template: 'saas', region: 'de-frankfurt', defaultLanguage: 'en' })).json;
  const doc = site.document;
  doc.analytics = { beacon: true };
  doc.pages.push({
    id: 'docs',
    path: '/docs',
    title: 'Docs',
    description: '',
    blocks: [],
    snippets: [{ id: 'links', name: 'Links', placement: 'body', category: 'necessary', code: DOCS_CODE, origins: [], cookies: [] }],
  });
  const saved = await api.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document: doc });
  expect(saved.status, saved.text).toBe(200);
  expect((await api.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A visitor's browser: its own address (as a trusted proxy reports it), user agent, language and screen. */
async function visitor(opts: { ip: string; ua: string; locale: string; width: number; js?: boolean }) {
  const proxy = await visitorProxy(t.port, { 'x-forwarded-for': opts.ip, 'user-agent': opts.ua, 'accept-language': opts.locale });
  const context = await browser.newContext({
    viewport: { width: opts.width, height: 800 },
    userAgent: opts.ua,
    locale: opts.locale,
    javaScriptEnabled: opts.js ?? true,
    proxy: { server: proxy.server },
  });
  const problems = await watchProblems(context);
  context.on('close', () => void proxy.close());
  return { context, page: await context.newPage(), problems };
}

const clock = () => t.running.ctx.clock as MovableClock;
const region = () => t.running.ctx.dbs.regions['de-frankfurt'];
async function storedEvents(): Promise<Record<string, number>> {
  await t.running.analytics!.flush();
  const rows = await region().selectFrom('analytics_events').select(['kind']).where('site_id', '=', site.id).execute();
  const out: Record<string, number> = {};
  for (const r of rows) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
}

async function loggedIn(width: number): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 800 }, locale: 'en-US' });
  await context.addCookies([
    { name: 'atrium_session', value: api.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  const problems = await watchProblems(context);
  return { context, page: await context.newPage(), problems };
}

async function check(page: Page, width: number, name: string) {
  await settle(page);
  expect((await seriousA11yViolations(page)).map((v) => `${name}: ${v}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
}
/** A whole screen; the sticky top bar stays at the top and toasts are left out. */
const STILL = '.topbar { position: static !important; } .toaster { display: none !important; }';
const shot = (page: Page, name: string, width: number) => page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true, style: STILL });

/** The five headline figures as shown. */
async function figures(page: Page) {
  const value = (metric: string) => page.locator(`.an-figure[data-metric="${metric}"] .an-figure-value`).textContent();
  return {
    visitors: await value('visitors'),
    visits: await value('visits'),
    pageviews: await value('pageviews'),
    bounceRate: await value('bounceRate'),
    visitDuration: await value('visitDuration'),
  };
}

/** Opens a tab of a card and reads its rows: label -> the numbers shown after it. */
async function table(page: Page, card: string, tab: string): Promise<Record<string, string[]>> {
  const section = page.locator(`section[data-card="${card}"]`);
  const tabs = section.getByRole('group');
  if (await tabs.count()) {
    const button = tabs.getByRole('button', { name: tab, exact: true });
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
  }
  const loaded = section.locator('table.an-table:not([aria-busy]), .an-card-empty');
  await loaded.first().waitFor();
  await expect.poll(() => section.locator('.an-card-loading').count()).toBe(0);
  if (await section.locator('.an-card-empty').count()) return {};
  return section
    .locator('tbody tr')
    .evaluateAll((trs) =>
      Object.fromEntries(trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())])),
    );
}

const total = (rows: Record<string, string[]>) => Object.values(rows).reduce((n, r) => n + Number(r[0]), 0);

describe('the Analytics tab in Chromium', () => {
  it('counts visits from browsers with and without JavaScript, bots apart, and the beacon’s events', async () => {
    // Visitor A, with JavaScript: from a newsletter to the home page, then the docs: a custom event by attribute, one by the
    // JavaScript API, a file download and, last, a link to another site.
    const a = await visitor({ ip: A, ua: CHROME, locale: 'en-GB', width: 1280 });
    expect((await a.page.goto(`${siteUrl()}/?utm_source=newsletter&utm_medium=email&utm_campaign=launch`))!.status()).toBe(200);
    await a.page.waitForFunction(() => typeof (window as { atrium?: unknown }).atrium === 'function');
    await a.page.goto(`${siteUrl()}/docs`);
    await a.page.waitForFunction(() => typeof (window as { atrium?: unknown }).atrium === 'function');
    await a.page.click('#demo');
    await a.page.evaluate(() => (window as unknown as { atrium: (n: string, p: object) => void }).atrium('Signup', { plan: 'pro' }));
    const download = a.page.waitForEvent('download');
    await a.page.click('#guide');
    await download;
    const left = a.page.waitForEvent('framenavigated');
    await a.page.click('#partner');
    await left; // to the browser's error page: partner.example does not resolve here
    expect(a.problems.filter((p) => !p.includes('partner.example'))).toEqual([]);
    expect(await a.context.cookies()).toEqual([]); // no cookie, from the pages or the beacon

    // Visitor B, without JavaScript, from a Google search: the home page, then pricing through the navigation.
    const b = await visitor({ ip: B, ua: IPHONE, locale: 'de-DE', width: 375, js: false });
    await b.page.goto(`${siteUrl()}/`, { referer: 'https://www.google.com/' });
    await b.page.goto(`${siteUrl()}/pricing`, { referer: `${siteUrl()}/` });
    expect(await b.context.cookies()).toEqual([]);

    // Visitor C, with JavaScript, straight to pricing and gone (a bounce, with its time on the page).
    const c = await visitor({ ip: C, ua: ANDROID, locale: 'fr-FR', width: 375 });
    await c.page.goto(`${siteUrl()}/pricing`);
    await c.page.waitForFunction(() => typeof (window as { atrium?: unknown }).atrium === 'function');
    await c.page.waitForTimeout(300);
    await c.page.goto('about:blank');
    expect(c.problems).toEqual([]);

    // Not counted: bots (curl, a crawler) and a visitor who refused analytics in the banner.
    const bot = (ua: string) => api.get('/', { host, headers: { 'user-agent': ua, 'x-forwarded-for': '203.0.113.9' } });
    expect((await bot('curl/8.5.0')).status).toBe(200);
    expect((await bot('curl/8.5.0')).status).toBe(200);
    expect((await bot('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')).status).toBe(200);
    const refused = await api.get('/pricing', {
      host,
      headers: { 'user-agent': CHROME, cookie: 'cookie_consent=1.f1a0m0', 'x-forwarded-for': '203.0.113.10' },
    });
    expect(refused.status).toBe(200);

    // The beacon's events arrived: pageviews 5, a time on page for each page shown with JavaScript, the four goals.
    await expect.poll(storedEvents, { timeout: 10_000 }).toEqual({ pageview: 5, engagement: 3, custom: 2, download: 1, outbound: 1 });
    for (const v of [a, b, c]) await v.context.close();
  });

  for (const width of [1280, 375]) {
    it(`shows every figure as it was sent, and filters by a row, at ${width}px`, async () => {
      const { context, page, problems } = await loggedIn(width);
      if (width === 1280) {
        // Realtime visitors come from raw events at once: the three who came with a browser.
        await page.goto(`${t.baseUrl}/app/sites/${site.id}/analytics?period=7d`);
        await page.locator('.an-figure-value').first().waitFor();
        await expect.poll(() => page.locator('.an-live').textContent()).toBe('3 visitors in the last 5 minutes');
        // The rollups behind unfiltered views are rebuilt every five minutes: let the test clock run them.
        clock().advance(6 * 60_000);
        t.running.jobs.wakeAll();
        await t.running.jobs.idle();
      }
      await page.goto(`${t.baseUrl}/app/sites/${site.id}/analytics?period=7d`);
      await page.locator('.an-figure-value').first().waitFor();
      const overview = (await api.get(`/api/sites/${site.id}/analytics?period=7d`)).json;
      expect(overview.summary).toMatchObject({ visitors: 3, visits: 3, pageviews: 5, bounceRate: 0.333, events: 4 });
      const seconds = overview.summary.visitDuration;
      const shown = `${seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`}`;
      expect(await figures(page)).toEqual({ visitors: '3', visits: '3', pageviews: '5', bounceRate: '33%', visitDuration: shown });
      expect(await page.locator('.an-live').textContent()).toBe('0 visitors in the last 5 minutes'); // six minutes later
      await check(page, width, 'analytics');

      // The chart's figures, as its table: today holds all three visitors, the days before none; the week before was empty.
      await page.getByText('The chart’s figures as a table').click();
      const days = await page
        .locator('.an-series-table tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      expect(days).toEqual([...Array(6).fill(['0', '0']), ['3', '0']]);
      await page.locator('.an-figure[data-metric="pageviews"]').click();
      await expect.poll(() => page.locator('.an-series-table tbody tr:last-child td').first().textContent()).toBe('5');

      // Every table: what was sent, and each adds up to the totals.
      expect(await table(page, 'Pages', 'Top pages')).toEqual({ '/': ['2', '2'], '/pricing': ['2', '2'], '/docs': ['1', '1'] });
      expect(await table(page, 'Pages', 'Entry pages')).toEqual({ '/': ['2', '2'], '/pricing': ['1', '1'] });
      expect(await table(page, 'Pages', 'Exit pages')).toEqual({ '/pricing': ['2', '2'], '/docs': ['1', '1'] });
      const sources = await table(page, 'Sources', 'Sources');
      expect(sources).toEqual({ 'Direct / none': ['1', '33%'], Google: ['1', '33%'], newsletter: ['1', '33%'] });
      expect(await table(page, 'Sources', 'Referrers')).toEqual({ 'Direct / none': ['2', '67%'], 'google.com': ['1', '33%'] });
      expect(await table(page, 'Campaigns', 'Campaign')).toEqual({ launch: ['1', '33%'] });
      expect(await table(page, 'Campaigns', 'Source')).toEqual({ newsletter: ['1', '33%'] });
      expect(await table(page, 'Campaigns', 'Medium')).toEqual({ email: ['1', '33%'] });
      expect(await table(page, 'Campaigns', 'Term')).toEqual({});
      expect(await table(page, 'Locations', 'Countries')).toEqual({ Germany: ['1', '33%'], 'United Kingdom': ['1', '33%'], 'United States': ['1', '33%'] });
      expect(total(await table(page, 'Locations', 'Cities'))).toBe(3);
      const devices = await table(page, 'Devices', 'Devices');
      expect(devices).toEqual({ Mobile: ['2', '67%'], Desktop: ['1', '33%'] });
      expect(await table(page, 'Devices', 'Browsers')).toEqual({ Chrome: ['2', '67%'], Safari: ['1', '33%'] });
      expect(await table(page, 'Devices', 'Systems')).toEqual({ Android: ['1', '33%'], Windows: ['1', '33%'], iOS: ['1', '33%'] });
      // Screen sizes come from the beacon: B browsed without JavaScript.
      expect(await table(page, 'Devices', 'Screens')).toEqual({ Unknown: ['1', '33%'], Laptop: ['1', '33%'], Mobile: ['1', '33%'] });
      expect(await table(page, 'Languages', 'Languages')).toEqual({ 'English (en)': ['1', '33%'], 'French (fr)': ['1', '33%'], 'German (de)': ['1', '33%'] });
      expect(await table(page, 'Languages', 'New or returning')).toEqual({ 'New or unknown': ['3', '100%'] });
      expect(await table(page, 'Goals', 'Goals')).toEqual({
        'Demo request': ['1', '1', '33.3%'],
        [`File download: ${host}:${t.port}/robots.txt`]: ['1', '1', '33.3%'],
        'Outbound link: partner.example/': ['1', '1', '33.3%'],
        Signup: ['1', '1', '33.3%'],
      });
      expect(total(sources)).toBe(3);
      expect(total(devices)).toBe(3);
      expect(await page.locator('.an-footnote').textContent()).toContain(
        'Not counted in this period: 3 requests from bots and crawlers, 1 page request from visitors who refused analytics.',
      );
      await shot(page, 'analytics', width);

      // The CSV of a table holds the same rows.
      const csvUrl = await page.locator('section[data-card="Devices"] a.an-export').getAttribute('href');
      const csv = await (await context.request.get(`${t.baseUrl}${csvUrl}`)).text();
      expect(csv.split('\n').slice(0, 3)).toEqual([
        'screen,visitors,pageviews,visits,bounce rate,visit duration (s),events',
        expect.stringMatching(/,1,/),
        expect.stringMatching(/,1,/),
      ]);

      // A row filters the whole view: the phones only. The filter is a chip, and in the address.
      await table(page, 'Devices', 'Devices');
      await page.locator('section[data-card="Devices"]').getByRole('button', { name: 'Mobile', exact: true }).click();
      await page.getByText('Filtered by').waitFor();
      expect(new URL(page.url()).searchParams.get('device')).toBe('Mobile');
      await expect.poll(() => figures(page)).toMatchObject({ visitors: '2', visits: '2', pageviews: '3', bounceRate: '50%' });
      expect(await table(page, 'Pages', 'Top pages')).toEqual({ '/pricing': ['2', '2'], '/': ['1', '1'] });
      expect(await table(page, 'Locations', 'Countries')).toEqual({ Germany: ['1', '50%'], 'United States': ['1', '50%'] });
      await check(page, width, 'analytics filtered');
      await shot(page, 'analytics-filtered', width);
      // A second filter narrows further; reloading keeps both; removing the chips brings the totals back.
      await page.locator('section[data-card="Locations"]').getByRole('button', { name: 'Germany', exact: true }).click();
      await expect.poll(() => figures(page)).toMatchObject({ visitors: '1', pageviews: '1', bounceRate: '100%' });
      await page.reload();
      await expect.poll(() => page.locator('.an-chip').count()).toBe(2);
      await expect.poll(() => figures(page)).toMatchObject({ visitors: '1', pageviews: '1' });
      await page.getByRole('button', { name: 'Clear all' }).click();
      await expect.poll(() => figures(page)).toMatchObject({ visitors: '3', pageviews: '5' });
      expect(new URL(page.url()).searchParams.get('device')).toBeNull();

      // The other periods read the same visits.
      for (const [label, visitors] of [
        ['30 days', '3'],
        ['12 months', '3'],
      ] as const) {
        await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: label, exact: true }).click();
        await expect.poll(() => figures(page).then((f) => f.visitors)).toBe(visitors);
      }
      // Today, hour by hour (as the API counts today on the server's clock), and a custom range of days.
      const period = page.getByRole('group', { name: 'Period' });
      await period.getByRole('button', { name: 'Today', exact: true }).click();
      const today = (await api.get(`/api/sites/${site.id}/analytics?period=day`)).json;
      await expect.poll(() => figures(page).then((f) => f.visitors)).toBe(String(today.summary.visitors));
      await expect.poll(() => page.locator('.an-series-table tbody tr').count()).toBe(24);
      await period.getByRole('button', { name: 'Custom', exact: true }).click();
      const custom = page.getByRole('form', { name: 'Custom range' });
      await custom.getByLabel('From').fill(overview.range.from);
      await custom.getByLabel('To').fill(overview.range.to);
      await custom.getByRole('button', { name: 'Apply' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(overview.range.from);
      await expect.poll(() => figures(page)).toMatchObject({ visitors: '3', pageviews: '5' });
      await expect.poll(() => page.locator('.an-series-table tbody tr').count()).toBe(7);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('shares the figures read-only through a link that stops working once revoked', async () => {
    const { context, page, problems } = await loggedIn(1280);
    await page.goto(`${t.baseUrl}/app/sites/${site.id}/analytics?period=7d`);
    await page.getByRole('button', { name: 'Make a public link' }).click();
    const url = await page.getByRole('textbox', { name: 'Public link' }).inputValue();
    expect(url).toMatch(new RegExp(`^http://localhost:${t.port}/app/shared/[\\w-]{32}$`));

    for (const width of [1280, 375]) {
      const anon = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
      const anonProblems = await watchProblems(anon);
      const shared = await anon.newPage();
      await shared.goto(`${url}?period=7d`);
      await shared.getByRole('heading', { name: 'Northwind', level: 1 }).waitFor();
      await expect.poll(() => figures(shared)).toMatchObject({ visitors: '3', visits: '3', pageviews: '5', bounceRate: '33%' });
      expect(await table(shared, 'Pages', 'Top pages')).toEqual({ '/': ['2', '2'], '/pricing': ['2', '2'], '/docs': ['1', '1'] });
      expect(await shared.locator('a.an-export').count()).toBe(0); // aggregates on screen only
      expect(await shared.getByRole('button', { name: 'Make a public link' }).count()).toBe(0);
      await check(shared, width, 'shared analytics');
      await shot(shared, 'analytics-shared', width);
      expect(anonProblems).toEqual([]);
      await anon.close();
    }

    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke link' }).click();
    await page.getByRole('button', { name: 'Make a public link' }).waitFor();
    const anon = await browser.newContext();
    const gone = await anon.newPage();
    await gone.goto(url);
    await gone.getByText('This link does not open any figures', { exact: false }).waitFor();
    await anon.close();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('turns the beacon on for another site in its settings, saved to the draft', async () => {
    const other = (await api.post('/api/sites', { name: 'Quiet', slug: 'quiet-site', template: 'saas', region: 'us-oregon' })).json;
    for (const width of [1280, 375]) {
      const { context, page, problems } = await loggedIn(width);
      await page.goto(`${t.baseUrl}/app/sites/${other.id}/settings#analytics`);
      const section = page.locator('section#analytics');
      const toggle = section.getByRole('switch', { name: 'Measure what only the browser knows' });
      await toggle.waitFor();
      if (width === 1280) {
        expect(await toggle.isChecked()).toBe(false);
        await toggle.check();
        await section.getByRole('button', { name: 'Save analytics setting' }).click();
        await section.getByText('Saved to the draft').waitFor();
        expect((await api.get(`/api/sites/${other.id}`)).json.document.analytics).toEqual({ beacon: true });
      } else expect(await toggle.isChecked()).toBe(true);
      await section.getByText('How to count your own events').click();
      await check(page, width, 'analytics settings');
      await section.screenshot({ path: path.join(SHOTS, `analytics-settings-${width}.png`), style: STILL });
      // Its Analytics tab, with no visits yet, says where the beacon's figures come from.
      await page.goto(`${t.baseUrl}/app/sites/${other.id}/analytics`);
      await page.locator('.an-figure-value').first().waitFor();
      expect(await figures(page)).toMatchObject({ visitors: '0', pageviews: '0' });
      await page.locator('section[data-card="Goals"] .an-card-empty').waitFor();
      await check(page, width, 'analytics without visits');
      await shot(page, 'analytics-empty', width);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  for (const width of [1280, 375]) {
    it(`draws each live site's week of visitors on the sites list at ${width}px`, async () => {
      const { context, page, problems } = await loggedIn(width);
      await page.goto(`${t.baseUrl}/app`);
      const stats = page.locator('.site-card-stats');
      await stats.waitFor();
      expect(await stats.textContent()).toContain('3 visitors in 7 days');
      expect(await stats.locator('svg').getAttribute('aria-label')).toBe('Visitors per day over the last 7 days: 0, 0, 0, 0, 0, 0, 3');
      await check(page, width, 'sites list');
      await shot(page, 'analytics-sites', width);
      await stats.click();
      await page.waitForURL(/\/analytics\?period=7d$/);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
