// The consent banner and runtime in Chromium, on published sites with a
// YouTube embed and two snippets served by a fake third party: prior blocking,
// accept / reject / choose, withdrawal, "load" and "always allow", keyboard
// operation, axe, Global Privacy Control, no layout shift, 360 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousA11yViolations, settle, watchProblems } from '../helpers/browser.js';
import { ESSENTIAL_COOKIES, publishConsentSite, visitor, type Visitor } from '../helpers/consent-visitor.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startThirdParty, type ThirdParty } from '../helpers/third-party.js';

let t: TestServer;
let browser: Browser;
let tp: ThirdParty;
let owner: HttpClient;
let en: Awaited<ReturnType<typeof publishConsentSite>>;
let fr: Awaited<ReturnType<typeof publishConsentSite>>;
let strict: Awaited<ReturnType<typeof publishConsentSite>>;
let embedOnly: Awaited<ReturnType<typeof publishConsentSite>>;

beforeAll(async () => {
  [t, browser, tp] = await Promise.all([startTestServer(), launchChromium(), startThirdParty()]);
  const c = (owner = t.client());
  await signUpVerified(c, t.smtp, 'banner@example.com');
  en = await publishConsentSite(c, t.port, tp, { slug: 'consent-en' });
  fr = await publishConsentSite(c, t.port, tp, { slug: 'consent-fr', lang: 'fr', mode: 'notice' });
  strict = await publishConsentSite(c, t.port, tp, { slug: 'consent-strict', gpcRefusesAnalytics: true, noEmbed: true });
  embedOnly = await publishConsentSite(c, t.port, tp, { slug: 'consent-embed', noSnippets: true });
});
afterAll(async () => {
  await browser?.close();
  await tp?.close();
  await t?.close();
});

const open = (site: typeof en, opts: Parameters<typeof visitor>[2] = {}) => visitor(browser, site, opts);
const banner = (page: Page) => page.locator('#atrium-consent');
const ran = (page: Page, what: 'analytics' | 'marketing' | 'inline-marketing') =>
  page.evaluate((name) => document.documentElement.getAttribute(`data-${name}${name === 'inline-marketing' ? '' : '-ran'}`), what);
