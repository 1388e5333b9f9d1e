// The frame of every privacy request page on a site's host: the site's own
// header, footer, theme and fonts, the pages' stylesheet, noindex, no script.
// When Atrium does not ship the site's language the page's own words are in
// English, and say so (lang="en") to screen readers and translators.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { consentStrings } from '../../consent/strings.js';
import type { SiteDocument } from '../../site-document/schema.js';
import { HtmlDocument } from '../document.js';
import type { RenderContext } from '../render-site.js';
import { siteSheet } from '../site-sheet.js';
import { PRIVACY_PAGE_CSS } from './css.js';
import { privacyPageLanguage, privacyPageStrings, type PrivacyPageStrings } from './strings.js';

export interface PageWords {
  /** The page's strings, and the language they are in. */
  s: PrivacyPageStrings;
  lang: string;
  /** The site's name as visitors know it. */
  site: string;
  /** "Back to the site". */
  back: string;
}

export function pageWords(doc: SiteDocument, ctx: RenderContext): PageWords {
  const lang = privacyPageLanguage(doc.defaultLanguage);
  return { s: privacyPageStrings(lang), lang, site: doc.navigation.brand || ctx.siteName, back: consentStrings(lang).backToSite };
}

export function privacyPage(doc: SiteDocument, ctx: RenderContext, title: string, className: string, body: ReactNode): string {
  const { css, fonts } = siteSheet(doc);
  const lang = privacyPageLanguage(doc.defaultLanguage);
  const own = doc.defaultLanguage.toLowerCase().split('-')[0] === lang;
  return (
    '<!doctype html>' +
    renderToStaticMarkup(
      <HtmlDocument
        doc={doc}
        siteName={ctx.siteName}
        cssHref={css}
        fontHrefs={fonts}
        meta={{ title: `${title} · ${ctx.siteName}`, description: '', noindex: true }}
      >
        {/* Hoisted into <head> by React (precedence). */}
        <link rel="stylesheet" href={PRIVACY_PAGE_CSS.path} precedence="default" />
        <section className={`section tone-default ${className}`} lang={own ? undefined : lang}>
          <div className="container">{body}</div>
        </section>
      </HtmlDocument>,
    )
  );
}

/** Fills {name} placeholders with text or elements. */
export function fillNodes(template: string, values: Record<string, ReactNode>): ReactNode[] {
  return template.split(/(\{\w+\})/g).map((part, i) => {
    const key = /^\{(\w+)\}$/.exec(part)?.[1];
    return key !== undefined && key in values ? <span key={i}>{values[key]}</span> : part;
  });
}
