// A three-language site in Chromium: published, navigated through the
// switcher (plain links), hreflang and the sitemap checked, the `lang` cookie
// compared with its registry entry, the root's redirect, the consent banner in
// the page's language; and translating a page in the editor. Screenshots go to
// $ATRIUM_LANG_SHOTS (default test-results/languages).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COOKIES } from '../../src/cookies/registry.js';
import { launchChromium, seriousA11yViolations, settle, watchProblems } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

const SHOTS = process.env.ATRIUM_LANG_SHOTS ?? 'test-results/languages';
let t: TestServer;
let browser: Browser;
let api: HttpClient;

beforeAll(async () => {
  t = await startTestServer();
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  api = t.client();
  await signUpVerified(api, t.smtp, 'lang@example.com', 'Ada Lovelace');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function multiLanguageSite(slug: string) {
  const site = (await api.post('/api/sites', { name: 'Trilingual', slug, template: 'saas', region: 'de-frankfurt' })).json;
  const doc = site.document;
  doc.languages = ['fr', 'de'];
  doc.translations = {
    fr: {
      navigation: {
        'links.0.label': 'Produit',
        'links.1.label': 'Clients',
        'links.2.label': 'Tarifs',
        'links.3.label': 'Société',
        'cta.label': 'Essai gratuit',
      },
    },
    de: {
      navigation: {
        'links.0.label': 'Produkt',
        'links.1.label': 'Kunden',
        'links.2.label': 'Preise',
        'links.3.label': 'Firma',
        'cta.label': 'Kostenlos testen',
      },
    },
  };
  const home = doc.pages.find((p: any) => p.path === '/');
  home.translations = {
    fr: { title: 'Accueil', blocks: { hero: { heading: 'L’analytique qui respecte vos visiteurs', 'primary.label': 'Commencer' } } },
    de: { title: 'Startseite', blocks: { hero: { heading: 'Analytik, die Ihre Besucher respektiert' } } },
  };
  const pricing = doc.pages.find((p: any) => p.path === '/pricing');
  pricing.blocks.push({ type: 'embed', props: { id: 'tour', provider: 'youtube', url: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ', title: 'Product tour' } });
  pricing.translations = {
    fr: { title: 'Tarifs', blocks: { plans: { heading: 'Des tarifs simples et transparents' } } },
    de: { title: 'Preise', blocks: { plans: { heading: 'Einfache, transparente Preise' } } },
  };
  expect((await api.put(`/api/sites/${site.id}/draft`, { revision: 1, document: doc })).status).toBe(200);
  expect((await api.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
  return site as { id: string };
}

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('a multi-language site', () => {
  it('is navigated through the switcher, names its languages to search engines and remembers the pick in `lang`', async () => {
    await multiLanguageSite('trilingual');
    const origin = `http://trilingual.localhost:${t.port}`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const problems = await watchProblems(context);
    const page = await context.newPage();
    await page.goto(`${origin}/pricing`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await context.cookies()).toEqual([]);

    // The footer's switcher: a plain link, keeping the visitor on the same page.
    await page.locator('footer nav.lang-switch').getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(`${origin}/fr/pricing`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.title()).toBe('Tarifs · Trilingual');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Des tarifs simples et transparents');
    expect(await page.locator('header nav.nav-desktop').getByRole('link', { name: 'Produit' }).getAttribute('href')).toBe('/fr#features');

    // The cookie as the browser holds it is exactly the registry's declaration.
    const [cookie, ...others] = await context.cookies();
    expect(others).toEqual([]);
    const d = COOKIES.lang;
    expect(cookie).toMatchObject({ name: d.name, value: 'fr', path: '/', httpOnly: d.httpOnly, sameSite: 'Lax', secure: false });
    expect(d.scope).toBe('site');
    expect(Math.abs(cookie!.expires * 1000 - (Date.now() + d.maxAgeSeconds! * 1000))).toBeLessThan(60_000);

    // hreflang alternates and x-default.
    const alternates = await page.$$eval('link[rel=alternate][hreflang]', (ls) => ls.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
    expect(alternates).toEqual([
      ['en', `${origin}/pricing`],
      ['fr', `${origin}/fr/pricing`],
      ['de', `${origin}/de/pricing`],
      ['x-default', `${origin}/pricing`],
    ]);
    // The consent banner (the page embeds a video) speaks French.
    await expect.poll(() => page.locator('#atrium-consent').isVisible()).toBe(true);
    expect(await page.locator('#atrium-consent').getByRole('button', { name: 'Tout refuser' }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'published-fr-pricing-1280.png') });

    // The root now sends this visitor to French.
    await page.goto(`${origin}/`);
    expect(page.url()).toBe(`${origin}/fr`);
    expect(await page.locator('h1').first().textContent()).toBe('L’analytique qui respecte vos visiteurs');

    // The navbar's switcher (short codes) to German: same page, cookie updated.
    await page.locator('header nav.lang-switch').getByRole('link', { name: 'Deutsch' }).click();
    await page.waitForURL(`${origin}/de`);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect((await context.cookies()).map((k) => [k.name, k.value])).toEqual([['lang', 'de']]);
    await page.locator('header nav.lang-switch').getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${origin}/`);
    await page.goto(`${origin}/`);
    expect(page.url()).toBe(`${origin}/`);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'published-en-home-1280.png') });

    // The sitemap lists each language version with its alternates.
    const sitemap = (await api.get('/sitemap.xml', { host: 'trilingual.localhost' })).text;
    const entry = sitemap.split('<url>').find((u) => u.includes(`<loc>${origin}/de/pricing</loc>`))!;
    expect(entry).toContain(`<xhtml:link rel="alternate" hreflang="fr" href="${origin}/fr/pricing"/>`);
    expect(entry).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${origin}/pricing"/>`);
    // A 404 under /fr/ is French.
    const missing = await page.goto(`${origin}/fr/nulle-part`);
    expect(missing!.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Cette page est introuvable');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a phone: the switcher in the menu and the footer, no horizontal scroll', async () => {
    const origin = `http://trilingual.localhost:${t.port}`;
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    for (const [p, name] of [
      ['/fr', 'published-fr-home-375.png'],
      ['/', 'published-en-home-375.png'],
    ] as const) {
      await page.goto(`${origin}${p}`);
      await settle(page);
      expect(await noOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, name) });
    }
    await page.locator('.nav-toggle').click();
    await page.locator('.nav-panel nav.lang-switch').getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(`${origin}/fr`);
    await page.locator('footer').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'published-fr-footer-375.png') });
    await context.close();
  });
});

describe('translating in the editor', () => {
  for (const width of [1280, 375])
    it(`switches the page to French, shows what falls back and counts what is missing (${width} px)`, async () => {
      const site = await multiLanguageSite(`edit-lang-${width}`);
      const context = await browser.newContext({ viewport: { width, height: width > 500 ? 860 : 780 }, locale: 'en-US' });
      await context.addCookies([
        { name: 'atrium_session', value: api.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
      ]);
      const problems = await watchProblems(context, /409/);
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/app/sites/${site.id}/edit`);
      await page.frameLocator('#preview-frame').locator('h1').first().waitFor();
      const select = page.locator('#ed-lang-select');
      const frenchOption = async () => (await select.locator('option[value=fr]').textContent())!;
      const before = Number(/(\d+) missing/.exec(await frenchOption())![1]);
      expect(before).toBeGreaterThan(5);
      await select.selectOption('fr');
      const view = page.getByRole('region', { name: /French translation of/ });
      await view.waitFor();
      await expect.poll(async () => view.locator('.ed-tr-missing').textContent()).toBe(`${before} missing`);
      // Untranslated fields say they show English.
      expect(await view.locator('.ed-tr-fallback').first().textContent()).toBe('Shows English');
      await page.screenshot({ path: path.join(SHOTS, `editor-translate-top-${width}.png`) });
      const sub = view.locator('.ed-tr-group', { hasText: 'Hero' }).getByLabel('Subheading', { exact: true });
      await sub.fill('Des chiffres utiles, sans cookies ni bannière.');
      await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 15_000 }).toBe('saved');
      await expect.poll(async () => view.locator('.ed-tr-missing').textContent()).toBe(`${before - 1} missing`);
      expect(await frenchOption()).toContain(`${before - 1} missing`);
      const draft = (await api.get(`/api/sites/${site.id}`)).json;
      expect(draft.document.pages.find((p: any) => p.path === '/').translations.fr.blocks.hero.subheading).toBe(
        'Des chiffres utiles, sans cookies ni bannière.',
      );
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(await noOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `editor-translate-${width}.png`) });
      // Back to English: the canvas again.
      await select.selectOption('en');
      await view.waitFor({ state: 'detached' });
      // The Site panel lists the languages with what each still misses.
      await page.getByRole('button', { name: 'Site', exact: true }).click();
      const langs = page.getByRole('list', { name: 'Further languages' });
      await langs.scrollIntoViewIfNeeded();
      expect(await langs.locator('li').allTextContents()).toEqual([
        expect.stringMatching(/^French \/fr\/\d+ missingRemove$/),
        expect.stringMatching(/^German/),
      ]);
      await page.screenshot({ path: path.join(SHOTS, `editor-languages-panel-${width}.png`) });
      expect(problems).toEqual([]);
      await context.close();
    });
});
