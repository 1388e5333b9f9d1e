// Renders a whole site document to static HTML pages plus one stylesheet.
// Called once per publish; the result is stored and served as-is.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { blockHasHeading, renderBlock } from '../blocks/index.js';
import type { BlockProps, Page, SiteDocument } from '../site-document/schema.js';
import { pageNeedsConsent } from '../consent/page-needs.js';
import { sitePolicy, type SiteFacts } from '../consent/site-policy.js';
import type { PolicyDocument } from '../lib/policy-document.js';
import { ConsentBanner } from './consent-banner.js';
import { buildCss } from './css.js';
import { cssPath } from './css-path.js';
import { HtmlDocument } from './document.js';
import { structuredData } from './structured-data.js';
import { themeFontFiles, type FontFile } from './font-files.js';
import { localizeLinks } from './localize-links.js';
import { pageLanguage } from './page-language.js';
import { fill, formWords, siteStrings } from '../site-strings/strings.js';
import { langSegment, localizedPath, siteLanguages, translatePage } from '../site-document/translations.js';

export interface RenderedSite {
  css: { path: string; body: string };
  /** The woff2 files the stylesheet declares (the theme's heading and body faces). */
  fonts: FontFile[];
  /** Every page in every language: `path` is where it is published, `pagePath` the page's own (default language) path. */
  pages: { path: string; pagePath: string; lang: string; html: string }[];
  notFound: string;
  /** The 404 page in each further language, by URL segment (served for paths under /<segment>/). */
  notFoundByLang: Record<string, string>;
}

export interface RenderContext {
  siteUrl: string; // e.g. 'http://acme.localhost:3000', no trailing slash
  siteName: string;
  /** What the site's privacy notice states beyond the document (publishing knows them); defaults say nothing more. */
  facts?: Omit<SiteFacts, 'siteName'>;
}

/** Social crawlers need absolute http(s) URLs; data: URLs are useless to them. */
function absoluteImage(src: string | undefined, siteUrl: string): string | undefined {
  if (!src) return undefined;
  if (src.startsWith('/')) return siteUrl + src;
  return /^https?:\/\//i.test(src) ? src : undefined;
}

export function PageBody({ page, lang, translated, sitePolicy }: { page: Page; lang?: string; translated?: boolean; sitePolicy?: PolicyDocument }) {
  const [first] = page.blocks;
  return (
    <>
      {/* Every page gets exactly one h1: the first block's heading, or the page title for screen readers. */}
      {!(first && blockHasHeading(first)) && <h1 className="sr-only">{page.title}</h1>}
      {page.blocks.map((block, i) => renderBlock(block, { first: i === 0, lang, translated, sitePolicy }))}
    </>
  );
}

function NotFoundBody({ homeLabel, homeHref, lang }: { homeLabel: string; homeHref: string; lang: string }) {
  const s = siteStrings(lang);
  return (
    <section className="section tone-default not-found">
      <div className="container">
        <div className="cta-panel">
          <p className="not-found-code">404</p>
          <h1 className="cta-title">{s.notFoundHeading}</h1>
          <p className="lead cta-body">{s.notFoundBody}</p>
          <div className="buttons cta-buttons">
            <a className="btn btn-primary" href={homeHref}>
              {homeLabel}
            </a>
          </div>
        </div>
      </div>
    </section>
  );
}

/** The site's stylesheet and the font files it declares. */
function stylesheet(doc: SiteDocument): Pick<RenderedSite, 'css' | 'fonts'> {
  const fonts = themeFontFiles(doc.theme);
  const body = buildCss(doc, Object.fromEntries(fonts.map((f) => [f.stack, f.path])));
  return { css: { path: cssPath(body), body }, fonts };
}