const consentCookie = async (v: Visitor) => (await v.context.cookies()).find((k) => k.name === 'cookie_consent')?.value;
/** The cookies that are not essential (the consent cookies and the form token are). */
const optional = async (v: Visitor) => (await v.cookieNames()).filter((n) => !ESSENTIAL_COOKIES.has(n));
/** The visitor's consent record as the site owner reads it, by the id in their c_id cookie. */
const storedRecord = async (v: Visitor, site: typeof en) => {
  const id = (await v.context.cookies()).find((k) => k.name === 'c_id')?.value;
  expect(id).toMatch(/^cr_/);
  const r = await owner.get(`/api/sites/${site.id}/consent/records/${id}`);
  expect(r.status, r.text).toBe(200);
  return r.json as { choices: { functional: boolean; analytics: boolean; marketing: boolean; providers: string[] }; gpc: boolean };
};
/** axe's serious and critical findings once transitions have ended. */
const axe = async (page: Page) => {
  await settle(page);
  return seriousA11yViolations(page);
};
/** Marks the document; a reload loses the mark. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { __kept: boolean }).__kept = true));
const kept = (page: Page) => page.evaluate(() => (window as unknown as { __kept?: boolean }).__kept === true);

async function arrive(v: Visitor, path = '/') {
  await v.page.goto(en.url.replace(/\/$/, '') + path);
  await expect.poll(() => banner(v.page).isVisible()).toBe(true);
  await settle(v.page);
}

describe('before any choice', () => {
  it('shows the banner and loads nothing non-essential: no frame, no third-party request, no cookie, no layout shift', async () => {
    const v = await open(en);
    const problems = await watchProblems(v.context);
    await arrive(v);
    expect(await banner(v.page).getAttribute('role')).toBe('region');
    expect(await banner(v.page).getAttribute('aria-labelledby')).toBe('atrium-consent-title');
    expect(await v.page.locator('iframe').count()).toBe(0);
    expect(await v.page.locator('[data-atrium-embed] .embed-actions').isVisible()).toBe(true);
    expect(v.thirdParty).toEqual([]);
    expect(tp.requests).toEqual([]);
    expect(await ran(v.page, 'analytics')).toBeNull();
    expect(await ran(v.page, 'inline-marketing')).toBeNull();
    expect((await v.cookieNames()).filter((n) => !ESSENTIAL_COOKIES.has(n))).toEqual([]);
    expect(await v.layoutShift()).toBe(0);
    // Nor on the next pages while the visitor has not answered.
    for (const path of ['/pricing', '/about']) {
      await arrive(v, path);
      expect(await ran(v.page, 'analytics')).toBeNull();
    }
    expect(v.thirdParty).toEqual([]);
    expect(tp.requests).toEqual([]);
    expect(await v.cookieNames()).toEqual([]); // no form on these pages, no choice yet: not even an essential cookie
    expect(problems).toEqual([]);
    await v.context.close();
  });

  it('leaves the consent script out of pages with nothing to consent to, where the footer link leads to the preferences page', async () => {
    const v = await open(embedOnly);
    const scripts: string[] = [];
    v.page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await v.page.goto(`${embedOnly.url}/`); // the YouTube embed: the runtime and the banner
    await expect.poll(() => banner(v.page).isVisible()).toBe(true);
    expect(scripts).toEqual([expect.stringMatching(/^\/_atrium\/consent\.[0-9a-f]{12}\.js$/)]);
    scripts.length = 0;
    await v.page.goto(`${embedOnly.url}/pricing`); // nothing to consent to
    await settle(v.page);
    expect(scripts).toEqual([]);
    expect(await banner(v.page).count()).toBe(0);
    const link = v.page.locator('[data-atrium-cookie-settings]');
    expect(await link.getAttribute('href')).toBe('/_atrium/cookies');
    await Promise.all([v.page.waitForURL(/\/_atrium\/cookies$/), link.click()]);
    await v.context.close();
  });
});

describe('choices', () => {
  it('accept all starts the embed and both snippets at once, without a reload, and the next page remembers', async () => {
    const v = await open(en);
    await arrive(v);
    await mark(v.page);
    await banner(v.page).locator('[data-atrium-accept]').click();
    await expect.poll(() => v.page.locator('[data-atrium-embed="youtube"] iframe').count()).toBe(1);
    const frame = v.page.locator('iframe');
    expect(await frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(await frame.getAttribute('title')).toBe('Product tour');
    expect(await frame.getAttribute('referrerpolicy')).toBe('strict-origin-when-cross-origin');
    expect(await v.page.locator('.embed-placeholder').isVisible()).toBe(false);
    await expect.poll(() => ran(v.page, 'analytics')).toBe('1');
    await expect.poll(() => ran(v.page, 'marketing')).toBe('1');
    await expect.poll(() => ran(v.page, 'inline-marketing')).toBe('1');
    expect(await kept(v.page)).toBe(true);
    expect(await banner(v.page).isVisible()).toBe(false);
    expect(v.posts).toHaveLength(1);
    expect(v.posts[0]).toMatchObject({
      version: expect.stringMatching(/^[0-9a-f]{64}$/),
      choices: { functional: false, analytics: true, marketing: true, providers: [] },
    });
    expect(await consentCookie(v)).toBe('1.f0a1m1');
    await v.page.goto(`${en.url}/`);
    await expect.poll(() => ran(v.page, 'analytics')).toBe('1');
    expect(await v.page.locator('iframe').count()).toBe(1);
    expect(await banner(v.page).isVisible()).toBe(false);
    await v.context.close();
  });

  it('reject all starts nothing, now or on the next page', async () => {
    const v = await open(en);
    await arrive(v);
    await banner(v.page).locator('[data-atrium-reject]').click();
    await expect.poll(() => consentCookie(v)).toBe('1.f0a0m0');
    await v.page.goto(`${en.url}/`);
    await settle(v.page);
    expect(await banner(v.page).isVisible()).toBe(false);
    expect(await v.page.locator('iframe').count()).toBe(0);
    expect(v.thirdParty).toEqual([]);
    expect(await ran(v.page, 'analytics')).toBeNull();
    await v.context.close();
  });

  it('choose offers one switch per category the site uses; analytics alone loads only the analytics snippet; withdrawing stops it and deletes its cookies', async () => {
    const v = await open(en);
    await arrive(v);
    await banner(v.page).locator('[data-atrium-choose]').click();
    const switches = banner(v.page).locator('input[role="switch"]');
    expect(await switches.evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).checked]))).toEqual([
      ['analytics', false],
      ['marketing', false],
    ]);
    expect(await banner(v.page).getByText('Always on').isVisible()).toBe(true);
    expect(await v.page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('analytics');
    await banner(v.page).locator('input[name="analytics"]').check();
    await banner(v.page).locator('[data-atrium-save]').click();
    await expect.poll(() => ran(v.page, 'analytics')).toBe('1');
    await expect.poll(() => v.cookieNames()).toContain('_fa_id');
    await settle(v.page);
    // Only the analytics snippet: not the marketing one (external or inline), not YouTube.
    expect(await ran(v.page, 'marketing')).toBeNull();
    expect(await ran(v.page, 'inline-marketing')).toBeNull();
    expect(await v.page.locator('iframe').count()).toBe(0);
    const analyticsJs = `${tp.origin('analytics')}/analytics.js`;
    expect(v.thirdParty).toEqual([analyticsJs]);
    expect(await consentCookie(v)).toBe('1.f0a1m0');
    expect(await storedRecord(v, en)).toMatchObject({ choices: { functional: false, analytics: true, marketing: false, providers: [] }, gpc: false });

    // The next page runs it again, and nothing else; Atrium's own analytics may now tell returning visitors apart (usr).
    await v.page.goto(`${en.url}/pricing`);
    await expect.poll(() => ran(v.page, 'analytics')).toBe('1');
    await settle(v.page);
    expect(await ran(v.page, 'marketing')).toBeNull();
    expect(v.thirdParty).toEqual([analyticsJs, analyticsJs]);
    expect(await optional(v)).toEqual(['_fa_id', 'usr']);

    // "Cookie settings" reopens the choices as they are; switching analytics off reloads (a running script cannot be stopped) and deletes its cookies.
    await v.page.locator('[data-atrium-cookie-settings]').click();
    expect(await banner(v.page).getAttribute('data-view')).toBe('choices');
    expect(await banner(v.page).locator('input[name="analytics"]').isChecked()).toBe(true);
    await mark(v.page);
    await banner(v.page).locator('input[name="analytics"]').uncheck();
    await Promise.all([v.page.waitForEvent('load'), banner(v.page).locator('[data-atrium-save]').click()]);
    expect(await kept(v.page)).toBe(false);
    expect(await consentCookie(v)).toBe('1.f0a0m0');
    expect(await optional(v)).toEqual([]);
    expect(await ran(v.page, 'analytics')).toBeNull();
    // And on the pages after: the snippet stays off and nothing leaves for its origin.
    await v.page.goto(`${en.url}/`);
    await settle(v.page);
    expect(await ran(v.page, 'analytics')).toBeNull();
    expect(await optional(v)).toEqual([]);
    expect(v.thirdParty).toEqual([analyticsJs, analyticsJs]);
    await v.context.close();
  });

  it('"Load video" plays this embed once; "Always allow YouTube" keeps it, and nothing else, on every visit', async () => {
    const v = await open(en);
    await arrive(v);
    await v.page.locator('[data-atrium-load]').click();
    await expect.poll(() => v.page.locator('iframe').count()).toBe(1);
    expect(await v.page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    expect(v.posts).toEqual([]);
    expect(await consentCookie(v)).toBeUndefined();
    await v.page.reload();
    await settle(v.page);
    expect(await v.page.locator('iframe').count()).toBe(0);

    await mark(v.page);
    await v.page.locator('[data-atrium-allow]').click();
    await expect.poll(() => consentCookie(v)).toBe('1.f0a0m0.youtube');
    expect(await v.page.locator('iframe').count()).toBe(1);
    expect(await kept(v.page)).toBe(true);
    await v.page.reload();
    await settle(v.page);
    expect(await v.page.locator('iframe').count()).toBe(1);
    expect(await banner(v.page).isVisible()).toBe(false);
    expect(await ran(v.page, 'marketing')).toBeNull(); // the provider, not its category
    await v.context.close();
  });
});

describe('the banner itself', () => {
  it('is keyboard operable: reached right after the skip link, visible focus, Escape, focus put back', async () => {
    const v = await open(en);
    await arrive(v);
    /** The focused element: its data-atrium-* attribute, its name, its id or its class. */
    const focused = () =>
      v.page.evaluate(() => {
        const el = document.activeElement!;
        return [...el.attributes].map((a) => a.name).find((n) => n.startsWith('data-atrium-')) ?? el.getAttribute('name') ?? (el.id || el.className);
      });
    const tab = async (times = 1) => {
      for (let i = 0; i < times; i++) await v.page.keyboard.press('Tab');
    };
    await tab();
    expect(await focused()).toBe('skip-link');
    await tab();
    expect(await focused()).toBe('data-atrium-reject');
    expect(await v.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await tab(2);
    expect(await focused()).toBe('data-atrium-choose');
    await v.page.keyboard.press('Enter');
    expect(await focused()).toBe('analytics');
    await v.page.keyboard.press('Space');
    expect(await banner(v.page).locator('input[name="analytics"]').isChecked()).toBe(true);
    await v.page.keyboard.press('Escape'); // back to the first view, nothing saved
    expect(await banner(v.page).getAttribute('data-view')).toBe('main');
    expect(await focused()).toBe('data-atrium-choose');
    expect(v.posts).toEqual([]);
    await v.page.keyboard.press('Enter');
    await v.page.keyboard.press('Space');
    await tab(4); // marketing, reject, accept, save
    expect(await focused()).toBe('data-atrium-save');
    await v.page.keyboard.press('Enter');
    await expect.poll(() => consentCookie(v)).toBe('1.f0a1m0');
    expect(await banner(v.page).isVisible()).toBe(false);
    expect(await focused()).toBe('main');

    await v.page.locator('[data-atrium-cookie-settings]').focus();
    await v.page.keyboard.press('Enter');
    expect(await banner(v.page).isVisible()).toBe(true);
    expect(await focused()).toBe('analytics');
    expect(await banner(v.page).locator('input[name="analytics"]').isChecked()).toBe(true);
    expect(await banner(v.page).locator('[data-atrium-close]').isVisible()).toBe(true);
    await v.page.keyboard.press('Escape');
    expect(await banner(v.page).isVisible()).toBe(false);
    expect(await focused()).toBe('data-atrium-cookie-settings');
    await v.context.close();
  });

  for (const width of [1280, 360])
    it(`passes axe, fits and gives reject and accept the same weight at ${width} px`, async () => {
      const v = await open(en, { viewport: { width, height: 800 } });
      await arrive(v);
      expect(await axe(v.page)).toEqual([]);
      const look = async (selector: string) => {
        await v.page.mouse.move(0, 0); // nothing hovered
        await settle(v.page);
        return banner(v.page)
          .locator(selector)
          .evaluate((b) => {
            const s = getComputedStyle(b);
            const r = b.getBoundingClientRect();
            return {
              bg: s.backgroundColor,
              color: s.color,
              border: s.borderColor,
              weight: s.fontWeight,
              size: s.fontSize,
              w: Math.round(r.width),
              h: Math.round(r.height),
              top: Math.round(r.top),
            };
          });
      };
      expect(await look('[data-atrium-reject]')).toEqual(await look('[data-atrium-accept]'));
      const box = (await banner(v.page).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(await v.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await banner(v.page).locator('[data-atrium-choose]').click();
      expect(await axe(v.page)).toEqual([]);
      expect(await look('[data-atrium-reject]')).toEqual(await look('[data-atrium-accept]'));
      await banner(v.page).locator('[data-atrium-reject]').click();
      await v.page.locator('.embed-frame').scrollIntoViewIfNeeded();
      expect(await axe(v.page)).toEqual([]);
      expect(await v.layoutShift()).toBe(0);
      await v.context.close();
    });

  it('speaks the page language; in notice mode the content runs at once and OK records it', async () => {
    const v = await open(fr, { viewport: { width: 360, height: 2000 } }); // a phone width, tall enough to show the embed at first paint
    // A slow network: the page is painted with the placeholder before the runtime swaps in the frame.
    // (Without its web fonts, whose late swap would shift the text whatever consent does.)
    await v.page.route(/\.woff2$/, (r) => r.abort());
    // The shift is counted from the moment the runtime arrives: what this checks is the swap. (Under load, Chromium
    // was once seen to resize the closed mobile menu a few pixels at first paint with the web fonts aborted, a shift
    // of 0.00008 before any consent code ran.)
    await v.page.route(/\/_atrium\/consent\.[0-9a-f]+\.js$/, async (r) => {
      await new Promise((done) => setTimeout(done, 400));
      await v.resetLayoutShift();
      await r.fallback();
    });
    await v.page.goto(`${fr.url}/`);
    await expect.poll(() => banner(v.page).isVisible()).toBe(true);
    expect(await v.page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await v.page.locator('#atrium-consent-title').innerText()).toBe('Cookies sur Consent consent-fr');
    expect(await banner(v.page).locator('[data-atrium-accept]').innerText()).toBe('OK');
    expect(await banner(v.page).locator('[data-atrium-choose]').innerText()).toBe('Choisir');
    expect(await v.page.locator('[data-atrium-cookie-settings]').innerText()).toBe('Paramètres des cookies');
    await expect.poll(() => ran(v.page, 'analytics')).toBe('1');
    await expect.poll(() => v.page.locator('iframe').count()).toBe(1);
    await settle(v.page);
    expect(await v.layoutShift()).toBe(0); // the frame took the placeholder's place, at 360 px too
    await banner(v.page).locator('[data-atrium-choose]').click();
    expect(await banner(v.page).locator('input[name="marketing"]').isChecked()).toBe(true);
    expect(await banner(v.page).locator('[data-atrium-reject]').innerText()).toBe('Tout refuser');
    expect(await banner(v.page).locator('[data-atrium-accept]').isVisible()).toBe(false);
    expect(await axe(v.page)).toEqual([]);
    await v.page.keyboard.press('Escape');
    await banner(v.page).locator('[data-atrium-accept]').click();
    await expect.poll(() => consentCookie(v)).toBe('1.f0a1m1');
    await v.context.close();
  });
});

