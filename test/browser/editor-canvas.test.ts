// What a newcomer meets first in the editor, in Chromium: the canvas fits the
// desktop page to its width or shows it at 100%; switching device keeps the
// selected block; the block toolbar stays off the site's navigation; a new
// block is scrolled to and selected, and an empty Image block saves (publish
// then names it and shows it); the home page is listed as "Home"; the Site panel's link
// addresses are readable. Screenshots go to $ATRIUM_EDITOR_SHOTS
// (default test-results/editor).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousA11yViolations, watchProblems } from '../helpers/browser.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SHOTS = process.env.ATRIUM_EDITOR_SHOTS ?? 'test-results/editor';

let t: TestServer;
let browser: Browser;
let api: HttpClient;

beforeAll(async () => {
  t = await startTestServer();
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  api = t.client();
  await signUpVerified(api, t.smtp, 'canvas@example.com', 'Grace Hopper');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function open(width: number, slug: string) {
  const site = (await api.post('/api/sites', { name: 'Acme Analytics', slug, template: 'saas', region: 'de-frankfurt', defaultLanguage: 'en' })).json as {
    id: string;
  };
  const context = await browser.newContext({ viewport: { width, height: width > 500 ? 860 : 780 }, locale: 'en-US' });
  await context.addCookies([
    { name: 'atrium_session', value: api.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  const problems = await watchProblems(context);
  const page = await context.newPage();
  await page.goto(`${t.baseUrl}/app/sites/${site.id}/edit`);
  await page.frameLocator('#preview-frame').locator('h1').first().waitFor();
  return { site, context, page, problems };
}

const canvas = (page: Page) => page.frameLocator('#preview-frame');
const waitSaved = (page: Page) => expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 15_000 }).toBe('saved');

/** The canvas page's laid-out width over its drawn width: 1 at actual size. */
async function scale(page: Page) {
  return page.locator('#puck-canvas-root').evaluate((el: HTMLElement) => el.getBoundingClientRect().width / el.offsetWidth);
}

/** Whether an element of the canvas is wholly within the canvas's visible part. */
const inCanvasView = (el: Locator) =>
  el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= e.ownerDocument.defaultView!.innerHeight;
  });

/** Fonts loaded and finite animations done, then a screenshot. (Not `settle`: waiting for network idle flaked on a busy machine.) */
async function shot(page: Page, name: string) {
  await page.evaluate(() =>
    Promise.all([
      document.fonts.ready,
      ...document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ]),
  );
  await page.screenshot({ path: path.join(SHOTS, name) });
}

describe('the editor canvas for a newcomer', () => {
  it('fits or shows 100%, keeps the selection across devices, and keeps the toolbar off the navigation', async () => {
    const { context, page, problems } = await open(1280, 'canvas-view');
    const root = page.locator('#puck-canvas-root');
    const fit = page.getByRole('button', { name: 'Fit to width' });
    const actual = page.getByRole('button', { name: '100%' });

    // Fit to width (the default): the 1280 px page is scaled to the canvas, with no sideways scrolling.
    expect(await fit.getAttribute('aria-pressed')).toBe('true');
    expect(await root.evaluate((el: HTMLElement) => el.offsetWidth)).toBe(1280);
    expect(await scale(page)).toBeLessThan(0.8);
    const canvasBox = await page
      .locator('[class*="PuckCanvas_"]')
      .first()
      .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(canvasBox.scroll).toBeLessThanOrEqual(canvasBox.client);

    // Select the hero, the first block under the site's navigation: its toolbar does not cover the navigation.
    await canvas(page).locator('h1').first().click();
    const heading = page.getByRole('textbox', { name: 'Heading', exact: true });
    await heading.waitFor();
    const toolbar = canvas(page).locator('.ed-actionbar');
    await toolbar.waitFor();
    const nav = await canvas(page).locator('.site-header').boundingBox();
    const bar = await toolbar.boundingBox();
    expect(bar!.y).toBeGreaterThanOrEqual(nav!.y + nav!.height);
    await shot(page, 'canvas-fit-hero-selected-1280.png');

    // 100%: the page at actual size, the canvas scrolls sideways; the block stays selected.
    await actual.click();
    await expect.poll(() => scale(page)).toBe(1);
    expect(await actual.getAttribute('aria-pressed')).toBe('true');
    const wide = await page
      .locator('[class*="PuckCanvas_"]')
      .first()
      .evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(wide).toBeGreaterThan(0);
    expect(await heading.isVisible()).toBe(true);
    await shot(page, 'canvas-100-1280.png');
    await fit.click();
    await expect.poll(() => scale(page)).toBeLessThan(0.8);

    // Switching device keeps the selected block and its fields.
    await page.getByRole('button', { name: 'Tablet (768 px)' }).click();
    await expect.poll(() => root.evaluate((el: HTMLElement) => el.offsetWidth)).toBe(768);
    expect(await heading.isVisible()).toBe(true);
    expect(await heading.inputValue()).toBe('Build what your customers are already asking for');
    await page.getByRole('button', { name: 'Mobile (375 px)' }).click();
    await expect.poll(() => root.evaluate((el: HTMLElement) => el.offsetWidth)).toBe(375);
    expect(await heading.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Desktop (1280 px)' }).click();
    await expect.poll(() => root.evaluate((el: HTMLElement) => el.offsetWidth)).toBe(1280);
    expect(await heading.isVisible()).toBe(true);

    // The choice lasts: another page, and the next visit, open at the same device and size.
    await actual.click();
    await page.reload();
    await canvas(page).locator('h1').first().waitFor();
    await expect.poll(() => scale(page)).toBe(1);
    expect(await page.getByRole('button', { name: '100%' }).getAttribute('aria-pressed')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('scrolls to and selects a new block; an empty Image block saves and publishing names it', async () => {
    const { site, context, page, problems } = await open(1280, 'canvas-add');
    // Nothing selected: the gallery adds to the end of the page, far below the fold.
    await page.getByRole('button', { name: /^Add Image block to the end of the page/ }).click();
    const image = canvas(page).locator('.ed-empty-image');
    await image.waitFor();
    await expect.poll(() => inCanvasView(image)).toBe(true);
    // It is selected: its own settings are open.
    await page.getByRole('button', { name: 'Choose from this site’s images' }).waitFor();
    await shot(page, 'canvas-new-image-block-1280.png');

    // The draft saves without an image, and later edits save too.
    await waitSaved(page);
    await page.getByRole('textbox', { name: 'Caption' }).fill('Our team at work');
    await waitSaved(page);
    const saved = (await api.get(`/api/sites/${site.id}`)).json.document.pages.find((p: { path: string }) => p.path === '/');
    const last = saved.blocks.at(-1);
    expect(last).toMatchObject({ type: 'image', props: { caption: 'Our team at work' } });
    expect(last.props.image).toBeUndefined();

    // Publishing refuses with a sentence that says which block to fill.
    await page.getByRole('button', { name: 'Publish' }).click();
    const failed = page.getByRole('dialog', { name: 'Publishing failed' });
    await failed.waitFor({ timeout: 15_000 });
    expect(await failed.textContent()).toContain(`Home page: the Image block (${saved.blocks.length}th) has no image; choose one or remove the block.`);
    await shot(page, 'canvas-publish-refused-1280.png');

    // From another page, "Show the block" opens the page the block is on, with the block selected and in view.
    await failed.getByRole('button', { name: 'Close' }).click();
    await page.locator('#ed-page-select').selectOption({ label: 'Pricing — /pricing' });
    await expect.poll(() => canvas(page).locator('.ed-empty-image').count()).toBe(0);
    await page.getByRole('button', { name: 'Publish' }).click();
    await failed.getByRole('button', { name: 'Show the block' }).click();
    await expect.poll(() => page.locator('#ed-page-select option:checked').textContent()).toBe('Home — /');
    await image.waitFor();
    await expect.poll(() => inCanvasView(image)).toBe(true);
    await expect.poll(() => page.getByRole('textbox', { name: 'Caption' }).inputValue()).toBe('Our team at work');
    await shot(page, 'canvas-show-block-1280.png');
    // The refused publish is the only failed request.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await context.close();
  });

  it('lists the home page as Home and shows whole link addresses in the Site panel', async () => {
    const { context, page, problems } = await open(1280, 'canvas-names');
    expect(await page.locator('#ed-page-select option:checked').textContent()).toBe('Home — /');
    await page.getByRole('button', { name: 'Pages', exact: true }).click();
    const rows = page.getByRole('list', { name: 'Pages' }).locator('.ed-page-title');
    expect((await rows.allTextContents())[0]).toBe('Home');
    expect(await rows.allTextContents()).toContain('Pricing');

    await page.getByRole('button', { name: 'Site', exact: true }).click();
    // (An address offers the site's pages as suggestions, so it is a combobox.)
    const addresses = page.getByRole('combobox', { name: /link \d+ address$/ });
    expect(await addresses.count()).toBeGreaterThan(4);
    // Every address is shown whole: nothing scrolls inside its box.
    const clipped = await addresses.evaluateAll((els) =>
      (els as HTMLInputElement[]).filter((el) => el.scrollWidth > el.clientWidth).map((el) => `${el.getAttribute('aria-label')}: ${el.value}`),
    );
    expect(clipped).toEqual([]);
    await shot(page, 'canvas-site-panel-1280.png');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works at phone width: toolbar off the navigation, whole link addresses', async () => {
    const { context, page, problems } = await open(375, 'canvas-phone');
    await shot(page, 'canvas-375.png');
    await canvas(page).locator('h1').first().click();
    await page.getByRole('textbox', { name: 'Heading', exact: true }).waitFor();
    const nav = await canvas(page).locator('.site-header').boundingBox();
    const bar = await canvas(page).locator('.ed-actionbar').boundingBox();
    expect(bar!.y).toBeGreaterThanOrEqual(nav!.y + nav!.height);
    await shot(page, 'canvas-hero-selected-375.png');
    await page.getByRole('button', { name: 'Site', exact: true }).click();
    const addresses = page.getByRole('combobox', { name: /link \d+ address$/ });
    await addresses.first().waitFor();
    expect(await addresses.evaluateAll((els) => (els as HTMLInputElement[]).filter((el) => el.scrollWidth > el.clientWidth).length)).toBe(0);
    await shot(page, 'canvas-site-panel-375.png');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