export function renderSite(doc: SiteDocument, ctx: RenderContext): RenderedSite {
  const siteUrl = ctx.siteUrl.replace(/\/+$/, '');
  const { css, fonts } = stylesheet(doc);
  const fontHrefs = fonts.map((f) => f.path);
  const defaultImage = absoluteImage(doc.socialImage, siteUrl);
  const brand = (lang: string) => pageLanguage(doc, lang).navigation.brand || ctx.siteName;
  // The site's privacy notice, generated once per publish for the pages that show it.
  const notice = doc.pages.flatMap((p) => p.blocks).find((b) => b.type === 'privacy');
  const policy = notice
    ? sitePolicy(
        doc,
        { siteName: doc.navigation.brand || ctx.siteName, region: { id: '', name: '' }, analytics: false, webhooks: 0, ...ctx.facts },
        (notice.props as { contact?: string }).contact,
      )
    : undefined;

  const pages: RenderedSite['pages'] = [];
  for (const lang of siteLanguages(doc)) {
    const translated = lang !== doc.defaultLanguage;
    const banner = <ConsentBanner doc={doc} siteName={brand(lang)} lang={lang} />;
    for (const original of doc.pages) {
      const page = translated ? translatePage(original, lang) : original;
      const shown = translated ? { ...page, blocks: page.blocks.map((b) => ({ ...b, props: localizeLinks(b.props, doc, lang) })) } : page;
      const path = localizedPath(doc, page.path, lang);
      const html = renderToStaticMarkup(
        <HtmlDocument
          doc={doc}
          siteName={ctx.siteName}
          cssHref={css.path}
          fontHrefs={fontHrefs}
          path={path}
          banner={pageNeedsConsent(doc, page) ? banner : undefined}
          language={pageLanguage(doc, lang, { siteUrl, path: page.path, indexed: !page.noindex })}
          meta={{
            title: page.path === '/' ? page.title : `${page.title} · ${ctx.siteName}`,
            description: page.description,
            canonical: siteUrl + path,
            image: absoluteImage(page.socialImage, siteUrl) ?? defaultImage,
            noindex: page.noindex,
            structuredData: page.path === '/' && !translated ? structuredData(doc, ctx.siteName, siteUrl) : undefined,
          }}
        >
          <PageBody page={shown as Page} lang={lang} translated={translated} sitePolicy={policy} />
        </HtmlDocument>,
      );
      pages.push({ path, pagePath: page.path, lang, html: '<!doctype html>' + html });
    }
  }

  const notFoundIn = (lang: string) => {
    const s = siteStrings(lang);
    const language = pageLanguage(doc, lang);
    return (
      '<!doctype html>' +
      renderToStaticMarkup(
        <HtmlDocument
          doc={doc}
          siteName={ctx.siteName}
          cssHref={css.path}
          fontHrefs={fontHrefs}
          language={language}
          meta={{ title: `${s.notFoundTitle} · ${ctx.siteName}`, description: '', noindex: true }}
        >
          <NotFoundBody homeLabel={fill(s.goHome, { site: brand(lang) })} homeHref={language.homeHref} lang={lang} />
        </HtmlDocument>,
      )
    );
  };
  const notFound = notFoundIn(doc.defaultLanguage);
  const notFoundByLang = Object.fromEntries(doc.languages.map((l) => [langSegment(l), notFoundIn(l)]));

  return { css, fonts, pages, notFound, notFoundByLang };
}

// ---- Form result pages: what a visitor sees after a plain (no-JavaScript) form POST.

type FormProps = BlockProps<'form'>;

/** A form block of the document and the page it sits on, in `lang` (translated text, localized links). */
export function findForm(doc: SiteDocument, formId: string, lang = doc.defaultLanguage): { page: Page; form: FormProps } | undefined {
  for (const original of doc.pages)
    for (const block of original.blocks)
      if (block.type === 'form' && block.props.id === formId) {
        const page = lang === doc.defaultLanguage ? original : translatePage(original, lang);
        const form = page.blocks.find((b) => b.props.id === formId)!.props as FormProps;
        return { page, form: localizeLinks(form, doc, lang) };
      }
  return undefined;
}

/** The language of a form result page: one of the site's, else the default. */
const resultLanguage = (doc: SiteDocument, lang: string | undefined) => (lang && doc.languages.includes(lang) ? lang : doc.defaultLanguage);

