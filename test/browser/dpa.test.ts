// The data processing agreement in the dashboard, in Chromium: publishing a site
// with a form opens the agreement's dialog, "Accept and publish" records the
// acceptance and publishes; Account shows the version and time; the notice of a
// privacy policy change shows until dismissed, and stays dismissed.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousA11yViolations, settle, watchProblems } from '../helpers/browser.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { CONTACT_FORM } from '../helpers/rights.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let t: TestServer;
let browser: Browser;
let api: HttpClient;
let siteId: string;
beforeAll(async () => {
  t = await startTestServer({ ATRIUM_OPERATOR_NAME: 'Example Hosting Ltd' });
  browser = await launchChromium();
  api = t.client();
  await signUpVerified(api, t.smtp, 'dpa@example.com', 'Grace Hopper', { acceptDpa: false });
  const created = await api.post('/api/sites', { name: 'Acme', slug: 'acme', template: 'saas', region: 'de-frankfurt' });
  const doc = created.json.document;
  doc.pages.push({ id: 'write', path: '/write', title: 'Write', description: '', blocks: [CONTACT_FORM] });
  expect((await api.put(`/api/sites/${created.json.id}/draft`, { revision: created.json.revision, document: doc })).status).toBe(200);
  siteId = created.json.id;
  // A material change of the privacy policy (a new recipient), for the notice.
  t.env.ATRIUM_TRUST_PROXY = '10.0.0.1';
  await t.restart();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function loggedIn(width: number): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'en-US' });
  await context.addCookies([
    { name: 'atrium_session', value: api.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  const problems = await watchProblems(context, /409/); // the refusal the dialog answers
  return { context, page: await context.newPage(), problems };
}

describe('the data processing agreement in the dashboard', () => {
  it('asks for it when publishing a site with a form, then publishes; Account shows what was accepted', async () => {
    const { context, page, problems } = await loggedIn(375);
    await page.goto(`${t.baseUrl}/app/sites/${siteId}/releases`);
    await page.getByRole('button', { name: 'Publish site' }).click();
    const dialog = page.getByRole('dialog', { name: 'Accept the data processing agreement' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('a form and visitor analytics');
    expect(await dialog.getByRole('link', { name: /Read the full agreement \(version 1\)/ }).getAttribute('href')).toBe('/dpa/versions/1');
    await settle(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Cancel publishes nothing; Escape is the keyboard's cancel.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await api.get(`/api/sites/${siteId}`)).json.status).toBe('draft');

    await page.getByRole('button', { name: 'Publish site' }).click();
    await dialog.getByRole('button', { name: 'Accept and publish' }).click();
    await page.getByText(/Published\. Your site is live/).waitFor();
    expect((await api.get(`/api/sites/${siteId}`)).json.status).toBe('live');
    const status = (await api.get('/api/account/dpa')).json;
    expect(status).toMatchObject({ accepted: { version: 1, acceptedBy: 'Grace Hopper' }, upToDate: true });

    await page.goto(`${t.baseUrl}/app/account`);
    const section = page.getByRole('region', { name: 'Data processing agreement' });
    await section.getByText('Up to date').waitFor();
    expect(await section.textContent()).toMatch(/You acceptedVersion 1 on .*2\d{3}.*by Grace Hopper/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the privacy policy notice until it is dismissed', async () => {
    const { context, page, problems } = await loggedIn(1280);
    await page.goto(`${t.baseUrl}/app/`);
    const banner = page.getByRole('region', { name: 'Privacy policy update' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('It brings a new recipient of data.');
    expect(await banner.getByRole('link', { name: /Read the new version/ }).getAttribute('href')).toBe('/privacy/versions/2');
    await banner.getByRole('button', { name: 'Dismiss the privacy policy notice' }).click();
    await banner.waitFor({ state: 'detached' });
    expect((await api.get('/api/account/policy-notice')).json.notice).toBeNull();
    await page.reload();
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
    expect(await banner.count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
