// Turns a site document into the files of a release: one HTML file per page,
// the stylesheet, the per-site 404 page, sitemap.xml and robots.txt.
import type { SiteDocument } from '../site-document/schema.js';
import { renderSite } from '../rendering/render-site.js';

export interface ReleaseFile {
  path: string; // request path, or NOT_FOUND_KEY
  type: string;
  body: Buffer;
}

export const NOT_FOUND_KEY = ':404';

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function buildFiles(doc: SiteDocument, siteUrl: string, siteName: string, publishedAt: Date): ReleaseFile[] {
  const rendered = renderSite(doc, { siteUrl, siteName });
  const html = 'text/html; charset=utf-8';
  const files: ReleaseFile[] = rendered.pages.map((p) => ({ path: p.path, type: html, body: Buffer.from(p.html) }));
  files.push({ path: rendered.css.path, type: 'text/css; charset=utf-8', body: Buffer.from(rendered.css.body) });
  files.push({ path: NOT_FOUND_KEY, type: html, body: Buffer.from(rendered.notFound) });
  const day = publishedAt.toISOString().slice(0, 10);
  const urls = doc.pages
    .filter((p) => !p.noindex)
    .map((p) => `  <url><loc>${escapeXml(siteUrl + p.path)}</loc><lastmod>${day}</lastmod></url>`)
    .join('\n');
  files.push({
    path: '/sitemap.xml',
    type: 'application/xml; charset=utf-8',
    body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`),
  });
  files.push({ path: '/robots.txt', type: 'text/plain; charset=utf-8', body: Buffer.from(`User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}/sitemap.xml\n`) });
  return files;
}
