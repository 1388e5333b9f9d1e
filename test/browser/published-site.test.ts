// Opens a published site at its own hostname in a real browser.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpVerified } from '../helpers/http.js';
import { COOKIES, cookieDeclaration } from '../../src/cookies/registry.js';

let t: TestServer;
let browser: Browser;
beforeAll(async () => {
  t = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('a published site in Chromium', () => {
  it('renders every template at <slug>.localhost with no CSP violations and no cookies', async () => {
    const c = t.client();
    await signUpVerified(c, t.smtp, 'browser@example.com');
    const templates = (await c.get('/api/templates')).json as { id: string }[];
    fs.mkdirSync('test-results', { recursive: true });
    for (const tpl of templates) {
      const slug = `live-${tpl.id}`;
      const site = (await c.post('/api/sites', { name: `Live ${tpl.id}`, slug, template: tpl.id, region: 'us-oregon' })).json;
      expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
      for (const width of [1280, 375]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        const violations: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') violations.push(m.text());
        });
        const res = await page.goto(`http://${slug}.localhost:${t.port}/`);
        expect(res!.status()).toBe(200);
        expect(await page.locator('h1').count()).toBe(1);
        const bg = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
        expect(bg.length).toBeGreaterThan(0); // the stylesheet loaded under the CSP
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(violations).toEqual([]);
        expect(await context.cookies()).toEqual([]);
        await page.screenshot({ path: `test-results/published-${tpl.id}-${width}.png`, fullPage: true });
        await context.close();
      }
    }
  });

  it("loads the theme's self-hosted web fonts under the site's CSP", async () => {
    const c = t.client();
    await c.post('/api/auth/login', { email: 'browser@example.com', password: 'correct horse battery staple' });
    const site = (await c.post('/api/sites', { name: 'Type Foundry', slug: 'type-foundry', template: 'consultancy', region: 'us-oregon' })).json;
    expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const fonts: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.woff2')) fonts.push(`${r.status()} ${r.headers()['content-type']}`);
    });
    await page.goto(`http://type-foundry.localhost:${t.port}/`);
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
    });
    expect(loaded).toEqual(expect.arrayContaining(['Fraunces', 'Source Sans 3']));
    expect(await page.locator('h1').evaluate((h) => getComputedStyle(h).fontFamily)).toMatch(/^"?Fraunces"?,/);
    expect(fonts).toEqual(['200 font/woff2', '200 font/woff2']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sets on a form page only the cookies the registry declares, as declared', async () => {
    const c = t.client();
    await c.post('/api/auth/login', { email: 'browser@example.com', password: 'correct horse battery staple' });
    const site = (await c.post('/api/sites', { name: 'Cookie Jar', slug: 'cookie-jar', template: 'saas', region: 'de-frankfurt' })).json;
    const form = { type: 'form', props: { id: 'jar', fields: [{ name: 'email', type: 'email', label: 'Email', required: true }] } };
    site.document.pages.push({ id: 'signup', path: '/signup', title: 'Sign up', blocks: [form] });
    expect((await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: site.document })).status).toBe(200);
    expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://cookie-jar.localhost:${t.port}/signup`);
    const cookies = await context.cookies(`http://cookie-jar.localhost:${t.port}/_atrium/forms/jar`);
    expect(cookies.map((k) => k.name)).toEqual(['c_r_id_']);
    for (const k of cookies) {
      const d = cookieDeclaration(k.name)!;
      expect(d.scope).toBe('site');
      expect(k.httpOnly).toBe(d.httpOnly);
      expect(k.sameSite.toLowerCase()).toBe(d.sameSite);
      expect(k.expires * 1000 - Date.now()).toBeLessThanOrEqual(COOKIES.c_r_id_.maxAgeSeconds * 1000);
    }
    await context.close();
  });
});
