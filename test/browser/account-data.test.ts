// Account → Your data in Chromium, against a real Atrium: a subscriber
// downloads everything held about them (a zip whose files name them), imports
// a site archive as a new draft (and a file that is not a zip imports nothing),
// and deletes the account through the dialog: a wrong password is refused
// naming the field, the right one erases the account and its sites and shows
// the goodbye screen, and the old session and password no longer work. Every
// screen is checked with axe-core, for console errors and sideways scrolling,
// at 1280 and 375 px. Screenshots go to $ATRIUM_RIGHTS_SHOTS (default test-results/rights).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousA11yViolations, settle, watchProblems } from '../helpers/browser.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SHOTS = process.env.ATRIUM_RIGHTS_SHOTS ?? 'test-results/rights';
const PASSWORD = 'correct horse battery staple';

let t: TestServer;
let browser: Browser;
let tmp: string;

beforeAll(async () => {
  t = await startTestServer();
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-rights-'));
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function subscriber(email: string, name: string, sites: string[]): Promise<{ client: HttpClient; siteIds: string[] }> {
  const client = t.client();
  await signUpVerified(client, t.smtp, email, name);
  const siteIds: string[] = [];
  for (const slug of sites) {
    const r = await client.post('/api/sites', { name: `Site ${slug}`, slug, template: 'saas', region: 'de-frankfurt' });
    expect(r.status, r.text).toBe(201);
    siteIds.push(r.json.id);
  }
  return { client, siteIds };
}

async function open(client: HttpClient, width: number): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: width > 500 ? 860 : 780 }, locale: 'en-US', acceptDownloads: true });
  await context.addCookies([
    { name: 'atrium_session', value: client.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  const problems = await watchProblems(context);
  return { context, page: await context.newPage(), problems };
}

async function check(page: Page, width: number, name: string) {
  await settle(page);
  expect((await seriousA11yViolations(page)).map((v) => `${name}: ${v}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
  const modal = await page.evaluate(() => !!document.querySelector('dialog[open]'));
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: !modal, style: '.toaster { display: none; }' });
}

describe('Account → Your data', () => {
  it('says every field can be corrected, and downloads everything held about the subscriber as a zip', async () => {
    const { client } = await subscriber('ada@example.com', 'Ada Lovelace', ['ada-one']);
    for (const width of [1280, 375]) {
      const { context, page, problems } = await open(client, width);
      await page.goto(`${t.baseUrl}/app/account`);
      const section = page.getByRole('region', { name: 'Your data' });
      await section.waitFor();
      expect(await section.textContent()).toMatch(/Every field of your account above .* can be changed at any time: that is your right to have it corrected/);
      await check(page, width, 'account-your-data');
      if (width === 1280) {
        const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Download my data' }).click()]);
        expect(download.suggestedFilename()).toMatch(/^atrium-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
        const files = unzipSync(fs.readFileSync((await download.path())!));
        expect(Object.keys(files)).toEqual(expect.arrayContaining(['README.txt', 'account.json', 'sessions.csv', 'recipients.json']));
        expect(JSON.parse(strFromU8(files['account.json']!))).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace' });
        expect(Object.keys(files).some((f) => f.startsWith('sites/ada-one/'))).toBe(true);
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('imports a site archive as a new draft, from the account and from the sites list; a file that is not a zip imports nothing', async () => {
    const { client, siteIds } = await subscriber('grace@example.com', 'Grace Hopper', ['grace-shop']);
    const archive = await client.get(`/api/sites/${siteIds[0]}/export`);
    expect(archive.status).toBe(200);
    const zip = path.join(tmp, 'grace-shop-site-archive.zip');
    fs.writeFileSync(zip, archive.body);
    const notZip = path.join(tmp, 'notes.zip');
    fs.writeFileSync(notZip, 'these are my notes, not a zip');

    const { context, page, problems } = await open(client, 1280);
    await page.goto(`${t.baseUrl}/app/account`);
    await page.getByLabel('Choose a zip to import').setInputFiles(notZip);
    await page.getByText('Nothing was imported').waitFor();
    await page.getByText(/not a zip Atrium can read/).waitFor();
    await page.getByLabel('Choose a zip to import').setInputFiles(zip);
    const done = page.getByText('One site imported as a draft');
    await done.waitFor();
    const sites = (await client.get('/api/sites')).json.sites as { id: string; name: string; status: string }[];
    expect(sites).toHaveLength(2);
    const imported = sites.find((s) => s.id !== siteIds[0])!;
    expect(imported).toMatchObject({ name: 'Site grace-shop', status: 'draft' });
    expect(await page.getByRole('link', { name: 'Site grace-shop' }).getAttribute('href')).toBe(`/app/sites/${imported.id}/edit`);
    await check(page, 1280, 'account-imported');

    // The sites list leads to the same import.
    await page.goto(`${t.baseUrl}/app/`);
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import a site' }).waitFor();
    await page.getByLabel('Choose a zip to import').setInputFiles(zip);
    await page.getByText('One site imported as a draft').waitFor();
    expect((await client.get('/api/sites')).json.sites).toHaveLength(3);
    await check(page, 1280, 'sites-import');
    expect(problems).toEqual([]);
    await context.close();

    const phone = await open(client, 375);
    await phone.page.goto(`${t.baseUrl}/app/sites/import`);
    await phone.page.getByRole('heading', { name: 'Import a site' }).waitFor();
    await check(phone.page, 375, 'sites-import');
    await phone.context.close();
  });

  it('deletes the account through the dialog: says what goes and what stays, needs the password, and ends on the goodbye screen', async () => {
    const { client, siteIds } = await subscriber('leo@example.com', 'Leo Brandt', ['leo-one', 'leo-two']);
    const { context, page, problems } = await open(client, 375);
    await page.goto(`${t.baseUrl}/app/account`);
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.getByText(/your 2 sites \((Site leo-one, Site leo-two|Site leo-two, Site leo-one)\)/).waitFor();
    const said = (await dialog.textContent())!;
    expect(said).toMatch(/Erased at once, for good:.*form messages, cookie choices and visitor statistics.*leo@example\.com.*Kept:.*privacy request.*3 years/);
    expect(await dialog.getByRole('button', { name: 'Delete my account for good' }).isDisabled()).toBe(true);
    await check(page, 375, 'account-delete');

    await dialog.getByLabel('Your password').fill('not my password at all');
    await dialog.getByRole('button', { name: 'Delete my account for good' }).click();
    await dialog.getByText('This is not your current password.').waitFor();
    expect((await client.get('/api/session')).status).toBe(200);

    await dialog.getByLabel('Your password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByRole('heading', { name: 'Your account is deleted' }).waitFor();
    expect(page.url()).toBe(`${t.baseUrl}/app/goodbye`);
    expect(await page.locator('.goodbye').textContent()).toContain('We erased your account, 2 sites and your workspace');
    await check(page, 375, 'account-goodbye');
    expect(problems).toEqual([]);
    await context.close();

    // The session, the password and the sites are gone.
    expect((await client.get('/api/session')).status).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: 'leo@example.com', password: PASSWORD })).status).toBe(401);
    const left = await t.running.ctx.dbs.control.selectFrom('sites').select('id').where('id', 'in', siteIds).execute();
    expect(left).toEqual([]);
  });
});
