// Consent in Chromium: a visitor with JavaScript off uses the site's cookie
// settings page (plain form, saved with a redirect, the cookies the table
// declares and nothing else), and the owner reads the Consent screen
// (rates per category, GPC share, the chain check, a record lookup, exports),
// also after a record was altered in the database. Every screen is checked
// with axe-core, for CSP violations and sideways scrolling, at 1280 and 360 px.
// Screenshots go to $ATRIUM_CONSENT_SHOTS (default test-results/consent).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousA11yViolations, settle, watchProblems } from '../helpers/browser.js';
import { HttpClient, signUpVerified } from '../helpers/http.js';
import { liveVersion, publishConsentSite } from '../helpers/consent-site.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SHOTS = process.env.ATRIUM_CONSENT_SHOTS ?? 'test-results/consent';
const YEAR = 365 * 24 * 3600;

let t: TestServer;
let browser: Browser;
let owner: HttpClient;
let site: { id: string; slug: string };
const host = 'cookie-shop.localhost';
const siteUrl = (p: string) => `http://${host}:${t.port}${p}`;

beforeAll(async () => {
  t = await startTestServer({ ATRIUM_CONSENT_LIMIT_PER_IP: '1000' });
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  owner = t.client();
  await signUpVerified(owner, t.smtp, 'shop@example.com', 'Ada Lovelace');
  site = await publishConsentSite(owner, { name: 'Cookie Shop', slug: 'cookie-shop', region: 'de-frankfurt' });
  // Visitors' choices: 40 answers, some of them with Global Privacy Control.
  const version = await liveVersion(owner, host);
  const visitor = new HttpClient(t.port);
  for (let i = 0; i < 40; i++) {
    const r = await visitor.request('POST', '/_atrium/consent', undefined, {
      host,
      raw: JSON.stringify({
        version,
        choices: { functional: false, analytics: i % 4 !== 0, marketing: i % 3 === 0, providers: i % 5 === 0 ? ['youtube'] : [] },
      }),
      headers: { 'content-type': 'application/json', ...(i % 8 === 0 ? { 'sec-gpc': '1' } : {}) },
    });
    expect(r.status, r.text).toBe(200);
  }
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function check(page: Page, width: number, name: string, site = false) {
  await settle(page);
  expect((await seriousA11yViolations(page)).map((v) => `${name}: ${v}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  // (A published site's strict CSP refuses the style element playwright would add to hide toasts.)
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true, ...(site ? {} : { style: '.toaster { display: none; }' }) });
}

async function loggedIn(width: number): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height: width > 500 ? 900 : 780 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    acceptDownloads: true,
  });
  await context.addCookies([
    { name: 'atrium_session', value: owner.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  const problems = await watchProblems(context);
  return { context, page: await context.newPage(), problems };
}

describe('the cookie settings page without JavaScript', () => {
  it('saves the visitor’s choice with a plain form and sets only the declared cookies', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    expect((await page.goto(siteUrl('/_atrium/cookies')))?.status()).toBe(200);
    expect(await page.textContent('h1')).toBe('Cookie settings');
    expect(await context.cookies()).toEqual([]);
    await page.check('#prefs-analytics');
    await Promise.all([page.waitForURL(siteUrl('/_atrium/cookies?saved=1')), page.click('button[type=submit]')]);
    expect(await page.textContent('.prefs-note-ok')).toBe('Your choices were saved.');
    expect(await page.isChecked('#prefs-analytics')).toBe(true);
    expect(await page.isChecked('#prefs-marketing')).toBe(false);
    const cookies = await context.cookies();
    expect(cookies.map((c) => c.name).sort()).toEqual(['c_id', 'cookie_consent']);
    // Declared durations: one year each (within the minute the test takes).
    for (const c of cookies) expect(Math.abs(c.expires - (Date.now() / 1000 + YEAR))).toBeLessThan(120);
    expect(cookies.find((c) => c.name === 'cookie_consent')).toMatchObject({ value: '1.f0a1m0', httpOnly: false, sameSite: 'Lax' });
    const id = cookies.find((c) => c.name === 'c_id')!;
    expect(id.httpOnly).toBe(true);
    expect(await page.textContent('.prefs-record code')).toBe(id.value);
    // The record behind it, as the site owner reads it.
    const record = await owner.get(`/api/sites/${site.id}/consent/records/${id.value}`);
    expect(record.status, record.text).toBe(200);
    expect(record.json).toMatchObject({ choices: { functional: false, analytics: true, marketing: false, providers: [] }, gpc: false, replaces: null });
    // Changing one's mind on the same page: a new record that names the one it replaces.
    await page.uncheck('#prefs-analytics');
    await Promise.all([page.waitForURL(siteUrl('/_atrium/cookies?saved=1')), page.click('button[type=submit]')]);
    const next = (await context.cookies()).find((c) => c.name === 'c_id')!.value;
    expect(next).not.toBe(id.value);
    expect((await context.cookies()).find((c) => c.name === 'cookie_consent')?.value).toBe('1.f0a0m0');
    expect((await owner.get(`/api/sites/${site.id}/consent/records/${next}`)).json).toMatchObject({ choices: { analytics: false }, replaces: id.value });
    await context.close();
  });

  // The page runs no script, so it looks the same with JavaScript on; on is what axe and the checks need.
  for (const width of [1280, 360])
    it(`is accessible and fits the screen (${width} px)`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const problems = await watchProblems(context);
      const page = await context.newPage();
      await page.goto(siteUrl('/_atrium/cookies'));
      await check(page, width, '10-cookie-settings', true);
      await page.check('#prefs-analytics');
      await Promise.all([page.waitForURL(siteUrl('/_atrium/cookies?saved=1')), page.click('button[type=submit]')]);
      await check(page, width, '11-cookie-settings-saved', true);
      expect(problems).toEqual([]);
      await context.close();
    });
});

describe('the Consent screen', () => {
  for (const width of [1280, 360])
    it(`shows rates per category, the GPC share, the chain check, a record and exports (${width} px)`, async () => {
      const { context, page, problems } = await loggedIn(width);
      await page.goto(`${t.baseUrl}/app/sites/${site.id}/consent`);
      await page.getByRole('heading', { name: 'Records intact' }).waitFor();
      await page.locator('.consent-bars').waitFor();
      const nav = page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Consent' });
      expect(await nav.getAttribute('aria-current')).toBe('page');
      const rows = await page.locator('.consent-bar-row').allTextContents();
      expect(rows[0]).toContain('Not offered in this period'); // functional: nothing on the site
      expect(rows[1]).toMatch(/Analytics\d+% accepted · \d+% refused \(\d+ of \d+\)/);
      expect(await page.locator('.consent-figure').first().textContent()).toMatch(/Choices recorded\d+/);
      await check(page, width, `20-consent`);

      // A record by the id a visitor reads on the cookie settings page.
      const first = (await owner.get(`/api/sites/${site.id}/consent/export?format=json`)).json.records[0];
      await page.getByLabel('Record id').fill(first.id);
      await page.getByRole('button', { name: 'Look up' }).click();
      await page.locator('.consent-record').waitFor();
      expect(await page.locator('.consent-record').textContent()).toContain('No. 1 in the chain');
      await check(page, width, `21-consent-record`);
      await page.getByLabel('Record id').fill('cr_nothing');
      await page.getByRole('button', { name: 'Look up' }).click();
      await page.getByText('No record of this site has this id').waitFor();

      // Export: a CSV download with the banner texts.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Export CSV/ }).click()]);
      const csv = fs.readFileSync((await download.path())!, 'utf8');
      expect(csv.split('\n')[0]).toContain('banner_text');
      expect(problems).toEqual([]);
      await context.close();
    });

  it('says so when a stored record was altered', async () => {
    const db = t.running.ctx.dbs.regions['de-frankfurt'];
    await db
      .updateTable('consent_records')
      .set((eb) => ({ marketing: eb(eb.val(1), '-', eb.ref('marketing')) }))
      .where('seq', '=', 7)
      .where('site_id', '=', site.id)
      .execute();
    const { context, page, problems } = await loggedIn(1280);
    await page.goto(`${t.baseUrl}/app/sites/${site.id}/consent`);
    await page.getByRole('heading', { name: 'The records were altered' }).waitFor();
    expect(await page.locator('.consent-chain').textContent()).toMatch(/Record 7 was changed after it was stored\. \d+ records checked/);
    await check(page, 1280, '22-consent-altered');
    expect(problems).toEqual([]);
    await context.close();
  });
});
