import type { SiteDocument } from '../site-document/schema.js';
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

/** The site's single stylesheet: theme variables followed by the shared block styles. */
export function buildCss(doc: Pick<SiteDocument, 'theme'>): string {
  return themeCss(doc.theme) + BASE + '\n';
}
