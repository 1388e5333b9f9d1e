// The site's own stylesheet path and font files as published (the same inputs
// as render-site), for the pages Atrium renders on request on a site's host
// (cookie settings, privacy requests): worked out once per document.
import type { SiteDocument } from '../site-document/schema.js';
import { cssPath } from './css-path.js';
import { buildCss } from './css.js';
import { themeFontFiles } from './font-files.js';

const sheets = new WeakMap<SiteDocument, { css: string; fonts: string[] }>();

export function siteSheet(doc: SiteDocument): { css: string; fonts: string[] } {
  let s = sheets.get(doc);
  if (!s) {
    const fonts = themeFontFiles(doc.theme);
    s = { css: cssPath(buildCss(doc, Object.fromEntries(fonts.map((f) => [f.stack, f.path])))), fonts: fonts.map((f) => f.path) };
    sheets.set(doc, s);
  }
  return s;
}
