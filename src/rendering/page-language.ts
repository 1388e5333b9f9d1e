// What a page in one of the site's languages needs around its blocks: the
// navigation and footer in that language with localized links, where the
// brand leads, the language switcher and the hreflang alternates.
import type { LanguageLink } from '../blocks/language-switch.js';
import type { SiteDocument } from '../site-document/schema.js';
import { languageName, localizedPath, siteLanguages, translateChrome } from '../site-document/translations.js';
import { localizeLinks } from './localize-links.js';

/** The endpoint behind the switcher's links: it remembers the visitor's pick and redirects (src/hosting/language.ts). */
export const LANG_PATH = '/_atrium/lang';

export interface PageLanguage {
  lang: string;
  navigation: SiteDocument['navigation'];
  footer: SiteDocument['footer'];
  homeHref: string;
  /** The switcher's links (empty on a single-language site). */
  switcher: LanguageLink[];
  /** rel=alternate hreflang links, x-default last (empty on a single-language site or when the page is not indexed). */
  alternates: { hreflang: string; href: string }[];
}

/** `path` is the page's path in the default language; without one (404, form result pages) the switcher leads to each home page. */
export function pageLanguage(doc: SiteDocument, lang: string, opts: { siteUrl?: string; path?: string; indexed?: boolean } = {}): PageLanguage {
  const chrome = translateChrome(doc, lang);
  const langs = siteLanguages(doc);
  const multi = langs.length > 1;
  const target = opts.path ?? '/';
  return {
    lang,
    navigation: localizeLinks(chrome.navigation, doc, lang),
    footer: localizeLinks(chrome.footer, doc, lang),
    homeHref: localizedPath(doc, '/', lang),
    switcher: multi
      ? langs.map((l) => ({
          lang: l,
          name: languageName(l),
          href: `${LANG_PATH}?to=${encodeURIComponent(localizedPath(doc, target, l))}`,
          current: l === lang,
        }))
      : [],
    alternates:
      multi && opts.path !== undefined && opts.siteUrl !== undefined && opts.indexed !== false
        ? [...langs.map((l) => ({ hreflang: l, href: opts.siteUrl + localizedPath(doc, target, l) })), { hreflang: 'x-default', href: opts.siteUrl + target }]
        : [],
  };
}
