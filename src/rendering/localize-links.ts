// On a page in a further language, links to the site's own pages lead to
// those pages in the same language (/pricing -> /fr/pricing); anchors, other
// sites and Atrium's own endpoints are left alone.
import type { SiteDocument } from '../site-document/schema.js';
import { localizedPath } from '../site-document/translations.js';

const LINK_KEYS = new Set(['href', 'successRedirect']);

/** A site link in `lang`: its path (before any #anchor or ?query) is localized when it is one of the site's pages. */
export function localizeHref(doc: SiteDocument, href: string, lang: string): string {
  if (lang === doc.defaultLanguage || !href.startsWith('/') || href.startsWith('//')) return href;
  const cut = href.search(/[?#]/);
  const path = cut === -1 ? href : href.slice(0, cut);
  const bare = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (!doc.pages.some((p) => p.path === bare)) return href;
  return localizedPath(doc, bare, lang) + (cut === -1 ? '' : href.slice(cut));
}

/** A copy of a block's props, or the navigation or footer, with its links localized. */
export function localizeLinks<T>(value: T, doc: SiteDocument, lang: string): T {
  if (lang === doc.defaultLanguage) return value;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, LINK_KEYS.has(k) && typeof v === 'string' ? localizeHref(doc, v, lang) : walk(v)]));
  };
  return walk(value) as T;
}
