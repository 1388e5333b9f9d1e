// Which files of a release a visitor needs which password for, worked out
// from the release's document and the site's passwords (never stored with the
// release: passwords change without a publish).
//  - A page with its own password needs exactly that one.
//  - Every other page needs the site password when the site has one.
//  - An uploaded image used only on protected pages needs a password any of
//    those pages accepts; one used on a public page, or by the whole site
//    (logo, favicon, social image), stays public.
//  - A form's thank-you page follows the form's page.
//  - The stylesheet, fonts, runtime scripts and robots.txt are public: the
//    password page itself needs them, and they hold no content.
import type { SiteDocument } from '../site-document/schema.js';
import { langSegment, localizedPath, siteLanguages } from '../site-document/translations.js';

/** The scope of the site password; a page's scope is its id. */
export const SITE_SCOPE = '*';

const ASSET_PATH = /\/_atrium\/img\/[0-9a-f]{64}\.webp/g;

export interface AccessRules {
  /** Request path -> the scopes whose password lets a visitor in (any one of them). Public paths are absent. */
  paths: Map<string, string[]>;
  /** The site has a password: paths the release does not have answer the password page too, so nothing reveals which pages exist. */
  siteWide: boolean;
}

const imagesIn = (value: unknown) => new Set(JSON.stringify(value ?? null).match(ASSET_PATH) ?? []);

/** `scopes`: the scopes that have a password (SITE_SCOPE and page ids). */
export function accessRules(doc: SiteDocument, scopes: ReadonlySet<string>): AccessRules {
  const siteWide = scopes.has(SITE_SCOPE);
  const paths = new Map<string, string[]>();
  const pageScopes = new Map<string, string[]>();
  for (const page of doc.pages) {
    const needs = scopes.has(page.id) ? [page.id] : siteWide ? [SITE_SCOPE] : [];
    pageScopes.set(page.id, needs);
    // Every language's copy of the page (/pricing, /fr/pricing) asks for the same password.
    if (needs.length) for (const lang of siteLanguages(doc)) paths.set(localizedPath(doc, page.path, lang), needs);
  }
  // Images: public when the whole site shows them or any public page does; else any protected page's password.
  const shared = imagesIn({ navigation: doc.navigation, footer: doc.footer, favicon: doc.favicon, socialImage: doc.socialImage });
  const imageScopes = new Map<string, Set<string> | null>();
  for (const page of doc.pages) {
    const needs = pageScopes.get(page.id)!;
    for (const img of imagesIn(page)) {
      if (shared.has(img)) continue;
      const known = imageScopes.get(img);
      if (known === null) continue;
      if (!needs.length) imageScopes.set(img, null);
      else imageScopes.set(img, new Set([...(known ?? []), ...needs]));
    }
  }
  for (const [img, needs] of imageScopes) if (needs) paths.set(img, [...needs]);
  for (const page of doc.pages) {
    const needs = pageScopes.get(page.id)!;
    if (!needs.length) continue;
    for (const block of page.blocks) {
      if (block.type !== 'form') continue;
      const thanks = `/_atrium/forms/${block.props.id}/thanks`;
      paths.set(thanks, needs);
      for (const lang of doc.languages) paths.set(`${thanks}/${langSegment(lang)}`, needs);
    }
  }
  return { paths, siteWide };
}
