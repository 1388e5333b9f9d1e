// The cookie table a site shows (/_atrium/cookies, generated from the cookie
// registry, the embed providers and the snippets' declarations) against the
// cookies that really appear in Chromium: for every template, with embeds,
// snippets of each category and a form added, and for each of the 8
// combinations of functional / analytics / marketing, a visitor makes the
// choice in the banner, opens every page of the site, and the names of the
// cookies in the browser (the site's own and the third parties') are exactly
// the table's rows of the granted categories (necessary always). One server,
// one published site per template, one browser, a fresh context per visitor.
//
// The third parties are fakes on this machine: the snippets' scripts come
// from test/helpers/third-party.ts and set first-party cookies with
// document.cookie; the embed providers' frames are answered by the browser
// context and set the third-party cookies listed in PROVIDER_COOKIES.
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchProblems } from '../helpers/browser.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startThirdParty, type ThirdParty } from '../helpers/third-party.js';

type Optional = 'functional' | 'analytics' | 'marketing';
type Combo = Record<Optional, boolean>;

/** What our fake providers' frames set on their own domains (modelled on the real ones), by frame origin. */
const PROVIDER_COOKIES: Record<string, string[]> = {
  'https://www.youtube-nocookie.com': ['YSC', 'VISITOR_INFO1_LIVE', 'VISITOR_PRIVACY_METADATA'],
  'https://player.vimeo.com': ['__cf_bm'],
  'https://open.spotify.com': ['sp_t'],
  'https://calendly.com': ['__cf_bm'],
  'https://www.google.com': ['NID'],
  'https://www.loom.com': ['loom_anon_comment'],
};

const embed = (id: string, provider: string, url: string) => ({
  type: 'embed',
  props: { id, provider, url, title: `${provider} content`, aspect: '16:9', category: 'marketing', tone: 'default' },
});
const form = { type: 'form', props: { id: 'cookie-form', fields: [{ name: 'message', type: 'textarea', label: 'Message', required: true }] } };

