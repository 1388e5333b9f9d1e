// Protected sites and pages in Chromium, against a real Atrium: the owner sets
// a site password in site settings and a page password in the editor; a
// visitor (JavaScript off) meets the themed password page, gets in with the
// right password and sees exactly the u_sp cookie the registry declares; a
// password change signs out a visitor holding the old cookie; and no file of
// the release with protected content answers without the cookie, by any URL
// variant. The password page is checked with axe-core and screenshotted at
// 1280 and 375 px in English and French, as are the two dashboard screens.
// Screenshots go to $ATRIUM_PROTECT_SHOTS (default test-results/protected).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COOKIES } from '../../src/cookies/registry.js';
import { launchChromium, seriousA11yViolations, settle, watchProblems } from '../helpers/browser.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { MEMBERS_TEXT, publishProtectedSite, VIP_TEXT, type ProtectedSite } from '../helpers/protected-site.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SHOTS = process.env.ATRIUM_PROTECT_SHOTS ?? 'test-results/protected';

let t: TestServer;
let browser: Browser;
let owner: HttpClient;
let site: ProtectedSite;

beforeAll(async () => {
  t = await startTestServer();
  browser = await launchChromium();
  owner = t.client();
  await signUpVerified(owner, t.smtp, 'owner@example.com');
  site = await publishProtectedSite(owner, 'northwind');
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const siteUrl = (s: ProtectedSite, p = '/') => `http://${s.host}:${t.port}${p}`;

/** A visitor; `js: false` turns JavaScript off (the password page must not need it; axe and screenshots do). */
async function visitor(width = 1280, js = true): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 860 }, javaScriptEnabled: js, locale: 'en-US' });
  const problems = await watchProblems(context, /403|400/);
  return { context, page: await context.newPage(), problems };
}

