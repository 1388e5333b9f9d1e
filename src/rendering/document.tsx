// The full HTML document around a page's blocks: head metadata, skip link,
// header, main and footer. No inline styles or scripts anywhere (strict CSP).
import type { ReactNode } from 'react';
import { Footer, Navbar } from '../blocks/index.js';
import type { SiteDocument } from '../site-document/schema.js';
import { cookieSettingsLabel, siteAsksConsent } from './consent-banner.js';
import { pageLanguage, type PageLanguage } from './page-language.js';
import { privacyPageStrings } from './privacy/strings.js';
import { siteStrings } from '../site-strings/strings.js';

export interface HeadMeta {
  title: string;
  description: string;
  canonical?: string;
  image?: string;
  noindex: boolean;
  /** JSON-LD (the home page: structured-data.ts), already escaped for a <script> element. */
  structuredData?: string;
}

export interface DocumentProps {
  doc: SiteDocument;
  siteName: string;
  cssHref: string;
  /** Web fonts to preload: the theme's heading and body faces, needed above the fold. */
  fontHrefs?: string[];
  path?: string;
  meta: HeadMeta;
  /** The consent banner, on pages with something to consent to (it comes first, so keyboard users reach it first). */
  banner?: ReactNode;
  /** The page's language and what comes with it; the site's default language when absent. */
  language?: PageLanguage;
  children: ReactNode;
}

export function HtmlDocument({ doc, siteName, cssHref, fontHrefs = [], path, meta, banner, language, children }: DocumentProps) {
  const l = language ?? pageLanguage(doc, doc.defaultLanguage);
  const brand = l.navigation.brand || siteName;
  const s = siteStrings(l.lang);
  return (
    <html lang={l.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{meta.title}</title>
        {meta.description && <meta name="description" content={meta.description} />}
        {meta.noindex && <meta name="robots" content="noindex" />}
        {meta.canonical && <link rel="canonical" href={meta.canonical} />}
        {l.alternates.map((a) => (
          <link key={a.hreflang} rel="alternate" hrefLang={a.hreflang} href={a.href} />
        ))}
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content={siteName} />
        <meta property="og:title" content={meta.title} />
        {meta.description && <meta property="og:description" content={meta.description} />}
        {meta.canonical && <meta property="og:url" content={meta.canonical} />}
        {meta.image && <meta property="og:image" content={meta.image} />}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <meta name="theme-color" content={doc.theme.palette.background} />
        {doc.favicon && <link rel="icon" href={doc.favicon} />}
        {fontHrefs.map((href) => (
          <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossOrigin="" />
        ))}
        <link rel="stylesheet" href={cssHref} />
        {meta.structuredData && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: meta.structuredData }} />}
      </head>
      <body>
        <a className="skip-link" href="#main">
          {s.skipToContent}
        </a>
        {banner}
        <Navbar
          navigation={l.navigation}
          siteName={siteName}
          currentPath={path}
          menuLabel={s.menu}
          homeHref={l.homeHref}
          languages={l.switcher}
          languageLabel={s.language}
        />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <Footer
          footer={l.footer}
          brand={brand}
          cookieSettings={siteAsksConsent(doc) ? cookieSettingsLabel(l.lang) : undefined}
          privacyRequests={privacyPageStrings(l.lang).link}
          homeHref={l.homeHref}
          languages={l.switcher}
          languageLabel={s.language}
        />
      </body>
    </html>
  );
}
