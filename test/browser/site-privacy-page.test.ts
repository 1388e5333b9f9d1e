// A site visitor's privacy request in Chromium with JavaScript off: from the
// footer link to the request page, told what to fix by a focused error summary
// whose links lead to the fields, the request filed with a plain form post,
// the confirmation link read from the test SMTP server, confirmed by the
// button on its page (opening the link alone confirms nothing), and the due
// date shown in words. Every page, in English and French, is checked with
// axe-core, for CSP violations and sideways scrolling at 1280 and 360 px.
// Screenshots go to $ATRIUM_PRIVACY_SHOTS (default test-results/site-privacy).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousA11yViolations, settle, watchProblems } from '../helpers/browser.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SHOTS = process.env.ATRIUM_PRIVACY_SHOTS ?? 'test-results/site-privacy';

let t: TestServer;
let browser: Browser;
let owner: HttpClient;
const SITES = { en: 'north-rights', fr: 'nord-droits' } as const;
const siteUrl = (lang: keyof typeof SITES, p: string) => `http://${SITES[lang]}.localhost:${t.port}${p}`;
const regionRows = () => t.running.ctx.dbs.regions['de-frankfurt'].selectFrom('privacy_requests').selectAll().execute();

async function publish(name: string, slug: string, lang: string) {
  const site = (await owner.post('/api/sites', { name, slug, template: 'saas', region: 'de-frankfurt', defaultLanguage: lang })).json;
  site.document.consent = { mode: 'categories', gpcRefusesAnalytics: false, wording: {} };
  site.document.snippets = [
    {
      id: 'stats',
      name: 'Stats',
      placement: 'head',
      category: 'analytics',
      code: '<script src="https://stats.example.com/t.js"></script>',
      origins: [],
      cookies: [],
    },
  ];
  expect((await owner.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document: site.document })).status).toBe(200);
  expect((await owner.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
}

beforeAll(async () => {
  t = await startTestServer({ ATRIUM_PRIVACY_REQUEST_LIMIT_PER_IP: '100' });
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  owner = t.client();
  await signUpVerified(owner, t.smtp, 'north@example.com', 'Nora North');
  await publish('North Analytics', SITES.en, 'en');
  await publish('Nord Conseil', SITES.fr, 'fr');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** The confirmation link mailed to `email` on this site. */
const mailedLink = (lang: keyof typeof SITES, email: string) =>
  t.smtp.waitFor(email, new RegExp(`(http://${SITES[lang]}\\.localhost:\\d+/_atrium/privacy/confirm\\?token=[A-Za-z0-9_-]+)`));

async function submit(page: Page) {
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

describe('a visitor without JavaScript', () => {
  it('finds the page from the footer, fixes what the summary names, files a request and confirms it from the mailed link', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(siteUrl('en', '/'));
    await Promise.all([page.waitForURL(siteUrl('en', '/_atrium/privacy')), page.getByRole('link', { name: 'Privacy requests' }).click()]);
    expect(await page.textContent('h1')).toBe('Ask about your personal data');
    expect(await page.locator('script').count()).toBe(0);

    // Sent empty: the summary is focused on arrival and its links lead to the fields.
    await submit(page);
    expect(await page.title()).toBe('Error: Ask about your personal data · North Analytics');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('pr-summary');
    const summary = page.locator('.pr-summary li a');
    expect(await summary.allTextContents()).toEqual([
      'Choose what you would like to ask.',
      'Enter your email address, like name@example.com.',
      'Choose the country where you live.',
      'Say what your request is about.',
    ]);
    await summary.nth(2).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pr-country');
    expect(await page.getAttribute('#pr-country', 'aria-invalid')).toBe('true');

    // Filled in properly: a click anywhere on a request type's row chooses it.
    await page.locator('li.pr-type', { hasText: 'The site keeps your data but stops using it' }).click();
    expect(await page.isChecked('#pr-type-restriction')).toBe(true);
    await page.fill('#pr-email', 'ines@example.com');
    await page.fill('#pr-name', 'Inès Visitor');
    await page.selectOption('#pr-country', 'US');
    await page.selectOption('#pr-subdivision', 'CA');
    await page.fill('#pr-details', 'Please stop using my newsletter sign-up while I check it.');
    await submit(page);
    expect(await page.textContent('h1')).toBe('Check your email');
    expect(await page.textContent('[role=status]')).toBe('We sent a link to ines@example.com. Open it to confirm your request to North Analytics.');
    expect((await regionRows()).find((r) => r.email === 'ines@example.com')).toMatchObject({ status: 'unverified', regime: 'california' });

    // The mailed link's page asks; only its button confirms.
    const link = await mailedLink('en', 'ines@example.com');
    await page.goto(link);
    expect(await page.textContent('h1')).toBe('Confirm your request');
    expect(await page.textContent('.cta-body')).toBe('You are asking North Analytics for the following: Pause the use of my data.');
    expect((await regionRows()).find((r) => r.email === 'ines@example.com')!.status).toBe('unverified');
    await submit(page);
    expect(await page.textContent('h1')).toBe('Your request is confirmed');
    const row = (await regionRows()).find((r) => r.email === 'ines@example.com')!;
    expect(row.status).toBe('open');
    const words = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(row.due_at!));
    expect(await page.textContent('[role=status]')).toBe(`North Analytics has received your request and must answer by ${words}.`);
    // The owner hears of it.
    await t.smtp.waitFor('north@example.com', /Subject: Privacy request from a visitor of North Analytics: restriction/);

    // Opened again: the link is spent, and says so.
    expect((await page.goto(link))?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('This link does not work');
    await context.close();
  });

  it('reaches the page from the cookie settings page too', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(siteUrl('fr', '/_atrium/cookies'));
    await Promise.all([
      page.waitForURL(siteUrl('fr', '/_atrium/privacy')),
      page.locator('main').getByRole('link', { name: 'Vos droits sur vos données' }).click(),
    ]);
    expect(await page.textContent('h1')).toBe('Une demande sur vos données personnelles');
    await context.close();
  });
});

describe('the pages, accessible and fitting the screen', () => {
  // The pages run no script, so they look the same with JavaScript on; on is what axe and the checks need.
  for (const width of [1280, 360])
    for (const lang of ['en', 'fr'] as const)
      it(`${lang} at ${width} px`, async () => {
        const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 780 } });
        const problems = await watchProblems(context, /4\d\d/);
        const page = await context.newPage();
        const shot = async (name: string) => {
          await settle(page);
          expect((await seriousA11yViolations(page)).map((v) => `${name}: ${v}`)).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: path.join(SHOTS, `${name}-${lang}-${width}.png`), fullPage: true });
        };
        await page.goto(siteUrl(lang, '/_atrium/privacy'));
        await shot('form');
        await page.click('label[for=pr-type-erasure]');
        await page.fill('#pr-email', 'not an address');
        await submit(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot('errors');
        const email = `shots-${lang}-${width}@example.com`;
        await page.fill('#pr-email', email);
        await page.selectOption('#pr-country', 'FR');
        await page.fill('#pr-details', lang === 'fr' ? 'Merci d’effacer mes messages.' : 'Please erase the messages I sent.');
        await submit(page);
        await shot('sent');
        await page.goto(await mailedLink(lang, email));
        await shot('confirm');
        await submit(page);
        await shot('confirmed');
        expect(problems).toEqual([]);
        await context.close();
      });
});
