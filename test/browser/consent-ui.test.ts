// The subscriber's side of consent in Chromium: an Embed block in the editor
// (the link checked by the provider's rules as it is typed, the canvas showing
// the placeholder visitors get), custom code for one page from the editor's
// page settings and for every page from site settings (the category must be
// chosen; the server's refusals appear next to the field they name), and the
// "Privacy & cookies" settings (banner mode, Global Privacy Control, wording),
// each checked in the draft over the API. Every screen is checked with axe-core
// and for sideways scrolling at 1280 and 360 px. Screenshots go to
// $ATRIUM_CONSENT_SHOTS (default test-results/consent-ui).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousA11yViolations, settle, watchProblems } from '../helpers/browser.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SHOTS = process.env.ATRIUM_CONSENT_SHOTS ?? 'test-results/consent-ui';

let t: TestServer;
let browser: Browser;
let api: HttpClient;

beforeAll(async () => {
  t = await startTestServer();
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  api = t.client();
  await signUpVerified(api, t.smtp, 'consent@example.com', 'Ada Lovelace');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A logged-in tab; the 400s the forms show next to their fields are expected, anything else is a problem. */
async function loggedIn(width: number): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 780 }, locale: 'en-US' });
  await context.addCookies([
    { name: 'atrium_session', value: api.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  const problems = await watchProblems(context, /400/);
  return { context, page: await context.newPage(), problems };
}

async function createSite(name: string, slug: string) {
  const r = await api.post('/api/sites', { name, slug, template: 'saas', region: 'de-frankfurt', defaultLanguage: 'en' });
  expect(r.status, r.text).toBe(201);
  return r.json as { id: string };
}

async function draft(siteId: string) {
  const r = await api.get(`/api/sites/${siteId}`);
  return r.json.document as {
    consent: { mode: string; gpcRefusesAnalytics: boolean; wording: Record<string, Record<string, string>> };
    snippets: Record<string, any>[];
    pages: { path: string; snippets: Record<string, any>[]; blocks: { type: string; props: Record<string, any> }[] }[];
  };
}

async function check(page: Page, width: number, name: string, opts: { settle?: boolean } = {}) {
  if (opts.settle !== false) await settle(page);
  expect((await seriousA11yViolations(page)).map((v) => `${name}: ${v}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
}

const shot = (page: Page, name: string, width: number) => page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`) });
/** A section of a screen on its own: the sticky top bar stays at the top of the page and toasts are left out. */
const STILL = '.topbar { position: static !important; } .toaster { display: none !important; }';
const part = (locator: ReturnType<Page['locator']>, name: string, width: number) =>
  locator.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), style: STILL });
const section = (page: Page, title: string) => page.locator('section.form-section', { has: page.getByRole('heading', { name: title, exact: true }) });
const canvas = (page: Page) => page.frameLocator('#preview-frame');
const saveState = (page: Page) => page.locator('[data-save-state]').getAttribute('data-save-state');

