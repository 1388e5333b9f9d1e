import { siteConsentItems } from '../consent/page-needs.js';
import type { SiteDocument } from '../site-document/schema.js';
import { fontFaceCss, type WebFontStack } from '../themes/fonts.js';
import { themeCss } from '../themes/theme-css.js';
import { BASE_CSS } from './base-css.js';
import { CONSENT_CSS } from './consent-css.js';
import { LANGUAGE_CSS } from './language-css.js';

// Comments and indentation only; values and selectors are left untouched.
const minify = (css: string) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .trim();

const BASE = minify(BASE_CSS);
const CONSENT = minify(CONSENT_CSS);
const LANGUAGES = minify(LANGUAGE_CSS);

// No Node imports here: the editor builds the same stylesheet in the browser.

/** Where each shipped web font is served; a font left out is not declared. */
export type FontUrls = Partial<Record<WebFontStack, string>>;

export interface CssOptions {
  /**
   * Include the styles of the consent banner and embed placeholders. By default
   * only a whole document with something to consent to gets them; the editor,
   * which styles blocks from the theme alone, asks for them explicitly.
   */
  consent?: boolean;
  /** Include the language switcher's styles: by default only a document with further languages gets them. */
  languages?: boolean;
}

/** The site's single stylesheet: @font-face rules of its web fonts, theme variables, then the shared block styles (and the consent styles when needed). */
export function buildCss(doc: Pick<SiteDocument, 'theme'> | SiteDocument, fontUrls: FontUrls = {}, options: CssOptions = {}): string {
  const faces = Object.entries(fontUrls)
    .map(([stack, url]) => fontFaceCss(stack as WebFontStack, url))
    .join('');
  const consent = options.consent ?? ('pages' in doc && siteConsentItems(doc).length > 0);
  const languages = options.languages ?? ('languages' in doc && doc.languages.length > 0);
  return faces + themeCss(doc.theme) + BASE + (consent ? CONSENT : '') + (languages ? LANGUAGES : '') + '\n';
}
