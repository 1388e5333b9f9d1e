import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

let t: TestServer;
let c: HttpClient;
let site: any;
const host = 'serve-me.localhost';
beforeAll(async () => {
  t = await startTestServer();
  c = t.client();
  await signUpVerified(c, t.smtp, 'serve@example.com');
  site = (await c.post('/api/sites', { name: 'Serve Me', slug: 'serve-me', template: 'saas', region: 'ca-toronto' })).json;
  expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
});
afterAll(async () => t?.close());

describe('serving published sites', () => {
  it('negotiates brotli, gzip and identity with the same bytes underneath', async () => {
    const id = await c.get('/', { host, headers: { 'accept-encoding': 'identity' } });
    const br = await c.get('/', { host, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gz = await c.get('/', { host, headers: { 'accept-encoding': 'gzip' } });
    const noBr = await c.get('/', { host, headers: { 'accept-encoding': 'br;q=0, gzip' } });
    expect(id.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(noBr.headers['content-encoding']).toBe('gzip');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(id.text);
    expect(zlib.gunzipSync(gz.body).toString()).toBe(id.text);
    expect(br.body.length).toBeLessThan(id.body.length);
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(id.headers['content-length'])).toBe(id.body.length);
  });

  it('answers 304 to a matching ETag and sets cache and security headers', async () => {
    const r = await c.get('/', { host });
    const etag = r.headers.etag!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(r.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const csp = r.headers['content-security-policy']!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const again = await c.get('/', { host, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await c.request('HEAD', '/', undefined, { host });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('serves one hashed, immutable stylesheet referenced by every page', async () => {
    const html = (await c.get('/', { host })).text;
    const href = /<link rel="stylesheet" href="(\/_atrium\/site\.[0-9a-f]{12}\.css)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const css = await c.get(href!, { host });
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it("serves a theme's web fonts as immutable font/woff2, uncompressed, allowed by the CSP", async () => {
    const r = await c.post('/api/sites', { name: 'Serif Co', slug: 'serif-co', template: 'consultancy', region: 'ca-toronto' });
    expect(r.json.document.theme.fonts).toEqual({ heading: 'serif', body: 'humanist' });
    expect((await c.post(`/api/sites/${r.json.id}/publish`)).status).toBe(201);
    const page = await c.get('/', { host: 'serif-co.localhost' });
    expect(page.headers['content-security-policy']).toContain("font-src 'self'");
    const preloads = [...page.text.matchAll(/<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin=""\/>/g)].map((m) => m[1]!);
    expect(preloads).toHaveLength(2);
    const css = (await c.get(/href="(\/_atrium\/site\.[0-9a-f]{12}\.css)"/.exec(page.text)![1]!, { host: 'serif-co.localhost' })).text;
    expect([...css.matchAll(/src:url\(([^)]+)\)/g)].map((m) => m[1])).toEqual(preloads);
    for (const href of preloads) {
      const font = await c.get(href, { host: 'serif-co.localhost', headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(font.status).toBe(200);
      expect(font.headers['content-type']).toBe('font/woff2');
      expect(font.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(font.headers['content-encoding']).toBeUndefined();
      expect(font.body.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(Number(font.headers['content-length'])).toBe(font.body.length);
    }
    // The saas template is all system fonts: nothing to preload or fetch.
    expect((await c.get('/', { host })).text).not.toContain('rel="preload"');
  });

  it('has canonical and Open Graph tags, sitemap.xml and robots.txt', async () => {
    const html = (await c.get('/', { host })).text;
    const url = `http://serve-me.localhost:${t.port}`;
    expect(html).toContain(`<link rel="canonical" href="${url}/"/>`);
    expect(html).toMatch(/<meta property="og:title" content="[^"]+"/);
    expect(html).toContain(`<meta property="og:url" content="${url}/"/>`);
    const sitemap = await c.get('/sitemap.xml', { host });
    expect(sitemap.headers['content-type']).toContain('application/xml');
    for (const p of site.document.pages) expect(sitemap.text).toContain(`<loc>${url}${p.path}</loc>`);
    const robots = await c.get('/robots.txt', { host });
    expect(robots.text).toContain(`Sitemap: ${url}/sitemap.xml`);
  });

  it('answers unknown paths with the site 404 page and unknown hosts with a plain 404', async () => {
    const missing = await c.get('/no-such-page', { host });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
    expect(missing.text).toContain('Serve Me');
    const other = site.document.pages.find((p: { path: string }) => p.path !== '/');
    const slash = await c.get(`${other.path}/?ref=x`, { host });
    expect(slash.status).toBe(301);
    expect(slash.headers.location).toBe(`${other.path}?ref=x`);
    expect((await c.get(other.path, { host })).status).toBe(200);
    const unknown = await c.get('/', { host: 'nobody-here.localhost' });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Site not found');
    expect((await c.post('/', {}, { host })).status).toBe(405);
  });

  it('keeps the API on the app host only', async () => {
    expect((await c.get('/api/templates', { host })).status).toBe(404);
    expect((await c.get('/api/templates')).status).toBe(200);
  });
});
