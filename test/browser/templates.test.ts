// Creates a site from every template through the dashboard's "new site" screen.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpVerified } from '../helpers/http.js';

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

describe('new site from each template', () => {
  it('creates one site per template in the browser, each opening in the editor', async () => {
    const c = t.client();
    await signUpVerified(c, t.smtp, 'templates@example.com');
    const templates = (await c.get('/api/templates')).json as { id: string; name: string }[];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name, value] = c.cookie!.split('=');
    await context.addCookies([{ name: name!, value: value!, domain: 'localhost', path: '/' }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    for (const tpl of templates) {
      await page.goto(`${t.baseUrl}/app/sites/new`);
      await page.getByLabel('Site name').fill(`From ${tpl.name}`);
      await page.getByRole('textbox', { name: 'Address', exact: true }).fill(`from-${tpl.id}`);
      const radio = page.locator(`input[name="template"][value="${tpl.id}"]`);
      await page.locator('label.template-card', { has: radio }).click();
      expect(await radio.isChecked()).toBe(true);
      await page.locator('label', { hasText: 'Canada (Toronto)' }).click(); // the region is always an explicit choice
      await page.getByRole('button', { name: 'Create site' }).click();
      // A new site opens in the editor.
      await page.waitForURL(/\/app\/sites\/[\w-]+\/edit$/);
      await page.getByRole('button', { name: 'Publish' }).waitFor();
    }
    await page.goto(`${t.baseUrl}/app`);
    for (const tpl of templates) await page.locator('.site-card', { hasText: `From ${tpl.name}` }).waitFor();
    const sites = (await c.get('/api/sites')).json.sites as { slug: string; id: string; preview: { theme: unknown } }[];
    for (const tpl of templates) {
      const site = sites.find((s) => s.slug === `from-${tpl.id}`)!;
      expect(site).toBeDefined();
      const full = (await c.get(`/api/sites/${site.id}`)).json;
      const expected = (await c.get('/api/templates')).json.find((x: { id: string }) => x.id === tpl.id).preview.theme;
      expect(full.document.theme).toEqual(expected); // made from the template picked
      await page.goto(`${t.baseUrl}/app/sites/${site.id}/edit`);
      await page.getByRole('button', { name: 'Publish' }).waitFor();
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
