import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

let t: TestServer;
let c: HttpClient;
beforeAll(async () => {
  t = await startTestServer();
  c = t.client();
  await signUpVerified(c, t.smtp, 'sites@example.com');
});
afterAll(async () => t?.close());

describe('sites and drafts', () => {
  it('creates a site from every template, in every region', async () => {
    const templates = (await c.get('/api/templates')).json as { id: string }[];
    const regions = (await c.get('/api/regions')).json as { id: string; description: string }[];
    expect(regions.map((r) => r.id)).toEqual(['ca-toronto', 'in-mumbai', 'de-frankfurt', 'us-oregon']);
    for (const [i, tpl] of templates.entries()) {
      const r = await c.post('/api/sites', { name: `Site ${tpl.id}`, slug: `tpl-${tpl.id}`, template: tpl.id, region: regions[i % 4]!.id });
      expect(r.status).toBe(201);
      expect(r.json.document.pages.length).toBeGreaterThan(0);
    }
    const list = (await c.get('/api/sites')).json.sites;
    expect(list.length).toBe(templates.length);
    // Thumbnails need no extra request: theme, brand and the home hero come with the list.
    for (const item of list) {
      expect(item.preview.theme.palette.primary).toMatch(/^#[0-9a-f]{6}$/i);
      expect(item.preview.pages[0].blocks.every((b: { type: string }) => b.type === 'hero')).toBe(true);
      expect(item.document).toBeUndefined();
    }
    expect(templates.every((tpl: any) => tpl.preview.theme && tpl.name && tpl.description)).toBe(true);
    expect((await c.get('/api/meta')).json).toEqual({ sitesDomain: 'localhost', siteUrlTemplate: `http://{slug}.localhost:${t.port}` });
  });

  it('creates and publishes sites with the longest allowed name from every template', async () => {
    const name = 'Northwind Analytics and Customer Feedback Intelligence Platform for Teams Ltd'.padEnd(80, 'x');
    expect(name.length).toBe(80);
    for (const tpl of (await c.get('/api/templates')).json as { id: string }[]) {
      const r = await c.post('/api/sites', { name, slug: `long-${tpl.id}`, template: tpl.id, region: 'us-oregon' });
      expect(r.status, tpl.id).toBe(201);
      // Text built from the name is shortened to fit, at a word boundary with an ellipsis.
      const titles = r.json.document.pages.map((p: { title: string }) => p.title as string);
      expect(titles.every((title: string) => title.length <= 120)).toBe(true);
      expect(titles[0]).toMatch(/^Northwind Analytics/);
      if (tpl.id === 'saas') expect(titles[0]).toMatch(/…$/);
      expect((await c.post(`/api/sites/${r.json.id}/publish`)).status).toBe(201);
    }
  });

  it('names every bad field of a site and stores nothing', async () => {
    const r = await c.post('/api/sites', { name: '', slug: 'Bad Slug!', template: 'nope', region: 'mars-1' });
    expect(r.status).toBe(400);
    expect(r.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['name', 'region', 'slug', 'template']);
    expect((await c.post('/api/sites', { name: 'A', slug: 'www', template: 'saas', region: 'us-oregon' })).json.issues[0]).toEqual({
      path: 'slug',
      message: 'is reserved',
    });
    const taken = await c.post('/api/sites', { name: 'A', slug: 'tpl-saas', template: 'saas', region: 'us-oregon' });
    expect(taken.status).toBe(409);
  });

  it('refuses a stale revision with 409 and the current one', async () => {
    const site = (await c.post('/api/sites', { name: 'Tabs', slug: 'two-tabs', template: 'saas', region: 'in-mumbai' })).json;
    const doc = site.document;
    doc.pages[0].title = 'From tab one';
    expect((await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: doc })).status).toBe(200);
    doc.pages[0].title = 'From tab two';
    const stale = await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: doc });
    expect(stale.status).toBe(409);
    expect(stale.json.currentRevision).toBe(2);
    expect(stale.json.document.pages[0].title).toBe('From tab one');
    expect((await c.get(`/api/sites/${site.id}`)).json.document.pages[0].title).toBe('From tab one');
  });

  it('refuses invalid documents naming each bad field, storing nothing', async () => {
    const site = (await c.post('/api/sites', { name: 'Strict', slug: 'strict-doc', template: 'saas', region: 'us-oregon' })).json;
    const doc = structuredClone(site.document);
    doc.pages[0].title = '';
    doc.pages[0].path = 'no-slash';
    doc.theme.palette.primary = 'red';
    doc.pages[0].blocks.push({ type: 'hero', props: { id: 'x1', heading: 'Hi', primary: { label: 'Go', href: 'javascript:alert(1)' } } });
    const r = await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: doc });
    expect(r.status).toBe(400);
    const paths = r.json.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain('document.pages.0.title');
    expect(paths).toContain('document.pages.0.path');
    expect(paths).toContain('document.theme.palette.primary');
    expect(paths.some((p: string) => p.endsWith('primary.href'))).toBe(true);
    const unknownBlock = structuredClone(site.document);
    unknownBlock.pages[0].blocks.push({ type: 'marquee', props: { id: 'm' } });
    expect((await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: unknownBlock })).status).toBe(400);
    const now = await c.get(`/api/sites/${site.id}`);
    expect(now.json.revision).toBe(1);
    expect(now.json.document).toEqual(site.document);
  });

  it('answers 413 to oversized bodies and 400 to broken JSON, without stack traces', async () => {
    const big = await c.post('/api/sites', { name: 'x'.repeat(300_000) });
    expect(big.status).toBe(413);
    expect(big.json.error).toBe('payload_too_large');
    const broken = await c.request('POST', '/api/sites', undefined, { raw: '{"name": ' });
    expect(broken.status).toBe(400);
    expect(broken.text).not.toMatch(/at .*\.(ts|js):\d+/);
    const unauth = await t.client().get('/api/sites');
    expect(unauth.status).toBe(401);
  });

  it('renames a site and moves its address', async () => {
    const site = (await c.post('/api/sites', { name: 'Old', slug: 'old-name', template: 'saas', region: 'us-oregon' })).json;
    await c.post(`/api/sites/${site.id}/publish`);
    expect((await c.get('/', { host: 'old-name.localhost' })).status).toBe(200);
    const r = await c.patch(`/api/sites/${site.id}`, { name: 'New', slug: 'new-name' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ name: 'New', slug: 'new-name' });
    expect((await c.get('/', { host: 'old-name.localhost' })).status).toBe(404);
    const moved = await c.get('/', { host: 'new-name.localhost' });
    expect(moved.status).toBe(200);
    // The live site was re-rendered for its new address: canonical URLs and sitemap follow.
    expect(moved.text).toContain(`<link rel="canonical" href="http://new-name.localhost:${t.port}/"/>`);
    expect((await c.get('/sitemap.xml', { host: 'new-name.localhost' })).text).not.toContain('old-name');
    const releases = (await c.get(`/api/sites/${site.id}/releases`)).json.releases;
    expect(releases.map((r: { reason: string }) => r.reason)).toEqual(['address_change', 'publish']);
    expect(releases[0].siteUrl).toBe(`http://new-name.localhost:${t.port}`);
    // Rolling back to the release made for the old address re-renders it for the new one.
    const rb = await c.post(`/api/sites/${site.id}/releases/${releases[1].id}/rollback`);
    expect(rb.json.rolledBackTo).toBe(releases[1].id);
    expect((await c.get('/', { host: 'new-name.localhost' })).text).toContain('new-name.localhost');
    expect((await c.delete(`/api/sites/${site.id}`)).status).toBe(204);
    expect((await c.get('/', { host: 'new-name.localhost' })).status).toBe(404);
    expect((await c.get(`/api/sites/${site.id}`)).status).toBe(404);
  });
});
