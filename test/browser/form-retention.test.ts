// Site settings → Form messages: the subscriber picks how long the site keeps
// what visitors send; the choice lands in the draft, which the retention sweep
// reads. Checked with axe-core and without sideways scrolling at 1280 and 360 px.
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
  await signUpVerified(api, t.smtp, 'retention@example.com');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('form message retention in site settings', () => {
  it('saves the chosen period to the draft', async () => {
    const site = (await api.post('/api/sites', { name: 'Retainer', slug: 'retainer', template: 'saas', region: 'us-oregon' })).json;
    for (const width of [1280, 360]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      await context.addCookies([{ name: 'atrium_session', value: api.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/' }]);
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/app/sites/${site.id}/settings#form-messages`);
      const section = page.locator('#form-messages');
      await section.getByRole('radio', { name: '24 months (the default)' }).waitFor();
      expect(await section.getByRole('radio', { name: '24 months (the default)' }).isChecked()).toBe(width === 1280);
      await section.getByRole('radio', { name: width === 1280 ? '6 months' : 'As long as the site exists' }).check();
      await section.getByRole('button', { name: 'Save retention' }).click();
      await page
        .getByText(width === 1280 ? /older than 6 months/ : /as long as the site exists/)
        .first()
        .waitFor();
      await settle(page);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      await section.screenshot({ path: `test-results/form-retention-${width}.png` });
      expect((await api.get(`/api/sites/${site.id}`)).json.document.forms.retentionMonths).toBe(width === 1280 ? 6 : 0);
      await context.close();
    }
  });
});
