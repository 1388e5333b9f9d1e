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

export interface RenderedSite {
  css: { path: string; body: string };
  /** The woff2 files the stylesheet declares (the theme's heading and body faces). */
  fonts: FontFile[];
  pages: { path: string; html: string }[];
  notFound: string;
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

export function PageBody({ page, lang, sitePolicy }: { page: Page; lang?: string; sitePolicy?: PolicyDocument }) {
  const [first] = page.blocks;
  return (
    <>
      {/* Every page gets exactly one h1: the first block's heading, or the page title for screen readers. */}
      {!(first && blockHasHeading(first)) && <h1 className="sr-only">{page.title}</h1>}
      {page.blocks.map((block, i) => renderBlock(block, { first: i === 0, lang, sitePolicy }))}
    </>
  );
}

function NotFoundBody({ homeLabel }: { homeLabel: string }) {
  return (
    <section className="section tone-default not-found">
      <div className="container">
        <div className="cta-panel">
          <p className="not-found-code">404</p>
          <h1 className="cta-title">This page could not be found</h1>
          <p className="lead cta-body">The link may be out of date, or the page may have moved. Everything else is still here.</p>
          <div className="buttons cta-buttons">
            <a className="btn btn-primary" href="/">
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
  const banner = <ConsentBanner doc={doc} siteName={doc.navigation.brand || ctx.siteName} />;
  // The site's privacy notice, generated once per publish for the pages that show it.
  const notice = doc.pages.flatMap((p) => p.blocks).find((b) => b.type === 'privacy');
  const policy = notice
    ? sitePolicy(
        doc,
        { siteName: doc.navigation.brand || ctx.siteName, region: { id: '', name: '' }, analytics: false, webhooks: 0, ...ctx.facts },
        (notice.props as { contact?: string }).contact,
      )
    : undefined;

  const pages = doc.pages.map((page) => {
    const html = renderToStaticMarkup(
      <HtmlDocument
        doc={doc}
        siteName={ctx.siteName}
        cssHref={css.path}
        fontHrefs={fontHrefs}
        path={page.path}
        banner={pageNeedsConsent(doc, page) ? banner : undefined}
        meta={{
          title: page.path === '/' ? page.title : `${page.title} · ${ctx.siteName}`,
          description: page.description,
          canonical: siteUrl + page.path,
          image: absoluteImage(page.socialImage, siteUrl) ?? defaultImage,
          noindex: page.noindex,
          structuredData: page.path === '/' ? structuredData(doc, ctx.siteName, siteUrl) : undefined,
        }}
      >
        <PageBody page={page} lang={doc.defaultLanguage} sitePolicy={policy} />
      </HtmlDocument>,
    );
    return { path: page.path, html: '<!doctype html>' + html };
  });

  const notFound =
    '<!doctype html>' +
    renderToStaticMarkup(
      <HtmlDocument
        doc={doc}
        siteName={ctx.siteName}
        cssHref={css.path}
        fontHrefs={fontHrefs}
        meta={{ title: `Page not found · ${ctx.siteName}`, description: '', noindex: true }}
      >
        <NotFoundBody homeLabel={`Go to the ${doc.navigation.brand || ctx.siteName} home page`} />
      </HtmlDocument>,
    );

  return { css, fonts, pages, notFound };
}

// ---- Form result pages: what a visitor sees after a plain (no-JavaScript) form POST.

type FormProps = BlockProps<'form'>;

/** A form block of the document and the page it sits on. */
export function findForm(doc: SiteDocument, formId: string): { page: Page; form: FormProps } | undefined {
  for (const page of doc.pages) for (const block of page.blocks) if (block.type === 'form' && block.props.id === formId) return { page, form: block.props };
  return undefined;
}

function resultPage(doc: SiteDocument, ctx: RenderContext, title: string, body: ReactNode): string {
  const { css, fonts } = stylesheet(doc);
  return (
    '<!doctype html>' +
    renderToStaticMarkup(
      <HtmlDocument
        doc={doc}
        siteName={ctx.siteName}
        cssHref={css.path}
        fontHrefs={fonts.map((f) => f.path)}
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

const DEFAULT_SUCCESS = 'Thanks! We received your message and will get back to you soon.';

/**
 * The thank-you page after a form is sent without JavaScript (served at
 * /_atrium/forms/<formId>/thanks): the form's success message and a way back.
 */
export function renderFormThanksPage(doc: SiteDocument, ctx: RenderContext, formId: string): string {
  const found = findForm(doc, formId);
  const brand = doc.navigation.brand || ctx.siteName;
  const back = found && found.page.path !== '/' ? found.page : undefined;
  return resultPage(
    doc,
    ctx,
    'Thank you',
    <>
      <span className="form-status-icon" aria-hidden="true" />
      <h1 className="cta-title">Thank you</h1>
      <p className="lead cta-body" role="status">
        {found?.form.successMessage || DEFAULT_SUCCESS}
      </p>
      <div className="buttons cta-buttons">
        <a className="btn btn-primary" href="/">
          Back to the {brand} home page
        </a>
        {back && (
          <a className="btn btn-secondary" href={back.path}>
            Back to {back.title}
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
  const found = findForm(doc, input.formId);
  const labelOf = (name: string) => found?.form.fields.find((f) => f.name === name)?.label;
  const single = input.issues.length === 1 && !labelOf(input.issues[0]!.field);
  return resultPage(
    doc,
    ctx,
    'Please check the form',
    <>
      <h1 className="cta-title">{single ? 'Your message was not sent' : 'Please check the form'}</h1>
      {single ? (
        <p className="lead cta-body" role="alert">
          {sentence(input.issues[0]!.message)}
        </p>
      ) : (
        <>
          <p className="lead cta-body">Your message was not sent yet. Go back to the form and fix the following:</p>
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
          Go back to the form
        </a>
      </div>
    </>,
  );
}
