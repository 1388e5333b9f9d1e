// The foundation flow through the public HTTP API: sign up, verify, create a
// site from a template, edit, publish, open the hostname, roll back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpVerified } from '../helpers/http.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

describe('sign up, build, publish, serve, roll back', () => {
  it('runs end to end', async () => {
    const c = t.client();
    await signUpVerified(c, t.smtp, 'founder@example.com');
    const session = await c.get('/api/session');
    expect(session.status).toBe(200);
    expect(session.json.subscriber).toMatchObject({ email: 'founder@example.com', emailVerified: true });

    const templates = await c.get('/api/templates');
    expect(templates.json.length).toBeGreaterThanOrEqual(3);

    const created = await c.post('/api/sites', { name: 'Rocketship', slug: 'rocketship', template: templates.json[0].id, region: 'de-frankfurt' });
    expect(created.status).toBe(201);
    const site = created.json;
    expect(site).toMatchObject({ slug: 'rocketship', region: 'de-frankfurt', status: 'draft', revision: 1 });
    expect(site.url).toBe(`http://rocketship.localhost:${t.port}`);

    // Before publishing, the hostname answers a plain 404.
    expect((await c.get('/', { host: 'rocketship.localhost' })).status).toBe(404);

    // Edit the hero heading of the home page.
    const doc = site.document;
    const home = doc.pages.find((p: { path: string }) => p.path === '/');
    const hero = home.blocks.find((b: { type: string }) => b.type === 'hero');
    hero.props.heading = 'Launch day is every day';
    const saved = await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: doc });
    expect(saved.status).toBe(200);
    expect(saved.json.revision).toBe(2);

    const first = await c.post(`/api/sites/${site.id}/publish`);
    expect(first.status).toBe(201);

    const live = await c.get('/', { host: 'rocketship.localhost', headers: { 'accept-encoding': 'identity' } });
    expect(live.status).toBe(200);
    expect(live.headers['content-type']).toContain('text/html');
    expect(live.text).toContain('Launch day is every day');
    expect((await c.get(`/api/sites/${site.id}`)).json.status).toBe('live');

    // A second edit and publish, then roll back to the first release.
    hero.props.heading = 'A brand new heading';
    expect((await c.put(`/api/sites/${site.id}/draft`, { revision: 2, document: doc })).status).toBe(200);
    expect((await c.get(`/api/sites/${site.id}`)).json.status).toBe('live_with_changes');
    const second = await c.post(`/api/sites/${site.id}/publish`);
    expect(second.status).toBe(201);
    expect((await c.get('/', { host: 'rocketship.localhost' })).text).toContain('A brand new heading');

    const releases = await c.get(`/api/sites/${site.id}/releases`);
    expect(releases.json.releases.map((r: { id: string }) => r.id)).toEqual([second.json.id, first.json.id]);
    expect(releases.json.releases[0].live).toBe(true);

    const rb = await c.post(`/api/sites/${site.id}/releases/${first.json.id}/rollback`);
    expect(rb.status).toBe(200);
    const after = await c.get('/', { host: 'rocketship.localhost' });
    expect(after.text).toContain('Launch day is every day');
    expect(after.text).not.toContain('A brand new heading');
    // The rollback is recorded as a release of its own, live, naming the release it restored.
    const history = (await c.get(`/api/sites/${site.id}/releases`)).json.releases;
    expect(history.map((r: { reason: string; live: boolean }) => [r.reason, r.live])).toEqual([
      ['rollback', true],
      ['publish', false],
      ['publish', false],
    ]);
    expect(history[0].restoredFrom).toEqual({ id: first.json.id, createdAt: first.json.createdAt });
  });
});
