// The dashboard in Chromium: sign up, confirm the email from the mailbox,
// create a site from a template and find it in the list; log out, reset the
// password and log in again. Every screen is checked with axe-core (no serious
// or critical violations), for CSP violations and horizontal overflow, at a
// desktop and a phone width. Screenshots go to $ATRIUM_SHOTS_DIR
// (default test-results/dashboard).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousA11yViolations, settle, watchProblems } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SHOTS = process.env.ATRIUM_SHOTS_DIR ?? 'test-results/dashboard';
const PASSWORD = 'correct horse battery staple';

let t: TestServer;
let browser: Browser;
beforeAll(async () => {
  t = await startTestServer();
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function check(page: Page, width: number, name: string) {
  await settle(page);
  expect((await seriousA11yViolations(page)).map((v) => `${name}: ${v}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

async function apiAs(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ([method, url, body]) => {
      const s = await (await fetch('/api/session')).json();
      const r = await fetch(url as string, {
        method: method as string,
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
        body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      });
      return { status: r.status, json: r.status === 204 ? null : await r.json() };
    },
    [method, url, body] as const,
  );
}

describe('the dashboard in Chromium', () => {
  for (const width of [1280, 375]) {
    it(`signs up, confirms the email, creates a site and resets the password at ${width}px`, async () => {
      const email = `ada-${width}@example.com`;
      const context = await browser.newContext({ viewport: { width, height: width > 500 ? 860 : 780 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
      const problems = await watchProblems(context);
      const page = await context.newPage();

      // A first visit on this browser opens sign-up, with log-in one click away (and back).
      await page.goto(`${t.baseUrl}/app`);
      await page.waitForURL('**/app/signup');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Create your account');
      await check(page, width, '01-signup-first-visit');
      expect(await page.getByRole('link', { name: 'Log in' }).isVisible()).toBe(true);
      await page.getByRole('link', { name: 'Log in' }).click();
      await page.waitForURL('**/app/login');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Log in to Atrium');
      await check(page, width, '01-login');
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.waitForURL('**/app/signup');

      // Field errors from the API appear next to their fields.
      await page.getByLabel('Name').fill('Ada Lovelace');
      await page.getByLabel('Work email').fill('not-an-email');
      await page.getByLabel('Password', { exact: true }).fill('short');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect
        .poll(() => page.locator('.field-error').allTextContents())
        .toEqual(['Work email must be an email address.', 'Password must be at least 10 characters.']);
      expect(await page.getByLabel('Work email').getAttribute('aria-invalid')).toBe('true');
      await check(page, width, '02-signup-errors');

      await page.getByLabel('Work email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await check(page, width, '03-signup');
      await page.getByRole('button', { name: 'Create account' }).click();

      // The empty sites list, with the banner asking to confirm the email.
      await page.waitForURL(/\/app$/);
      await page.getByRole('heading', { name: 'Create your first site' }).waitFor();
      await page.getByText('Confirm your email to publish.').waitFor();
      await check(page, width, '04-sites-empty');

      // Resend from the banner, then open the link from the mail.
      await page.getByRole('button', { name: 'Resend email' }).click();
      await page.getByText('New link sent.').waitFor();
      const link = await t.smtp.waitFor(email, /(http:\/\/\S+\/app\/verify-email\?token=[A-Za-z0-9_-]+)/);
      await page.goto(link);
      await page.getByRole('heading', { name: 'Your email is confirmed' }).waitFor();
      await check(page, width, '05-verify-email');
      await page.getByRole('link', { name: 'Go to your sites' }).click();
      await page.getByRole('heading', { name: 'Create your first site' }).waitFor();
      expect(await page.getByText('Confirm your email to publish.').count()).toBe(0);

      // New site: the address follows the name until edited; template and region are picked by their labels.
      await page.getByRole('link', { name: 'New site' }).click();
      await page.waitForURL('**/app/sites/new');
      await page.getByLabel('Site name').waitFor();
      await check(page, width, '06-new-site');
      await page.getByLabel('Site name').fill('Café Olé & Co.');
      expect(await page.getByRole('textbox', { name: 'Address', exact: true }).inputValue()).toBe('cafe-ole-co');
      await page.getByLabel('Site name').fill('Acme Analytics');
      expect(await page.getByRole('textbox', { name: 'Address', exact: true }).inputValue()).toBe('acme-analytics');
      await page.getByRole('textbox', { name: 'Address', exact: true }).fill('app');
      await page.locator('label', { hasText: 'Consultancy' }).click();
      expect(await page.getByRole('radio', { name: /Consultancy/ }).isChecked()).toBe(true);
      // The region cannot change later, so none is chosen for the person: the nearest one (by time zone) is only suggested.
      expect(await page.getByRole('radio', { name: /Frankfurt|Toronto|Mumbai|Oregon/, checked: true }).count()).toBe(0);
      expect(await page.locator('.region-option', { hasText: 'Suggested' }).count()).toBe(1);
      expect(await page.getByRole('radio', { name: 'EU (Frankfurt) Suggested' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Create site' }).click();
      await page.locator('.field-error').getByText('Address is reserved.').waitFor();
      await page.locator('.field-error').getByText('Choose a data region for this site. It cannot be changed later.').waitFor();
      await expect.poll(() => page.getByRole('textbox', { name: 'Address', exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
      await check(page, width, '07-new-site-errors');
      await page.getByRole('textbox', { name: 'Address', exact: true }).fill(`acme-${width}`);
      await page.getByRole('button', { name: 'Create site' }).click();
      await page.locator('.field-error').getByText('Choose a data region for this site. It cannot be changed later.').waitFor();
      expect(await page.locator('.field-error').count()).toBe(1);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('region');
      await page.locator('label', { hasText: 'EU (Frankfurt)' }).click();
      expect(await page.locator('.field-error').count()).toBe(0);
      await page.getByRole('button', { name: 'Create site' }).click();

      // A new site opens straight in the editor.
      await page.waitForURL(/\/app\/sites\/[\w-]+\/edit$/);
      await page.frameLocator('#preview-frame').locator('h1').first().waitFor({ timeout: 30_000 });
      await page.goto(`${t.baseUrl}/app`);
      const card = page.locator('.site-card', { hasText: 'Acme Analytics' });
      await card.waitFor();
      expect(await card.locator('.badge').textContent()).toBe('Draft');
      expect(await card.textContent()).toContain('EU (Frankfurt)');

      // Two more sites through the API: one live, one live with unpublished changes.
      const live = (await apiAs(page, 'POST', '/api/sites', { name: 'Pocket Coach', slug: `pocket-${width}`, template: 'app', region: 'us-oregon' })).json;
      // Signed up through the screens: the data processing agreement is accepted once, as its dialog would.
      const dpa = (await apiAs(page, 'GET', '/api/account/dpa')).json;
      expect((await apiAs(page, 'POST', '/api/account/dpa', { version: dpa.current.version })).status).toBe(200);
      expect((await apiAs(page, 'POST', `/api/sites/${live.id}/publish`)).status).toBe(201);
      const changed = (await apiAs(page, 'POST', '/api/sites', { name: 'Loop', slug: `loop-${width}`, template: 'saas', region: 'ca-toronto' })).json;
      expect((await apiAs(page, 'POST', `/api/sites/${changed.id}/publish`)).status).toBe(201);
      const full = (await apiAs(page, 'GET', `/api/sites/${changed.id}`)).json;
      expect((await apiAs(page, 'PUT', `/api/sites/${changed.id}/draft`, { revision: full.revision, document: full.document })).status).toBe(200);
      await page.reload();
      await expect.poll(() => page.locator('.site-card .badge').allTextContents()).toEqual(['Unpublished changes', 'Live', 'Draft']);
      const liveLink = page.locator('.site-card', { hasText: 'Pocket Coach' }).getByRole('link', { name: /live site/ });
      expect(await liveLink.getAttribute('href')).toBe(`http://pocket-${width}.localhost:${t.port}`);
      await expect.poll(() => page.locator('.site-card .thumb:not(.thumb-skeleton)').count()).toBe(3);
      await check(page, width, '08-sites');

      // Log out from the account menu.
      await page.getByRole('button', { name: /Account/ }).click();
      await check(page, width, '09-account-menu');
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL('**/app/login');
      // Someone who signed in on this browser before is greeted with log-in, not sign-up.
      await page.goto(`${t.baseUrl}/app`);
      await page.waitForURL('**/app/login');

      // A wrong password says so; then reset it by mail.
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill('wrong password 123');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('alert').getByText('Email or password is incorrect.').waitFor();
      await check(page, width, '10-login-error');
      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.waitForURL('**/app/forgot-password');
      await check(page, width, '11-forgot-password');
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Send reset link' }).click();
      await page.getByText('Check your inbox').waitFor();
      await check(page, width, '12-forgot-password-sent');
      const reset = await t.smtp.waitFor(email, /(http:\/\/\S+\/app\/reset-password\?token=[A-Za-z0-9_-]+)/);
      await page.goto(reset);
      await page.getByLabel('New password').waitFor();
      await check(page, width, '13-reset-password');
      await page.getByLabel('New password').fill('a brand new passphrase');
      await page.getByRole('button', { name: 'Save password and log in' }).click();
      await page.waitForURL(/\/app$/);
      await page.locator('.site-card', { hasText: 'Acme Analytics' }).waitFor();

      // An unknown dashboard path, and a used verification link.
      await page.goto(`${t.baseUrl}/app/nowhere`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await check(page, width, '14-not-found');
      // Logged in and confirmed, a used link just confirms; logged out, it says what to do.
      await page.goto(link);
      await page.getByRole('heading', { name: 'Your email is confirmed' }).waitFor();
      expect(problems).toEqual([]);
      await context.close();

      const anonymous = await browser.newContext({ viewport: { width, height: 780 } });
      const anonymousProblems = await watchProblems(anonymous);
      const page2 = await anonymous.newPage();
      await page2.goto(link);
      await page2.getByText('This link is invalid, already used or expired; request a new one.').waitFor();
      await page2.getByRole('link', { name: 'Log in' }).waitFor();
      await check(page2, width, '15-verify-email-used');
      expect(anonymousProblems).toEqual([]);
      await anonymous.close();
    });
  }

  it('serves hashed assets with immutable caching, compressed, and index.html for client routes', async () => {
    const c = t.client();
    const index = await c.get('/app/sites/new');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    const js = /src="(\/app\/assets\/[^"]+\.js)"/.exec(index.text)![1]!;
    const asset = await c.get(js, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await c.get('/app/assets/nope.js')).status).toBe(404);
  });

  it('keeps the JavaScript the dashboard loads up front under 150 KB gzip (the editor is a separate chunk)', async () => {
    const c = t.client();
    const index = (await c.get('/app')).text;
    const upfront = [...index.matchAll(/(?:src|href)="(\/app\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    let total = 0;
    for (const url of upfront) {
      const r = await c.get(url, { headers: { 'accept-encoding': 'gzip' } });
      expect(r.headers['content-encoding']).toBe('gzip');
      total += r.body.length;
    }
    expect(upfront.length).toBeGreaterThan(0);
    expect(total).toBeLessThan(150 * 1024);
  });
});
