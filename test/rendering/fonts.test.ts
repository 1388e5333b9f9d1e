// Web fonts in a release: exactly the files the theme's heading and body use,
// declared with font-display: swap and preloaded; none for the system stack.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildFiles } from '../../src/publishing/build-files.js';
import { renderSite } from '../../src/rendering/render-site.js';
import { FONT_STACKS, type Theme } from '../../src/site-document/schema.js';
import { WEB_FONTS, type WebFontStack } from '../../src/themes/fonts.js';
import { THEMES } from '../../src/themes/index.js';
import { count, docWith } from './helpers.js';

const require = createRequire(import.meta.url);
const hero = { type: 'hero' as const, props: { id: 'hero', heading: 'Ship faster' } };
const docIn = (fonts: Theme['fonts']) => docWith([{ id: 'home', path: '/', title: 'Home', blocks: [hero] }], { theme: { ...THEMES.indigo!, fonts } });
const ctx = { siteUrl: 'http://fonts.localhost', siteName: 'Fonts' };
const woff2 = (stack: WebFontStack) => fs.readFileSync(require.resolve(WEB_FONTS[stack].file));
const faces = (css: string) => [...css.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => m[1]!);

describe('web fonts in a release', () => {
  for (const stack of FONT_STACKS.filter((s): s is WebFontStack => s !== 'system')) {
    it(`ships the ${stack} font (${WEB_FONTS[stack].family}) and only it when the headings use it`, () => {
      const doc = docIn({ heading: stack, body: 'system' });
      const site = renderSite(doc, ctx);
      expect(site.fonts.map((f) => f.stack)).toEqual([stack]);
      const [font] = site.fonts;
      expect(font!.path).toMatch(/^\/_atrium\/fonts\/[a-z0-9-]+\.[0-9a-f]{12}\.woff2$/);
      expect(font!.body.equals(woff2(stack))).toBe(true);

      // One web face, swapped in, from the release's own path; plus its metric-adjusted local fallbacks.
      const family = WEB_FONTS[stack].family;
      const web = faces(site.css.body).filter((f) => f.includes('src:url('));
      expect(web).toHaveLength(1);
      expect(web[0]).toContain(`font-family:"${family}"`);
      expect(web[0]).toContain(`src:url(${font!.path}) format("woff2")`);
      expect(web[0]).toContain('font-display:swap');
      const fallbacks = faces(site.css.body).filter((f) => !f.includes('src:url('));
      expect(fallbacks.length).toBeGreaterThan(0);
      for (const f of fallbacks) expect(f).toMatch(new RegExp(`font-family:"${family} Fallback";.*src:local\\(.*size-adjust:[0-9.]+%`));
      expect(site.css.body).toContain(`--font-heading:"${family}", "${family} Fallback", `);

      // Preloaded on every page, before the stylesheet that declares it.
      const preload = `<link rel="preload" href="${font!.path}" as="font" type="font/woff2" crossorigin=""/>`;
      for (const html of [site.pages[0]!.html, site.notFound]) {
        expect(count(html, /rel="preload"/)).toBe(1);
        expect(html.indexOf(preload)).toBeGreaterThan(0);
        expect(html.indexOf(preload)).toBeLessThan(html.indexOf('rel="stylesheet"'));
      }

      // The release stores it as font/woff2, uncompressed (woff2 is compressed already).
      const files = buildFiles(doc, ctx.siteUrl, ctx.siteName, new Date());
      const fontFiles = files.filter((f) => f.path.endsWith('.woff2'));
      expect(fontFiles).toEqual([{ path: font!.path, type: 'font/woff2', body: font!.body, compress: false }]);
    });
  }

  it('ships nothing for the system stack', () => {
    const doc = docIn({ heading: 'system', body: 'system' });
    const site = renderSite(doc, ctx);
    expect(site.fonts).toEqual([]);
    expect(site.css.body).not.toContain('@font-face');
    expect(site.pages[0]!.html).not.toContain('rel="preload"');
    expect(buildFiles(doc, ctx.siteUrl, ctx.siteName, new Date()).filter((f) => f.path.startsWith('/_atrium/fonts/'))).toEqual([]);
  });

  it('ships one file per face a theme uses: heading and body, once each', () => {
    const both = renderSite(docIn({ heading: 'serif', body: 'humanist' }), ctx);
    expect(both.fonts.map((f) => f.stack)).toEqual(['serif', 'humanist']);
    expect(count(both.css.body, /src:url\(/)).toBe(2);
    expect(count(both.pages[0]!.html, /rel="preload"/)).toBe(2);
    const same = renderSite(docIn({ heading: 'geometric', body: 'geometric' }), ctx);
    expect(same.fonts.map((f) => f.stack)).toEqual(['geometric']);
    expect(count(same.css.body, /src:url\(/)).toBe(1);
    // The same file in two releases has the same address (content-addressed, cached once by visitors).
    expect(renderSite(docIn({ heading: 'geometric', body: 'system' }), ctx).fonts[0]!.path).toBe(same.fonts[0]!.path);
  });
});
