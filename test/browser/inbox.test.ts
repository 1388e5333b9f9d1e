// The subscriber's side of forms in Chromium, against a real Atrium with a
// loopback webhook receiver: a visitor sends the form on the published site
// with JavaScript on (in place) and off (plain POST, thank-you page); the owner
// sees both in the inbox with the unread badge on the sites list and the site
// navigation, searches, reads one, moves another to spam and back, deletes
// spam, exports CSV, adds a webhook and watches deliveries (failing, retried,
// then delivered) in its log. Every screen is checked with axe-core (no
// serious or critical violations), for CSP violations and sideways scrolling,
// at 1280 and 375 px. Screenshots go to $ATRIUM_INBOX_SHOTS (default
// test-results/inbox).
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousA11yViolations, settle, watchProblems } from '../helpers/browser.js';
import { HttpClient, signUpVerified } from '../helpers/http.js';
import { startReceiver } from '../helpers/receiver.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SHOTS = process.env.ATRIUM_INBOX_SHOTS ?? 'test-results/inbox';
const CONSENT = 'I agree that Formy Bakery stores my message to reply to me.';
const FORM = {
  type: 'form',
  props: {
    id: 'contact',
    heading: 'Order a cake',
    fields: [
      { name: 'name', type: 'text', label: 'Your name', required: true },
      { name: 'email', type: 'email', label: 'Email', required: true },
      { name: 'topic', type: 'select', label: 'Topic', options: ['Wedding cake', 'Birthday cake', 'Something else'] },
      { name: 'message', type: 'textarea', label: 'Message', required: true, maxLength: 2000 },
      { name: 'consent', type: 'consent', label: CONSENT, required: true },
    ],
    buttonLabel: 'Send',
    successMessage: 'Thanks! We will get back to you within a day.',
  },
};

let t: TestServer;
let browser: Browser;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let owner: HttpClient;
let site: { id: string; slug: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const siteUrl = (p: string) => `http://${site.slug}.localhost:${t.port}${p}`;

beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestServer({ ATRIUM_WEBHOOKS_ALLOW_PRIVATE: 'true', ATRIUM_RETRY_BASE_MS: '1000' });
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });

  owner = t.client();
  await signUpVerified(owner, t.smtp, 'owner@example.com', 'Grace Hopper');
  const created = await owner.post('/api/sites', { name: 'Formy Bakery', slug: 'formy', template: 'saas', region: 'de-frankfurt', defaultLanguage: 'en' });
  expect(created.status, created.text).toBe(201);
  site = created.json;
  const doc = created.json.document;
  const contact = doc.pages.find((p: { path: string }) => p.path === '/contact');
  contact.blocks = [...contact.blocks.filter((b: { type: string }) => b.type === 'hero'), FORM];
  const saved = await owner.put(`/api/sites/${site.id}/draft`, { revision: created.json.revision, document: doc });
  expect(saved.status, saved.text).toBe(200);
  expect((await owner.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await receiver?.close();
});

/** A dashboard tab logged in as the owner. */
async function loggedIn(width: number): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height: width > 500 ? 860 : 780 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    acceptDownloads: true,
  });
  await context.addCookies([
    { name: 'atrium_session', value: owner.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl });
  const problems = await watchProblems(context);
  return { context, page: await context.newPage(), problems };
}

