// The data-subject rights screenshots of the README, taken from a real Atrium
// (a test server with its own data dir and SMTP server) in Debian's Chromium,
// each at 1280 and 375 px, into docs/screenshots as rights-<screen>-<width>.png:
//   account        Account → Your data (download, import, delete)
//   delete         the delete-account dialog
//   goodbye        after the account was deleted
//   requests       a site's Privacy requests (one overdue, one due soon, one on time)
//   request        one visitor request with their data found and the timeline
//   erase          the erase dialog
//   operator       the operator console's list
//   operator-request  one platform request, after its extension
//   public         the public request page (no login)
//   confirm        the confirmation page (opening the mailed link changes nothing)
//   confirmed      the same page after pressing its button
//   import         Sites → Import
// The server serves the dashboard from dist/app: build it first (npm run build:app).
// Usage: npx tsx scripts/screenshot-rights.ts [out dir] [only these screens, comma-separated]
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { MovableClock } from '../src/lib/clock.js';
import { launchChromium, settle } from '../test/helpers/browser.js';
import { signUpVerified, type HttpClient } from '../test/helpers/http.js';
import { fileOnPlatform, fileOnSite, publishSiteWithForm, recordConsent, sendMessages } from '../test/helpers/rights.js';
import { startTestServer } from '../test/helpers/server.js';

const OUT = process.argv[2] ?? 'docs/screenshots';
const ONLY = process.argv[3]?.split(',');
const DAY = 86_400_000;
fs.mkdirSync(OUT, { recursive: true });

const t = await startTestServer({
  ATRIUM_OPERATORS: 'staff@atrium.example',
  ATRIUM_PRIVACY_REQUEST_LIMIT_PER_IP: '100',
  ATRIUM_FORM_LIMIT_PER_IP: '100',
  ATRIUM_SESSION_IDLE_DAYS: '365',
  LOG_LEVEL: 'error',
});
const clock = t.running.ctx.clock as MovableClock;
const owner = t.client();
await signUpVerified(owner, t.smtp, 'maya@northwind.example', 'Maya Lindqvist');
const staff = t.client();
await signUpVerified(staff, t.smtp, 'staff@atrium.example', 'Sam Okafor');

const site = await publishSiteWithForm(owner, 'Northwind Coffee', 'northwind', { consent: true });
await owner.post(`/api/sites/${site.id}/webhooks`, { url: 'https://crm.northwind.example/hooks/atrium' });
await sendMessages(t, site.slug, [
  { name: 'Vera Novak', email: 'vera.novak@example.eu', message: 'Do you ship beans to Lyon? I would like two bags a month.' },
  { name: 'Vera Novak', email: 'vera.novak@example.eu', message: 'My number is 06 12 34 56 78, call me after 6.' },
  { name: 'Jon Park', email: 'jon@example.com', message: 'Is the café open on Sundays?' },
]);

const consentId = await recordConsent(t, site.slug);

// Requests at different points in time: one will be overdue, one due soon, one on time, one answered.
const late = await fileOnSite(t, site.slug, { type: 'access', email: 'jon@example.com', country: 'FR', details: 'What do you keep about me?' });
clock.advance(4 * DAY);
const soon = await fileOnSite(t, site.slug, {
  type: 'erasure',
  email: 'vera.novak@example.eu',
  name: 'Vera Novak',
  country: 'DE',
  details: 'Please delete the messages I sent through your contact form, including my phone number.',
});
clock.advance(20 * DAY);
await fileOnSite(t, site.slug, {
  type: 'rectification',
  email: 'ana@example.com',
  name: 'Ana Ruiz',
  country: 'US',
  subdivision: 'CA',
  details: 'My surname is misspelled.',
});
const done = await fileOnSite(t, site.slug, { type: 'objection', email: 'kim@example.co.uk', country: 'GB', details: 'Please stop sending me offers.' });
await owner.post(`/api/sites/${site.id}/privacy-requests/${done}/close`, { status: 'completed', summary: 'We removed you from our offers list.' });
clock.advance(9 * DAY);
void late;

// Platform requests for the operator console (Eva has an account the operator can act on).
await signUpVerified(t.client(), t.smtp, 'eva@example.eu', 'Eva Schmidt');
const eva = await fileOnPlatform(t, {
  type: 'access',
  email: 'eva@example.eu',
  name: 'Eva Schmidt',
  country: 'AT',
  details: 'A copy of my account data, please.',
});
await fileOnPlatform(t, { type: 'erasure', email: 'raj@example.in', country: 'IN', details: 'Delete my old account, I no longer use it.' });
await staff.post(`/api/operator/privacy-requests/${eva}/extend`, {
  reason: 'Your account has data in two regions and one backup we need to search by hand. We need a few more weeks.',
});

const browser: Browser = await launchChromium();

