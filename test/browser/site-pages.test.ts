// Site settings, releases and account settings in Chromium, against a real
// Atrium with loopback SMTP and a loopback DNS server: rename a site and
// change its address, connect a custom domain and verify it through real DNS
// queries, set a favicon, publish twice and roll back from the releases
// screen (and see the old page live on the site's hostname), change the
// account name and password, unpublish and delete with a typed confirmation.
// Every screen is checked with axe-core (no serious or critical violations),
// for CSP violations and sideways scrolling, at 1280 and 375 px. Screenshots
// go to $ATRIUM_SITE_SHOTS (default test-results/site-pages).
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousA11yViolations, settle, watchProblems } from '../helpers/browser.js';
import { startDns } from '../helpers/dns.js';
import { HttpClient, signUpVerified } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SHOTS = process.env.ATRIUM_SITE_SHOTS ?? 'test-results/site-pages';
const PASSWORD = 'correct horse battery staple';

let t: TestServer;
let dns: Awaited<ReturnType<typeof startDns>>;
let browser: Browser;

beforeAll(async () => {
  dns = await startDns();
  t = await startTestServer({ ATRIUM_DNS_SERVERS: dns.server });
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  dns?.close();
});

/** A browser tab logged in as the API client's subscriber, collecting CSP violations, console errors and uncaught exceptions. */
async function loggedIn(api: HttpClient, width: number): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: width > 500 ? 860 : 780 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
  await context.addCookies([
    { name: 'atrium_session', value: api.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl });
  // 4xx answers the screens handle (a taken address, a wrong password, an unverified email) are expected.
  const problems = await watchProblems(context);
  return { context, page: await context.newPage(), problems };
}