async function check(page: Page, width: number, name: string, opts: { fullPage?: boolean } = {}) {
  await settle(page);
  expect((await seriousA11yViolations(page)).map((v) => `${name}: ${v}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
  // A page from its top, or the viewport under an open dialog; toasts (which cover content) are left out.
  const modal = await page.evaluate(() => !!document.querySelector('dialog[open]'));
  if (!modal) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: !modal && opts.fullPage !== false, style: '.toaster { display: none; }' });
}

/** A visitor fills the form on the published contact page, in a browser with JavaScript on or off. */
async function visitorSends(values: { name: string; email: string; topic: string; message: string }, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1024, height: 800 } });
  const problems = await watchProblems(context);
  const page = await context.newPage();
  const res = await page.goto(siteUrl('/contact'));
  expect(res?.status()).toBe(200);
  await page.waitForTimeout(2500); // the server refuses a form sent less than 2 s after the page loaded
  await page.fill('#contact-name', values.name);
  await page.fill('#contact-email', values.email);
  await page.selectOption('#contact-topic', values.topic);
  await page.fill('#contact-message', values.message);
  await page.check('#contact-consent');
  if (javaScriptEnabled) {
    await page.click('.form-submit');
    await page.waitForSelector('#contact-status.is-success');
    expect(await page.textContent('#contact-status')).toBe(FORM.props.successMessage);
    expect(page.url()).toBe(siteUrl('/contact'));
  } else {
    await Promise.all([page.waitForURL(siteUrl('/_atrium/forms/contact/thanks')), page.click('.form-submit')]);
    expect(await page.textContent('h1')).toBe('Thank you');
  }
  expect(problems).toEqual([]);
  await context.close();
}

/** The same form sent over HTTP, with the c_r_id_ token cookie from loading the page (for spam and webhook deliveries). */
async function sendOverHttp(body: Record<string, string>) {
  const visitor = new HttpClient(t.port);
  const host = `${site.slug}.localhost`;
  const page = await visitor.get('/contact', { host });
  const cookie = (page.headers['set-cookie'] ?? []).find((v) => v.startsWith('c_r_id_='))!.split(';')[0]!;
  await sleep(2100);
  const r = await visitor.request('POST', '/_atrium/forms/contact', undefined, {
    host,
    raw: new URLSearchParams({ consent: 'on', topic: 'Something else', ...body }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie },
  });
  expect(r.status, r.text).toBe(201);
}

const list = (page: Page) => page.locator('.msg-list .msg-from');
const names = async (page: Page) => (await list(page).allTextContents()).map((s) => s.replace(/^Unread: /, ''));

describe('the inbox in Chromium', () => {
  it('shows what to do before any message arrives', async () => {
    const { context, page, problems } = await loggedIn(1280);
    await page.goto(`${t.baseUrl}/app/sites/${site.id}/inbox`);
    await page.getByRole('heading', { name: 'No messages yet' }).waitFor();
    await check(page, 1280, '30-inbox-empty');
    await page.getByRole('button', { name: 'Spam', exact: true }).click();
    await page.getByRole('heading', { name: 'No spam' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('receives the form with JavaScript on and off, then reads, searches, moves, deletes and exports in the inbox', async () => {
    await visitorSends(
      { name: 'Mia Chen', email: 'Mia@Example.com', topic: 'Wedding cake', message: 'Three tiers, lemon and elderflower,\nfor 120 guests on June 14.' },
      true,
    );
    await visitorSends(
      { name: 'No Script', email: 'noscript@example.org', topic: 'Birthday cake', message: 'A <b>chocolate</b> cake =SUM(A1:A2) for Saturday, please.' },
      false,
    );
    await sendOverHttp({ name: 'Bot', email: 'bot@example.net', message: 'cheap backlinks', _hp: 'http://spam.example' });

    const width = 1280;
    const { context, page, problems } = await loggedIn(width);

    // The sites list shows the unread count and links to the inbox.
    await page.goto(`${t.baseUrl}/app`);
    const badge = page.locator('.site-card', { hasText: 'Formy Bakery' }).getByRole('link', { name: /2 new messages in the inbox of Formy Bakery/ });
    await badge.waitFor();
    await check(page, width, '31-sites-badge');
    await badge.click();
    await page.waitForURL(`**/app/sites/${site.id}/inbox`);

    // Both messages, newest first, unread; the count in the site navigation.
    await expect.poll(() => names(page)).toEqual(['No Script', 'Mia Chen']);
    expect(await page.locator('.msg.is-unread').count()).toBe(2);
    const navInbox = page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: /Inbox/ });
    expect(await navInbox.getAttribute('aria-current')).toBe('page');
    expect(await navInbox.textContent()).toBe('Inbox2 unread');
    // Submitted text is text: no markup from a visitor becomes an element.
    expect(await page.locator('.msg-list b').count()).toBe(0);
    expect(await page.locator('.msg-list').textContent()).toContain('A <b>chocolate</b> cake =SUM(A1:A2)');
    await check(page, width, '32-inbox');

    // Search.
    await page.getByRole('searchbox', { name: 'Search messages' }).fill('elderflower');
    await expect.poll(() => names(page)).toEqual(['Mia Chen']);
    await check(page, width, '33-inbox-search');
    await page.getByRole('searchbox', { name: 'Search messages' }).fill('nothing like this');
    await page.getByText('No messages in Inbox match').waitFor();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect.poll(() => names(page)).toEqual(['No Script', 'Mia Chen']);

    // Read one: the reader shows the answers under their labels, the consent wording, the page; the badge goes down.
    await list(page).filter({ hasText: 'Mia Chen' }).click();
    const reader = page.locator('.reader');
    await reader.getByRole('heading', { name: 'Mia Chen' }).waitFor();
    expect(await reader.locator('.reader-email a').getAttribute('href')).toBe('mailto:mia%40example.com?subject=Re%3A%20Order%20a%20cake');
    expect(await reader.getByRole('link', { name: 'Reply' }).getAttribute('href')).toMatch(/^mailto:mia%40example\.com\?/);
    expect(await reader.locator('dt').allTextContents()).toEqual(['Your name', 'Email', 'Topic', 'Message']);
    expect(await reader.locator('.reader-field.is-long dd').textContent()).toBe('Three tiers, lemon and elderflower,\nfor 120 guests on June 14.');
    expect(await reader.locator('.reader-consent-text').textContent()).toBe(CONSENT);
    expect(await reader.locator('.reader-foot').textContent()).toContain(`formy.localhost:${t.port}/contact`);
    await expect.poll(() => navInbox.textContent()).toBe('Inbox1 unread');
    expect(await page.locator('.msg.is-unread').count()).toBe(1);
    await check(page, width, '34-inbox-reading');

    // Arrow keys move through the list and open the message under focus.
    await page.locator('.msg[aria-current="true"]').focus();
    await page.keyboard.press('ArrowUp');
    await reader.getByRole('heading', { name: 'No Script' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('No Script');
    await expect.poll(() => navInbox.textContent()).toBe('Inbox');
    expect(await reader.locator('.reader-field.is-long dd').textContent()).toBe('A <b>chocolate</b> cake =SUM(A1:A2) for Saturday, please.');
    expect(await reader.locator('b').count()).toBe(0);

    // Mark unread, then mark as spam: it leaves the inbox and shows up in Spam with the bot.
    await reader.getByRole('button', { name: 'Mark unread' }).click();
    await expect.poll(() => navInbox.textContent()).toBe('Inbox1 unread');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Mark read'); // the button toggles, focus stays on it
    await reader.getByRole('button', { name: 'Mark as spam' }).click();
    await expect.poll(() => names(page)).toEqual(['Mia Chen']);
    await expect.poll(() => navInbox.textContent()).toBe('Inbox');
    await page.getByRole('button', { name: 'Spam', exact: true }).click();
    await expect.poll(() => names(page)).toEqual(['Bot', 'No Script']);
    await list(page).filter({ hasText: 'Bot' }).click();
    await reader.getByText('Atrium put this message in Spam').waitFor();
    expect(await reader.locator('.reader-spam-reasons li').allTextContents()).toEqual(['Filled the hidden field bots fill']);
    await check(page, width, '35-spam');

    // Delete the bot's message (with a confirmation); rescue the other.
    await reader.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete this message?' }).waitFor();
    await check(page, width, '36-delete-dialog');
    await page.getByRole('button', { name: 'Delete message' }).click();
    await expect.poll(() => names(page)).toEqual(['No Script']);
    await list(page).filter({ hasText: 'No Script' }).click();
    await reader.getByRole('button', { name: 'Not spam' }).click();
    await expect.poll(() => page.locator('.msg-list').count()).toBe(0);
    await page.getByRole('heading', { name: 'No spam' }).waitFor();
    await page.getByRole('button', { name: /^Inbox/ }).click();
    await expect.poll(() => names(page)).toEqual(['No Script', 'Mia Chen']);

    // Export the inbox as CSV: a download of what is in the folder, formula cells neutralised.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export Inbox as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^formy-inbox-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('id,received_at,status,page,form,email,name,email,topic,message,consent,consent_text');
    expect(csv).toContain('Mia Chen');
    expect(csv).toContain('A <b>chocolate</b> cake =SUM(A1:A2) for Saturday, please.');
    expect(csv.trim().split('\n')).toHaveLength(4); // header and two messages, one with a two-line message

    // Shortcuts: / focuses the search.
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inbox-search');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('adds a webhook, shows how to verify it and logs failing, retried and delivered requests', async () => {
    const width = 1280;
    const { context, page, problems } = await loggedIn(width);
    await page.goto(`${t.baseUrl}/app/sites/${site.id}/inbox`);
    await page.getByRole('link', { name: 'Send them to your own tools with webhooks' }).click();
    await page.waitForURL(`**/app/sites/${site.id}/settings#webhooks`);
    await page.getByText('No webhooks yet.').waitFor();

    // A URL that is not one is refused at its field.
    await page.getByLabel('Add a webhook').fill('not a url');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.locator('.field-error').getByText('Add a webhook must be a URL.').waitFor();

    await page.getByLabel('Add a webhook').fill(receiver.url);
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const hook = page.locator('.hook', { hasText: receiver.url });
    await hook.waitFor();
    await hook.getByText('No deliveries yet.').first().waitFor();
    const hooks = (await owner.get(`/api/sites/${site.id}/webhooks`)).json.webhooks;
    const secret = hooks[0].secret as string;
    // Shown right after adding, then hidden behind Reveal.
    expect(await hook.locator('.hook-secret-value').textContent()).toBe(secret);
    await hook.getByRole('button', { name: 'Hide signing secret' }).click();
    expect(await hook.locator('.hook-secret-value').textContent()).not.toContain(secret.slice(6));
    await hook.getByRole('button', { name: 'Copy signing secret' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await page.getByText('How to verify that a delivery comes from Atrium').click();
    await page.getByText('X-Atrium-Signature: t=').waitFor();
    await check(page, width, '40-webhooks');

    // A failing receiver: the delivery is logged with its status and retried.
    receiver.answer(500);
    await sendOverHttp({ name: 'Retry Me', email: 'retry@example.com', message: 'Do you deliver to Potsdam?' });
    const refresh = hook.getByRole('button', { name: /Refresh/ });
    await expect
      .poll(
        async () => {
          await refresh.click();
          return hook.locator('.delivery-code.is-error').count();
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    await hook.getByText('Retrying').first().waitFor();
    expect(await hook.locator('.delivery-error').first().textContent()).toBe('the receiver answered 500');
    await check(page, width, '41-webhooks-retrying', { fullPage: true });

    // The receiver recovers: the next retry is delivered and the retry entry goes away.
    receiver.answer(200);
    await expect
      .poll(
        async () => {
          await refresh.click();
          return (await hook.locator('.delivery-code.is-ok').count()) > 0 && (await hook.locator('.hook-retrying').count()) === 0;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(await hook.locator('.badge').textContent()).toBe('Working');
    const delivered = receiver.received.at(-1)!;
    const [, ts, sig] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(delivered.headers['x-atrium-signature']))!;
    expect(createHmac('sha256', secret).update(`${ts}.${delivered.body}`).digest('hex')).toBe(sig);
    await check(page, width, '42-webhooks-delivered');

    // The delivery links to its message in the inbox.
    await hook.locator('.delivery-code.is-ok').first().locator('xpath=..').getByRole('link').click();
    await page.locator('.reader').getByRole('heading', { name: 'Retry Me' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works on a phone: the list, then the message, then back', async () => {
    const width = 375;
    const { context, page, problems } = await loggedIn(width);
    await page.goto(`${t.baseUrl}/app`);
    await check(page, width, '31-sites-badge');
    await page.goto(`${t.baseUrl}/app/sites/${site.id}/inbox`);
    await expect.poll(() => names(page)).toEqual(['Retry Me', 'No Script', 'Mia Chen']);
    await check(page, width, '32-inbox');
    await list(page).filter({ hasText: 'Mia Chen' }).click();
    const reader = page.locator('.reader');
    await reader.getByRole('heading', { name: 'Mia Chen' }).waitFor();
    expect(await page.locator('.msg-list').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reader-title');
    await check(page, width, '34-inbox-reading');
    await reader.getByRole('button', { name: 'All messages' }).click();
    await page.locator('.msg-list').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Mia Chen');
    await page.getByRole('button', { name: 'Spam', exact: true }).click();
    await page.getByRole('heading', { name: 'No spam' }).waitFor();
    await check(page, width, '35-spam-empty');

    await page.goto(`${t.baseUrl}/app/sites/${site.id}/settings#webhooks`);
    await page.locator('.hook').waitFor();
    await page.getByText('How to verify that a delivery comes from Atrium').click();
    await check(page, width, '40-webhooks');

    // Nothing scrolls sideways on the narrowest phones either.
    await page.setViewportSize({ width: 360, height: 740 });
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await page.goto(`${t.baseUrl}/app/sites/${site.id}/inbox`);
    await list(page).filter({ hasText: 'No Script' }).click();
    await page.locator('.reader').getByRole('heading', { name: 'No Script' }).waitFor();
    expect(await sideways()).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
