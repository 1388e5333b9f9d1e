// A subscriber's own choices in Chromium: the sign-up form's unticked product
// news box (its words are the ones stored with the consent), the "Mail &
// privacy choices" card in account settings (news off and on again, every
// consent with its wording, times and how it was withdrawn; the restriction
// switch behind a dialog that says what stops and what keeps running), and
// the unsubscribe page of a product news mail, which unsubscribes only when
// its button is pressed. Checked with axe-core, for CSP violations and
// sideways scrolling at 1280 and 375 px. Screenshots go to
// $ATRIUM_CHOICES_SHOTS (default test-results/account-choices).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_PURPOSES } from '../../src/accounts/consent-purposes.js';
import { launchChromium, seriousA11yViolations, settle, watchProblems } from '../helpers/browser.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SHOTS = process.env.ATRIUM_CHOICES_SHOTS ?? 'test-results/account-choices';
const PASSWORD = 'correct horse battery staple';
const WORDING = CONSENT_PURPOSES.product_news.wording;

let t: TestServer;
let browser: Browser;
let staff: HttpClient;

beforeAll(async () => {
  t = await startTestServer({ ATRIUM_OPERATORS: 'staff@example.com' });
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  staff = t.client();
  await signUpVerified(staff, t.smtp, 'staff@example.com', 'Sam Staff');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Checks the screen; screenshots the whole page, or just `part` of it (a dialog: what is in view). */
async function check(page: Page, width: number, name: string, part?: Locator | 'view') {
  await settle(page);
  expect((await seriousA11yViolations(page)).map((v) => `${name}: ${v}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
  const file = { path: path.join(SHOTS, `${name}-${width}.png`), style: '.toaster { display: none; }' };
  if (part === 'view') return void (await page.screenshot(file));
  // (The sticky top bar would cover part of a section that fills the screen.)
  if (part) return void (await part.screenshot({ ...file, style: `${file.style} .topbar { position: static; }` }));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ ...file, fullPage: true });
}

/** The API as the page's own session sees it. */
async function apiAs(page: Page, url: string) {
  return page.evaluate(async (u) => (await fetch(u)).json(), url);
}

async function open(width: number): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 800 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
  const problems = await watchProblems(context);
  return { context, page: await context.newPage(), problems };
}

/** Signs up in the browser, ticking the product news box or not, and confirms the address. */
async function signUp(page: Page, width: number, email: string, news: boolean) {
  await page.goto(`${t.baseUrl}/app/signup`);
  const box = page.getByRole('checkbox', { name: WORDING });
  expect(await box.isChecked()).toBe(false);
  await page.getByLabel('Name').fill('Nina News');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  if (news) {
    await page.getByText(WORDING).click();
    expect(await box.isChecked()).toBe(true);
    await check(page, width, '01-signup-news');
  }
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/app$/);
  await page.goto(await t.smtp.waitFor(email, /(http:\/\/\S+\/app\/verify-email\?token=[A-Za-z0-9_-]+)/));
  await page.getByRole('heading', { name: 'Your email is confirmed' }).waitFor();
}

describe('a subscriber’s mail and privacy choices', () => {
  for (const width of [1280, 375])
    it(`gives consent at sign-up, withdraws and gives it again, restricts processing, and unsubscribes from a mail (${width} px)`, async () => {
      const email = `nina-${width}@example.com`;
      const { context, page, problems } = await open(width);
      await signUp(page, width, email, true);

      // The consent stored at sign-up carries the very words of the box.
      const given = await apiAs(page, '/api/account/consents');
      expect(given.history).toEqual([expect.objectContaining({ purpose: 'product_news', wording: WORDING, withdrawnAt: null })]);

      await page.goto(`${t.baseUrl}/app/account`);
      const card = page.locator('section', { has: page.getByRole('heading', { name: 'Mail & privacy choices' }) });
      const news = card.getByRole('switch', { name: 'Product news by mail' });
      await news.waitFor();
      expect(await news.isChecked()).toBe(true);
      expect(await card.locator('.choices-entry').count()).toBe(1);
      expect(await card.locator('.choices-wording').first().textContent()).toBe(WORDING);
      expect(await card.locator('.choices-entry').first().textContent()).toMatch(/Given.*Given\w{3} \d+, \d{4}, \d+:\d\d [AP]M/);
      await check(page, width, '02-account');
      await check(page, width, '02-account-choices', card);

      // Off: withdrawn at once, and the history says when and how.
      await news.click();
      await expect.poll(() => news.isChecked()).toBe(false);
      await card.locator('.badge', { hasText: 'Withdrawn' }).waitFor();
      expect(await card.locator('.choices-times').first().textContent()).toContain('in your account settings');
      // On again: a new consent, listed first.
      await news.click();
      await expect.poll(() => card.locator('.choices-entry').count()).toBe(2);
      expect(await card.locator('.badge').allTextContents()).toEqual(['Given', 'Withdrawn']);

      // Restriction: the dialog says what stops and what keeps running; cancelling changes nothing.
      const restrict = card.getByRole('switch', { name: 'Restrict processing of my data' });
      expect(await restrict.isChecked()).toBe(false);
      await restrict.click();
      const dialog = page.getByRole('dialog', { name: 'Restrict processing of your data?' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('What stopsProduct news, even though you asked for it.');
      expect(await dialog.textContent()).toContain('What keeps running');
      expect(await restrict.isChecked()).toBe(false);
      await check(page, width, '03-restrict-dialog', 'view');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await restrict.isChecked()).toBe(false);
      expect((await apiAs(page, '/api/account')).processingRestrictedAt).toBeNull();

      await restrict.click();
      await dialog.getByRole('button', { name: 'Restrict processing' }).click();
      await expect.poll(() => restrict.isChecked()).toBe(true);
      expect((await apiAs(page, '/api/account')).processingRestrictedAt).not.toBeNull();
      await card.getByText(/^On since \w+ \d+, \d{4}\./).waitFor();
      await card.getByText('None is sent while processing of your data is restricted.', { exact: false }).waitFor();
      // Restricted subscribers get no product news, consent or not.
      const before = t.smtp.mails.filter((m) => m.to.includes(email) && /Subject: Atrium news/.test(m.raw)).length;
      expect((await staff.post('/api/operator/product-news', { subject: 'Atrium news', text: 'Sent while restricted.' })).status).toBe(200);
      expect(t.smtp.mails.filter((m) => m.to.includes(email) && /Subject: Atrium news/.test(m.raw)).length).toBe(before);
      await check(page, width, '04-account-restricted', card);

      // Lifted again, product news flows; its mail links to the unsubscribe page.
      await restrict.click();
      await page.getByRole('dialog', { name: 'Lift the restriction?' }).getByRole('button', { name: 'Lift the restriction' }).click();
      await expect.poll(() => restrict.isChecked()).toBe(false);
      await staff.post('/api/operator/product-news', { subject: `News for ${width}`, text: 'Analytics dashboards are here.' });
      const link = await t.smtp.waitFor(email, new RegExp(`Subject: News for ${width}[\\s\\S]*?(http://\\S+/app/unsubscribe\\?token=[A-Za-z0-9._-]+)`));
      await context.close();

      // In another browser, logged out: opening the link asks; only the button unsubscribes.
      const visit = await open(width);
      await visit.page.goto(link);
      await visit.page.getByRole('heading', { name: 'Stop product news?' }).waitFor();
      await check(visit.page, width, '05-unsubscribe');
      expect(await consentActive(email)).toBe(true);
      await visit.page.getByRole('button', { name: 'Unsubscribe' }).click();
      await visit.page.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
      await check(visit.page, width, '06-unsubscribed');
      expect(await consentActive(email)).toBe(false);
      const row = await t.running.ctx.dbs.control
        .selectFrom('subscriber_consents')
        .innerJoin('subscribers', 'subscribers.id', 'subscriber_consents.subscriber_id')
        .select(['withdrawn_via'])
        .where('subscribers.email', '=', email)
        .orderBy('granted_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(row.withdrawn_via).toBe('one-click');

      // A damaged link says so.
      await visit.page.goto(link.replace(/.{4}$/, 'abcd'));
      await visit.page.getByRole('button', { name: 'Unsubscribe' }).click();
      await visit.page.getByText('This unsubscribe link is not valid.').waitFor();
      expect([...problems, ...visit.problems]).toEqual([]);
      await visit.context.close();
    });

  it('leaves the box unticked unless ticked: no consent is stored', async () => {
    const { context, page } = await open(1280);
    await signUp(page, 1280, 'quiet-reader@example.com', false);
    expect((await apiAs(page, '/api/account/consents')).history).toEqual([]);
    await page.goto(`${t.baseUrl}/app/account`);
    await page.getByText('You have not given any consent.', { exact: false }).waitFor();
    expect(await page.getByRole('switch', { name: 'Product news by mail' }).isChecked()).toBe(false);
    await context.close();
  });
});

async function consentActive(email: string): Promise<boolean> {
  const row = await t.running.ctx.dbs.control
    .selectFrom('subscriber_consents')
    .innerJoin('subscribers', 'subscribers.id', 'subscriber_consents.subscriber_id')
    .select('subscriber_consents.id')
    .where('subscribers.email', '=', email)
    .where('subscriber_consents.withdrawn_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
