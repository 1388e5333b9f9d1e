import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BLOCKS } from '../../src/blocks/index.js';
import { renderSite } from '../../src/rendering/render-site.js';
import { BLOCK_TYPES, SiteDocument } from '../../src/site-document/schema.js';
import { TEMPLATES } from '../../src/templates/index.js';
import { count, docWith, withoutStructuredData } from './helpers.js';

const ctx = { siteUrl: 'http://acme.localhost:3000', siteName: 'Acme' };

/** What the published CSP forbids or the page contract requires, for any rendered page. */
function expectCspSafe(html: string) {
  expect(html.startsWith('<!doctype html><html lang=')).toBe(true);
  expect(html).not.toMatch(/\sstyle=/i);
  // The only script element is the home page's JSON-LD, a data block that never runs.
  expect(withoutStructuredData(html)).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<style/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
  expect(html).not.toMatch(/javascript:/i);
  expect(html).not.toMatch(/fonts\.googleapis|fonts\.gstatic/);
  expect(count(html, /<h1[\s>]/)).toBe(1);
  expect(html).toContain('<main id="main"');
  expect(html).toContain('class="skip-link" href="#main"');
  expect(html).toMatch(/<header class="site-header">/);
  expect(html).toMatch(/<footer class="site-footer/);
}

describe('templates', () => {
  it('registers every block type', () => {
    expect(Object.keys(BLOCKS).sort()).toEqual([...BLOCK_TYPES].sort());
  });

  for (const t of Object.values(TEMPLATES)) {
    describe(t.id, () => {
      const doc = t.document('Acme');

      it('is a valid site document that uses the site name', () => {
        expect(SiteDocument.parse(structuredClone(doc))).toEqual(doc);
        expect(doc.navigation.brand).toBe('Acme');
        expect(doc.pages.length).toBeGreaterThanOrEqual(3);
        expect(JSON.stringify(t.document('Zephyr Labs'))).toContain('Zephyr Labs');
      });

      it('returns a fresh document on every call', () => {
        const a = t.document('Acme');
        a.pages[0]!.title = 'changed';
        expect(t.document('Acme').pages[0]!.title).not.toBe('changed');
      });

      it('embeds well-formed SVG illustrations', () => {
        const svgs = JSON.stringify(doc).match(/data:image\/svg\+xml,[^"]+/g) ?? [];
        expect(svgs.length).toBeGreaterThan(0);
        for (const url of svgs) {
          const svg = decodeURIComponent(url.slice('data:image/svg+xml,'.length));
          expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<\/svg>$/);
          expect(svg).not.toMatch(/&(?!#?\w+;)/); // a bare & makes the whole image fail to load
        }
      });

      it('renders every page as CSP-safe, accessible HTML', () => {
        const site = renderSite(doc, ctx);
        expect(site.pages.map((p) => p.path)).toEqual(doc.pages.map((p) => p.path));
        for (const page of site.pages) {
          expectCspSafe(page.html);
          expect(page.html).toContain(`<link rel="canonical" href="${ctx.siteUrl}${page.path}"/>`);
          expect(page.html).toContain(`<meta property="og:url" content="${ctx.siteUrl}${page.path}"/>`);
          expect(page.html).toContain('<meta property="og:type" content="website"/>');
          expect(page.html).toContain('<meta property="og:site_name" content="Acme"/>');
          expect(page.html).toMatch(/<meta property="og:title" content="[^"]+"\/>/);
          expect(page.html).toMatch(/<meta property="og:description" content="[^"]+"\/>/);
          expect(page.html).toMatch(/<meta name="twitter:card" content="summary(_large_image)?"\/>/);
          expect(page.html).toContain(`<link rel="stylesheet" href="${site.css.path}"/>`);
          expect(page.html).toContain('<link rel="icon"');
          expect(page.html).toContain('<details class="nav-mobile">');
        }
        expectCspSafe(site.notFound);
        expect(site.notFound).toContain('<meta name="robots" content="noindex"/>');
        expect(site.notFound).toContain('href="/"');
      });
    });
  }
});

describe('renderSite', () => {
  it('names the stylesheet after its content hash and keeps it self-contained', () => {
    const site = renderSite(TEMPLATES.saas!.document('Acme'), ctx);
    const hash = createHash('sha256').update(site.css.body).digest('hex').slice(0, 12);
    expect(site.css.path).toBe(`/_atrium/site.${hash}.css`);
    expect(site.css.body).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//);
    expect(site.css.body).toContain('--font-heading');
  });

  it('builds titles, descriptions, robots and social images', () => {
    const doc = docWith(
      [
        { id: 'home', path: '/', title: 'Acme, the thing', description: 'Home <desc>', blocks: [] },
        { id: 'p', path: '/pricing', title: 'Pricing', socialImage: '/assets/pricing.png', blocks: [] },
        { id: 'h', path: '/hidden', title: 'Hidden', noindex: true, blocks: [] },
      ],
      { socialImage: '/assets/og.png', favicon: '/favicon.png' },
    );
    const [home, pricing, hidden] = renderSite(doc, ctx).pages;
    expect(home!.html).toContain('<title>Acme, the thing</title>');
    expect(home!.html).toContain('<meta name="description" content="Home &lt;desc&gt;"/>');
    expect(home!.html).toContain(`<meta property="og:image" content="${ctx.siteUrl}/assets/og.png"/>`);
    expect(home!.html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(home!.html).toContain('<link rel="icon" href="/favicon.png"/>');
    expect(home!.html).not.toContain('noindex');
    expect(pricing!.html).toContain('<title>Pricing · Acme</title>');
    expect(pricing!.html).toContain(`<meta property="og:image" content="${ctx.siteUrl}/assets/pricing.png"/>`);
    expect(pricing!.html).toContain('aria-current="page"');
    expect(hidden!.html).toContain('<meta name="robots" content="noindex"/>');
  });

  it('never offers a data: URL as og:image', () => {
    const doc = docWith([{ id: 'home', path: '/', title: 'Home', blocks: [] }], { socialImage: 'data:image/png;base64,AAAA' });
    expect(renderSite(doc, ctx).pages[0]!.html).not.toContain('og:image');
  });

  it('gives every page exactly one h1, whatever its first block', () => {
    const hero = (id: string) => ({ type: 'hero' as const, props: { id, heading: `Hero ${id}` } });
    const doc = docWith([
      { id: 'home', path: '/', title: 'Home', blocks: [hero('a'), hero('b')] },
      {
        id: 'f',
        path: '/features',
        title: 'Features',
        blocks: [{ type: 'features', props: { id: 'f', heading: 'All features', items: [{ title: 'One', body: 'x' }] } }, hero('c')],
      },
      { id: 'r', path: '/story', title: 'Our story', blocks: [{ type: 'richtext', props: { id: 'r', html: '<h1>Sneaky</h1><p>Text</p>' } }, hero('d')] },
      { id: 'e', path: '/empty', title: 'Empty', blocks: [] },
    ]);
    const [home, features, story, empty] = renderSite(doc, ctx).pages.map((p) => p.html);
    for (const html of [home, features, story, empty]) expect(count(html!, /<h1[\s>]/)).toBe(1);
    expect(home).toMatch(/<h1 class="hero-title">Hero a<\/h1>/);
    expect(home).toMatch(/<h2 class="hero-title">Hero b<\/h2>/);
    expect(features).toMatch(/<h1 class="section-title">All features<\/h1>/);
    expect(features).toMatch(/<h2 class="feature-title">One<\/h2>/);
    expect(story).toMatch(/<h1 class="sr-only">Our story<\/h1>/);
    expect(story).toContain('<h2>Sneaky</h2>');
    expect(empty).toMatch(/<h1 class="sr-only">Empty<\/h1>/);
  });

  it('loads the first image eagerly and the rest lazily, with intrinsic sizes', () => {
    const img = { src: '/a.png', alt: 'A chart', width: 800, height: 400 };
    const doc = docWith([
      {
        id: 'home',
        path: '/',
        title: 'Home',
        blocks: [
          { type: 'image', props: { id: 'i1', image: img, caption: 'First' } },
          { type: 'image', props: { id: 'i2', image: img } },
        ],
      },
    ]);
    const html = renderSite(doc, ctx).pages[0]!.html;
    expect(html).toContain('<img class="image-img" src="/a.png" alt="A chart" width="800" height="400"/>');
    expect(html).toContain('<img class="image-img" src="/a.png" alt="A chart" width="800" height="400" loading="lazy" decoding="async"/>');
    expect(html).toContain('<figcaption class="image-caption">First</figcaption>');
  });

  it('renders nothing for an image block still waiting for its picture', () => {
    // Publishing refuses such a draft (see publishable.ts); a renderer handed one still draws no empty section.
    const doc = docWith([
      {
        id: 'home',
        path: '/',
        title: 'Home',
        blocks: [
          { type: 'cta', props: { id: 'c1', heading: 'Hello' } },
          { type: 'image', props: { id: 'i-empty', caption: 'Not yet' } },
        ],
      },
    ]);
    const html = renderSite(doc, ctx).pages[0]!.html;
    expect(html).toContain('Hello');
    expect(html).not.toContain('i-empty');
    expect(html).not.toContain('image-block');
    expect(html).not.toContain('Not yet');
  });

  it('renders FAQ as native disclosure widgets', () => {
    const doc = docWith([
      { id: 'home', path: '/', title: 'Home', blocks: [{ type: 'faq', props: { id: 'q', items: [{ question: 'Why?', answer: 'One.\n\nTwo.' }] } }] },
    ]);
    const html = renderSite(doc, ctx).pages[0]!.html;
    expect(html).toMatch(/<details class="faq-item"><summary class="faq-question"><span>Why\?<\/span>/);
    expect(html).toContain('<p>One.</p><p>Two.</p>');
  });

  it('renders a 100-page site', () => {
    const blocks = TEMPLATES.saas!.document('Acme').pages[0]!.blocks;
    const pages = Array.from({ length: 100 }, (_, i) => ({ id: `p${i}`, path: i === 0 ? '/' : `/page-${i}`, title: `Page ${i}`, blocks }));
    const doc = docWith(pages);
    const site = renderSite(doc, ctx);
    expect(site.pages).toHaveLength(100);
    expect(site.pages[99]!.html).toContain(`${ctx.siteUrl}/page-99`);
  });
});