function resultPage(doc: SiteDocument, ctx: RenderContext, lang: string, title: string, body: ReactNode): string {
  const { css, fonts } = stylesheet(doc);
  return (
    '<!doctype html>' +
    renderToStaticMarkup(
      <HtmlDocument
        doc={doc}
        siteName={ctx.siteName}
        cssHref={css.path}
        fontHrefs={fonts.map((f) => f.path)}
        language={pageLanguage(doc, lang)}
        meta={{ title: `${title} · ${ctx.siteName}`, description: '', noindex: true }}
      >
        <section className="section tone-default form-result">
          <div className="container">
            <div className="cta-panel form-result-panel">{body}</div>
          </div>
        </section>
      </HtmlDocument>,
    )
  );
}

/**
 * The thank-you page after a form is sent without JavaScript (served at
 * /_atrium/forms/<formId>/thanks): the form's success message and a way back.
 */
export function renderFormThanksPage(doc: SiteDocument, ctx: RenderContext, formId: string, language?: string): string {
  const lang = resultLanguage(doc, language);
  const s = siteStrings(lang);
  const found = findForm(doc, formId, lang);
  const { navigation, homeHref } = pageLanguage(doc, lang);
  const brand = navigation.brand || ctx.siteName;
  const back = found && found.page.path !== '/' ? found.page : undefined;
  return resultPage(
    doc,
    ctx,
    lang,
    s.thanksTitle,
    <>
      <span className="form-status-icon" aria-hidden="true" />
      <h1 className="cta-title">{s.thanksTitle}</h1>
      <p className="lead cta-body" role="status">
        {found ? formWords(found.form, lang).successMessage : s.success}
      </p>
      <div className="buttons cta-buttons">
        <a className="btn btn-primary" href={homeHref}>
          {fill(s.backHome, { site: brand })}
        </a>
        {back && (
          <a className="btn btn-secondary" href={localizedPath(doc, back.path, lang)}>
            {fill(s.backTo, { page: back.title })}
          </a>
        )}
      </div>
    </>,
  );
}

export interface FormErrorPageInput {
  formId: string;
  /** `field` is a field name of the form; anything else (e.g. '') is a problem with the whole submission. */
  issues: { field: string; message: string }[];
  /** Where "Go back" leads: normally the page the form is on. */
  backHref: string;
  /** The language of the page the form was sent from. */
  lang?: string;
}

/** Server messages may be fragments ("must be an email address"): shown as sentences. */
const sentence = (text: string) => {
  const t = text.trim().replace(/^./, (c) => c.toUpperCase());
  return /[.!?…]$/.test(t) ? t : `${t}.`;
};

const safeBack = (href: string) => (/^\/(?![/\\])/.test(href) ? href : '/');

/**
 * The page after a plain form POST that the server refused: what to fix, by
 * field label, and a link back to the form (the browser keeps what was typed
 * when the visitor goes back).
 */
export function renderFormErrorPage(doc: SiteDocument, ctx: RenderContext, input: FormErrorPageInput): string {
  const lang = resultLanguage(doc, input.lang);
  const s = siteStrings(lang);
  const found = findForm(doc, input.formId, lang);
  const labelOf = (name: string) => found?.form.fields.find((f) => f.name === name)?.label;
  const single = input.issues.length === 1 && !labelOf(input.issues[0]!.field);
  return resultPage(
    doc,
    ctx,
    lang,
    s.checkForm,
    <>
      <h1 className="cta-title">{single ? s.notSent : s.checkForm}</h1>
      {single ? (
        <p className="lead cta-body" role="alert">
          {sentence(input.issues[0]!.message)}
        </p>
      ) : (
        <>
          <p className="lead cta-body">{s.notSentYet}</p>
          <ul className="form-issues" role="alert">
            {input.issues.map((issue, i) => {
              const label = labelOf(issue.field);
              return (
                <li key={i}>
                  {label && <strong className="form-issue-field">{label}</strong>}
                  <span>{sentence(issue.message)}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div className="buttons cta-buttons">
        <a className="btn btn-primary" href={safeBack(input.backHref)}>
          {s.goBack}
        </a>
      </div>
    </>,
  );
}
