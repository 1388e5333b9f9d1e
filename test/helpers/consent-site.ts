// A published site with things to consent to, for the consent tests: a YouTube
// embed (marketing), an analytics snippet and a marketing snippet that declare
// first-party cookies, a necessary snippet and a contact form.
import { expect } from 'vitest';
import type { HttpClient } from './http.js';

export const SNIPPETS = [
  {
    id: 'stats',
    name: 'Site stats',
    placement: 'head',
    category: 'analytics',
    code: '<script>window.statsLoaded = true;</script>',
    cookies: [
      { name: '_st_id', purpose: 'Tells visits apart for the visit counter.', days: 30 },
      { name: '_st_s_*', purpose: 'Groups the pages of one visit.', days: 0 },
    ],
  },
  {
    id: 'ads',
    name: 'Ad pixel',
    placement: 'body',
    category: 'marketing',
    code: '<script>window.adsLoaded = true;</script>',
    cookies: [{ name: 'ad_uid', purpose: 'Measures which ads bring visitors.', days: 90 }],
  },
  { id: 'theme', name: 'Theme toggle', placement: 'head', category: 'necessary', code: '<meta name="x-theme" content="auto">', cookies: [] },
];

export const EMBED = {
  type: 'embed',
  props: { id: 'intro-video', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: 'Product tour' },
};

export const CONTACT_FORM = {
  type: 'form',
  props: { id: 'talk-form', fields: [{ name: 'message', type: 'textarea', label: 'Message', required: true }] },
};

/** Creates and publishes the site; returns its API view (with the document as published). */
export async function publishConsentSite(c: HttpClient, opts: { name: string; slug: string; region: string; gpcRefusesAnalytics?: boolean; lang?: string }) {
  const site = (await c.post('/api/sites', { name: opts.name, slug: opts.slug, template: 'saas', region: opts.region })).json;
  const doc = site.document;
  doc.pages[0].blocks.push(EMBED);
  doc.pages.push({ id: 'talk', path: '/talk', title: 'Talk to us', blocks: [CONTACT_FORM] });
  doc.snippets = SNIPPETS;
  doc.consent = { mode: 'categories', gpcRefusesAnalytics: opts.gpcRefusesAnalytics ?? false, wording: {} };
  if (opts.lang) doc.defaultLanguage = opts.lang;
  const saved = await c.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document: doc });
  expect(saved.status, saved.text).toBe(200);
  const published = await c.post(`/api/sites/${site.id}/publish`);
  expect(published.status, published.text).toBe(201);
  return { ...site, document: doc };
}

/** The banner version the no-JavaScript page posts (the same as the pages' data-version). */
export async function liveVersion(c: HttpClient, host: string): Promise<string> {
  const page = await c.get('/_atrium/cookies', { host });
  const version = /name="version" value="([0-9a-f]{64})"/.exec(page.text)?.[1];
  expect(version, page.text.slice(0, 300)).toBeDefined();
  return version!;
}

/** name=value pairs of the Set-Cookie headers, and the headers themselves by name. */
export function setCookies(headers: Record<string, unknown>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const h of (headers['set-cookie'] as string[] | undefined) ?? []) {
    const name = h.slice(0, h.indexOf('='));
    out.set(name, [...(out.get(name) ?? []), h]);
  }
  return out;
}