/** What each template gets on top of its own content: embeds by page path, the page that gets a form, and a page with its own marketing snippet (else it is site-wide). */
const ADDED: Record<string, { embeds: Record<string, ReturnType<typeof embed>[]>; formOn: string; marketingOn?: string }> = {
  saas: { embeds: { '/': [embed('tour', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ')] }, formOn: '/contact' },
  app: {
    embeds: {
      '/': [embed('demo', 'vimeo', 'https://vimeo.com/76979871')],
      '/pricing': [embed('playlist', 'spotify', 'https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M')],
    },
    formOn: '/support',
  },
  consultancy: {
    embeds: {
      '/': [embed('intro', 'loom', 'https://www.loom.com/share/0123456789abcdef0123456789abcdef')],
      '/contact': [
        embed('booking', 'calendly', 'https://calendly.com/acme/30min'),
        embed('office', 'google-maps', 'https://www.google.com/maps/embed?pb=!1m18!1m12'),
      ],
    },
    formOn: '/contact',
    marketingOn: '/services',
  },
};

const AT_ONCE = 4;
const COMBOS: Combo[] = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => ({ functional: (n & 4) > 0, analytics: (n & 2) > 0, marketing: (n & 1) > 0 }));
const label = (c: Combo) => (['functional', 'analytics', 'marketing'] as const).filter((k) => c[k]).join(' + ') || 'nothing';

interface PublishedSite {
  template: string;
  url: string;
  paths: string[];
  /** The cookie table as /_atrium/cookies shows it: name and category id. */
  table: { name: string; category: 'necessary' | Optional }[];
}

let t: TestServer;
let browser: Browser;
let tp: ThirdParty;
let owner: HttpClient;
const sites: PublishedSite[] = [];

async function publish(template: string): Promise<PublishedSite> {
  const c = owner;
  const slug = `cookies-${template}`;
  const site = (await c.post('/api/sites', { name: `Cookies ${template}`, slug, template, region: 'ca-toronto' })).json;
  const doc = site.document;
  const added = ADDED[template]!;
  for (const [path, blocks] of Object.entries(added.embeds)) doc.pages.find((p: { path: string }) => p.path === path).blocks.splice(1, 0, ...blocks);
  doc.pages.find((p: { path: string }) => p.path === added.formOn).blocks.push(form);
  const marketing = {
    id: 'ads',
    name: 'Fake Ads',
    placement: 'body',
    category: 'marketing',
    code: `<script src="${tp.origin('ads')}/marketing.js"></script>`,
    origins: [tp.origin('ads')],
    cookies: [{ name: '_fm_id', purpose: 'Measures which ads bring visitors.', days: 90 }],
  };
  doc.snippets = [
    {
      id: 'chat',
      name: 'Fake Chat',
      placement: 'body',
      category: 'functional',
      code: `<script src="${tp.origin('widgets')}/functional.js"></script>`,
      origins: [tp.origin('widgets')],
      cookies: [{ name: '_fw_lang', purpose: 'Remembers the chat’s language.', days: 180 }],
    },
    {
      id: 'stats',
      name: 'Fake Analytics',
      placement: 'head',
      category: 'analytics',
      code: `<script src="${tp.origin('analytics')}/analytics.js"></script>`,
      origins: [tp.origin('analytics')],
      cookies: [{ name: '_fa_*', purpose: 'Tells returning visitors apart for visit counts.', days: 400 }],
    },
    ...(added.marketingOn ? [] : [marketing]),
  ];
  if (added.marketingOn) doc.pages.find((p: { path: string }) => p.path === added.marketingOn).snippets = [marketing];
  doc.consent = { mode: 'categories', gpcRefusesAnalytics: false, wording: {} };
  const saved = await c.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document: doc });
  expect(saved.status, saved.text).toBe(200);
  const published = await c.post(`/api/sites/${site.id}/publish`);
  expect(published.status, published.text).toBe(201);
  return { template, url: `http://${slug}.localhost:${t.port}`, paths: doc.pages.map((p: { path: string }) => p.path), table: [] };
}

/** The rows of the table on the site's cookie settings page. */
async function shownTable(context: BrowserContext, site: PublishedSite): Promise<PublishedSite['table']> {
  const page = await context.newPage();
  await page.goto(`${site.url}/_atrium/cookies`);
  const rows = await page
    .locator('.prefs-table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.querySelector('td:last-child')!.textContent!.trim().toLowerCase()]));
  await page.close();
  return rows.map(([name, category]) => ({ name: name!, category: category as PublishedSite['table'][number]['category'] }));
}

beforeAll(async () => {
  [t, browser, tp] = await Promise.all([startTestServer({ ATRIUM_CONSENT_LIMIT_PER_IP: '1000' }), launchChromium(), startThirdParty()]);
  owner = t.client();
  await signUpVerified(owner, t.smtp, 'cookie-table@example.com');
  const templates = ((await owner.get('/api/templates')).json as { id: string }[]).map((x) => x.id);
  // Every template gets its additions: a template without them would fail here rather than go unchecked.
  expect(templates.sort()).toEqual(Object.keys(ADDED).sort());
  for (const template of templates) sites.push(await publish(template));
  const context = await browser.newContext();
  for (const site of sites) site.table = await shownTable(context, site);
  await context.close();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await tp?.close();
  await t?.close();
});

/** The fake providers: a frame page that sets their cookies on their own domain. */
async function fakeProviders(context: BrowserContext) {
  const origins = Object.keys(PROVIDER_COOKIES);
  await context.route(
    (url) => origins.includes(url.origin),
    (route: Route) => {
      const names = PROVIDER_COOKIES[new URL(route.request().url()).origin]!;
      return route.fulfill({
        contentType: 'text/html',
        headers: { 'set-cookie': names.map((n) => `${n}=1; Path=/; Max-Age=3600; Secure; SameSite=None`).join('\n') },
        body: '<!doctype html><title>Embedded</title><p>Embedded content</p>',
      });
    },
  );
}

/** Waits for what the choice started on this page: each frame loaded (scrolled to, as they load lazily), each granted snippet run. */
async function loaded(page: Page, combo: Combo) {
  await page.waitForLoadState('load');
  for (const frame of await page.locator('[data-atrium-embed] iframe').all()) {
    await frame.scrollIntoViewIfNeeded();
    const content = (await (await frame.elementHandle())!.contentFrame())!;
    await expect.poll(() => content.url()).toMatch(/^https:/);
    await content.waitForLoadState('load');
  }
  for (const k of ['functional', 'analytics', 'marketing'] as const) {
    if (!combo[k] || !(await page.locator(`template[data-atrium-category="${k}"]`).count())) continue;
    await expect.poll(() => page.evaluate((name) => document.documentElement.getAttribute(`data-${name}-ran`), k)).toBe('1');
  }
}

/** A visitor who makes this choice in the banner, then opens every page of the site; answers the cookie names in the browser. */
async function visit(site: PublishedSite, combo: Combo): Promise<string[]> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
  const problems = await watchProblems(context);
  await fakeProviders(context);
  const page = await context.newPage();
  await page.goto(`${site.url}/`);
  const banner = page.locator('#atrium-consent');
  await banner.waitFor({ state: 'visible' });
  expect(await context.cookies()).toEqual([]);
  const choose = banner.locator('[data-atrium-choose]');
  if (await choose.isVisible()) await choose.click();
  for (const k of ['functional', 'analytics', 'marketing'] as const) await banner.locator(`input[name="${k}"]`).setChecked(combo[k]);
  await Promise.all([
    page.waitForResponse((r) => r.url() === `${site.url}/_atrium/consent` && r.request().method() === 'POST' && r.ok()),
    banner.locator('[data-atrium-save]').click(),
  ]);
  for (const path of site.paths) {
    await page.goto(`${site.url}${path}`);
    await loaded(page, combo);
  }
  await page.waitForLoadState('networkidle');
  const names = [...new Set((await context.cookies()).map((c) => c.name))].sort();
  expect(problems, `${site.template}, ${label(combo)}`).toEqual([]);
  await context.close();
  return names;
}

const matches = (pattern: string, name: string) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern);

