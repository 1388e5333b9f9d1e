// The visual editor in Chromium, driving the real app: open a site from the
// sites list, edit the hero heading, add a pricing block, upload an image
// with alt text, publish, and see the edits on the live hostname; a second
// tab's conflicting save is reported, not lost. Screenshots of the editor go
// to $ATRIUM_EDITOR_SHOTS (default test-results/editor).
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
  await signUpVerified(api, t.smtp, 'editor@example.com', 'Grace Hopper');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A browser tab logged in as the API client's subscriber (the session cookie is the one the API set). */
async function loggedIn(width = 1280): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: width > 500 ? 860 : 780 }, locale: 'en-US' });
  await context.addCookies([
    { name: 'atrium_session', value: api.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  // 409s are the conflicts the editor reports to the person; anything else is a problem.
  const problems = await watchProblems(context, /409/);
  return { context, page: await context.newPage(), problems };
}

async function createSite(name: string, slug: string) {
  const r = await api.post('/api/sites', { name, slug, template: 'saas', region: 'de-frankfurt', defaultLanguage: 'en' });
  expect(r.status, r.text).toBe(201);
  return r.json as { id: string };
}

const saveState = (page: Page) => page.locator('[data-save-state]').getAttribute('data-save-state');
const waitSaved = (page: Page) => expect.poll(() => saveState(page), { timeout: 15_000 }).toBe('saved');
const canvas = (page: Page) => page.frameLocator('#preview-frame');

/** axe-core on the editor's own interface: no serious or critical violations. */
async function axe(page: Page, name: string) {
  expect(await seriousA11yViolations(page), name).toEqual([]);
}

async function openEditor(page: Page, siteId: string) {
  await page.goto(`${t.baseUrl}/app/sites/${siteId}/edit`);
  await canvas(page).locator('h1').first().waitFor();
}

async function draft(siteId: string) {
  const r = await api.get(`/api/sites/${siteId}`);
  return r.json as { revision: number; status: string; document: { pages: { path: string; blocks: { type: string; props: Record<string, any> }[] }[] } };
}

describe('the visual editor', () => {
  it('edits, adds a block, uploads an image, publishes and shows the result live', async () => {
    const site = await createSite('Acme Analytics', 'acme');
    const { context, page, problems } = await loggedIn();

    // From the sites list, the card opens the editor (its own lazily loaded chunk).
    await page.goto(`${t.baseUrl}/app`);
    await page.getByRole('link', { name: 'Acme Analytics — open in the editor' }).click();
    await page.waitForURL(`**/app/sites/${site.id}/edit`);
    await canvas(page).locator('h1').first().waitFor();
    expect(await canvas(page).locator('h1').first().textContent()).toBe('Build what your customers are already asking for');
    // The canvas carries the site's own stylesheet: the theme's brand colour reaches the buttons.
    expect(
      await canvas(page)
        .locator('.hero .btn-primary')
        .evaluate((el) => getComputedStyle(el).getPropertyValue('--btn-bg').trim()),
    ).toBe('#4f46e5');
    await axe(page, 'editor');
    await page.screenshot({ path: path.join(SHOTS, 'editor-1280.png') });

    // Select the hero on the canvas and change its heading in the fields panel.
    await canvas(page).locator('h1').first().click();
    const heading = page.getByRole('textbox', { name: 'Heading', exact: true });
    await heading.fill('Feedback, finally in one place');
    await expect.poll(() => canvas(page).locator('h1').first().textContent()).toBe('Feedback, finally in one place');
    await axe(page, 'editor with a block selected');
    await page.screenshot({ path: path.join(SHOTS, 'editor-hero-selected-1280.png') });

    // Upload an image for the hero; the alt text is asked for right away.
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#4f46e5' } })
      .png()
      .toBuffer();
    await page.locator('.ed-image:visible input[type=file]').setInputFiles({ name: 'shot.png', mimeType: 'image/png', buffer: png });
    const alt = page.getByRole('textbox', { name: 'Alt text' });
    await expect.poll(() => alt.evaluate((el) => el === document.activeElement), { timeout: 15_000 }).toBe(true);
    await alt.fill('A violet test card');
    await expect.poll(() => canvas(page).locator('.hero-image').getAttribute('alt')).toBe('A violet test card');

    // Add a pricing block from the gallery with the keyboard path (the + button adds below the selection).
    await page.getByRole('button', { name: /^Add Pricing block/ }).click();
    await canvas(page).locator('.pricing').first().waitFor();
    await waitSaved(page);

    const saved = await draft(site.id);
    const home = saved.document.pages.find((p) => p.path === '/')!;
    expect(home.blocks[0]!.props.heading).toBe('Feedback, finally in one place');
    expect(home.blocks[0]!.props.image.alt).toBe('A violet test card');
    expect(home.blocks[0]!.props.image.src).toMatch(/^\/_atrium\/img\/[0-9a-f]{64}\.webp$/);
    expect(home.blocks[1]!.type).toBe('pricing');

    // Publish: progress, then a link to the live site.
    await page.getByRole('button', { name: 'Publish' }).click();
    const live = page.getByRole('link', { name: /acme\.localhost/ });
    await live.waitFor({ timeout: 30_000 });
    expect(await page.getByText('Your site is live').count()).toBe(1);
    const url = await live.getAttribute('href');
    expect(url).toBe(`http://acme.localhost:${t.port}`);
    await page.screenshot({ path: path.join(SHOTS, 'editor-published-1280.png') });

    // The live hostname shows the edits.
    const visitor = await context.newPage();
    await visitor.goto(`${url}/`);
    expect(await visitor.locator('h1').textContent()).toBe('Feedback, finally in one place');
    expect(await visitor.locator('.pricing .section-title').textContent()).toBe('Simple pricing');
    expect(await visitor.locator('.hero-image').getAttribute('alt')).toBe('A violet test card');
    const loaded = await visitor.locator('.hero-image').evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth));
    expect(loaded).toBeGreaterThan(0);

    // Another edit after publishing: the site is live with unpublished changes.
    await page.getByRole('button', { name: 'Close' }).click();
    await canvas(page).locator('h1').first().click();
    await heading.fill('Feedback, in one place');
    await waitSaved(page);
    await page.getByText('Unpublished changes').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reports a conflicting save from another tab and keeps the choice with the person', async () => {
    const site = await createSite('Conflict Co', 'conflict-co');
    const a = await loggedIn();
    const b = await loggedIn();
    await openEditor(a.page, site.id);
    await openEditor(b.page, site.id);

    // Tab A saves first.
    await canvas(a.page).locator('h1').first().click();
    await a.page.getByRole('textbox', { name: 'Heading', exact: true }).fill('Heading from tab A');
    await waitSaved(a.page);

    // Tab B, still at the old revision, saves next: the conflict is shown, nothing is overwritten.
    await canvas(b.page).locator('h1').first().click();
    await b.page.getByRole('textbox', { name: 'Heading', exact: true }).fill('Heading from tab B');
    const dialog = b.page.getByRole('dialog', { name: 'This site was changed somewhere else' });
    await dialog.waitFor({ timeout: 15_000 });
    expect(await saveState(b.page)).toBe('conflict');
    expect((await draft(site.id)).document.pages[0]!.blocks[0]!.props.heading).toBe('Heading from tab A');
    await b.page.screenshot({ path: path.join(SHOTS, 'editor-conflict-1280.png') });

    // "Keep my version" saves B's page over A's.
    await dialog.getByRole('button', { name: 'Keep my version' }).click();
    await waitSaved(b.page);
    expect((await draft(site.id)).document.pages[0]!.blocks[0]!.props.heading).toBe('Heading from tab B');

    // Now A is behind: its next save conflicts, and "Load their version" shows B's heading.
    await a.page.getByRole('textbox', { name: 'Heading', exact: true }).fill('Heading from tab A again');
    const dialogA = a.page.getByRole('dialog', { name: 'This site was changed somewhere else' });
    await dialogA.waitFor({ timeout: 15_000 });
    await dialogA.getByRole('button', { name: 'Load their version' }).click();
    await expect.poll(() => canvas(a.page).locator('h1').first().textContent()).toBe('Heading from tab B');
    expect(await saveState(a.page)).toBe('saved');
    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  it('adds a form block from the gallery that saves valid and never submits in the canvas', async () => {
    const site = await createSite('Formal Co', 'formal-co');
    const { context, page, problems } = await loggedIn();
    await openEditor(page, site.id);

    await page.getByRole('button', { name: /^Add Form block/ }).click();
    const form = canvas(page).locator('form[data-atrium-form]');
    await form.waitFor();
    expect(await form.getAttribute('action')).toMatch(/^\/_atrium\/forms\/form-[a-z0-9]+$/);
    await expect
      .poll(() => canvas(page).locator('.form-section .field-label').allTextContents())
      .toEqual(['Name', 'Email', 'Message', 'I agree that Formal Co stores my message to reply to me.']);
    await waitSaved(page);
    const saved = (await draft(site.id)).document.pages.find((p) => p.path === '/')!;
    const block = saved.blocks.find((b) => b.type === 'form')!;
    expect(block.props.fields.map((f: { name: string; type: string }) => `${f.name}:${f.type}`)).toEqual([
      'name:text',
      'email:email',
      'message:textarea',
      'consent:consent',
    ]);
    expect(block.props.buttonLabel).toBe('Send message');

    // Its settings: the fields list and the redirect choice offer the site's pages.
    await expect.poll(() => page.getByRole('combobox', { name: 'After sending, go to' }).isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'After sending, go to' }).locator('option').count()).toBeGreaterThan(1);
    await axe(page, 'editor with a form block selected');
    await page.screenshot({ path: path.join(SHOTS, 'editor-form-1280.png') });

    // A field's name in submissions follows its label until edited by hand.
    await page.getByText('Name · Short text · required').locator('visible=true').click();
    await page.getByRole('textbox', { name: 'Label, or the consent wording' }).fill('Full name');
    await expect.poll(() => page.getByRole('textbox', { name: 'Name in submissions' }).inputValue()).toBe('full_name');
    await expect.poll(() => canvas(page).locator('.form-section .field-label').first().textContent()).toBe('Full name');
    await page.screenshot({ path: path.join(SHOTS, 'editor-form-field-1280.png') });
    await waitSaved(page);
    const renamed = (await draft(site.id)).document.pages.find((p) => p.path === '/')!.blocks.find((b) => b.type === 'form')!;
    expect(renamed.props.fields[0]).toMatchObject({ name: 'full_name', label: 'Full name', type: 'text', required: true });

    // The canvas never sends the form: the editor cancels its submission.
    const prevented = await form.evaluate((f: HTMLFormElement) => {
      const e = new SubmitEvent('submit', { bubbles: true, cancelable: true });
      f.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(prevented).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('undoes and redoes theme, page and block edits in one history, and reuses an uploaded image', async () => {
    const site = await createSite('Undo Co', 'undo-co');
    const { context, page, problems } = await loggedIn();
    await openEditor(page, site.id);
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    const redo = page.getByRole('button', { name: 'Redo', exact: true });
    expect(await undo.isDisabled()).toBe(true);
    const before = (await draft(site.id)).document as unknown as { theme: { preset?: string }; pages: { path: string; title: string }[] };
    const oldTitle = before.pages.find((p) => p.path === '/')!.title;
    expect(before.theme.preset).toBe('indigo');

    // A theme preset, then the page title typed key by key (one step, not one per key).
    await page.getByRole('button', { name: 'Theme', exact: true }).click();
    const midnight = page.getByRole('radio', { name: 'Midnight' });
    await midnight.click();
    await expect.poll(() => midnight.getAttribute('aria-checked')).toBe('true');
    const title = page.getByRole('textbox', { name: 'Title', exact: true });
    await title.selectText();
    await title.pressSequentially('About us', { delay: 40 });
    await expect.poll(() => title.inputValue()).toBe('About us');
    // The home page keeps its name in the page list whatever its title says.
    expect(await page.locator('#ed-page-select option:checked').textContent()).toBe('Home — /');
    await waitSaved(page);
    let saved = (await draft(site.id)).document as unknown as typeof before;
    expect(saved.theme.preset).toBe('midnight');
    expect(saved.pages.find((p) => p.path === '/')!.title).toBe('About us');

    // Ctrl/Cmd+Z in the title field takes back the whole title; the Undo button then the theme.
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => title.inputValue()).toBe(oldTitle);
    await undo.click();
    await expect.poll(() => midnight.getAttribute('aria-checked')).toBe('false');
    expect(await page.getByRole('radio', { name: 'Indigo' }).getAttribute('aria-checked')).toBe('true');
    expect(await undo.isDisabled()).toBe(true);
    await waitSaved(page);
    saved = (await draft(site.id)).document as unknown as typeof before;
    expect(saved.theme.preset).toBe('indigo');
    expect(saved.pages.find((p) => p.path === '/')!.title).toBe(oldTitle);

    // Redo both: the keyboard, then the button.
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect.poll(() => midnight.getAttribute('aria-checked')).toBe('true');
    await redo.click();
    await expect.poll(() => title.inputValue()).toBe('About us');
    expect(await redo.isDisabled()).toBe(true);
    await waitSaved(page);
    saved = (await draft(site.id)).document as unknown as typeof before;
    expect(saved.theme.preset).toBe('midnight');
    expect(saved.pages.find((p) => p.path === '/')!.title).toBe('About us');

    // A block edit joins the same history, and undoing it shows on the canvas.
    const h1 = canvas(page).locator('h1').first();
    const oldHeading = await h1.textContent();
    await h1.click();
    await page.getByRole('textbox', { name: 'Heading', exact: true }).fill('Undo me');
    await expect.poll(() => h1.textContent()).toBe('Undo me');
    await undo.click();
    await expect.poll(() => h1.textContent()).toBe(oldHeading);
    // Feeding Puck the restored blocks is not a new edit: redo is still there.
    await redo.click();
    await expect.poll(() => h1.textContent()).toBe('Undo me');
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => h1.textContent()).toBe(oldHeading);
    await waitSaved(page);
    saved = (await draft(site.id)).document as unknown as typeof before;
    expect(saved.theme.preset).toBe('midnight');

    // Upload an image once (for the hero)…
    const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#0ea5e9' } })
      .png()
      .toBuffer();
    await page.locator('.ed-image:visible input[type=file]').setInputFiles({ name: 'reuse.png', mimeType: 'image/png', buffer: png });
    const alt = page.getByRole('textbox', { name: 'Alt text' });
    await expect.poll(() => alt.evaluate((el) => el === document.activeElement), { timeout: 15_000 }).toBe(true);
    await alt.fill('A sky blue card');

    // …then pick it from the site's images for a new image block, without uploading again.
    // (An image block waiting for its picture is a valid draft: no save is refused meanwhile.)
    const refused: string[] = [];
    page.on('response', (r) => void (r.status() === 400 && refused.push(`${r.request().method()} ${new URL(r.url()).pathname}`)));
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: /^Add Image block/ }).click();
    const choose = page.getByRole('button', { name: 'Choose from this site’s images' });
    await choose.waitFor();
    await choose.click();
    const library = page.getByRole('dialog', { name: 'This site’s images' });
    await library.waitFor();
    const picks = library.getByRole('button', { name: /^Image \d/ });
    await expect.poll(() => picks.count()).toBe(1);
    expect(await picks.first().getAttribute('aria-label')).toMatch(/^Image 1, 800 × 500/);
    await axe(page, 'editor image library');
    await page.screenshot({ path: path.join(SHOTS, 'editor-image-library-1280.png') });
    await picks.first().click();
    await expect.poll(() => library.count()).toBe(0);
    await expect.poll(() => alt.evaluate((el) => el === document.activeElement)).toBe(true);
    await alt.fill('The same sky blue card');
    await waitSaved(page);
    const blocks = (await draft(site.id)).document.pages.find((p) => p.path === '/')!.blocks;
    const hero = blocks.find((b) => b.type === 'hero')!.props.image;
    const picked = blocks.find((b) => b.type === 'image')!.props.image;
    expect(hero.src).toMatch(/^\/_atrium\/img\/[0-9a-f]{64}\.webp$/);
    expect(picked).toMatchObject({ src: hero.src, width: hero.width, height: hero.height, srcset: hero.srcset, alt: 'The same sky blue card' });
    expect((await api.get(`/api/sites/${site.id}/assets`)).json.assets).toHaveLength(1);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows the theme's web fonts in the canvas, and a font change loads the new face", async () => {
    const r = await api.post('/api/sites', {
      name: 'Serif Studio',
      slug: 'serif-studio',
      template: 'consultancy',
      region: 'de-frankfurt',
      defaultLanguage: 'en',
    });
    expect(r.status, r.text).toBe(201);
    const { context, page, problems } = await loggedIn();
    const fonts: string[] = [];
    page.on('response', (res) => {
      if (res.url().endsWith('.woff2')) fonts.push(`${res.status()} ${res.headers()['content-type']} ${res.headers()['cache-control']}`);
    });
    await openEditor(page, r.json.id);
    const frame = (await page.locator('#preview-frame').elementHandle())!.contentFrame();
    const loadedFaces = () =>
      frame.then((f) =>
        f!.evaluate(async () => {
          await document.fonts.ready;
          return [...document.fonts].filter((x) => x.status === 'loaded').map((x) => x.family.replace(/"/g, ''));
        }),
      );
    await expect.poll(loadedFaces).toEqual(expect.arrayContaining(['Fraunces', 'Source Sans 3']));
    expect(await loadedFaces()).not.toContain('JetBrains Mono');
    await page.screenshot({ path: path.join(SHOTS, 'editor-fonts-1280.png') });

    // Headings in Mono: the canvas fetches JetBrains Mono, and only then.
    await page.getByRole('button', { name: 'Theme', exact: true }).click();
    await page.getByLabel('Headings', { exact: true }).selectOption('mono');
    await expect.poll(loadedFaces).toEqual(expect.arrayContaining(['JetBrains Mono', 'Source Sans 3']));
    expect(fonts).toHaveLength(3);
    for (const f of fonts) expect(f).toBe('200 font/woff2 public, max-age=31536000, immutable');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works at phone width', async () => {
    const site = await createSite('Pocket Site', 'pocket');
    const { context, page, problems } = await loggedIn(375);
    await openEditor(page, site.id);
    await page.screenshot({ path: path.join(SHOTS, 'editor-375.png') });
    await axe(page, 'editor at 375px');
    // Selecting a block opens its fields in the bottom panel, under the header that keeps Publish in reach.
    await canvas(page).locator('h1').first().click();
    await page.getByRole('textbox', { name: 'Heading', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Publish' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'editor-fields-375.png') });
    await axe(page, 'editor fields at 375px');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
