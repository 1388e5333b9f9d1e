// The consent banner and the consent runtime in rendered pages: only where
// something waits for consent, in the page's language, with the subscriber's
// wording, and strings complete in every shipped language.
import { describe, expect, it } from 'vitest';
import { bannerVersion } from '../../src/consent/banner-version.js';
import { CONSENT_LANGUAGES, consentStrings, en, type ConsentStrings } from '../../src/consent/strings.js';
import { buildFiles } from '../../src/publishing/build-files.js';
import { renderSite } from '../../src/rendering/render-site.js';
import type { SiteDocumentInput } from '../../src/site-document/schema.js';
import { count, docWith, withoutStructuredData } from './helpers.js';

const ctx = { siteUrl: 'http://acme.localhost:3000', siteName: 'Acme' };
const hero = (heading: string) => ({ type: 'hero', props: { id: 'hero', heading } });
const youtube = { type: 'embed', props: { id: 'tour', provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ', title: 'Product tour' } };
const stats = {
  id: 'stats',
  name: 'Stats',
  placement: 'head',
  category: 'analytics',
  code: '<script src="https://stats.example/a.js"></script>',
  cookies: [
    { name: '_st_id', purpose: 'Tells visits apart.', days: 400 },
    { name: '_st_*', purpose: 'Session counters.', days: 1 },
  ],
};

/** A home page with a YouTube embed (marketing), a pricing page with nothing to consent to. */
function site(extra: Partial<SiteDocumentInput> = {}, homeBlocks: unknown[] = [hero('Acme'), youtube]) {
  return docWith(
    [
      { id: 'home', path: '/', title: 'Home', blocks: homeBlocks },
      { id: 'pricing', path: '/pricing', title: 'Pricing', blocks: [hero('Pricing')] },
    ] as SiteDocumentInput['pages'],
    extra,
  );
}

const page = (path: string, doc = site()) => renderSite(doc, ctx).pages.find((p) => p.path === path)!.html;
const attr = (html: string, name: string) => new RegExp(`<div id="atrium-consent"[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1];
const COOKIE_LINK = '<a class="footer-cookies" href="/_atrium/cookies" data-atrium-cookie-settings="">';

describe('the consent banner in rendered pages', () => {
  it('is on pages with something to consent to, hidden until the runtime shows it, and nowhere else', () => {
    const rendered = renderSite(site(), ctx);
    const [home, pricing] = rendered.pages.map((p) => p.html);
    expect(count(home!, /id="atrium-consent"/)).toBe(1);
    expect(home).toMatch(/<div id="atrium-consent" class="consent" role="region" aria-labelledby="atrium-consent-title" hidden=""/);
    expect(home).toContain('<h2 class="consent-title" id="atrium-consent-title">Cookies on Acme</h2>');
    expect(pricing).not.toContain('atrium-consent');
    // "Cookie settings" is in every footer of a site that asks, including pages without the banner and the 404 page.
    for (const html of [home!, pricing!, rendered.notFound]) expect(html).toContain(`${COOKIE_LINK}Cookie settings</a>`);
    // Right after the skip link: the first thing keyboard users reach.
    expect(home!.indexOf('id="atrium-consent"')).toBeGreaterThan(home!.indexOf('class="skip-link"'));
    expect(home!.indexOf('id="atrium-consent"')).toBeLessThan(home!.indexOf('<header'));
  });

  it('carries the contract attributes: mode, banner version, categories offered, the GPC setting', () => {
    const doc = site({ snippets: [stats], consent: { mode: 'categories', gpcRefusesAnalytics: true, wording: {} } } as Partial<SiteDocumentInput>);
    const html = page('/', doc);
    expect(attr(html, 'data-mode')).toBe('categories');
    expect(attr(html, 'data-version')).toBe(bannerVersion(doc, 'en').version);
    expect(attr(html, 'data-version')).toMatch(/^[0-9a-f]{64}$/);
    expect(attr(html, 'data-categories')).toBe('analytics marketing');
    expect(attr(html, 'data-gpc-analytics')).toBe('1');
    // One switch per category the site uses; necessary is shown as always on, not as a switch.
    expect(html).toMatch(
      /<input type="checkbox" role="switch" class="consent-switch" id="atrium-consent-analytics" aria-describedby="atrium-consent-analytics-desc" name="analytics"\/>/,
    );
    expect(html).toContain('name="marketing"');
    expect(html).not.toContain('name="functional"');
    expect(html).not.toContain('name="necessary"');
    expect(html).toContain('<span class="consent-on">Always on</span>');
    expect(html).toContain('Your browser sends a Global Privacy Control signal, so the following stay off: Analytics and Marketing.');
    for (const button of ['data-atrium-accept', 'data-atrium-reject', 'data-atrium-choose', 'data-atrium-save'])
      expect(count(html, new RegExp(`<button[^>]*${button}=""`))).toBe(1);
    // Reject and accept look the same: the same classes.
    const classOf = (b: string) => new RegExp(`<button type="button" class="([^"]+)" ${b}=""`).exec(html)?.[1];
    expect(classOf('data-atrium-reject')).toBe('btn consent-decide');
    expect(classOf('data-atrium-accept')).toBe(classOf('data-atrium-reject'));
  });

  it('hands the runtime the cookies the site declares per category, as JSON that cannot run', () => {
    const doc = site({ snippets: [stats] } as Partial<SiteDocumentInput>);
    const html = page('/', doc);
    expect(html).toContain('<script type="application/json" id="atrium-consent-data">{"cookies":{"analytics":["_st_id","_st_*"]}}</script>');
    // Nothing else in the page is a script, an inline style or a handler.
    expect(withoutStructuredData(html.replace(/<script type="application\/json" id="atrium-consent-data">[^<]*<\/script>/, ''))).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    // Without declared cookies there is no data element at all.
    expect(page('/')).not.toContain('atrium-consent-data');
  });

  it('is a notice with OK and Choose in notice mode', () => {
    const html = page('/', site({ consent: { mode: 'notice', gpcRefusesAnalytics: false, wording: {} } } as Partial<SiteDocumentInput>));
    expect(attr(html, 'data-mode')).toBe('notice');
    expect(html).toContain(en.noticeBody.replace(/"/g, '&quot;'));
    expect(html).toMatch(/<button type="button" class="btn consent-decide consent-in-main" data-atrium-accept="">OK<\/button>/);
    expect(html).toMatch(/<button type="button" class="btn consent-choose consent-in-main" data-atrium-choose="">Choose<\/button>/);
  });

  it('is absent, with no cookie settings link, when the banner is off or nothing needs consent', () => {
    const off = renderSite(site({ consent: { mode: 'off', gpcRefusesAnalytics: false, wording: {} } } as Partial<SiteDocumentInput>), ctx);
    const nothing = renderSite(site({}, [hero('Acme')]), ctx);
    for (const html of [...off.pages, ...nothing.pages].map((p) => p.html)) {
      expect(html).not.toContain('atrium-consent');
      expect(html).not.toContain('data-atrium-cookie-settings');
      expect(html).not.toContain('/_atrium/cookies');
      // The privacy request page stays linked: every published site has one.
      expect(html).toContain('<a href="/_atrium/privacy">Privacy requests</a>');
    }
    // Nor their styles.
    expect(nothing.css.body).not.toContain('.consent');
    expect(renderSite(site(), ctx).css.body).toContain('.consent{position:fixed');
  });

  it('speaks the page language, with the subscriber wording for it', () => {
    const fr = page('/', site({ defaultLanguage: 'fr' }));
    expect(fr).toContain('<h2 class="consent-title" id="atrium-consent-title">Cookies sur Acme</h2>');
    expect(fr).toContain('data-atrium-reject="">Tout refuser</button>');
    expect(fr).toContain('data-atrium-accept="">Tout accepter</button>');
    expect(fr).toContain(`${COOKIE_LINK}Paramètres des cookies</a>`);
    expect(fr).toContain('Toujours autoriser YouTube');
    expect(page('/', site({ defaultLanguage: 'pt-BR' }))).toContain('data-atrium-reject="">Recusar tudo</button>');
    expect(page('/', site({ defaultLanguage: 'ja' }))).toContain('data-atrium-reject="">Reject all</button>');

    const wording = {
      de: { title: 'Cookies bei {site}?', body: 'Darf es ein Keks sein?', acceptAll: 'Ja, gern', rejectAll: 'Nein, danke', save: 'Speichern' },
    };
    const de = page('/', site({ defaultLanguage: 'de', consent: { mode: 'categories', gpcRefusesAnalytics: false, wording } } as Partial<SiteDocumentInput>));
    expect(de).toContain('id="atrium-consent-title">Cookies bei Acme?</h2>');
    expect(de).toContain('<p class="consent-body">Darf es ein Keks sein?</p>');
    expect(de).toContain('data-atrium-accept="">Ja, gern</button>');
    expect(de).toContain('data-atrium-reject="">Nein, danke</button>');
    expect(de).toContain('data-atrium-save="">Speichern</button>');
    expect(de).toContain('data-atrium-choose="">Auswählen</button>'); // not overridden: Atrium's own
    // Wording for another language changes nothing here.
    const other = page('/', site({ consent: { mode: 'categories', gpcRefusesAnalytics: false, wording } } as Partial<SiteDocumentInput>));
    expect(other).toContain('data-atrium-accept="">Accept all</button>');
  });
});