describe('the cookies in the browser are the generated cookie table', () => {
  it('lists something of every category on every template (else the comparison would prove little)', () => {
    for (const site of sites) {
      expect(new Set(site.table.map((r) => r.category)), site.template).toEqual(new Set(['necessary', 'functional', 'analytics', 'marketing']));
      expect(site.table.map((r) => r.name)).toEqual(expect.arrayContaining(['c_r_id_', 'cookie_consent', 'c_id', 'usr', '_fa_*', '_fw_lang', '_fm_id']));
    }
  });

  for (const template of Object.keys(ADDED))
    it(`${template}: for each of the 8 choices, exactly the rows of the granted categories`, async () => {
      const site = sites.find((s) => s.template === template)!;
      // A few visitors at a time: the browser and the server share two cores with the rest of the machine.
      const results: { combo: string; unexpected: string[]; missing: string[] }[] = [];
      for (let i = 0; i < COMBOS.length; i += AT_ONCE)
        await Promise.all(
          COMBOS.slice(i, i + AT_ONCE).map(async (combo) => {
            const names = await visit(site, combo);
            const rows = site.table.filter((r) => r.category === 'necessary' || combo[r.category]);
            results.push({
              combo: label(combo),
              unexpected: names.filter((n) => !rows.some((r) => matches(r.name, n))),
              missing: rows.filter((r) => !names.some((n) => matches(r.name, n))).map((r) => r.name),
            });
          }),
        );
      results.sort((a, b) => a.combo.localeCompare(b.combo));
      expect(results).toEqual(COMBOS.map((c) => ({ combo: label(c), unexpected: [], missing: [] })).sort((a, b) => a.combo.localeCompare(b.combo)));
    }, 120_000);
});
