// Screenshots the form block on a published page (light and dark themes, every
// tone, desktop and phone widths), its in-place error and success states with
// the runtime script, and the no-JavaScript thank-you and error pages, into
// /tmp/atrium-form-shots. A stub endpoint answers the form like the server does.
// Usage: npx tsx scripts/screenshot-form.ts
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { launchChromium } from '../test/helpers/browser.js';
import { renderFormErrorPage, renderFormThanksPage, renderSite } from '../src/rendering/render-site.js';
import { runtimeScript } from '../src/runtime/index.js';
import { SiteDocument } from '../src/site-document/schema.js';
import { THEMES } from '../src/themes/index.js';

const OUT = '/tmp/atrium-form-shots';
mkdirSync(OUT, { recursive: true });

const fields = [
  { name: 'name', type: 'text', label: 'Name', required: true, placeholder: 'Ada Lovelace' },
  { name: 'email', type: 'email', label: 'Work email', required: true, placeholder: 'ada@company.com' },
  { name: 'company', type: 'text', label: 'Company' },
  { name: 'topic', type: 'select', label: 'What can we help with?', options: ['Sales', 'Support', 'Partnerships'] },
  { name: 'message', type: 'textarea', label: 'Message', required: true, placeholder: 'Tell us a little about your project…' },
  { name: 'consent', type: 'consent', label: 'I agree that Acme stores my message to reply to me.', required: true },
];

function doc(themeId: string, tone: string) {
  return SiteDocument.parse({
    version: 1,
    defaultLanguage: 'en',
    theme: structuredClone(THEMES[themeId]!),
    navigation: { brand: 'Acme', links: [{ label: 'Pricing', href: '/pricing' }], cta: { label: 'Start', href: '/start' } },
    footer: { columns: [], legal: '© 2026 Acme Inc.' },
    pages: [
      { id: 'home', path: '/', title: 'Home', blocks: [{ type: 'hero', props: { id: 'hero', heading: 'Acme' } }] },
      {
        id: 'contact',
        path: '/contact',
        title: 'Contact',
        blocks: [
          {
            type: 'form',
            props: {
              id: 'contact',
              heading: 'Talk to our team',
              subheading: 'Questions about plans, a demo, or anything else: we answer within one business day.',
              fields,
              buttonLabel: 'Send message',
              tone,
            },
          },
          { type: 'form', props: { id: 'signup', fields: [fields[1]], buttonLabel: 'Join the waitlist', tone } },
        ],
      },
    ],
  });
}

const variants: { name: string; theme: string; tone: string }[] = [
  { name: 'light', theme: 'indigo', tone: 'default' },
  { name: 'dark', theme: 'midnight', tone: 'default' },
  { name: 'light-surface', theme: 'sand', tone: 'surface' },
  { name: 'light-primary', theme: 'indigo', tone: 'primary' },
  { name: 'light-dark', theme: 'mint', tone: 'dark' },
  { name: 'dark-surface', theme: 'midnight', tone: 'surface' },
];

const ctx = { siteUrl: 'http://localhost', siteName: 'Acme' };
const js = runtimeScript('forms');
let current = variants[0]!;
let answer: 'invalid' | 'ok' | 'limited' = 'invalid';

const server = createServer((req, res) => {
  const url = (req.url ?? '/').split('?')[0]!;
  const d = doc(current.theme, current.tone);
  const site = renderSite(d, ctx);
  const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  if (url === site.css.path) return res.writeHead(200, { 'content-type': 'text/css' }).end(site.css.body);
  if (url === '/_atrium/runtime.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
  if (url === '/_atrium/forms/contact/thanks') return html(renderFormThanksPage(d, ctx, 'contact'));
  if (url === '/error')
    return html(
      renderFormErrorPage(d, ctx, {
        formId: 'contact',
        issues: [
          { field: 'email', message: 'must be an email address' },
          { field: 'consent', message: 'needs your agreement to send this form' },
        ],
        backHref: '/contact',
      }),
    );
  if (req.method === 'POST' && url.startsWith('/_atrium/forms/')) {
    const send = (status: number, body: object) =>
      setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)), 150);
    if (answer === 'invalid')
      return send(400, {
        error: 'invalid_input',
        message: 'Some answers need another look',
        issues: [
          { path: 'email', message: 'must be an email address' },
          { path: 'message', message: 'Message is required' },
        ],
      });
    if (answer === 'limited') return send(429, { message: 'Too many messages from your network. Please wait a minute and try again.' });
    return send(201, { ok: true, message: 'Thanks! We received your message and will get back to you soon.' });
  }
  const page = site.pages.find((p) => p.path === url);
  if (!page) return res.writeHead(404).end();
  html(page.html.replace('</head>', '<script src="/_atrium/runtime.js" defer></script></head>'));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

const browser = await launchChromium();
try {
  for (const v of variants) {
    current = v;
    for (const width of [1280, 375, 360]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${base}/contact`, { waitUntil: 'load' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) console.warn(`${v.name} @${width}: horizontal overflow ${overflow}px`);
      const shot = (what: string) => page.locator('#contact').screenshot({ path: join(OUT, `${v.name}-${what}-${width}.png`) });
      if (width === 360) {
        await shot('form');
        await page.close();
        continue;
      }
      await page.screenshot({ path: join(OUT, `${v.name}-page-${width}.png`), fullPage: true });
      if (v.name === 'light' || v.name === 'dark') {
        // Focus ring and a typed value.
        await page.fill('#contact-name', 'Ada Lovelace');
        await page.focus('#contact-email');
        await page.keyboard.type('ada@');
        await shot('focus');
        // The server refuses two fields: inline messages, focus on the first.
        await page.fill('#contact-email', 'ada@example');
        await page.fill('#contact-message', 'x');
        await page.check('#contact-consent');
        answer = 'invalid';
        await page.click('#contact .form-submit');
        await page.waitForSelector('#contact-email-error:not([hidden])');
        const focused = await page.evaluate(() => document.activeElement?.id);
        if (focused !== 'contact-email') console.warn(`${v.name}: focus after errors is on ${focused}`);
        await shot('errors');
        // Rate limited: a form-level message, button usable again.
        answer = 'limited';
        await page.fill('#contact-email', 'ada@example.com');
        await page.click('#contact .form-submit');
        await page.waitForSelector('#contact-status:not([hidden])');
        await shot('limited');
        // Accepted: the fields give way to the message.
        answer = 'ok';
        await page.click('#contact .form-submit');
        await page.waitForSelector('#contact.form-section .form-done');
        await shot('success');
        // The no-JavaScript pages.
        await page.goto(`${base}/_atrium/forms/contact/thanks`);
        await page.screenshot({ path: join(OUT, `${v.name}-thanks-${width}.png`), fullPage: true });
        await page.goto(`${base}/error`);
        await page.screenshot({ path: join(OUT, `${v.name}-error-page-${width}.png`), fullPage: true });
      }
      if (errors.length) console.warn(`${v.name} @${width}: ${errors.join('; ')}`);
      await page.close();
    }
    console.log(`shot ${v.name}`);
  }
} finally {
  await browser.close();
  server.close();
}