describe('consent strings', () => {
  const leaves = (s: ConsentStrings) =>
    Object.entries(s).flatMap(([k, v]) =>
      typeof v === 'string'
        ? [[k, v] as const]
        : Object.entries(v).flatMap(([k2, v2]) =>
            typeof v2 === 'string'
              ? [[`${k}.${k2}`, v2] as const]
              : Object.entries(v2 as object).map(([k3, v3]) => [`${k}.${k2}.${k3}`, v3 as string] as const),
          ),
    );
  const placeholders = (t: string) => (t.match(/\{\w+\}/g) ?? []).sort().join(',');

  it('ship for en, fr, de, es, it, nl and pt, complete, with the same placeholders as English', () => {
    expect(Object.keys(CONSENT_LANGUAGES).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']);
    const english = new Map(leaves(en));
    for (const [lang, strings] of Object.entries(CONSENT_LANGUAGES)) {
      const own = new Map(leaves(strings));
      expect([...own.keys()].sort(), lang).toEqual([...english.keys()].sort());
      let translated = 0;
      for (const [key, text] of own) {
        expect(text.trim().length, `${lang} ${key}`).toBeGreaterThan(0);
        expect(placeholders(text), `${lang} ${key}`).toBe(placeholders(english.get(key)!));
        if (text !== english.get(key)) translated++;
      }
      // Words like "OK", "Marketing" or "Name" may stay as they are; the rest is translated.
      if (lang !== 'en') expect(translated / own.size, lang).toBeGreaterThan(0.85);
    }
  });

  it('fall back to English for a language Atrium does not ship, and use the base of a regional tag', () => {
    expect(consentStrings('ja')).toBe(en);
    expect(consentStrings('pt-BR')).toBe(CONSENT_LANGUAGES.pt);
    expect(consentStrings('FR')).toBe(CONSENT_LANGUAGES.fr);
  });
});

describe('the consent runtime in a release', () => {
  const files = (doc = site()) => buildFiles(doc, ctx.siteUrl, ctx.siteName, new Date('2026-12-03T00:00:00Z'));

  it('is one content-hashed file, loaded with defer only by pages with something to consent to', () => {
    const release = files();
    const runtime = release.filter((f) => /^\/_atrium\/consent\.[0-9a-f]{12}\.js$/.test(f.path));
    expect(runtime).toHaveLength(1);
    expect(runtime[0]!.type).toBe('text/javascript; charset=utf-8');
    const home = release.find((f) => f.path === '/')!.body.toString();
    const pricing = release.find((f) => f.path === '/pricing')!.body.toString();
    expect(home).toContain(`<script src="${runtime[0]!.path}" defer></script></head>`);
    expect(pricing).not.toContain('/_atrium/consent.');
    expect(release.find((f) => f.path === '/')!.form).toBeUndefined();
  });

  it('is not in a release with nothing to consent to, nor when the banner is off', () => {
    for (const release of [
      files(site({}, [hero('Acme')])),
      files(site({ consent: { mode: 'off', gpcRefusesAnalytics: false, wording: {} } } as Partial<SiteDocumentInput>)),
    ])
      expect(release.map((f) => f.path).filter((p) => p.includes('/_atrium/consent'))).toEqual([]);
  });

  it('sits beside the forms runtime on a page that needs both', () => {
    const form = { type: 'form', props: { id: 'contact', fields: [{ name: 'email', type: 'email', label: 'Email', required: true }] } };
    const release = files(site({}, [hero('Acme'), youtube, form]));
    const home = release.find((f) => f.path === '/')!;
    expect(home.form).toBe(true);
    expect(home.body.toString()).toMatch(
      /<script src="\/_atrium\/consent\.[0-9a-f]{12}\.js" defer><\/script><script src="\/_atrium\/runtime\.[0-9a-f]{12}\.js" defer><\/script><\/head>/,
    );
  });
});