describe('consent in the editor and site settings', () => {
  for (const width of [1280, 360]) {
    it(`adds an embed and custom code for one page in the editor at ${width}px`, async () => {
      const site = await createSite(`Embeds ${width}`, `embeds-${width}`);
      const { context, page, problems } = await loggedIn(width);
      await page.goto(`${t.baseUrl}/app/sites/${site.id}/edit`);
      await canvas(page).locator('h1').first().waitFor();
      const phone = width < 640;

      // The Embed block from the gallery: until it has a link the canvas asks for one.
      if (phone) await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('button', { name: /^Add Embed block/ }).click();
      await canvas(page).getByText('Paste a link in this block’s settings.', { exact: false }).waitFor();
      const link = page.getByRole('textbox', { name: 'Link', exact: true });
      await link.waitFor();
      expect(await link.getAttribute('placeholder')).toBe('YouTube link');
      // Generic iframes only: a provider brings its own category.
      expect(await page.getByRole('combobox', { name: 'Consent category' }).count()).toBe(0);

      // A link the provider refuses: its rule and example under the field.
      await link.fill('https://example.com/watch?v=abc');
      const refused = page.getByText('The link must be a YouTube video link, like https://www.youtube.com/watch?v=…');
      await refused.waitFor();
      expect(await link.getAttribute('aria-invalid')).toBe('true');
      await canvas(page).getByText('This link cannot be embedded', { exact: false }).waitFor();
      await check(page, width, 'embed refused', { settle: false });
      await shot(page, 'editor-embed-refused', width);

      // A good one: the canvas shows the placeholder visitors get before they allow YouTube.
      await link.fill('https://youtu.be/dQw4w9WgXcQ?t=42');
      await page.getByText('Loads from www.youtube-nocookie.com.').waitFor();
      const frame = canvas(page).locator('[data-atrium-embed="youtube"]');
      await frame.waitFor();
      expect(await frame.getAttribute('data-atrium-src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42');
      expect(await frame.getAttribute('data-atrium-title')).toBe('YouTube video');
      expect(await frame.locator('.embed-provider').textContent()).toBe('YouTube');
      expect(await canvas(page).locator('iframe').count()).toBe(0);
      await check(page, width, 'embed placeholder', { settle: false });
      await shot(page, 'editor-embed', width);

      // "Other (iframe)" asks for the category; the title follows the provider until edited.
      await page.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Other (iframe)' });
      await page.getByRole('combobox', { name: 'Consent category' }).selectOption({ label: 'Functional: a feature visitors use' });
      await expect.poll(() => page.getByRole('textbox', { name: 'Title (read by screen readers)' }).inputValue()).toBe('Embedded content');
      await page.getByRole('textbox', { name: 'Title (read by screen readers)' }).fill('Opening hours');
      await link.fill('https://hours.example.com/widget');
      await expect.poll(() => canvas(page).locator('[data-atrium-embed="iframe"] .embed-provider').textContent()).toBe('hours.example.com');
      await expect.poll(() => saveState(page), { timeout: 15_000 }).toBe('saved');
      const embed = (await draft(site.id)).pages[0]!.blocks.find((b) => b.type === 'embed')!;
      expect(embed.props).toMatchObject({ provider: 'iframe', url: 'https://hours.example.com/widget', title: 'Opening hours', category: 'functional' });

      // Custom code for this page, from the page settings (shown when no block is selected).
      await page.keyboard.press('Escape');
      await page.goto(`${t.baseUrl}/app/sites/${site.id}/edit`);
      await canvas(page).locator('h1').first().waitFor();
      if (phone) await page.getByRole('button', { name: 'Fields', exact: false }).first().click();
      await page.getByRole('button', { name: '+ Add code' }).click();
      const dialog = page.getByRole('dialog', { name: 'Custom code for this page' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Add code' }).click();
      await dialog.getByText('Choose a category: it decides whether this code waits for the visitor’s consent.').waitFor();
      expect(await dialog.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBe('true');
      await check(page, width, 'page code required fields', { settle: false });
      await shot(page, 'editor-page-code-required', width);

      await dialog.getByRole('textbox', { name: 'Name' }).fill('Signup conversion');
      await dialog.getByRole('radio', { name: /^Marketing/ }).check();
      await dialog.getByRole('textbox', { name: 'Code' }).fill("<script>window.dataLayer = ['signup'];</script>");
      // Not https: the server's refusal appears under the addresses, naming the one it refused.
      await dialog.getByRole('textbox', { name: 'Addresses it connects to' }).fill('http://ads.example.com');
      await dialog.getByRole('button', { name: 'Add code' }).click();
      await dialog.getByText('“http://ads.example.com” must be an https origin', { exact: false }).waitFor({ timeout: 15_000 });
      expect(await dialog.getByRole('textbox', { name: 'Addresses it connects to' }).getAttribute('aria-invalid')).toBe('true');
      await check(page, width, 'page code refused', { settle: false });
      await shot(page, 'editor-page-code-refused', width);

      // A full address is cut to its origin; the dialog closes once the server accepts it.
      await dialog.getByRole('textbox', { name: 'Addresses it connects to' }).fill('https://ads.example.com/pixel.gif');
      await dialog.getByRole('button', { name: 'Add code' }).click();
      await dialog.waitFor({ state: 'detached', timeout: 15_000 });
      const pageCode = page.getByRole('list', { name: 'Custom code on this page' });
      await pageCode.locator('.snippet-name', { hasText: 'Signup conversion' }).waitFor();
      await pageCode.scrollIntoViewIfNeeded();
      await check(page, width, 'page code listed', { settle: false });
      await shot(page, 'editor-page-code', width);
      const home = (await draft(site.id)).pages[0]!;
      expect(home.snippets).toEqual([
        expect.objectContaining({
          name: 'Signup conversion',
          category: 'marketing',
          placement: 'body',
          code: "<script>window.dataLayer = ['signup'];</script>",
          origins: ['https://ads.example.com'],
          cookies: [],
        }),
      ]);
      expect(problems).toEqual([]);
      await context.close();
    });

    it(`sets the banner, its wording and site-wide custom code in site settings at ${width}px`, async () => {
      const site = await createSite(`Privacy ${width}`, `privacy-${width}`);
      const { context, page, problems } = await loggedIn(width);
      await page.goto(`${t.baseUrl}/app/sites/${site.id}/settings`);
      const privacy = section(page, 'Privacy & cookies');
      await privacy.waitFor();
      await privacy.getByText('Nothing on this site needs consent yet.', { exact: false }).waitFor();
      await privacy.scrollIntoViewIfNeeded();
      await check(page, width, 'privacy settings');
      await part(privacy, 'settings-privacy', width);

      // Nothing needs consent: the banner may be off.
      const off = privacy.getByRole('radio', { name: /^Off/ });
      expect(await off.isDisabled()).toBe(false);
      await off.check();
      await privacy.getByRole('button', { name: 'Save privacy settings' }).click();
      await privacy.locator('.saved-note').waitFor();
      expect((await draft(site.id)).consent.mode).toBe('off');

      // Site-wide custom code: the category has no default, and the server's refusal of a cookie name shows in its row.
      const code = section(page, 'Custom code');
      await code.getByRole('button', { name: '+ Add code' }).click();
      const form = code.getByRole('form', { name: 'New custom code' });
      await form.getByRole('textbox', { name: 'Name' }).fill('Web analytics');
      await form.getByRole('combobox', { name: 'Where it goes' }).selectOption('head');
      await form.getByRole('textbox', { name: 'Code' }).fill('<script src="https://stats.example.com/tag.js" defer></script>');
      await form.getByRole('button', { name: '+ Add a cookie' }).click();
      const cookieName = form.getByRole('textbox', { name: 'Name' }).nth(1);
      await cookieName.fill('sx id');
      await form.getByRole('textbox', { name: 'Purpose' }).fill('Tells visits apart for the statistics');
      const days = form.getByRole('textbox', { name: 'Days' });
      await days.fill('5000');
      await form.getByRole('button', { name: 'Add code' }).click();
      await form.getByText('Choose a category: it decides whether this code waits for the visitor’s consent.').waitFor();
      expect(await form.locator('.cookie-days .field-error').textContent()).toBe('Days must be at most 3650 (ten years).');
      await form.getByRole('radio', { name: /^Analytics/ }).check();
      await days.fill('395');
      await form.getByRole('button', { name: 'Add code' }).click();
      await expect.poll(() => cookieName.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
      expect(await form.locator('.cookie-name .field-error').textContent()).toBe(
        'Name must be a cookie name (letters, digits, _ . -), optionally ending with *.',
      );
      expect((await draft(site.id)).snippets).toEqual([]);
      await check(page, width, 'custom code refused');
      await part(code, 'settings-code-refused', width);

      await cookieName.fill('_sx_id*');
      // Code publishing would refuse is refused as it is added, in publishing's words, under the Code field.
      const codeBox = form.getByRole('textbox', { name: 'Code' });
      await codeBox.fill('<script src="https://stats.example.com/tag.js" defer></script>\n<button onclick="track()">Track</button>');
      await form.getByRole('button', { name: 'Add code' }).click();
      await expect.poll(() => codeBox.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
      const codeError = (await codeBox.getAttribute('aria-describedby'))!.split(' ').find((x) => x.endsWith('-error'));
      expect(await page.locator(`[id="${codeError}"]`).textContent()).toBe(
        'The site-wide snippet "Web analytics" cannot be published: line 2: <button onclick="…"> is an inline event handler, which the site\'s security policy blocks; add the listener from a <script> instead.',
      );
      expect((await draft(site.id)).snippets).toEqual([]);
      await check(page, width, 'custom code refused by the publish check');
      await part(code, 'settings-code-unpublishable', width);
      await codeBox.fill('<script src="https://stats.example.com/tag.js" defer></script>');
      await form.getByRole('button', { name: 'Add code' }).click();
      const list = code.getByRole('list', { name: 'Custom code on every page' });
      await list.locator('.snippet-name', { hasText: 'Web analytics' }).waitFor({ timeout: 15_000 });
      expect(await list.locator('.category-badge').textContent()).toBe('Analytics');
      const saved = (await draft(site.id)).snippets;
      expect(saved).toEqual([
        expect.objectContaining({
          name: 'Web analytics',
          placement: 'head',
          category: 'analytics',
          cookies: [{ name: '_sx_id*', purpose: 'Tells visits apart for the statistics', days: 395 }],
        }),
      ]);
      await check(page, width, 'custom code listed');
      await part(code, 'settings-code', width);

      // Edited in place: the form comes back filled in, and the change replaces the snippet.
      await list.getByRole('button', { name: 'Edit Web analytics' }).click();
      const editForm = code.getByRole('form', { name: 'Edit Web analytics' });
      expect(await editForm.getByRole('radio', { name: /^Analytics/ }).isChecked()).toBe(true);
      expect(await editForm.getByRole('textbox', { name: 'Days' }).inputValue()).toBe('395');
      await editForm.getByRole('combobox', { name: 'Where it goes' }).selectOption('body');
      await editForm.getByRole('button', { name: 'Save code' }).click();
      await editForm.waitFor({ state: 'detached' });
      await expect.poll(async () => (await draft(site.id)).snippets.map((s) => `${s.name}:${s.placement}`)).toEqual(['Web analytics:body']);

      // Now something needs consent: Off is disabled with the reason, and the saved "off" is flagged.
      await privacy.getByText('The banner is off, but the site now needs one').waitFor();
      expect(await off.isDisabled()).toBe(true);
      await privacy.getByText('Not available: the items below need consent.', { exact: false }).waitFor();
      expect(await privacy.locator('.consent-needs-list li').allTextContents()).toEqual(['Web analyticsCustom code on every pageAnalytics']);

      // Notice only, GPC refusing analytics, and the site's own wording (shown in the preview).
      await privacy.getByRole('radio', { name: /^Notice only/ }).check();
      await privacy.getByRole('switch', { name: 'Global Privacy Control also refuses analytics' }).check();
      expect(await privacy.getByRole('textbox', { name: 'Title' }).getAttribute('placeholder')).toBe(`Cookies on Privacy ${width}`);
      await privacy.getByRole('textbox', { name: 'Title' }).fill('A few cookies, your call');
      await privacy.getByRole('textbox', { name: 'Choose button' }).fill('Let me pick');
      await privacy.locator('.pv-title', { hasText: 'A few cookies, your call' }).waitFor();
      await privacy.getByRole('button', { name: 'Save privacy settings' }).click();
      await privacy.locator('.saved-note').waitFor();
      await check(page, width, 'privacy settings saved');
      await part(privacy, 'settings-privacy-notice', width);
      expect((await draft(site.id)).consent).toEqual({
        mode: 'notice',
        gpcRefusesAnalytics: true,
        wording: { en: { title: 'A few cookies, your call', choose: 'Let me pick' } },
      });

      // Removing the code makes Off possible again.
      await list.getByRole('button', { name: 'Remove Web analytics' }).click();
      await page.getByRole('dialog', { name: 'Remove “Web analytics”?' }).getByRole('button', { name: 'Remove code' }).click();
      await code.getByText('No custom code yet.', { exact: false }).waitFor();
      expect(await off.isDisabled()).toBe(false);
      expect((await draft(site.id)).snippets).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
