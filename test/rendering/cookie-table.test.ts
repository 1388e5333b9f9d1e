// The cookie table is generated from what a site really holds: Atrium's own
// site cookies only when the site can set them, the cookies of the providers
// it really embeds, and what its snippets declare.
import { describe, expect, it } from 'vitest';
import { cookieTable, durationInWords } from '../../src/consent/cookie-table.js';
import { bannerVersion } from '../../src/consent/banner-version.js';
import { consentStrings } from '../../src/consent/strings.js';
import { docWith as typedDocWith } from './helpers.js';

/** Documents from loose literals (the schema parses and checks them). */
const docWith = (pages: unknown, extra: unknown = {}) => typedDocWith(pages as never, extra as never);

const hero = { type: 'hero', props: { id: 'h', heading: 'Hello' } };
const form = { type: 'form', props: { id: 'f', fields: [{ name: 'message', type: 'textarea', label: 'Message' }] } };
const embed = (provider: string, url: string, category?: string) => ({
  type: 'embed',
  props: { id: `e-${provider}`, provider, url, ...(category ? { category } : {}) },
});
const snippet = (id: string, category: string, cookies: { name: string; purpose: string; days: number }[]) => ({
  id,
  name: id,
  category,
  code: '<script></script>',
  cookies,
});
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('cookie table', () => {
  it('is empty for a site that can set no cookie', () => {
    expect(cookieTable(docWith([{ id: 'home', path: '/', title: 'Home', blocks: [hero] }]))).toEqual([]);
  });

  it('lists the form token only with a form, and the consent cookies only with something to consent to', () => {
    expect(names(cookieTable(docWith([{ id: 'home', path: '/', title: 'Home', blocks: [form] }])))).toEqual(['c_r_id_']);
    const withVideo = docWith([{ id: 'home', path: '/', title: 'Home', blocks: [embed('vimeo', 'https://vimeo.com/123456')] }]);
    expect(names(cookieTable(withVideo))).toEqual(['cookie_consent', 'c_id', '__cf_bm']);
    // Banner off (publishing refuses that with an embed, but the table still says only what can happen).
    const off = docWith([{ id: 'home', path: '/', title: 'Home', blocks: [hero] }], {
      snippets: [snippet('theme', 'necessary', [{ name: 'theme', purpose: 'Remembers light or dark.', days: 365 }])],
      consent: { mode: 'off' },
    });
    expect(cookieTable(off)).toEqual([
      { name: 'theme', party: 'first', setBy: 'site', snippet: 'theme', purpose: 'Remembers light or dark.', days: 365, category: 'necessary' },
    ]);
  });

  it('lists the providers a site really embeds, third-party, in the block’s category for generic iframes, necessary first', () => {
    const doc = docWith(
      [
        {
          id: 'home',
          path: '/',
          title: 'Home',
          blocks: [embed('youtube', 'https://youtu.be/abc'), embed('iframe', 'https://maps.example.com/x', 'functional')],
        },
        {
          id: 'about',
          path: '/about',
          title: 'About',
          blocks: [embed('loom', 'https://www.loom.com/share/0123456789abcdef')],
          snippets: [snippet('pixel', 'marketing', [{ name: 'px', purpose: 'Ads.', days: 30 }])],
        },
      ],
      { snippets: [snippet('stats', 'analytics', [{ name: '_st_*', purpose: 'Counts visits.', days: 0 }])] },
    );
    const rows = cookieTable(doc);
    expect(rows.map((r) => [r.name, r.party, r.setBy, r.category])).toEqual([
      ['cookie_consent', 'first', 'site', 'necessary'],
      ['c_id', 'first', 'site', 'necessary'],
      ['usr', 'first', 'site', 'analytics'], // Atrium's own analytics, once the visitor allows analytics
      ['_st_*', 'first', 'site', 'analytics'],
      ['loom_anon_comment', 'third', 'Loom', 'analytics'],
      ['px', 'first', 'site', 'marketing'],
      ['YSC', 'third', 'YouTube', 'marketing'],
      ['VISITOR_INFO1_LIVE', 'third', 'YouTube', 'marketing'],
      ['VISITOR_PRIVACY_METADATA', 'third', 'YouTube', 'marketing'],
    ]);
    expect(rows.find((r) => r.name === 'YSC')).toMatchObject({ days: 0, policyUrl: 'https://policies.google.com/privacy' });
  });

  it('says durations in words', () => {
    const s = consentStrings('en').cookieTable;
    expect([0, 1, 30, 180, 365, 730].map((d) => durationInWords(d, s, 'en'))).toEqual([
      'Until you close the browser',
      '1 day',
      '30 days',
      '180 days',
      '1 year',
      '2 years',
    ]);
    expect(durationInWords(1, s, 'fr')).toBe('1\u00a0jour'); // French puts a no-break space before the unit
  });
});

describe('banner version', () => {
  const page = (blocks: unknown[]) => [{ id: 'home', path: '/', title: 'Home', blocks }] as never;
  const base = docWith(page([embed('youtube', 'https://youtu.be/abc')]));

  it('changes with the wording, the mode, the categories offered, the GPC setting and the language, and only then', () => {
    const v = bannerVersion(base, 'en');
    expect(v.version).toMatch(/^[0-9a-f]{64}$/);
    expect(bannerVersion(docWith(page([embed('youtube', 'https://youtu.be/other')])), 'en').version).toBe(v.version); // another video of the same provider
    const variants = [
      docWith(page([embed('youtube', 'https://youtu.be/abc')]), { consent: { wording: { en: { acceptAll: 'Allow everything' } } } }),
      docWith(page([embed('youtube', 'https://youtu.be/abc')]), { consent: { mode: 'notice' } }),
      docWith(page([embed('youtube', 'https://youtu.be/abc')]), { consent: { gpcRefusesAnalytics: true } }),
      docWith(page([embed('vimeo', 'https://vimeo.com/1234')])),
    ];
    const versions = new Set([v.version, ...variants.map((d) => bannerVersion(d, 'en').version), bannerVersion(base, 'fr').version]);
    expect(versions.size).toBe(6);
    expect(bannerVersion(variants[0]!, 'en').text.strings.acceptAll).toBe('Allow everything');
    expect(v.text).toMatchObject({ lang: 'en', mode: 'categories', categories: ['marketing'], gpcRefusesAnalytics: false });
    expect(Object.keys(v.text.strings.categories)).toEqual(['necessary', 'marketing']);
  });
});
