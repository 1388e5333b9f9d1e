// Site settings → Search engines and Redirects: the organisation behind the
// site lands in the draft (and so in the home page's JSON-LD at the next
// publish); redirects are listed, added, refused with the field named when they
// would hide a page, and removed. Checked with axe-core and without sideways
// scrolling at 1280 and 360 px.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousA11yViolations, settle } from '../helpers/browser.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let t: TestServer;
let browser: Browser;
let api: HttpClient;

beforeAll(async () => {
  t = await startTestServer();
  browser = await launchChromium();
  api = t.client();
  await signUpVerified(api, t.smtp, 'seo@example.com');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('search engine settings and redirects', () => {
  it('saves the organisation and manages redirects', async () => {
    const site = (await api.post('/api/sites', { name: 'Findable', slug: 'findable', template: 'saas', region: 'us-oregon' })).json;
    for (const width of [1280, 360]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      await context.addCookies([{ name: 'atrium_session', value: api.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/' }]);
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/app/sites/${site.id}/settings#search-engines`);
      const seo = page.locator('#search-engines');
      await seo.getByLabel('Organisation name').waitFor();
      const redirects = page.locator('#redirects');
      if (width === 1280) {
        await seo.getByLabel('Organisation name').fill('Findable Labs');
        await seo.getByLabel('Profiles elsewhere').fill('https://bsky.app/profile/findable\nnot-a-link');
        await seo.getByRole('button', { name: 'Save' }).click();
        await seo.getByText('not-a-link: must be an http(s) address').waitFor();
        await seo.getByLabel('Profiles elsewhere').fill('https://bsky.app/profile/findable');
        await seo.getByRole('button', { name: 'Save' }).click();
        await page.getByText('Search engines see it once you publish').waitFor();
        expect((await api.get(`/api/sites/${site.id}`)).json.document.organization).toEqual({
          name: 'Findable Labs',
          sameAs: ['https://bsky.app/profile/findable'],
        });

        await redirects.getByText('No redirects yet.').waitFor();
        await redirects.getByLabel('Old path').fill('about');
        await redirects.getByLabel('Leads to').fill('/pricing');
        await redirects.getByRole('button', { name: 'Add redirect' }).click();
        await redirects.getByText('a page lives at /about').waitFor();
        await redirects.getByLabel('Old path').fill('/old-pricing');
        await redirects.getByRole('button', { name: 'Add redirect' }).click();
        await redirects.getByRole('listitem').filter({ hasText: '/old-pricing' }).waitFor();
        await redirects.getByLabel('Old path').fill('/blog');
        await redirects.getByLabel('Leads to').fill('https://blog.findable.example/');
        await redirects.getByRole('button', { name: 'Add redirect' }).click();
        await redirects.getByRole('listitem').filter({ hasText: '/blog' }).waitFor();
      } else {
        await redirects.getByRole('button', { name: 'Remove the redirect from /blog' }).click();
        await page.getByText('/blog stops redirecting').waitFor();
        expect((await api.get(`/api/sites/${site.id}`)).json.document.redirects).toEqual([{ from: '/old-pricing', to: '/pricing' }]);
      }
      await settle(page);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      await seo.screenshot({ path: `test-results/seo-settings-${width}.png` });
      await redirects.screenshot({ path: `test-results/redirects-${width}.png` });
      await context.close();
    }
  });
});
