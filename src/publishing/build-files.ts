// Turns a site document into the files of a release: one HTML file per page,
// the stylesheet and its web fonts, the per-site 404 page, sitemap.xml and robots.txt.
import { pageNeedsConsent } from '../consent/page-needs.js';
import type { SiteDocument } from '../site-document/schema.js';
import { langSegment, localizedPath, siteLanguages } from '../site-document/translations.js';
import { LANG_PATH } from '../rendering/page-language.js';
import { renderFormThanksPage, renderSite, type RenderContext } from '../rendering/render-site.js';
import { formsOf, pageHasForm } from '../forms/definitions.js';
import { runtimePath, runtimeScript, type RuntimeName } from '../runtime/index.js';
import { FORM_CSP } from '../consent/csp.js';
import { placeSnippets } from './page-snippets.js';
import type { ReleaseFile } from './release-file.js';

export type { ReleaseFile };

/** A runtime script, content-hashed so pages can cache it forever. Only pages that need it load it. */
function runtimeFile(name: RuntimeName): ReleaseFile {
  return { path: runtimePath(name), type: 'text/javascript; charset=utf-8', body: Buffer.from(runtimeScript(name)) };
}

/** The page with its runtime scripts, deferred, at the end of <head>. */
const withScripts = (html: string, srcs: string[]) => html.replace('</head>', `${srcs.map((src) => `<script src="${src}" defer></script>`).join('')}</head>`);

export const NOT_FOUND_KEY = ':404';
/** The 404 page of a further language, by its URL segment: served for paths under /<segment>/. */
export const notFoundKey = (segment: string) => `${NOT_FOUND_KEY}:${segment}`;

/** Where a form's no-JavaScript thank-you page is, in one of the site's languages. */
export const thanksPath = (doc: Pick<SiteDocument, 'defaultLanguage'>, formId: string, lang: string) =>
  `/_atrium/forms/${formId}/thanks${lang === doc.defaultLanguage ? '' : `/${langSegment(lang)}`}`;

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Every indexed page in every language, each with its language versions as
 * xhtml:link alternates (and x-default, the default language's) on a
 * multi-language site.
 */
function sitemap(doc: SiteDocument, siteUrl: string, publishedAt: Date): string {
  const day = publishedAt.toISOString().slice(0, 10);
  const langs = siteLanguages(doc);
  const multi = langs.length > 1;
  const urls: string[] = [];
  for (const page of doc.pages.filter((p) => !p.noindex)) {
    const alternates = multi
      ? [...langs.map((l) => [l, localizedPath(doc, page.path, l)] as const), ['x-default', page.path] as const]
          .map(([l, path]) => `\n    <xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(siteUrl + path)}"/>`)
          .join('')
      : '';
    for (const lang of langs)
      urls.push(
        `  <url><loc>${escapeXml(siteUrl + localizedPath(doc, page.path, lang))}</loc><lastmod>${day}</lastmod>${alternates}${multi ? '\n  ' : ''}</url>`,
      );
  }
  const ns = multi ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${ns}>\n${urls.join('\n')}\n</urlset>\n`;
}

export function buildFiles(doc: SiteDocument, siteUrl: string, siteName: string, publishedAt: Date, facts?: RenderContext['facts']): ReleaseFile[] {
  const rendered = renderSite(doc, { siteUrl, siteName, facts });
  const html = 'text/html; charset=utf-8';
  const forms = formsOf(doc);
  const runtime = forms.size ? runtimeFile('forms') : null;
  const withForm = new Set(doc.pages.filter(pageHasForm).map((p) => p.path));
  // The consent runtime: only on pages with something to consent to (the banner is rendered into those).
  const withConsent = new Set(doc.pages.filter((p) => pageNeedsConsent(doc, p)).map((p) => p.path));
  const consent = withConsent.size ? runtimeFile('consent') : null;
  // The analytics beacon: on every page when the site turns it on.
  const beacon = doc.analytics.beacon ? runtimeFile('beacon') : null;
  const files: ReleaseFile[] = rendered.pages.map((p) => {
    const form = runtime !== null && withForm.has(p.pagePath);
    const scripts = [
      ...(consent && withConsent.has(p.pagePath) ? [consent.path] : []),
      ...(form && runtime ? [runtime.path] : []),
      ...(beacon ? [beacon.path] : []),
    ];
    const page = scripts.length ? withScripts(p.html, scripts) : p.html;
    return { path: p.path, type: html, body: Buffer.from(page), ...(form ? { form: true } : {}) };
  });
  // Last on the pages' HTML: custom code may hold any text (src/publishing/page-snippets.ts).
  placeSnippets(doc, files, new Map(rendered.pages.map((p) => [p.path, p.pagePath])));
  // A page with the beacon runs a same-origin script that sends to its own host: the form pages' policy
  // (strict, plus script-src and connect-src 'self'), unless the page has its own already (which allows both).
  if (beacon) for (const f of files) if (f.type === html && !f.csp) f.csp = FORM_CSP;
  if (runtime) files.push(runtime);
  if (consent) files.push(consent);
  if (beacon) files.push(beacon);
  // The no-JavaScript path: a plain POST lands on the form's thank-you page.
  for (const form of forms.values())
    for (const lang of siteLanguages(doc))
      files.push({ path: thanksPath(doc, form.id, lang), type: html, body: Buffer.from(renderFormThanksPage(doc, { siteUrl, siteName }, form.id, lang)) });
  files.push({ path: rendered.css.path, type: 'text/css; charset=utf-8', body: Buffer.from(rendered.css.body) });
  for (const font of rendered.fonts) files.push({ path: font.path, type: 'font/woff2', body: font.body, compress: false });
  files.push({ path: NOT_FOUND_KEY, type: html, body: Buffer.from(rendered.notFound) });
  for (const [segment, page] of Object.entries(rendered.notFoundByLang)) files.push({ path: notFoundKey(segment), type: html, body: Buffer.from(page) });
  files.push({ path: '/sitemap.xml', type: 'application/xml; charset=utf-8', body: Buffer.from(sitemap(doc, siteUrl, publishedAt)) });
  // The switcher's endpoint only redirects: nothing there for a search engine.
  const disallow = doc.languages.length ? `Disallow: ${LANG_PATH}\n` : '';
  files.push({
    path: '/robots.txt',
    type: 'text/plain; charset=utf-8',
    body: Buffer.from(`User-agent: *\nAllow: /\n${disallow}\nSitemap: ${siteUrl}/sitemap.xml\n`),
  });
  return files;
}