async function check(page: Page, width: number, name: string) {
  await settle(page);
  expect((await seriousA11yViolations(page)).map((v) => `${name}: ${v}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
  // A page from its top, or the viewport under an open dialog; toasts (which cover content) are left out.
  const modal = await page.evaluate(() => !!document.querySelector('dialog[open]'));
  if (!modal) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: !modal, style: '.toaster { display: none; }' });
}

async function createSite(api: HttpClient, name: string, slug: string, template = 'saas') {
  const r = await api.post('/api/sites', { name, slug, template, region: 'de-frankfurt', defaultLanguage: 'en' });
  expect(r.status, r.text).toBe(201);
  return r.json as { id: string; slug: string };
}

/** Sets the home page's hero heading through the draft API, as the editor would. */
async function setHeading(api: HttpClient, siteId: string, heading: string) {
  const site = (await api.get(`/api/sites/${siteId}`)).json;
  const home = site.document.pages.find((p: { path: string }) => p.path === '/');
  home.blocks.find((b: { type: string }) => b.type === 'hero').props.heading = heading;
  const r = await api.put(`/api/sites/${siteId}/draft`, { revision: site.revision, document: site.document });
  expect(r.status, r.text).toBe(200);
}

/**
 * Waits for the release preview's frame to show a heading. Playwright loses the main frame's
 * "network idle" when an iframe appears after requests the main frame made since it was last
 * idle, and never regains it without another request; one small request restores it for settle().
 */
async function previewShown(page: Page) {
  await page.frameLocator('.release-frame').locator('h1').first().waitFor();
  await page.evaluate(() => fetch('/api/session').then(() => undefined));
}

const liveHeading = async (slug: string) => {
  const r = await t.client().get('/', { host: `${slug}.localhost` });
  return r.status === 200 ? /<h1[^>]*>([^<]*)<\/h1>/.exec(r.text)?.[1] : `HTTP ${r.status}`;
};

describe('site and account settings in Chromium', () => {
  it('renames a site, changes its address, verifies a domain over DNS, sets a favicon, publishes twice and rolls back', async () => {
    const width = 1280;
    const api = t.client();
    await signUpVerified(api, t.smtp, 'owner@example.com', 'Margaret Hamilton');
    const site = await createSite(api, 'Acme Analytics', 'acme-analytics');
    await createSite(api, 'Taken', 'taken-address', 'app');
    const { context, page, problems } = await loggedIn(api, width);

    // The sites list links to each site's settings.
    await page.goto(`${t.baseUrl}/app`);
    await page
      .locator('.site-card', { hasText: 'Acme Analytics' })
      .getByRole('link', { name: /Settings/ })
      .click();
    await page.waitForURL(`**/app/sites/${site.id}/settings`);
    await page.getByRole('heading', { name: 'Name and address' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.getByText('EU (Frankfurt)').count()).toBe(1);
    expect(await page.locator('.input-suffix').textContent()).toBe(`.localhost:${t.port}`);
    await check(page, width, '20-site-settings');

    // A taken address is reported at its field; then rename and move the site.
    await page.getByLabel('Site name').fill('Northwind Labs');
    await page.getByRole('textbox', { name: 'Address', exact: true }).fill('taken-address');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.field-error').getByText('Address is taken.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Address', exact: true }).getAttribute('aria-invalid')).toBe('true');
    await check(page, width, '21-site-settings-error');
    await page.getByRole('textbox', { name: 'Address', exact: true }).fill('northwind');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Saved', { exact: true }).waitFor();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Northwind Labs: settings');
    const renamed = (await api.get(`/api/sites/${site.id}`)).json;
    expect([renamed.name, renamed.slug]).toEqual(['Northwind Labs', 'northwind']);
    expect(await page.locator('.site-head-url').textContent()).toBe(`northwind.localhost:${t.port}`);

    // A custom domain: its TXT record is shown with copy buttons; the check fails until the record exists.
    await page.getByLabel('Add a domain').fill('www.northwind.test');
    await page.getByRole('button', { name: 'Add domain' }).click();
    const domain = page.locator('.domain', { hasText: 'www.northwind.test' });
    await domain.getByText('Waiting for DNS').waitFor();
    const recordName = await domain.locator('.dns-name code').textContent();
    const recordValue = (await domain.locator('.dns-value code').textContent())!;
    expect(recordName).toBe('_atrium-verify.www.northwind.test');
    expect(recordValue).toMatch(/^atrium-verify=[0-9a-f]{32}$/);
    await domain.getByRole('button', { name: 'Copy record value' }).click();
    await domain.getByText('Copied', { exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(recordValue);
    await domain.getByRole('button', { name: /Check DNS/ }).click();
    await domain.getByText(/No TXT record found at _atrium-verify\.www\.northwind\.test yet/).waitFor();
    await check(page, width, '22-site-settings-domain-pending');

    // The loopback DNS server now answers with the record: the next check verifies the domain.
    dns.setTxt('_atrium-verify.www.northwind.test', [recordValue]);
    await domain.getByRole('button', { name: /Check DNS/ }).click();
    await domain.getByText('Verified', { exact: true }).waitFor();
    expect((await api.get(`/api/sites/${site.id}/domains`)).json.domains[0].status).toBe('verified');
    await check(page, width, '23-site-settings-domain-verified');

    // Removing asks first.
    await domain.getByRole('button', { name: /Remove/ }).click();
    await page.getByRole('dialog', { name: 'Remove www.northwind.test?' }).waitFor();
    await check(page, width, '24-site-settings-remove-domain');
    await page.getByRole('dialog').getByRole('button', { name: 'Remove domain' }).click();
    await page.getByText('No custom domains yet.').waitFor();
    expect((await api.get(`/api/sites/${site.id}/domains`)).json.domains).toEqual([]);

    // A favicon, uploaded as a file, saved to the draft and shown from the app host.
    const png = await sharp({ create: { width: 128, height: 128, channels: 3, background: '#0f766e' } })
      .png()
      .toBuffer();
    // The draft changes elsewhere first (the editor in another tab): the save is refused, the page says so and reloads the draft.
    await setHeading(api, site.id, 'Edited in another tab');
    await page.locator('.image-picker-favicon input[type=file]').setInputFiles({ name: 'icon.png', mimeType: 'image/png', buffer: png });
    await page
      .getByRole('alert')
      .getByText(/The draft was changed elsewhere/)
      .waitFor();
    await page.locator('.image-picker-favicon input[type=file]').setInputFiles({ name: 'icon.png', mimeType: 'image/png', buffer: png });
    const icon = page.getByRole('img', { name: 'Current favicon' });
    await expect.poll(() => icon.getAttribute('src'), { timeout: 15_000 }).toMatch(/^\/_atrium\/img\/[0-9a-f]{64}\.webp$/);
    expect(await icon.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(0);
    expect((await api.get(`/api/sites/${site.id}`)).json.document.favicon).toBe(await icon.getAttribute('src'));
    const social = await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#1e1b4b' } })
      .composite([{ input: Buffer.from('<svg width="1200" height="630"><circle cx="900" cy="315" r="220" fill="#818cf8"/></svg>'), top: 0, left: 0 }])
      .jpeg()
      .toBuffer();
    await page.locator('.image-picker-socialImage input[type=file]').setInputFiles({ name: 'card.jpg', mimeType: 'image/jpeg', buffer: social });
    await expect.poll(() => page.getByRole('img', { name: 'Current social image' }).getAttribute('src'), { timeout: 15_000 }).toMatch(/^\/_atrium\/img\//);
    expect((await api.get(`/api/sites/${site.id}`)).json.document.pages[0].blocks[0].props.heading).toBe('Edited in another tab'); // kept, not overwritten
    await check(page, width, '25-site-settings-favicon');

    // Releases: empty before the first publish.
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Releases' }).click();
    await page.waitForURL(`**/app/sites/${site.id}/releases`);
    await page.getByRole('heading', { name: 'Not published yet' }).waitFor();
    await check(page, width, '30-releases-empty');

    // Publish from here, change the heading, publish again.
    await setHeading(api, site.id, 'First heading');
    await page.reload();
    await page.getByRole('button', { name: 'Publish site' }).click();
    await expect.poll(() => page.locator('.release').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => liveHeading('northwind')).toBe('First heading');
    await setHeading(api, site.id, 'Second heading');
    await page.reload();
    await page.getByRole('heading', { name: 'Your draft has unpublished changes' }).waitFor();
    await page.getByRole('button', { name: 'Publish changes' }).click();
    await expect.poll(() => page.locator('.release').count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => liveHeading('northwind')).toBe('Second heading');
    expect(await page.locator('.release.is-live .release-title').textContent()).toMatch(/^Published just now$/);
    await check(page, width, '31-releases');

    // Preview the first release before rolling back: its pages, read-only, drawn from the document it was published from.
    const older = page.locator('.release').nth(1);
    await older.getByRole('link', { name: /Preview/ }).click();
    await page.waitForURL(/\/app\/sites\/[\w-]+\/releases\/rel_[\w-]+$/);
    const frame = page.frameLocator('.release-frame');
    await previewShown(page);
    await expect.poll(() => frame.locator('h1').first().textContent()).toBe('First heading');
    expect(await page.getByRole('button', { name: 'Roll back to this' }).isVisible()).toBe(true);
    await check(page, width, '35-release-preview');
    await page.getByLabel('Page').selectOption('/pricing');
    await expect.poll(() => frame.locator('main').first().textContent()).toContain('Pricing');
    await frame.getByRole('link', { name: 'About' }).first().click(); // a link to another page of the release switches the page
    await expect.poll(() => page.getByLabel('Page').inputValue()).toBe('/about');
    expect(await frame.locator('h1').first().textContent()).not.toBe('First heading');
    await check(page, width, '36-release-preview-page');

    // Roll back from the preview: confirm, then the old heading is live, and the history records the rollback.
    await page.getByRole('button', { name: 'Roll back to this' }).click();
    const dialog = page.getByRole('dialog', { name: 'Roll back to this release?' });
    await dialog.waitFor();
    await check(page, width, '32-releases-confirm');
    await dialog.getByRole('button', { name: 'Roll back' }).click();
    await page.waitForURL(`**/app/sites/${site.id}/releases`);
    await expect.poll(() => page.locator('.release').count()).toBe(3);
    await expect.poll(() => page.locator('.release.is-live').count()).toBe(1);
    const rolled = page.locator('.release').first();
    expect(await rolled.evaluate((el) => el.classList.contains('is-live'))).toBe(true);
    expect(await rolled.locator('.release-title').textContent()).toMatch(/^Rolled back just now$/);
    expect(await rolled.textContent()).toContain('by you');
    expect(await rolled.textContent()).toMatch(/Rolled back to the release from /);
    await check(page, width, '37-releases-rolled-back');
    // The rollback names the release it restored, and links to its preview.
    await rolled.getByRole('link', { name: /release from/ }).click();
    await page.waitForURL(/\/releases\/rel_[\w-]+$/);
    await previewShown(page);
    await expect.poll(() => frame.locator('h1').first().textContent()).toBe('First heading');
    await page.getByRole('link', { name: 'All releases' }).click();
    await page.waitForURL(`**/app/sites/${site.id}/releases`);
    const visitor = await context.newPage();
    await visitor.goto(`http://northwind.localhost:${t.port}/`);
    expect(await visitor.locator('h1').textContent()).toBe('First heading');
    await visitor.close();

    // The header link opens the live site; unpublish from the danger zone takes it offline.
    expect(await page.getByRole('link', { name: /View live/ }).getAttribute('href')).toBe(`http://northwind.localhost:${t.port}`);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Unpublish' }).click();
    await page.getByRole('dialog', { name: 'Unpublish Northwind Labs?' }).getByRole('button', { name: 'Unpublish' }).click();
    await page.locator('.site-head .badge', { hasText: 'Draft' }).waitFor();
    expect(await liveHeading('northwind')).toBe('HTTP 404');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses to publish until the email is confirmed, and says so', async () => {
    const api = t.client();
    const r = await api.post('/api/auth/signup', { name: 'New Person', email: 'unverified@example.com', password: PASSWORD });
    expect(r.status).toBe(201);
    const site = await createSite(api, 'Fresh Start', 'fresh-start');
    const { context, page, problems } = await loggedIn(api, 1280);
    await page.goto(`${t.baseUrl}/app/sites/${site.id}/releases`);
    await page.getByRole('button', { name: 'Publish site' }).click();
    await page.getByRole('alert').getByText('Confirm your email to publish').waitFor();
    await expect.poll(() => page.getByText('Confirm your email to publish.').count()).toBe(1); // the banner, too
    await check(page, 1280, '33-releases-unverified');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('changes the account name and password, and logs out everywhere', async () => {
    const width = 1280;
    const api = t.client();
    await signUpVerified(api, t.smtp, 'grace@example.com', 'Grace Hopper');
    const other = t.client(); // a second session of the same account, e.g. another laptop
    expect((await other.post('/api/auth/login', { email: 'grace@example.com', password: PASSWORD })).status).toBe(200);
    const { context, page, problems } = await loggedIn(api, width);

    // The account menu links to the account screen.
    await page.goto(`${t.baseUrl}/app`);
    await page.getByRole('button', { name: /Account/ }).click();
    await page.getByRole('link', { name: 'Account settings' }).click();
    await page.waitForURL('**/app/account');
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Grace Hopper');
    await page.getByText('Logged in on 2 devices or browsers').waitFor();
    await check(page, width, '40-account');

    // Rename: the header follows.
    await page.getByLabel('Name', { exact: true }).fill('Grace B. Hopper');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.locator('.account-name', { hasText: 'Grace B. Hopper' }).waitFor();
    expect((await api.get('/api/account')).json.name).toBe('Grace B. Hopper');

    // A wrong current password is reported at its field.
    const passwordForm = page.locator('section', { has: page.getByRole('heading', { name: 'Password' }) });
    await passwordForm.getByLabel('Current password').fill('not my password');
    await passwordForm.getByLabel('New password').fill('a much longer new passphrase');
    await passwordForm.getByRole('button', { name: 'Change password' }).click();
    await passwordForm.locator('.field-error').getByText('Current password is not right.').waitFor();
    await check(page, width, '41-account-password-error');

    // The right one changes it: other sessions end, this one continues with a new CSRF token.
    await passwordForm.getByLabel('Current password').fill(PASSWORD);
    await passwordForm.getByLabel('New password').fill('a much longer new passphrase');
    await passwordForm.getByRole('button', { name: 'Change password' }).click();
    await passwordForm.getByText('Password changed').waitFor();
    expect((await other.get('/api/account')).status).toBe(401);
    await page.getByText('Logged in on this device only').waitFor();
    await check(page, width, '42-account-password-changed');
    await page.getByLabel('Name', { exact: true }).fill('Grace Hopper');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.locator('.account-name', { hasText: /^Grace Hopper$/ }).waitFor();
    const fresh = t.client();
    expect((await fresh.post('/api/auth/login', { email: 'grace@example.com', password: 'a much longer new passphrase' })).status).toBe(200);

    // Changing the email asks for the password, then for a confirmation of the new address.
    const emailForm = page.locator('section', { has: page.getByRole('heading', { name: 'Email address' }) });
    await emailForm.getByLabel('New email').fill('grace.hopper@example.com');
    await emailForm.getByLabel('Current password').fill('a much longer new passphrase');
    await emailForm.getByRole('button', { name: 'Change email' }).click();
    await emailForm.getByText('Check your inbox').waitFor();
    await page.getByText('Confirm your email to publish.').waitFor();
    await t.smtp.waitFor('grace.hopper@example.com', /(verify-email\?token=[A-Za-z0-9_-]+)/);
    await check(page, width, '43-account-email-changed');

    // Log out everywhere, after a confirmation.
    await page.getByRole('button', { name: 'Log out everywhere' }).click();
    await page.getByRole('dialog', { name: 'Log out everywhere?' }).waitFor();
    await check(page, width, '44-account-logout-all');
    await page.getByRole('dialog').getByRole('button', { name: 'Log out everywhere' }).click();
    await page.waitForURL('**/app/login');
    expect((await fresh.get('/api/account')).status).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('deletes a site only after its address is typed', async () => {
    const api = t.client();
    await signUpVerified(api, t.smtp, 'deleter@example.com', 'Dee Leter');
    const site = await createSite(api, 'Short Lived', 'short-lived');
    const { context, page, problems } = await loggedIn(api, 1280);
    await page.goto(`${t.baseUrl}/app/sites/${site.id}/settings`);
    await page.getByRole('button', { name: 'Delete site' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Short Lived?' });
    const confirm = dialog.getByRole('button', { name: 'Delete site for good' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type short-lived to confirm').fill('short');
    expect(await confirm.isDisabled()).toBe(true);
    await check(page, 1280, '26-site-settings-delete');
    await dialog.getByLabel('Type short-lived to confirm').fill('short-lived');
    await confirm.click();
    await page.waitForURL(/\/app$/);
    await page.getByRole('heading', { name: 'Create your first site' }).waitFor();
    expect((await api.get(`/api/sites/${site.id}`)).status).toBe(404);
    // A deleted site's pages say so.
    await page.goto(`${t.baseUrl}/app/sites/${site.id}/releases`);
    await page.getByRole('heading', { name: 'Site not found' }).waitFor();
    await check(page, 1280, '34-site-not-found');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lays out every new screen at a phone width', async () => {
    const width = 375;
    const api = t.client();
    await signUpVerified(api, t.smtp, 'phone@example.com', 'Hedy Lamarr');
    const site = await createSite(api, 'Pocket Coach', 'pocket-coach', 'app');
    const empty = await createSite(api, 'Blank Slate', 'blank-slate', 'consultancy');
    expect((await api.post(`/api/sites/${site.id}/domains`, { hostname: 'coach.example.org' })).status).toBe(201);
    expect((await api.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    await setHeading(api, site.id, 'Coaching in your pocket');
    expect((await api.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    await setHeading(api, site.id, 'Coaching, anywhere');
    const { context, page, problems } = await loggedIn(api, width);

    await page.goto(`${t.baseUrl}/app/sites/${site.id}/settings`);
    await page.locator('.domain', { hasText: 'coach.example.org' }).waitFor();
    await check(page, width, '20-site-settings');
    await page.getByRole('button', { name: 'Delete site' }).click();
    await check(page, width, '26-site-settings-delete');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.goto(`${t.baseUrl}/app/sites/${site.id}/releases`);
    await expect.poll(() => page.locator('.release').count()).toBe(2);
    await check(page, width, '31-releases');
    await page
      .locator('.release')
      .nth(1)
      .getByRole('button', { name: /Roll back to this/ })
      .click();
    await check(page, width, '32-releases-confirm');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page
      .locator('.release')
      .nth(1)
      .getByRole('link', { name: /Preview/ })
      .click();
    await previewShown(page);
    const previewHeading = page.frameLocator('.release-frame').locator('h1').first();
    expect(await previewHeading.textContent()).not.toBe('Coaching in your pocket'); // the first release, from before that edit
    await check(page, width, '35-release-preview');

    await page.goto(`${t.baseUrl}/app/sites/${empty.id}/releases`);
    await page.getByRole('heading', { name: 'Not published yet' }).waitFor();
    await check(page, width, '30-releases-empty');

    await page.goto(`${t.baseUrl}/app/account`);
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    await check(page, width, '40-account');
    await page.getByRole('button', { name: /Account/ }).click();
    await check(page, width, '45-account-menu');

    await page.goto(`${t.baseUrl}/app`);
    await expect.poll(() => page.locator('.site-card .thumb:not(.thumb-skeleton)').count()).toBe(2);
    await check(page, width, '50-sites');
    await page.goto(`${t.baseUrl}/app/sites/new`);
    await page.locator('.template-card .thumb').first().waitFor();
    expect(await page.locator('.input-suffix').textContent()).toBe(`.localhost:${t.port}`);
    await check(page, width, '51-new-site');
    expect(problems).toEqual([]);
    await context.close();
  });
});
