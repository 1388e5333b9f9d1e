// Walks every route of the API with another subscriber's ids: each must answer
// 404, so a foreign id is indistinguishable from one that does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpVerified } from '../helpers/http.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

describe('tenancy', () => {
  it('answers 404 on every route given another subscriber’s ids', async () => {
    const owner = t.client();
    await signUpVerified(owner, t.smtp, 'owner@example.com');
    const site = (await owner.post('/api/sites', { name: 'Mine', slug: 'mine-only', template: 'saas', region: 'de-frankfurt' })).json;
    const release = (await owner.post(`/api/sites/${site.id}/publish`)).json;
    const domain = (await owner.post(`/api/sites/${site.id}/domains`, { hostname: 'mine.example' })).json;
    const ids: Record<string, string> = { siteId: site.id, releaseId: release.id, domainId: domain.id };

    const intruder = t.client();
    await signUpVerified(intruder, t.smtp, 'intruder@example.com');
    // The intruder's own site, so ids of the right shape exist on their side too.
    await intruder.post('/api/sites', { name: 'Theirs', slug: 'theirs', template: 'saas', region: 'us-oregon' });

    // Public by design: uploaded image variants, addressed by their content hash (the editor previews drafts with them).
    const PUBLIC = new Set(['GET /_atrium/img/:file']);
    const routes = t.running.app.routeList.filter((r) => r.url.includes('/:') && !PUBLIC.has(`${r.method} ${r.url}`));
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const r of routes) {
      const path = r.url.replace(/:(\w+)/g, (_, name: string) => {
        if (!ids[name]) throw new Error(`tenancy test does not know how to fill :${name} in ${r.url}; add an owner's id for it`);
        return ids[name]!;
      });
      const body =
        r.method === 'PUT'
          ? { revision: 1, document: site.document }
          : r.method === 'GET' || r.method === 'DELETE'
            ? undefined
            : { hostname: 'steal.example', name: 'Stolen', slug: 'stolen' };
      const res = await intruder.request(r.method, path, body);
      expect({ route: `${r.method} ${r.url}`, status: res.status }).toEqual({ route: `${r.method} ${r.url}`, status: 404 });
    }

    expect((await intruder.get('/api/sites')).json.sites.map((s: { id: string }) => s.id)).not.toContain(site.id);
    // And the owner's site is untouched.
    const mine = await owner.get(`/api/sites/${site.id}`);
    expect(mine.json).toMatchObject({ name: 'Mine', slug: 'mine-only', revision: 1, liveReleaseId: release.id });
    expect((await owner.get(`/api/sites/${site.id}/domains`)).json.domains).toHaveLength(1);
  });
});
