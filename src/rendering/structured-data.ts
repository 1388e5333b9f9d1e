// What search engines read about the site, as JSON-LD on the home page: the
// organisation behind it (name, logo, contact address and profiles elsewhere,
// from the site's settings) and the website itself (name, address, language).
// A data block, not a script: the strict CSP does not apply to it.
import type { SiteDocument } from '../site-document/schema.js';

/** Absolute http(s) URL of an image, or undefined (data: URLs and the like mean nothing to a crawler). */
const absolute = (src: string | undefined, siteUrl: string) =>
  !src ? undefined : src.startsWith('/') ? siteUrl + src : /^https?:\/\//i.test(src) ? src : undefined;

/** The JSON-LD of the home page, safe to place inside a <script> element. */
export function structuredData(doc: SiteDocument, siteName: string, siteUrl: string): string {
  const org = doc.organization;
  const name = org.name || doc.navigation.brand || siteName;
  const logo = absolute(doc.navigation.logo?.src, siteUrl) ?? absolute(doc.favicon, siteUrl);
  const graph = [
    {
      '@type': 'Organization',
      '@id': `${siteUrl}/#organization`,
      name,
      url: `${siteUrl}/`,
      ...(logo ? { logo } : {}),
      ...(org.email ? { email: org.email } : {}),
      ...(org.sameAs.length ? { sameAs: org.sameAs } : {}),
    },
    {
      '@type': 'WebSite',
      '@id': `${siteUrl}/#website`,
      name: doc.navigation.brand || siteName,
      url: `${siteUrl}/`,
      inLanguage: doc.defaultLanguage,
      publisher: { '@id': `${siteUrl}/#organization` },
    },
  ];
  // "</script>" or "<!--" in a name must not end the element early.
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }).replace(/</g, '\\u003c');
}
