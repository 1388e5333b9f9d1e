// The form block and its runtime script in Chromium, against a stub of the
// form endpoint that answers as the server does: inline field errors with
// focus on the first, form-level errors, network failure, success in place,
// redirect, and the plain POST with JavaScript off.
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFormThanksPage, renderSite } from '../../src/rendering/render-site.js';
import { runtimeScript } from '../../src/runtime/index.js';
import { launchChromium } from '../helpers/browser.js';
import { docWith } from '../rendering/helpers.js';

const doc = docWith([
  { id: 'home', path: '/', title: 'Home', blocks: [{ type: 'hero', props: { id: 'hero', heading: 'Acme' } }] },
  { id: 'done', path: '/welcome', title: 'Welcome', blocks: [{ type: 'cta', props: { id: 'w', heading: 'Welcome aboard' } }] },
  {
    id: 'contact',
    path: '/contact',
    title: 'Contact',
    blocks: [
      {
        type: 'form',
        props: {
          id: 'contact',
          heading: 'Talk to us',
          fields: [
            { name: 'name', type: 'text', label: 'Name', required: true },
            { name: 'email', type: 'email', label: 'Email', required: true },
            { name: 'consent', type: 'consent', label: 'I agree that Acme stores my message.', required: true },
          ],
          buttonLabel: 'Send message',
          successMessage: 'Thanks, we will be in touch.',
        },
      },
    ],
  },
]);
const ctx = { siteUrl: 'http://localhost', siteName: 'Acme' };
const site = renderSite(doc, ctx);

type Reply = { status: number; body?: object; hang?: boolean } | 'drop';
let reply: Reply = { status: 201, body: { ok: true, message: 'Thanks, we will be in touch.' } };
const received: { accept: string; type: string; body: string }[] = [];

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0]!;
    if (url === site.css.path) return res.writeHead(200, { 'content-type': 'text/css' }).end(site.css.body);
    if (url === '/_atrium/runtime.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(runtimeScript('forms'));
    if (url === '/_atrium/forms/contact/thanks') return res.writeHead(200, { 'content-type': 'text/html' }).end(renderFormThanksPage(doc, ctx, 'contact'));
    if (req.method === 'POST' && url === '/_atrium/forms/contact') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ accept: req.headers.accept ?? '', type: req.headers['content-type'] ?? '', body });
        if (!/json/.test(req.headers.accept ?? '')) return res.writeHead(303, { location: '/_atrium/forms/contact/thanks' }).end();
        if (reply === 'drop') return req.socket.destroy();
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body ?? {}));
      });
      return;
    }
    const page = site.pages.find((p) => p.path === url);
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': 'text/html',
      'content-security-policy': "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'",
    });
    res.end(page.html.replace('</head>', '<script src="/_atrium/runtime.js" defer></script></head>'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(javaScriptEnabled = true): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(m.text());
  });
  await page.goto(`${base}/contact`);
  return { page, problems };
}

async function fill(page: Page) {
  await page.fill('#contact-name', 'Ada');
  await page.fill('#contact-email', 'ada@example.com');
  await page.check('#contact-consent');
}

const active = (page: Page) => page.evaluate(() => document.activeElement?.id);

describe('the form runtime', () => {
  it('leaves an incomplete form to the browser’s own validation', async () => {
    const { page, problems } = await open();
    const before = received.length;
    await page.click('.form-submit');
    await page.waitForTimeout(200);
    expect(received.length).toBe(before);
    expect(await active(page)).toBe('contact-name');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('sends the fields as a form-encoded POST and shows the success message in place', async () => {
    const { page, problems } = await open();
    await fill(page);
    reply = { status: 201, body: { ok: true, message: 'Thanks, we will be in touch.' } };
    await page.click('.form-submit');
    await page.waitForSelector('#contact-status.is-success');
    const sent = received.at(-1)!;
    expect(sent.accept).toBe('application/json');
    expect(sent.type).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({ name: 'Ada', email: 'ada@example.com', consent: 'on', _hp: '' });
    expect(await page.textContent('#contact-status')).toBe('Thanks, we will be in touch.');
    expect(await active(page)).toBe('contact-status');
    expect(await page.isVisible('#contact-name')).toBe(false);
    expect(page.url()).toBe(`${base}/contact`);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows the server’s field errors inline, marks them invalid and focuses the first', async () => {
    const { page } = await open();
    await fill(page);
    reply = {
      status: 400,
      body: {
        error: 'invalid_input',
        message: 'Some answers need another look',
        issues: [
          { path: 'email', message: 'must be an email address' },
          { path: 'consent', message: 'needs your agreement to send this form' },
          { path: 'token', message: 'This form has expired. Reload the page' },
        ],
      },
    };
    await page.click('.form-submit');
    await page.waitForSelector('#contact-email-error:not([hidden])');
    expect(await page.textContent('#contact-email-error')).toBe('Must be an email address.');
    expect(await page.getAttribute('#contact-email', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#contact-consent', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#contact-name', 'aria-invalid')).toBeNull();
    expect(await active(page)).toBe('contact-email');
    expect(await page.textContent('#contact-status')).toBe('This form has expired. Reload the page.');
    expect(await page.isEnabled('.form-submit')).toBe(true);
    // Editing the field clears its message.
    await page.fill('#contact-email', 'ada@example.org');
    expect(await page.isHidden('#contact-email-error')).toBe(true);
    expect(await page.getAttribute('#contact-email', 'aria-invalid')).toBeNull();
    await page.context().close();
  });

  it('shows form-level refusals and network failures, and lets the visitor retry', async () => {
    const { page } = await open();
    await fill(page);
    for (const [r, text] of [
      [{ status: 429, body: { error: 'rate_limited', message: 'Too many messages. Try again in a minute.' } }, 'Too many messages. Try again in a minute.'],
      [{ status: 403, body: { error: 'invalid_token', message: 'This form has expired. Reload the page and try again.' } }, 'This form has expired.'],
      [{ status: 502 }, 'Your message could not be sent. Please try again in a moment.'],
      ['drop', 'connection failed'],
    ] as const) {
      reply = r;
      await page.click('.form-submit');
      await expect.poll(() => page.textContent('#contact-status')).toContain(text);
      expect(await page.getAttribute('#contact-status', 'class')).toContain('is-error');
      expect(await page.isEnabled('.form-submit')).toBe(true);
      expect(await active(page)).toBe('contact-status');
    }
    await page.context().close();
  });

  it('follows a same-site redirect from the server', async () => {
    const { page } = await open();
    await fill(page);
    reply = { status: 201, body: { ok: true, message: 'Thanks', redirect: '/welcome' } };
    await Promise.all([page.waitForURL(`${base}/welcome`), page.click('.form-submit')]);
    await page.context().close();
  });

  it('works as a plain POST with JavaScript off', async () => {
    const { page } = await open(false);
    await fill(page);
    await Promise.all([page.waitForURL(`${base}/_atrium/forms/contact/thanks`), page.click('.form-submit')]);
    expect(await page.textContent('h1')).toBe('Thank you');
    expect(await page.textContent('main')).toContain('Thanks, we will be in touch.');
    expect(received.at(-1)!.type).toBe('application/x-www-form-urlencoded');
    await page.context().close();
  });
});
