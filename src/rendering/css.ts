import type { SiteDocument } from '../site-document/schema.js';
import { fontFaceCss, type WebFontStack } from '../themes/fonts.js';
import { themeCss } from '../themes/theme-css.js';
import { BASE_CSS } from './base-css.js';

// Comments and indentation only; values and selectors are left untouched.
const minify = (css: string) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .trim();

const BASE = minify(BASE_CSS);

// No Node imports here: the editor builds the same stylesheet in the browser.

/** Where each shipped web font is served; a font left out is not declared. */
export type FontUrls = Partial<Record<WebFontStack, string>>;

/** The site's single stylesheet: @font-face rules of its web fonts, theme variables, then the shared block styles. */
export function buildCss(doc: Pick<SiteDocument, 'theme'>, fontUrls: FontUrls = {}): string {
  const faces = Object.entries(fontUrls)
    .map(([stack, url]) => fontFaceCss(stack as WebFontStack, url))
    .join('');
  return faces + themeCss(doc.theme) + BASE + '\n';
}
