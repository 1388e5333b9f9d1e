// Old addresses keep working: moving a page leaves a 301 from its old path,
// redirects can be added by hand (to a page or another site), and a redirect
// can never hide a page. Search engines also get the site's JSON-LD.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

let t: TestServer;
let c: HttpClient;
let site: any;
const host = 'moving.localhost';

async function save(change: (doc: any) => void) {
  const current = (await c.get(`/api/sites/${site.id}`)).json;
  const document = structuredClone(current.document);
  change(document);
  return c.put(`/api/sites/${site.id}/draft`, { revision: current.revision, document });
}
const draft = async () => (await c.get(`/api/sites/${site.id}`)).json.document;

beforeAll(async () => {
  t = await startTestServer();
  c = t.client();
  await signUpVerified(c, t.smtp, 'moving@example.com');
  site = (await c.post('/api/sites', { name: 'Moving Co', slug: 'moving', template: 'saas', region: 'us-oregon' })).json;
});
afterAll(async () => t?.close());

describe('redirects', () => {
  it('leaves a 301 from a moved page’s old path, keeping the query, and follows further moves', async () => {
    expect((await save((d) => (d.pages.find((p: any) => p.path === '/pricing').path = '/plans'))).status).toBe(200);
    expect((await draft()).redirects).toEqual([{ from: '/pricing', to: '/plans' }]);
    // Moving it again updates the old redirect rather than chaining two.
    expect((await save((d) => (d.pages.find((p: any) => p.path === '/plans').path = '/plans-and-prices'))).status).toBe(200);
    expect((await draft()).redirects).toEqual([
      { from: '/pricing', to: '/plans-and-prices' },
      { from: '/plans', to: '/plans-and-prices' },
    ]);
    expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    const moved = await c.get('/pricing?utm_source=news', { host });
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toBe('/plans-and-prices?utm_source=news');
    expect((await c.get('/pricing/', { host })).headers.location).toBe('/plans-and-prices');
    expect((await c.get('/plans-and-prices', { host })).status).toBe(200);
    const sitemap = (await c.get('/sitemap.xml', { host })).text;
    expect(sitemap).toContain('/plans-and-prices</loc>');
    expect(sitemap).not.toContain('/pricing</loc>');
  });

  it('drops a redirect when a page takes its path back, and refuses one that would hide a page', async () => {
    expect((await save((d) => (d.pages.find((p: any) => p.path === '/plans-and-prices').path = '/pricing'))).status).toBe(200);
    expect((await draft()).redirects).toEqual([
      { from: '/plans', to: '/pricing' },
      { from: '/plans-and-prices', to: '/pricing' },
    ]);
    const hiding = await save((d) => d.redirects.push({ from: '/about', to: '/pricing' }));
    expect(hiding.status).toBe(400);
    expect(hiding.json.issues).toContainEqual({ path: 'document.redirects.2.from', message: 'a page lives at /about: remove the redirect or move the page' });
    const bad = await save((d) => d.redirects.push({ from: 'old', to: 'javascript:alert(1)' }));
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: any) => i.path)).toEqual(expect.arrayContaining(['document.redirects.2.from', 'document.redirects.2.to']));
  });

  it('serves redirects added by hand, to another site too, for GET and HEAD only', async () => {
    expect((await save((d) => d.redirects.push({ from: '/old-blog', to: 'https://blog.example.com/' }, { from: '/café', to: '/about' }))).status).toBe(200);
    expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    const away = await c.get('/old-blog', { host });
    expect(away.status).toBe(301);
    expect(away.headers.location).toBe('https://blog.example.com/');
    expect((await c.get('/caf%C3%A9', { host })).headers.location).toBe('/about');
    expect((await c.request('HEAD', '/old-blog', undefined, { host })).status).toBe(301);
    expect((await c.get('/never-was', { host })).status).toBe(404);
  });
});

describe('structured data', () => {
  it('describes the organisation and the website on the home page, from the site’s settings', async () => {
    expect(
      (
        await save(
          (d) => (d.organization = { name: 'Moving Company Ltd </script>', email: 'hello@moving.example', sameAs: ['https://bsky.app/profile/moving'] }),
        )
      ).status,
    ).toBe(200);
    expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    const home = (await c.get('/', { host })).text;
    const block = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(home)?.[1];
    expect(block).toBeDefined();
    const data = JSON.parse(block!);
    const org = data['@graph'].find((n: any) => n['@type'] === 'Organization');
    const web = data['@graph'].find((n: any) => n['@type'] === 'WebSite');
    expect(org).toMatchObject({ name: 'Moving Company Ltd </script>', email: 'hello@moving.example', sameAs: ['https://bsky.app/profile/moving'] });
    expect(web).toMatchObject({ inLanguage: 'en', publisher: { '@id': org['@id'] } });
    expect(web.url).toMatch(/^http:\/\/moving\.localhost(:\d+)?\/$/);
    // Only the home page carries it.
    expect((await c.get('/about', { host })).text).not.toContain('application/ld+json');
    const wrong = await save((d) => (d.organization = { email: 'not an address', sameAs: ['ftp://x'] }));
    expect(wrong.status).toBe(400);
    expect(wrong.json.issues.map((i: any) => i.path)).toEqual(expect.arrayContaining(['document.organization.email', 'document.organization.sameAs.0']));
  });
});