async function tab(client: HttpClient | null, width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width, height: width > 500 ? 900 : 800 },
    deviceScaleFactor: width > 500 ? 1 : 2,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  if (client?.cookie)
    await context.addCookies([
      { name: 'atrium_session', value: client.cookie.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true },
    ]);
  return { context, page: await context.newPage() };
}

async function shot(page: Page, name: string, width: number, fullPage = true) {
  await settle(page);
  const modal = await page.evaluate(() => !!document.querySelector('dialog[open]'));
  if (!modal) await page.evaluate(() => window.scrollTo(0, 0));
  const file = path.join(OUT, `rights-${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: fullPage && !modal, style: '.toaster { display: none; }' });
  console.log(file);
}

const want = (name: string) => !ONLY || ONLY.includes(name);
const base = t.baseUrl;

for (const width of [1280, 375]) {
  if (want('account') || want('delete')) {
    const { context, page } = await tab(owner, width);
    await page.goto(`${base}/app/account`);
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    if (want('account')) {
      await page.getByRole('heading', { name: 'Your data' }).scrollIntoViewIfNeeded();
      await shot(page, 'account', width);
    }
    if (want('delete')) {
      await page.getByRole('button', { name: 'Delete my account…' }).click();
      await page.getByText('your site Northwind Coffee', { exact: false }).waitFor();
      await shot(page, 'delete', width);
    }
    await context.close();
  }
  if (want('requests')) {
    const { context, page } = await tab(owner, width);
    await page.goto(`${base}/app/sites/${site.id}/privacy-requests`);
    await page.locator('.rq-table').waitFor();
    await shot(page, 'requests', width);
    await context.close();
  }
  if (want('request') || want('erase')) {
    const { context, page } = await tab(owner, width);
    await page.goto(`${base}/app/sites/${site.id}/privacy-requests/${soon}`);
    await page.getByLabel(/Consent record id/).fill(consentId);
    await page.getByRole('button', { name: 'Find their data' }).click();
    await page.getByRole('heading', { name: /Form messages/ }).waitFor();
    await page.locator('.rq-mail summary').first().click();
    if (want('request')) await shot(page, 'request', width);
    if (want('erase')) {
      await page.getByRole('button', { name: 'Erase their data…' }).click();
      await page.getByRole('dialog').waitFor();
      await shot(page, 'erase', width);
    }
    await context.close();
  }
  if (want('operator') || want('operator-request')) {
    const { context, page } = await tab(staff, width);
    await page.goto(`${base}/app/operator`);
    await page.locator('.rq-table').waitFor();
    if (want('operator')) await shot(page, 'operator', width);
    if (want('operator-request')) {
      await page.goto(`${base}/app/operator/requests/${eva}`);
      await page.getByRole('heading', { name: 'Timeline' }).waitFor();
      await page.locator('.rq-mail summary').last().click();
      await shot(page, 'operator-request', width);
    }
    await context.close();
  }
  if (want('public') || want('confirm')) {
    const { context, page } = await tab(null, width);
    if (want('public')) {
      await page.goto(`${base}/app/privacy-request`);
      await page.getByLabel('Delete my data').check();
      await shot(page, 'public', width);
    }
    if (want('confirm')) {
      const email = `confirm-${width}@example.com`;
      const anyone = t.client();
      await anyone.post('/api/privacy-requests', { type: 'portability', email, country: 'CA', details: 'My sites as files, please.' });
      const link = await t.smtp.waitFor(email, /(http:\/\/[^\s]+\/app\/privacy-request\/confirm\?token=[A-Za-z0-9_-]+)/);
      await page.goto(link);
      await page.getByRole('button', { name: 'Confirm my request' }).waitFor();
      await shot(page, 'confirm', width);
      await page.getByRole('button', { name: 'Confirm my request' }).click();
      await page.getByRole('heading', { name: 'Your request is confirmed' }).waitFor();
      await shot(page, 'confirmed', width);
    }
    await context.close();
  }
  if (want('import')) {
    const { context, page } = await tab(owner, width);
    await page.goto(`${base}/app/sites/import`);
    await page.getByRole('heading', { name: 'Import a site' }).waitFor();
    await shot(page, 'import', width);
    await context.close();
  }
}

if (want('goodbye'))
  for (const width of [1280, 375]) {
    const who = t.client();
    const email = `leaving-${width}@example.com`;
    await signUpVerified(who, t.smtp, email, 'Leo Brandt');
    await who.post('/api/sites', { name: 'Brandt Studio', slug: `brandt-${width}`, template: 'saas', region: 'de-frankfurt' });
    const { context, page } = await tab(who, width);
    await page.goto(`${base}/app/account`);
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await page.getByRole('dialog').getByLabel('Your password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByRole('heading', { name: 'Your account is deleted' }).waitFor();
    await shot(page, 'goodbye', width);
    await context.close();
  }

await browser.close();
await t.close();