async function dashboard(width = 1280): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
  await context.addCookies([
    { name: 'atrium_session', value: owner.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  const problems = await watchProblems(context);
  return { context, page: await context.newPage(), problems };
}

async function look(page: Page, width: number, name: string, part?: string | Locator) {
  await settle(page);
  expect(await seriousA11yViolations(page), name).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  if (part)
    await (typeof part === 'string' ? page.locator(part) : part).screenshot({
      path: path.join(SHOTS, `${name}-${width}.png`),
      style: '.toaster { display: none; }',
    });
  else await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

/** The u_sp cookie in the browser, checked against its registry entry. */
async function expectDeclaredGrant(context: BrowserContext, s: ProtectedSite) {
  const cookies = await context.cookies(siteUrl(s));
  expect(cookies.map((c) => c.name)).toEqual(['u_sp']);
  const c = cookies[0]!;
  const d = COOKIES.u_sp;
  expect(d.scope).toBe('site');
  expect(c.domain).toBe(s.host); // host-only: this site, not its neighbours
  expect(c.path).toBe('/');
  expect(c.httpOnly).toBe(d.httpOnly);
  expect(c.sameSite.toLowerCase()).toBe(d.sameSite);
  const lifetime = c.expires - Date.now() / 1000;
  expect(lifetime).toBeGreaterThan(d.maxAgeSeconds - 120);
  expect(lifetime).toBeLessThanOrEqual(d.maxAgeSeconds + 1);
}

describe('protected sites and pages in Chromium', () => {
  it('site password: set in site settings, asked on every page (without JavaScript), then the site opens', { timeout: 180_000 }, async () => {
    for (const width of [1280, 375]) {
      const { context, page, problems } = await dashboard(width);
      await page.goto(`${t.baseUrl}/app/sites/${site.id}/settings`);
      const section = page.locator('#protection');
      if (width === 1280) {
        await section.getByText('Anyone can visit this site').waitFor();
        await section.getByLabel('Site password').fill('abc');
        await section.getByRole('button', { name: 'Protect the site' }).click();
        await expect.poll(() => section.locator('.field-error').textContent()).toContain('must be at least 6 characters');
        await section.getByLabel('Site password').fill('harbour lights');
        await section.getByRole('button', { name: 'Protect the site' }).click();
        await section.getByText('Visitors need a password').waitFor();
      } else {
        await section.getByText('Visitors need a password').waitFor();
      }
      await section.scrollIntoViewIfNeeded();
      await look(page, width, 'settings-protection', '#protection');
      expect(problems).toEqual([]);
      await context.close();
    }

    for (const width of [1280, 375]) {
      const { context, page, problems } = await visitor(width);
      const res = await page.goto(siteUrl(site, '/'));
      expect(res!.status()).toBe(403);
      expect(res!.headers()['x-robots-tag']).toBe('noindex');
      expect(await page.locator('h1').textContent()).toBe('This site is protected');
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
      expect(await page.title()).toBe('This site is protected · Northwind Studio');
      expect(await page.content()).not.toContain(MEMBERS_TEXT);
      await look(page, width, 'password-page-en');
      await page.getByLabel('Password').fill('not it');
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(await page.getByRole('alert').textContent()).toBe('That password is not right. Check it and try again.');
      expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
      await look(page, width, 'password-page-wrong-en');
      expect(problems).toEqual([]);
      await context.close();
    }

    // The whole way in with JavaScript off.
    const { context, page, problems } = await visitor(1280, false);
    await page.goto(siteUrl(site, '/pricing'));
    await page.getByLabel('Password').fill('not it');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('That password is not right. Check it and try again.');
    await page.getByLabel('Password').fill('harbour lights');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(siteUrl(site, '/pricing'));
    expect(await page.locator('.pw-card').count()).toBe(0);
    expect(await page.locator('h1').count()).toBe(1);
    await expectDeclaredGrant(context, site);
    // The site password opens every page without one of its own.
    await page.goto(siteUrl(site, '/vip'));
    expect(await page.content()).toContain(VIP_TEXT);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('page password: set in the editor, asks only for itself; the site password does not open it', { timeout: 120_000 }, async () => {
    for (const width of [1280, 375]) {
      const { context, page, problems } = await dashboard(width);
      await page.goto(`${t.baseUrl}/app/sites/${site.id}/edit`);
      await page.frameLocator('#preview-frame').locator('h1').first().waitFor();
      await page.locator('#ed-page-select').selectOption({ label: 'Members — /members' });
      const section = page.locator('section.ed-section', { has: page.getByRole('heading', { name: 'Password', exact: true }) });
      if (width === 1280) {
        await section.getByText('Visitors need the site password.').waitFor();
        await section.getByLabel('Page password').fill('members only');
        await section.getByRole('button', { name: 'Set password' }).click();
        await section.getByText('This page now asks for its password.').waitFor();
      }
      if (width === 375) {
        // On phones the page settings sit behind the fields drawer: only the 1280 screenshot shows them.
        await context.close();
        continue;
      }
      await section.getByText('Visitors need this page’s password').waitFor();
      await section.scrollIntoViewIfNeeded();
      await look(page, width, 'editor-page-password', section);
      expect(problems).toEqual([]);
      await context.close();
    }

    // Site settings list the pages with their own password.
    {
      const { context, page, problems } = await dashboard(1280);
      await page.goto(`${t.baseUrl}/app/sites/${site.id}/settings`);
      const section = page.locator('#protection');
      await section.getByText('Pages with their own password').waitFor();
      expect(await section.locator('.protection-pages li').allTextContents()).toEqual(['Members /members']);
      await section.scrollIntoViewIfNeeded();
      await look(page, 1280, 'settings-protection-pages', '#protection');
      expect(problems).toEqual([]);
      await context.close();
    }

    const { context, page, problems } = await visitor(1280, false);
    await page.goto(siteUrl(site, '/'));
    await page.getByLabel('Password').fill('harbour lights');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(siteUrl(site, '/'));
    const members = await page.goto(siteUrl(site, '/members'));
    expect(members!.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('This page is protected');
    expect(await page.content()).not.toContain(MEMBERS_TEXT);
    await page.getByLabel('Password').fill('harbour lights');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('not right');
    await page.getByLabel('Password').fill('members only');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(siteUrl(site, '/members'));
    expect(await page.content()).toContain(MEMBERS_TEXT);
    // Its image (used only here) loads for this visitor.
    const img = page.locator('img[alt="The members’ room"]');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    await expectDeclaredGrant(context, site);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a password change signs out a visitor holding the old cookie at their next request, without a publish', async () => {
    const { context, page, problems } = await visitor();
    await page.goto(siteUrl(site, '/'));
    await page.getByLabel('Password').fill('harbour lights');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(siteUrl(site, '/'));
    expect((await page.reload())!.status()).toBe(200);
    const releases = (await owner.get(`/api/sites/${site.id}/releases`)).json.releases.length;
    expect((await owner.put(`/api/sites/${site.id}/password`, { password: 'new harbour lights' })).status).toBe(200);
    const again = await page.reload();
    expect(again!.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('This site is protected');
    // The old cookie is still in the browser; it just proves an old password.
    expect((await context.cookies(siteUrl(site))).map((c) => c.name)).toEqual(['u_sp']);
    await page.getByLabel('Password').fill('new harbour lights');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(siteUrl(site, '/'));
    expect((await owner.get(`/api/sites/${site.id}/releases`)).json.releases.length).toBe(releases);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('serves no protected byte to a visitor without the cookie, whatever the URL', async () => {
    // Only the pages protected: the rest of the site public, so the public files really answer.
    await owner.delete(`/api/sites/${site.id}/password`);
    await owner.put(`/api/sites/${site.id}/pages/vip/password`, { password: 'velvet rope' });
    const live = await t.running.ctx.dbs.control
      .selectFrom('sites')
      .innerJoin('releases', 'releases.id', 'sites.live_release_id')
      .select('releases.manifest')
      .where('sites.id', '=', site.id)
      .executeTakeFirstOrThrow();
    const files = Object.entries(JSON.parse(live.manifest).files as Record<string, { hash: string }>).filter(([p]) => p !== ':404');
    const protectedPaths = new Set(['/members', '/vip', ...site.membersImages, ...site.vipImages, '/_atrium/forms/members-form/thanks']);
    expect(files.map(([p]) => p)).toEqual(expect.arrayContaining([...protectedPaths]));
    const secretBodies = await Promise.all([...protectedPaths].map((p) => t.running.ctx.releases.get(files.find(([f]) => f === p)![1].hash)));

    // Every request from a page of the site, as a browser without the cookie makes it (no redirects followed).
    // The harness's own fetches, not the site's scripts: the site's CSP (no connect-src) is bypassed for them.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(siteUrl(site, '/robots.txt'));
    const fetchAll = (list: { url: string; method: string }[]) =>
      page.evaluate(
        (reqs) =>
          Promise.all(
            reqs.map(async ({ url, method }) => {
              const r = await fetch(url, { method, redirect: 'manual', credentials: 'include' });
              const bytes = new Uint8Array(await r.arrayBuffer());
              let s = '';
              for (const b of bytes) s += String.fromCharCode(b);
              return { url, method, status: r.status, body: btoa(s) };
            }),
          ),
        list,
      );
    const requests = files.flatMap(([p]) =>
      [p, `${p}?x=1`, p === '/' ? '/?' : `${p}/`, p.toUpperCase(), p.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`)].flatMap((v) =>
        ['GET', 'HEAD'].map((method) => ({ url: v, method, file: p })),
      ),
    );
    const answers = await fetchAll(requests.map(({ url, method }) => ({ url, method })));
    expect(answers.length).toBe(files.length * 10);
    answers.forEach((a, i) => {
      const body = Buffer.from(a.body, 'base64');
      const what = `${a.method} ${a.url} (${a.status})`;
      expect(body.includes(MEMBERS_TEXT) || body.includes(VIP_TEXT), what).toBe(false);
      for (const secret of secretBodies) expect(body.includes(secret.identity.subarray(0, 200)), what).toBe(false);
      const file = requests[i]!.file;
      if (protectedPaths.has(file) && (a.url === file || a.url === `${file}?x=1`)) expect(a.status, what).toBe(403);
    });
    // The public files really answered (the sweep is not passing because everything failed).
    expect(answers.filter((a) => a.status === 200 && a.method === 'GET').length).toBeGreaterThan(10);
    // Nor does the sitemap name them, or the form take messages for them.
    const [sitemap] = await fetchAll([{ url: '/sitemap.xml', method: 'GET' }]);
    const xml = Buffer.from(sitemap!.body, 'base64').toString();
    expect(xml).not.toContain('/members');
    expect(xml).not.toContain('/vip');
    expect(xml).toContain('<loc>');
    const post = await page.evaluate(async () => {
      const r = await fetch('/_atrium/forms/members-form', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ message: 'let me in' }),
      });
      return { status: r.status, text: await r.text() };
    });
    expect(post.status).toBe(403);
    expect(post.text).not.toContain(MEMBERS_TEXT);
    await context.close();
  });

  it('shows the password page in the site’s language (French)', { timeout: 120_000 }, async () => {
    const fr = await publishProtectedSite(owner, 'atelier-nord', { name: 'Atelier Nord', language: 'fr' });
    await owner.put(`/api/sites/${fr.id}/password`, { password: 'phare du nord' });
    for (const width of [1280, 375]) {
      const { context, page, problems } = await visitor(width);
      await page.goto(siteUrl(fr, '/'));
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.locator('h1').textContent()).toBe('Ce site est protégé');
      expect(await page.locator('.pw-intro').textContent()).toBe('Saisissez le mot de passe pour accéder à Atelier Nord.');
      await look(page, width, 'password-page-fr');
      if (width === 375) {
        await page.getByLabel('Mot de passe').fill('mauvais');
        await page.getByRole('button', { name: 'Continuer' }).click();
        expect(await page.getByRole('alert').textContent()).toBe('Ce mot de passe n’est pas le bon. Vérifiez-le et réessayez.');
        await look(page, width, 'password-page-wrong-fr');
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});