describe('Global Privacy Control', () => {
  it('refuses marketing without asking and says so; accept all then starts analytics only, and marketing never loads on any page', async () => {
    const v = await open(en, { gpc: true });
    await arrive(v);
    expect(await banner(v.page).locator('[data-atrium-gpc]').innerText()).toBe(
      'Your browser sends a Global Privacy Control signal, so the following stay off: Marketing.',
    );
    await banner(v.page).locator('[data-atrium-choose]').click();
    expect(await banner(v.page).locator('input[name="marketing"]').isDisabled()).toBe(true);
    expect(await banner(v.page).locator('input[name="marketing"]').isChecked()).toBe(false);
    expect(await axe(v.page)).toEqual([]);
    await banner(v.page).locator('[data-atrium-accept]').click();
    await expect.poll(() => ran(v.page, 'analytics')).toBe('1');
    await settle(v.page);
    expect(v.posts[0]).toMatchObject({ choices: { analytics: true, marketing: false }, gpc: true });
    expect(await consentCookie(v)).toBe('1.f0a1m0');
    expect(await storedRecord(v, en)).toMatchObject({ choices: { analytics: true, marketing: false }, gpc: true });
    for (const path of ['/pricing', '/']) {
      await v.page.goto(`${en.url}${path}`);
      await expect.poll(() => ran(v.page, 'analytics')).toBe('1');
      await settle(v.page);
      expect(await ran(v.page, 'marketing')).toBeNull();
      expect(await ran(v.page, 'inline-marketing')).toBeNull();
      expect(await v.page.locator('iframe').count()).toBe(0);
    }
    expect(v.thirdParty.filter((u) => !u.startsWith(tp.origin('analytics')))).toEqual([]);
    expect(await optional(v)).toEqual(['_fa_id', 'usr']);
    await v.context.close();
  });

  it('the Sec-GPC header alone is enough: the server stores marketing as refused and the page starts only what was stored', async () => {
    const v = await open(en, { gpc: 'header' });
    await arrive(v);
    // The script sees no signal, so the banner asks as usual and "Accept all" asks for marketing too.
    expect(await banner(v.page).locator('[data-atrium-gpc]').isVisible()).toBe(false);
    await banner(v.page).locator('[data-atrium-accept]').click();
    await expect.poll(() => ran(v.page, 'analytics')).toBe('1');
    await settle(v.page);
    expect(v.posts[0]).toMatchObject({ choices: { analytics: true, marketing: true } });
    expect(await consentCookie(v)).toBe('1.f0a1m0');
    expect(await storedRecord(v, en)).toMatchObject({ choices: { analytics: true, marketing: false }, gpc: true });
    expect(await ran(v.page, 'marketing')).toBeNull();
    expect(await v.page.locator('iframe').count()).toBe(0);
    expect(v.thirdParty.filter((u) => !u.startsWith(tp.origin('analytics')))).toEqual([]);
    await v.context.close();
  });

  it('with nothing left to ask, shows no banner and records the refusal once', async () => {
    const v = await open(strict, { gpc: true });
    await v.page.goto(`${strict.url}/`);
    await expect.poll(() => consentCookie(v)).toBe('1.f0a0m0');
    expect(await banner(v.page).isVisible()).toBe(false);
    await v.page.goto(`${strict.url}/`);
    await settle(v.page);
    expect(v.posts).toHaveLength(1);
    expect(v.thirdParty).toEqual([]);
    await v.context.close();
  });
});
