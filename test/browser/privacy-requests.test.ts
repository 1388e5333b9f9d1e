// Privacy requests in Chromium, against a real Atrium with its SMTP server and
// a loopback webhook receiver: a site's visitor files a request on the site's
// host (HTTP) and confirms it by mail; the site's owner finds it under the
// site's Privacy requests (badge), finds, corrects, downloads and erases the
// visitor's data (webhooks get privacy.erasure) and completes it, and the
// visitor is mailed; platform staff extend and refuse a request in the
// operator console; anyone files a request to the platform on the public page
// and confirms it with the button (opening the link alone changes nothing); an
// overdue request is flagged and can no longer be extended. Every screen is
// checked with axe-core, for console errors and sideways scrolling, at 1280
// and 375 px. Screenshots go to $ATRIUM_RIGHTS_SHOTS (default test-results/rights).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MovableClock } from '../../src/lib/clock.js';
import { launchChromium, seriousA11yViolations, settle, watchProblems } from '../helpers/browser.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startReceiver } from '../helpers/receiver.js';
import { fileOnPlatform, fileOnSite, lastMailTo, publishSiteWithForm, recordConsent, sendMessages } from '../helpers/rights.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SHOTS = process.env.ATRIUM_RIGHTS_SHOTS ?? 'test-results/rights';
const DAY = 86_400_000;

let t: TestServer;
let browser: Browser;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let owner: HttpClient;
let staff: HttpClient;
let site: { id: string; slug: string };

beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestServer({
    ATRIUM_OPERATORS: 'staff@example.com',
    ATRIUM_WEBHOOKS_ALLOW_PRIVATE: 'true',
    ATRIUM_PRIVACY_REQUEST_LIMIT_PER_IP: '100',
    ATRIUM_FORM_LIMIT_PER_IP: '100',
    ATRIUM_SESSION_IDLE_DAYS: '365',
  });
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  owner = t.client();
  await signUpVerified(owner, t.smtp, 'owner@example.com', 'Olga Owner');
  staff = t.client();
  await signUpVerified(staff, t.smtp, 'staff@example.com', 'Sam Staff');
  site = await publishSiteWithForm(owner, 'Rights Bakery', 'bakery', { consent: true });
  expect((await owner.post(`/api/sites/${site.id}/webhooks`, { url: receiver.url })).status).toBe(201);
  await sendMessages(t, site.slug, [
    { name: 'Vera', email: 'vera@example.com', message: 'Do you bake gluten-free?' },
    { name: 'Vera', email: 'vera@example.com', message: 'My number is 0612345678' },
    { name: 'Otto', email: 'otto@example.com', message: 'Hello from Otto' },
  ]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await receiver?.close();
});

