// Visitors of a published site with things to consent to, for the browser
// tests of the consent banner and runtime: a site with a YouTube embed and two
// snippets served by a fake third party, and fresh browser contexts that record
// every request leaving for another origin and every layout shift.
import type { Browser, BrowserContext } from 'playwright-core';
import { expect } from 'vitest';
import type { HttpClient } from './http.js';
import type { ThirdParty } from './third-party.js';

export const ESSENTIAL_COOKIES = new Set(['c_r_id_', 'cookie_consent', 'c_id']);
export const INLINE_MARKETING = "document.documentElement.setAttribute('data-inline-marketing', '1');";

export interface ConsentSiteOptions {
  slug: string;
  lang?: string;
  mode?: 'categories' | 'notice';
  gpcRefusesAnalytics?: boolean;
  /** Leave the YouTube embed out. */
  noEmbed?: boolean;
  /** Leave the snippets out (then only the home page, with the embed, has something to consent to). */
  noSnippets?: boolean;
}

/** Publishes a SaaS-template site: YouTube on the home page, an analytics snippet (head) and a marketing snippet (body) on every page. */
export async function publishConsentSite(c: HttpClient, port: number, tp: ThirdParty, o: ConsentSiteOptions) {
  const site = (await c.post('/api/sites', { name: `Consent ${o.slug}`, slug: o.slug, template: 'saas', region: 'de-frankfurt' })).json;
  const doc = site.document;
  doc.defaultLanguage = o.lang ?? 'en';
  doc.consent = { mode: o.mode ?? 'categories', gpcRefusesAnalytics: o.gpcRefusesAnalytics ?? false, wording: {} };
  doc.snippets = o.noSnippets
    ? []
    : [
        {
          id: 'stats',
          name: 'Fake Analytics',
          placement: 'head',
          category: 'analytics',
          code: `<script src="${tp.origin('analytics')}/analytics.js"></script>`,
          origins: [tp.origin('analytics')],
          cookies: [{ name: '_fa_*', purpose: 'Tells returning visitors apart for visit counts.', days: 400 }],
        },
        {
          id: 'ads',
          name: 'Fake Ads',
          placement: 'body',
          category: 'marketing',
          code: `<script src="${tp.origin('ads')}/marketing.js"></script><script>${INLINE_MARKETING}</script>`,
          origins: [tp.origin('ads')],
          cookies: [{ name: '_fm_id', purpose: 'Measures which ads bring visitors.', days: 90 }],
        },
      ];
  if (!o.noEmbed)
    doc.pages[0].blocks.splice(1, 0, {
      type: 'embed',
      props: {
        id: 'tour',
        provider: 'youtube',
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        title: 'Product tour',
        aspect: '16:9',
        category: 'marketing',
        tone: 'default',
      },
    });
  const saved = await c.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document: doc });
  expect(saved.status, saved.text).toBe(200);
  const published = await c.post(`/api/sites/${site.id}/publish`);
  expect(published.status, published.text).toBe(201);
  return {
    id: site.id as string,
    url: `http://${o.slug}.localhost:${port}`,
    host: `${o.slug}.localhost`,
    snippets: doc.snippets as { id: string; category: string; placement: string; code: string }[],
  };
}

export interface Visitor {
  context: BrowserContext;
  page: import('playwright-core').Page;
  /** Every request that left for an origin other than the site's. */
  thirdParty: string[];
  /** POSTs to /_atrium/consent, their JSON bodies. */
  posts: unknown[];
  cookieNames(): Promise<string[]>;
  /** The page's layout shift score so far (the CLS of this page view). */
  layoutShift(): Promise<number>;
  /** Starts the layout shift score again from 0 (to measure one moment of the page view). */
  resetLayoutShift(): Promise<void>;
}

export async function visitor(
  browser: Browser,
  site: { url: string },
  /** gpc: true sends Global Privacy Control as browsers do (the Sec-GPC header and navigator.globalPrivacyControl); 'header': the header only. */
  opts: { gpc?: boolean | 'header'; viewport?: { width: number; height: number } } = {},
): Promise<Visitor> {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    // Global Privacy Control as a browser sends it: the header on every request and the property scripts read.
    ...(opts.gpc ? { extraHTTPHeaders: { 'sec-gpc': '1' } } : {}),
  });
  if (opts.gpc === true)
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }));
  await context.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // The embed's provider, answered here: nothing leaves the machine.
  await context.route('https://www.youtube-nocookie.com/**', (r) =>
    r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Video</title><p>Video</p>' }),
  );
  const origin = new URL(site.url).origin;
  const thirdParty: string[] = [];
  const posts: unknown[] = [];
  context.on('request', (r) => {
    if (new URL(r.url()).origin !== origin) thirdParty.push(r.url());
    if (r.method() === 'POST' && r.url() === `${origin}/_atrium/consent`) posts.push(r.postDataJSON());
  });
  const page = await context.newPage();
  return {
    context,
    page,
    thirdParty,
    posts,
    cookieNames: async () => (await context.cookies()).map((k) => k.name).sort(),
    layoutShift: () => page.evaluate(() => (window as unknown as { __shift: number }).__shift),
    resetLayoutShift: () =>
      page.evaluate(() => {
        (window as unknown as { __shift: number }).__shift = 0;
      }),
  };
}
