// The full HTML document around a page's blocks: head metadata, skip link,
// header, main and footer. No inline styles or scripts anywhere (strict CSP).
import type { ReactNode } from 'react';
import { Footer, Navbar } from '../blocks/index.js';
import type { SiteDocument } from '../site-document/schema.js';
import { cookieSettingsLabel, siteAsksConsent } from './consent-banner.js';
import { privacyPageStrings } from './privacy/strings.js';

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
  children: ReactNode;
}

export function HtmlDocument({ doc, siteName, cssHref, fontHrefs = [], path, meta, banner, children }: DocumentProps) {
  const brand = doc.navigation.brand || siteName;
  return (
    <html lang={doc.defaultLanguage}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{meta.title}</title>
        {meta.description && <meta name="description" content={meta.description} />}
        {meta.noindex && <meta name="robots" content="noindex" />}
        {meta.canonical && <link rel="canonical" href={meta.canonical} />}
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
          Skip to content
        </a>
        {banner}
        <Navbar navigation={doc.navigation} siteName={siteName} currentPath={path} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <Footer
          footer={doc.footer}
          brand={brand}
          cookieSettings={siteAsksConsent(doc) ? cookieSettingsLabel(doc) : undefined}
          privacyRequests={privacyPageStrings(doc.defaultLanguage).link}
        />
      </body>
    </html>
  );
}