async function open(client: HttpClient | null, width: number): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: width > 500 ? 860 : 780 }, locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });
  if (client?.cookie)
    await context.addCookies([
      { name: 'atrium_session', value: client.cookie.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
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

const requestStatus = async (store: 'control' | 'de-frankfurt', id: string) => {
  const { control, regions } = t.running.ctx.dbs;
  const row =
    store === 'control'
      ? await control.selectFrom('privacy_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()
      : await regions['de-frankfurt'].selectFrom('privacy_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow();
  return row.status;
};

describe('a site owner answers a visitor’s request', () => {
  it('filed on the site, found, corrected, downloaded, erased and completed in the dashboard; the visitor is mailed', async () => {
    const consentId = await recordConsent(t, site.slug);
    const requestId = await fileOnSite(t, site.slug, {
      type: 'erasure',
      email: 'vera@example.com',
      name: 'Vera',
      country: 'DE',
      details: 'Please erase everything I sent you.',
    });
    await t.smtp.waitFor('owner@example.com', /Subject: Privacy request from a visitor of Rights Bakery: erasure/);

    const { context, page, problems } = await open(owner, 1280);
    await page.goto(`${t.baseUrl}/app/sites/${site.id}/inbox`);
    const nav = page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: /Privacy requests/ });
    await expect.poll(() => nav.textContent()).toContain('1 waiting for an answer');
    await nav.click();
    await page.getByRole('table', { name: 'Privacy requests of Rights Bakery' }).waitFor();
    const row = page.locator('.rq-row', { hasText: 'vera@example.com' });
    expect(await row.textContent()).toMatch(/Erasure.*Vera.*Due .*2\d{3}.*Open/);
    await check(page, 1280, 'site-requests');
    await row.getByRole('link').click();
    await page.getByRole('heading', { name: 'Erasure request' }).waitFor();
    expect(page.url()).toContain(`/privacy-requests/${requestId}`);

    // Find what the site holds, with the cookie choices of the id the visitor gave.
    await page.getByLabel(/Consent record id/).fill(consentId);
    await page.getByRole('button', { name: 'Find their data' }).click();
    await page.getByRole('heading', { name: 'Form messages (2)' }).waitFor();
    expect(await page.getByRole('table', { name: /Cookie choices/ }).textContent()).toContain(consentId);
    expect(await page.locator('.rq-found').textContent()).not.toContain('Otto');

    // Correct a field of the second message.
    await page.getByRole('button', { name: 'Correct a field of message 2' }).click();
    const fix = page.getByRole('dialog', { name: 'Correct a field' });
    await fix.getByLabel('Field').selectOption('message');
    await fix.getByLabel('Correct value').fill('My number is private');
    await check(page, 1280, 'site-request-correct');
    await fix.getByRole('button', { name: 'Save the correction' }).click();
    await expect.poll(() => page.locator('.rq-message').nth(1).textContent()).toContain('My number is private');

    // Download what was found, for the requester.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as JSON' }).click()]);
    expect(download.suggestedFilename()).toBe(`privacy-request-${requestId}.json`);
    const file = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(file.submissions.map((s: { data: { message: string } }) => s.data.message)).toEqual(['Do you bake gluten-free?', 'My number is private']);
    expect(file.consentRecords[0].id).toBe(consentId);

    // Erase, confirmed in a dialog that says what goes and who is told.
    const before = receiver.received.length;
    await page.getByRole('button', { name: 'Erase their data…' }).click();
    const erase = page.getByRole('dialog', { name: 'Erase what the site holds about vera@example.com?' });
    const said = (await erase.textContent())!;
    expect(said).toContain('2 form messages from vera@example.com');
    expect(said).toContain('privacy.erasure');
    expect(said).toContain('127.0.0.1');
    expect(said).toMatch(/Kept:.*cookie choices/);
    await check(page, 1280, 'site-request-erase');
    await erase.getByRole('button', { name: 'Erase for good' }).click();
    await page.getByText(/2 form messages and \d+ queued or kept deliver(y|ies) were erased; 1 webhook endpoint was sent a privacy\.erasure event/).waitFor();
    await page.getByText('This site holds no form message from vera@example.com').waitFor();
    await expect.poll(() => receiver.received.length).toBeGreaterThan(before);
    const event = receiver.received.at(-1)!;
    expect(event.headers['x-atrium-event']).toBe('privacy.erasure');
    expect(JSON.parse(event.body)).toMatchObject({ subject: { email: 'vera@example.com' }, request: { id: requestId } });
    const left = await t.running.ctx.dbs.regions['de-frankfurt'].selectFrom('form_submissions').select('submitter_email').execute();
    expect(left).toEqual([{ submitter_email: 'otto@example.com' }]);

    // Complete: the visitor is told by mail, the timeline keeps it, the badge goes.
    await page.getByRole('button', { name: 'Complete…' }).click();
    const complete = page.getByRole('dialog', { name: 'Complete the request' });
    await complete.getByLabel('What was done').fill('We erased your two messages and told our CRM to erase them too.');
    await complete.getByRole('button', { name: 'Complete and tell them' }).click();
    await page.locator('.rq-detail-head').getByText('Completed').waitFor();
    await t.smtp.waitFor('vera@example.com', /Subject: Your erasure request is complete/);
    expect(lastMailTo(t, 'vera@example.com', /is complete/)).toContain('told our CRM to erase them too');
    const steps = await page.locator('.rq-step-name').allTextContents();
    expect(steps).toEqual([
      'Request filed',
      'Email address confirmed; the deadline started',
      'Receipt acknowledged',
      'Their data was looked up',
      'Data corrected',
      'Data erased',
      'Their data was looked up',
      'Completed',
    ]);
    await page.locator('.rq-mail', { hasText: 'Your erasure request is complete' }).locator('summary').click();
    expect(await page.locator('.rq-mail[open] .rq-mail-text').textContent()).toContain('told our CRM to erase them too');
    await expect.poll(() => nav.locator('.nav-count').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Erase their data…' }).count()).toBe(0);
    await check(page, 1280, 'site-request-done');
    expect(await requestStatus('de-frankfurt', requestId)).toBe('completed');
    expect(problems).toEqual([]);
    await context.close();

    // The same screens on a phone.
    const phone = await open(owner, 375);
    await phone.page.goto(`${t.baseUrl}/app/sites/${site.id}/privacy-requests`);
    await phone.page.getByRole('button', { name: /Answered/ }).click();
    await phone.page.getByRole('table').waitFor();
    await check(phone.page, 375, 'site-requests');
    await phone.page.goto(`${t.baseUrl}/app/sites/${site.id}/privacy-requests/${requestId}`);
    await phone.page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await check(phone.page, 375, 'site-request-done');
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });
});

describe('the operator console', () => {
  it('is shown to platform staff only; they extend a request with reasons, then refuse it, and the requester is mailed each time', async () => {
    const requestId = await fileOnPlatform(t, { type: 'erasure', email: 'uk@example.co.uk', name: 'Una', country: 'GB', details: 'Delete my account data.' });

    const other = await open(owner, 1280);
    await other.page.goto(`${t.baseUrl}/app/operator`);
    await other.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await other.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Operator' }).count()).toBe(0);
    await other.context.close();

    for (const width of [1280, 375]) {
      const { context, page, problems } = await open(staff, width);
      await page.goto(`${t.baseUrl}/app/`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Operator' }).click();
      await page.getByRole('heading', { name: 'Privacy requests to Atrium' }).waitFor();
      await page.locator('.rq-row', { hasText: 'uk@example.co.uk' }).waitFor();
      await check(page, width, 'operator');
      await context.close();
      expect(problems).toEqual([]);
    }

    const { context, page, problems } = await open(staff, 1280);
    await page.goto(`${t.baseUrl}/app/operator`);
    await page.locator('.rq-row', { hasText: 'uk@example.co.uk' }).getByRole('link').click();
    await page.getByRole('heading', { name: 'Erasure request' }).waitFor();
    expect(await page.getByRole('region', { name: 'The requester’s account' }).textContent()).toContain('No confirmed account uses uk@example.co.uk');
    const extendButton = page.getByRole('button', { name: 'Extend the deadline…' });
    const firstDue = (await page.locator('.rq-big-date').textContent())!;

    await extendButton.click();
    const extend = page.getByRole('dialog', { name: 'Extend the deadline' });
    expect(await extend.textContent()).toContain('adds 2 months');
    await extend.getByLabel('Why more time is needed').fill('busy');
    await extend.getByRole('button', { name: 'Extend and tell them' }).click();
    await extend.getByText(/at least 10 characters/).waitFor();
    await extend.getByLabel('Why more time is needed').fill('Your data sits in three systems and one of them is archived.');
    await check(page, 1280, 'operator-extend');
    await extend.getByRole('button', { name: 'Extend and tell them' }).click();
    await page.locator('.rq-detail-head').getByText('Extended').waitFor();
    expect(await page.locator('.rq-big-date').textContent()).not.toBe(firstDue);
    expect(await extendButton.isDisabled()).toBe(true);
    expect(await page.locator('#rq-no-extend').textContent()).toContain('extended once already');
    await t.smtp.waitFor('uk@example.co.uk', /Subject: Your erasure request: we need more time/);
    expect(lastMailTo(t, 'uk@example.co.uk', /need more time/)).toContain('one of them is archived');

    await page.getByRole('button', { name: 'Refuse…' }).click();
    const refuse = page.getByRole('dialog', { name: 'Refuse the request' });
    expect(await refuse.textContent()).toContain('Information Commissioner');
    await refuse.getByLabel('Your reasons').fill('We must keep invoices for six years by law.');
    await refuse.getByRole('button', { name: 'Refuse and tell them' }).click();
    await page.locator('.rq-detail-head').getByText('Refused').waitFor();
    await t.smtp.waitFor('uk@example.co.uk', /Subject: Your erasure request: our answer/);
    expect(lastMailTo(t, 'uk@example.co.uk', /our answer/)).toMatch(/six years by law[\s\S]*Information Commissioner/);
    expect(await page.locator('.rq-step-name').allTextContents()).toEqual([
      'Request filed',
      'Email address confirmed; the deadline started',
      'Receipt acknowledged',
      'Deadline extended',
      'Refused',
    ]);
    expect(await page.getByRole('button', { name: 'Complete…' }).count()).toBe(0);
    await check(page, 1280, 'operator-request');
    expect(await requestStatus('control', requestId)).toBe('refused');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the operator console, on a requester’s account', () => {
  it('sends the account’s data export with the same engine as self-service, then completes the request', async () => {
    const requester = t.client();
    await signUpVerified(requester, t.smtp, 'acct@example.com', 'Ann Account');
    const requestId = await fileOnPlatform(t, { type: 'access', email: 'acct@example.com', country: 'FR', details: 'A copy of my data, please.' });
    const { context, page, problems } = await open(staff, 1280);
    await page.goto(`${t.baseUrl}/app/operator/requests/${requestId}`);
    const card = page.getByRole('region', { name: 'The requester’s account' });
    await card.getByText('A confirmed account uses acct@example.com').waitFor();
    await card.getByRole('button', { name: 'Send their data export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send their data export?' });
    expect(await dialog.textContent()).toContain('works for 7 days');
    await dialog.getByRole('button', { name: 'Send their data export' }).click();
    await page.locator('.rq-step-name', { hasText: 'Data export sent' }).waitFor();
    const link = await t.smtp.waitFor('acct@example.com', /(http:\/\/\S+\/api\/privacy-requests\/download\?token=\S+)/);
    const zip = await t.client().get(new URL(link).pathname + new URL(link).search);
    expect(zip.status).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    await check(page, 1280, 'operator-account');

    await page.getByRole('button', { name: 'Complete…' }).click();
    const complete = page.getByRole('dialog', { name: 'Complete the request' });
    await complete.getByLabel('What was done').fill('We mailed you a link to everything we hold about your account.');
    await complete.getByRole('button', { name: 'Complete and tell them' }).click();
    await page.locator('.rq-detail-head').getByText('Completed').waitFor();
    expect(await card.count()).toBe(0);
    expect(await requestStatus('control', requestId)).toBe('completed');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the public request page', () => {
  it('is linked from the sign-in page, files a request, and confirms it only when the button is pressed', async () => {
    const { context, page, problems } = await open(null, 1280);
    await page.goto(`${t.baseUrl}/app/login`);
    await page.getByRole('link', { name: 'Your personal data: make a privacy request' }).click();
    await page.getByRole('heading', { name: 'Ask about your personal data' }).waitFor();

    // Nothing plainly missing is sent.
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Choose what you would like us to do.').waitFor();
    expect(await page.locator('.field-error').allTextContents()).toEqual([
      'Choose what you would like us to do.',
      'Your email is required.',
      'Choose the country where you live.',
      'Say what the request is about.',
    ]);
    await check(page, 1280, 'public-request-errors');

    await page.getByLabel(/Delete my data/).check();
    await page.getByLabel('Your email').fill('cal@example.com');
    await page.getByLabel('Your name (optional)').fill('Cal');
    expect(await page.getByLabel('State').count()).toBe(0);
    await page.getByLabel('Where you live').selectOption('US');
    await page.getByLabel('State').selectOption('CA');
    await page.getByLabel('Your request').fill('Please delete the account I opened last year.');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Check your inbox').waitFor();
    expect(problems).toEqual([]);
    await context.close();

    const link = await t.smtp.waitFor('cal@example.com', /(http:\/\/\S+\/app\/privacy-request\/confirm\?token=[A-Za-z0-9_-]+)/);
    const pending = await t.running.ctx.dbs.control.selectFrom('privacy_requests').select(['id', 'status']).where('email', '=', 'cal@example.com').execute();
    expect(pending).toEqual([{ id: expect.any(String), status: 'unverified' }]);

    for (const width of [375, 1280]) {
      const tab = await open(null, width);
      await tab.page.goto(link);
      await tab.page.getByRole('button', { name: 'Confirm my request' }).waitFor();
      await check(tab.page, width, 'public-confirm');
      if (width === 375) {
        // Opening the link (as a mail scanner would) confirmed nothing.
        expect(await requestStatus('control', pending[0]!.id)).toBe('unverified');
        await tab.page.getByRole('button', { name: 'Confirm my request' }).click();
        await tab.page.getByRole('heading', { name: 'Your request is confirmed' }).waitFor();
        const due = new Date(
          Date.parse(
            (await t.running.ctx.dbs.control.selectFrom('privacy_requests').select('due_at').where('id', '=', pending[0]!.id).executeTakeFirstOrThrow())
              .due_at!,
          ),
        );
        const text = (await tab.page.locator('.pr-receipt').textContent())!;
        expect(text).toContain('California (CCPA)');
        expect(text).toContain(due.toLocaleDateString('en', { dateStyle: 'long', timeZone: 'UTC' }));
        expect(await requestStatus('control', pending[0]!.id)).toBe('open');
        await check(tab.page, width, 'public-confirmed');
      } else {
        // The link works once.
        await tab.page.getByRole('button', { name: 'Confirm my request' }).click();
        await tab.page.getByText(/This link was used already/).waitFor();
      }
      expect(tab.problems).toEqual([]);
      await tab.context.close();
    }
    await t.smtp.waitFor('cal@example.com', /Subject: We received your erasure request/);
  });

  it('at 375 px', async () => {
    const { context, page, problems } = await open(null, 375);
    await page.goto(`${t.baseUrl}/app/privacy-request`);
    await page.getByLabel(/See my data/).check();
    await check(page, 375, 'public-request');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('deadlines on the list', () => {
  it('flag an overdue request in red (and the badge), and an extension can no longer be announced', async () => {
    const requestId = await fileOnSite(t, site.slug, { type: 'access', email: 'otto@example.com', country: 'FR', details: 'What do you keep about me?' });
    (t.running.ctx.clock as MovableClock).advance(25 * DAY);
    const { context, page, problems } = await open(owner, 1280);
    await page.goto(`${t.baseUrl}/app/sites/${site.id}/privacy-requests`);
    const row = page.locator('.rq-row', { hasText: 'otto@example.com' });
    await row.waitFor();
    expect(await row.getAttribute('class')).toContain('is-soon');
    expect(await row.locator('.rq-due').textContent()).toMatch(/Due in \d days/);

    (t.running.ctx.clock as MovableClock).advance(8 * DAY);
    await page.reload();
    await row.waitFor();
    expect(await row.getAttribute('class')).toContain('is-overdue');
    expect(await row.locator('.rq-due').textContent()).toMatch(/\d+ days? overdue/);
    expect(await page.locator('.rq-overdue-note').textContent()).toBe('1 overdue: answer it first');
    const badge = page.getByRole('navigation', { name: 'Site' }).locator('.nav-count-overdue');
    expect(await badge.textContent()).toContain('1 overdue');
    const red = await row.locator('.rq-due').evaluate((el) => getComputedStyle(el).color);
    expect(red).toBe('rgb(180, 35, 24)');

    await row.getByRole('link').click();
    await page.getByRole('heading', { name: 'Access request' }).waitFor();
    expect(await page.getByRole('button', { name: 'Extend the deadline…' }).isDisabled()).toBe(true);
    expect(await page.locator('#rq-no-extend').textContent()).toContain('The deadline has passed');
    await check(page, 1280, 'site-request-overdue');
    expect(await requestStatus('de-frankfurt', requestId)).toBe('open');
    expect(problems).toEqual([]);
    await context.close();
  });
});
