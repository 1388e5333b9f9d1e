// Renders a whole site document to static HTML pages plus one stylesheet.
// Called once per publish; the result is stored and served as-is.
import { renderToStaticMarkup } from 'react-dom/server';
import { blockHasHeading, renderBlock } from '../blocks/index.js';
import type { Page, SiteDocument } from '../site-document/schema.js';
import { buildCss } from './css.js';
import { cssPath } from './css-path.js';
import { HtmlDocument } from './document.js';

export interface RenderedSite {
  css: { path: string; body: string };
  pages: { path: string; html: string }[];
  notFound: string;
}

export interface RenderContext {
  siteUrl: string; // e.g. 'http://acme.localhost:3000', no trailing slash
  siteName: string;
}

/** Social crawlers need absolute http(s) URLs; data: URLs are useless to them. */
function absoluteImage(src: string | undefined, siteUrl: string): string | undefined {
  if (!src) return undefined;
  if (src.startsWith('/')) return siteUrl + src;
  return /^https?:\/\//i.test(src) ? src : undefined;
}

export function PageBody({ page }: { page: Page }) {
  const [first] = page.blocks;
  return (
    <>
      {/* Every page gets exactly one h1: the first block's heading, or the page title for screen readers. */}
      {!(first && blockHasHeading(first)) && <h1 className="sr-only">{page.title}</h1>}
      {page.blocks.map((block, i) => renderBlock(block, { first: i === 0 }))}
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

export function renderSite(doc: SiteDocument, ctx: RenderContext): RenderedSite {
  const siteUrl = ctx.siteUrl.replace(/\/+$/, '');
  const body = buildCss(doc);
  const css = { path: cssPath(body), body };
  const defaultImage = absoluteImage(doc.socialImage, siteUrl);

  const pages = doc.pages.map((page) => {
    const html = renderToStaticMarkup(
      <HtmlDocument
        doc={doc}
        siteName={ctx.siteName}
        cssHref={css.path}
        path={page.path}
        meta={{
          title: page.path === '/' ? page.title : `${page.title} · ${ctx.siteName}`,
          description: page.description,
          canonical: siteUrl + page.path,
          image: absoluteImage(page.socialImage, siteUrl) ?? defaultImage,
          noindex: page.noindex,
        }}
      >
        <PageBody page={page} />
      </HtmlDocument>,
    );
    return { path: page.path, html: '<!doctype html>' + html };
  });

  const notFound =
    '<!doctype html>' +
    renderToStaticMarkup(
      <HtmlDocument doc={doc} siteName={ctx.siteName} cssHref={css.path} meta={{ title: `Page not found · ${ctx.siteName}`, description: '', noindex: true }}>
        <NotFoundBody homeLabel={`Go to the ${doc.navigation.brand || ctx.siteName} home page`} />
      </HtmlDocument>,
    );

  return { css, pages, notFound };
}
