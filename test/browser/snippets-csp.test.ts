// Custom code on a published page in Chromium, under the CSP the server sends:
// a necessary snippet's inline script and style run (their hashes match what
// the browser computes, CRLF and non-ASCII text included); consent snippets sit
// inert in their templates and nothing leaves for a third party; once a
// category is granted the way the consent runtime does it (the template's
// content copied into place, each script re-created), its inline and external
// scripts run without a single CSP violation, and the other categories still
// do not.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchProblems } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpVerified } from '../helpers/http.js';

const THIRD = 'https://stats.third-party.example';

let t: TestServer;
let browser: Browser;
beforeAll(async () => {
  t = await startTestServer();
  browser = await launchChromium();
  const c = t.client();
  await signUpVerified(c, t.smtp, 'csp-browser@example.com');
  const site = (await c.post('/api/sites', { name: 'Hashes', slug: 'hashes', template: 'saas', region: 'us-oregon' })).json;
  const doc = site.document;
  doc.snippets = [
    {
      id: 'boot',
      name: 'Boot',
      category: 'necessary',
      placement: 'head',
      code: '<script>\r\n  document.documentElement.dataset.boot = "prêt ✓";\r\n</script>\n<style>html { scroll-padding-top: 7px }</style>',
    },
    {
      id: 'stats',
      name: 'Stats',
      category: 'analytics',
      placement: 'body',
      code: `<script src="${THIRD}/s.js"></script>\n<script>window.statsInline = (window.statsInline || 0) + 1;</script>`,
      origins: [THIRD],
    },
  ];
  doc.pages.find((p: { path: string }) => p.path === '/').snippets = [
    {
      id: 'ads',
      name: 'Ads',
      category: 'marketing',
      placement: 'head',
      code: '<script>window.adsRan = true;</script><script src="https://ads.third-party.example/a.js"></script>',
    },
  ];
  expect((await c.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document: doc })).status).toBe(200);
  const r = await c.post(`/api/sites/${site.id}/publish`);
  expect(r.status, r.text).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('custom code under the served CSP', () => {
  it('runs necessary code, keeps consent code inert, and runs a granted category without CSP violations', async () => {
    const context = await browser.newContext();
    const problems = await watchProblems(context);
    const thirdParty: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname.endsWith('localhost')) return route.continue();
      thirdParty.push(url.origin + url.pathname);
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.statsExternal = true;' });
    });
    const page = await context.newPage();
    await page.goto(`http://hashes.localhost:${t.port}/`);
    await page.waitForLoadState('load');

    expect(await page.evaluate(() => document.documentElement.dataset.boot)).toBe('prêt ✓');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollPaddingTop)).toBe('7px');
    expect(await page.evaluate(() => document.querySelectorAll('template[data-atrium-snippet]').length)).toBe(2);
    expect(await page.evaluate(() => [(window as any).statsInline, (window as any).statsExternal, (window as any).adsRan])).toEqual(
      [null, null, null].map(() => undefined),
    );
    expect(thirdParty).toEqual([]);
    expect(problems).toEqual([]);

    // Granting analytics, as the consent runtime does it (src/runtime/consent.js, DOM contract in the issue notes).
    await page.evaluate((category) => {
      for (const tpl of document.querySelectorAll<HTMLTemplateElement>(`template[data-atrium-category="${category}"]`)) {
        const content = tpl.content.cloneNode(true) as DocumentFragment;
        for (const old of content.querySelectorAll('script')) {
          const s = document.createElement('script');
          for (const a of old.attributes) s.setAttribute(a.name, a.value);
          s.text = old.text;
          old.replaceWith(s);
        }
        tpl.before(content);
      }
    }, 'analytics');
    await page.waitForFunction(() => (window as any).statsExternal === true && (window as any).statsInline === 1);
    expect(thirdParty).toEqual([`${THIRD}/s.js`]);
    expect(await page.evaluate(() => (window as any).adsRan)).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });
});
