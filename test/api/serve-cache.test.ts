// With a tiny memory budget, sites are evicted from the serving cache and
// reload from disk on their next request: serving stays correct.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpVerified } from '../helpers/http.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ ATRIUM_SERVE_CACHE_MB: '0' });
});
afterAll(async () => t?.close());

describe('serving cache budget', () => {
  it('serves every site correctly while evicting', async () => {
    const c = t.client();
    await signUpVerified(c, t.smtp, 'cache@example.com');
    for (const [slug, template] of [
      ['cache-one', 'saas'],
      ['cache-two', 'app'],
    ]) {
      const site = (await c.post('/api/sites', { name: slug, slug, template, region: 'us-oregon' })).json;
      expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    }
    expect(t.running.ctx.config.serveCacheBytes).toBe(0);
    for (let i = 0; i < 3; i++) {
      expect((await c.get('/', { host: 'cache-one.localhost' })).text).toContain('<title>cache-one');
      expect((await c.get('/', { host: 'cache-two.localhost' })).text).toContain('<title>cache-two');
    }
  });
});
