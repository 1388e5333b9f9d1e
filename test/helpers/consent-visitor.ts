// Visitors of a published site with things to consent to, for the browser
// tests of the consent banner and runtime: a site with a YouTube embed and two
// snippets served by a fake third party, and fresh browser contexts that record
// every request leaving for another origin and every layout shift.
//
// Stand-ins: the page CSP and snippet <template>s (helper consent-publish) and
// POST /_atrium/consent (helper consent-server) are built in parallel. Until
// they are merged, `standIns` fills in for what the running server lacks, as
// the consent contract of issue 9 describes it; each one switches itself off
// when the server does the real thing. TODO(lead): remove the stand-ins
// (and this paragraph) once both branches are merged.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { Browser, BrowserContext, Route } from 'playwright-core';
import { expect } from 'vitest';
import { encodeChoices } from '../../src/consent/choices.js';
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
    url: `http://${o.slug}.localhost:${port}`,
    host: `${o.slug}.localhost`,
    snippets: doc.snippets as { id: string; category: string; placement: string; code: string }[],
  };
}

/** What the running server lacks of the contract, probed on the published site. */
export async function standIns(c: HttpClient, host: string) {
  const home = await c.get('/', { host });
  const probe = await c.post(
    '/_atrium/consent',
    { version: 'probe', choices: { functional: false, analytics: false, marketing: false, providers: [] } },
    { host },
  );
  return {
    csp: !/script-src/.test(String(home.headers['content-security-policy'])),
    templates: !home.text.includes('data-atrium-snippet'),
    endpoint: probe.status === 404 || probe.status === 405,
  };
}
export type StandIns = Awaited<ReturnType<typeof standIns>>;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The page CSP of the contract for this site: its snippets' origins and inline script hashes, the embed's frame origin. */
const contractCsp = (tp: ThirdParty) =>
  `default-src 'none'; script-src 'self' ${tp.origin('analytics')} ${tp.origin('ads')} ${sha256(INLINE_MARKETING)}; connect-src 'self'; style-src 'self'; ` +
  "img-src 'self' https: data:; font-src 'self'; frame-src https://www.youtube-nocookie.com; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

/** The snippets as inert templates where the contract puts them. */
function withTemplates(html: string, snippets: { id: string; category: string; placement: string; code: string }[]) {
  for (const s of snippets) {
    const template = `<template data-atrium-snippet="${s.id}" data-atrium-category="${s.category}" data-atrium-placement="${s.placement}">${s.code}</template>`;
    html = html.replace(s.placement === 'head' ? '</head>' : '</body>', `${template}$&`);
  }
  return html;
}

async function standInEndpoint(route: Route, context: BrowserContext, url: string) {
  const body = route.request().postDataJSON() as { choices: { functional: boolean; analytics: boolean; marketing: boolean; providers?: string[] } };
  const choices = { ...body.choices, providers: body.choices.providers ?? [] };
  await context.addCookies([
    { name: 'cookie_consent', value: encodeChoices(choices as never), url, sameSite: 'Lax', expires: Date.now() / 1000 + 365 * 86400 },
  ]);
  await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ id: 'stand-in', choices, gpc: false }) });
}

/** GET of a <slug>.localhost URL from Node, which does not resolve *.localhost: to 127.0.0.1 with the Host header. */
function loopbackGet(url: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: u.port, path: u.pathname + u.search, headers: { host: u.host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers = Object.fromEntries(
            Object.entries(res.headers)
              .filter(([k]) => k !== 'set-cookie' && k !== 'content-length')
              .map(([k, v]) => [k, String(v)]),
          );
          resolve({ status: res.statusCode!, headers, body: Buffer.concat(chunks).toString('utf8') });
        });
      })
      .on('error', reject);
  });
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
}

export async function visitor(
  browser: Browser,
  site: { url: string; snippets: { id: string; category: string; placement: string; code: string }[] },
  tp: ThirdParty,
  stand: StandIns,
  opts: { gpc?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Visitor> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: opts.viewport ?? { width: 1280, height: 800 } });
  if (opts.gpc) await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }));
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
  if (stand.endpoint) await context.route(`${origin}/_atrium/consent`, (route) => standInEndpoint(route, context, origin));
  if (stand.csp || stand.templates) {
    // A document answered by route.fulfill counts as public to Chromium, so its loopback third party would need this permission.
    await context.grantPermissions(['local-network-access']);
    await context.route(`${origin}/**`, async (route) => {
      if (route.request().resourceType() !== 'document' || route.request().method() !== 'GET') return route.fallback();
      const res = await loopbackGet(route.request().url());
      let html = res.body;
      const headers = res.headers;
      if (stand.templates && html.includes('id="atrium-consent"')) html = withTemplates(html, site.snippets);
      if (stand.csp && html.includes('id="atrium-consent"')) headers['content-security-policy'] = contractCsp(tp);
      await route.fulfill({ status: res.status, headers, body: html });
    });
  }
  const page = await context.newPage();
  return {
    context,
    page,
    thirdParty,
    posts,
    cookieNames: async () => (await context.cookies()).map((k) => k.name).sort(),
    layoutShift: () => page.evaluate(() => (window as unknown as { __shift: number }).__shift),
  };
}
