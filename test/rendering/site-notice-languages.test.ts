// A site's privacy notice is written in the site's language: every shipped
// language has every key with the same placeholders as English, and a site in
// any of them shows no English sentence of the notice.
import { describe, expect, it } from 'vitest';
import { COOKIES } from '../../src/cookies/registry.js';
import { NOTICE_LANGUAGES, en, noticeStrings } from '../../src/consent/notice/strings.js';
import { PROVIDERS } from '../../src/consent/providers.js';
import { buildFiles } from '../../src/publishing/build-files.js';
import type { SiteDocumentInput } from '../../src/site-document/schema.js';
import { docWith } from './helpers.js';

type Tree = { [k: string]: string | Tree };
const leaves = (t: Tree, prefix = ''): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
const placeholders = (t: string) => (t.match(/\{\w+\}/g) ?? []).sort().join(',');

/** A site with a form (consent checkbox included), a YouTube video, analytics with the beacon, and the notice on /privacy. */
function site(lang: string) {
  const form = {
    type: 'form',
    props: {
      id: 'contact',
      heading: 'Formulaire',
      fields: [
        { name: 'email', type: 'email', label: 'E-mail', required: true },
        { name: 'ok', type: 'consent', label: 'OK', required: true },
      ],
    },
  };
  return docWith(
    [
      {
        id: 'home',
        path: '/',
        title: 'Accueil',
        blocks: [form, { type: 'embed', props: { id: 'tour', provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ', title: 'Visite' } }],
      },
      { id: 'privacy', path: '/privacy', title: 'Confidentialité', blocks: [{ type: 'privacy', props: { id: 'notice', heading: 'Confidentialité' } }] },
    ] as SiteDocumentInput['pages'],
    { defaultLanguage: lang, analytics: { beacon: true } } as Partial<SiteDocumentInput>,
  );
}

/** The generated sections of the notice, as text. */
function notice(lang: string, facts: { location?: string; webhooks?: number } = {}): string {
  const files = buildFiles(site(lang), 'http://acme.localhost:3000', 'Acme', new Date('2026-12-03T00:00:00Z'), {
    region: { id: 'eu-frankfurt', name: 'EU', ...(facts.location ? { location: facts.location } : {}) },
    analytics: true,
    webhooks: facts.webhooks ?? 0,
  });
  const html = files.find((f) => f.path === '/privacy')!.body.toString();
  const sections = [...html.matchAll(/<section aria-labelledby="notice-[\w-]+">([\s\S]*?)<\/section>/g)].map((m) => m[1]!);
  expect(sections.length, lang).toBe(6);
  return sections
    .join(' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('site privacy notice strings', () => {
  it('ship for en, fr, de, es, it, nl and pt, each with every key and the same placeholders as English', () => {
    expect(Object.keys(NOTICE_LANGUAGES).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']);
    const english = new Map(leaves(en as unknown as Tree));
    for (const [lang, strings] of Object.entries(NOTICE_LANGUAGES)) {
      const own = new Map(leaves(strings as unknown as Tree));
      expect([...own.keys()].sort(), lang).toEqual([...english.keys()].sort());
      for (const [key, text] of own) {
        expect(text.trim().length, `${lang} ${key}`).toBeGreaterThan(0);
        expect(placeholders(text), `${lang} ${key}`).toBe(placeholders(english.get(key)!));
        // Words like "Cookies" or "Page" may stay as they are; no sentence does.
        if (lang !== 'en' && text.length > 12) expect(text, `${lang} ${key}`).not.toBe(english.get(key));
      }
    }
    // Atrium's own site cookies are all explained (the type keeps the list in step with the registry).
    const siteCookies = Object.values(COOKIES)
      .filter((c) => c.scope === 'site')
      .map((c) => c.name);
    expect(Object.keys(en.cookies.purposes).sort()).toEqual(siteCookies.sort());
    // And every cookie of every embed provider.
    const providerCookies = Object.values(PROVIDERS).flatMap((p) => p.cookies.map((c) => `${p.id}.${c.name}`));
    expect(Object.keys(en.cookies.providers).sort()).toEqual(providerCookies.sort());
  });

  it('fall back to English for a language Atrium does not ship, and use the base of a regional tag', () => {
    expect(noticeStrings('ja')).toBe(en);
    expect(noticeStrings('pt-BR')).toBe(NOTICE_LANGUAGES.pt);
  });

  it('leave no English sentence of the notice in a site of another language', () => {
    // Every piece of English text between placeholders, long enough to be a phrase of its own.
    const english = leaves(en as unknown as Tree)
      .flatMap(([, t]) => t.split(/\{\w+\}/))
      .map((s) => s.trim())
      .filter((s) => s.length > 14);
    const registry = [...Object.values(COOKIES).map((c) => c.purpose), ...Object.values(PROVIDERS).flatMap((p) => p.cookies.map((c) => c.purpose))];
    for (const lang of ['fr', 'de', 'es', 'it', 'nl', 'pt']) {
      const text = [notice(lang), notice(lang, { location: 'Frankfurt', webhooks: 1 })].join(' ');
      for (const phrase of [...english, ...registry, 'Set by', 'Duration', 'Until you close the browser', 'This site'])
        expect(text, lang).not.toContain(phrase);
      expect(text, lang).toContain(noticeStrings(lang).analytics.returning);
      expect(text, lang).toContain(noticeStrings(lang).cookies.providers['youtube.YSC']!);
    }
    // The English site says the same in English: the check above would see a leak.
    expect(notice('en')).toContain(en.analytics.returning);
  });
});
