// The Content-Security-Policy of published pages. Every page starts from the
// same strict policy (nothing runs, only the site's own stylesheet and fonts,
// images from anywhere over https). A page with custom code or embeds gets
// exactly what they need on top, worked out once at publish time and recorded
// with the release (src/publishing/page-snippets.ts); never 'unsafe-inline'.
//
//  - script-src: 'self' (the consent and forms runtimes are same-origin
//    scripts), the sha256 of every inline script of the page's snippets, the
//    origins of their external scripts, and the origins snippets declare.
//  - connect-src: 'self' (where the runtimes send choices and forms) and the
//    declared origins.
//  - frame-src: the origins the page's Embed blocks load (from the provider
//    registry), the snippets' iframes, and the declared origins.
//  - style-src / font-src: 'self', the snippets' stylesheets (and the hashes of
//    their <style> elements), preloaded fonts, and the declared origins.
//  - img-src already allows any https: address.
//
// Declared origins go to every directive a third-party script may need (a
// chat widget loads its script, calls its API, opens its frame, adds its
// stylesheet and font): the subscriber says which origins a snippet needs, not
// what for. Pages with nothing of this keep exactly the strict policy.
import type { SnippetSources } from './snippets.js';

type Directive =
  'default-src' | 'script-src' | 'connect-src' | 'frame-src' | 'style-src' | 'img-src' | 'font-src' | 'form-action' | 'base-uri' | 'frame-ancestors';

const ORDER: readonly Directive[] = [
  'default-src',
  'script-src',
  'connect-src',
  'frame-src',
  'style-src',
  'img-src',
  'font-src',
  'form-action',
  'base-uri',
  'frame-ancestors',
];

type Policy = Partial<Record<Directive, string[]>>;

const STRICT: Policy = {
  'default-src': ["'none'"],
  // Without a script nothing on the page can connect anywhere; 'self' lets tools that read the site from within the
  // page (Lighthouse fetches robots.txt that way) reach the site's own files.
  'connect-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'https:', 'data:'],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'self'"],
};

const serialize = (p: Policy) =>
  ORDER.filter((d) => p[d]?.length)
    .map((d) => [d, ...new Set(p[d])].join(' '))
    .join('; ');

/** The strict policy of every page with no script (and of everything else a site serves). */
export const CSP = serialize(STRICT);
/** Pages with a form load the one runtime script (same origin) that submits in place. */
export const FORM_CSP = serialize({ ...STRICT, 'script-src': ["'self'"] });

/** What one page holds beyond its blocks' plain HTML: the rendered snippets with the origins they declare, and its embeds' frame origins. */
export interface PageSources {
  snippets: { sources: SnippetSources; declared: string[] }[];
  embedOrigins: string[];
}

/** The page's policy, or null when the page holds nothing that needs more than the strict policy (it then keeps CSP or FORM_CSP). */
export function pageCsp(page: PageSources): string | null {
  if (!page.snippets.length && !page.embedOrigins.length) return null;
  const p: Required<Policy> = {
    ...(STRICT as Required<Policy>),
    'script-src': ["'self'"],
    'connect-src': ["'self'"],
    'frame-src': [...page.embedOrigins],
    'style-src': [...STRICT['style-src']!],
    'font-src': [...STRICT['font-src']!],
  };
  for (const { sources: s, declared } of page.snippets) {
    p['script-src'].push(...s.scriptHashes, ...s.scriptOrigins, ...declared);
    p['connect-src'].push(...declared);
    p['frame-src'].push(...s.frameOrigins, ...declared);
    p['style-src'].push(...s.styleHashes, ...s.styleOrigins, ...declared);
    p['font-src'].push(...s.fontOrigins, ...declared);
  }
  return serialize(p);
}
