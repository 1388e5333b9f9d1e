// /healthz checks every database and names the one that does not answer; a
// site whose data region this server does not have is a clear 503, not a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpVerified } from '../helpers/http.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

describe('health and regions', () => {
  it('answers 503 naming a site region this server cannot reach', async () => {
    const c = t.client();
    await signUpVerified(c, t.smtp, 'regions@example.com');
    const site = (await c.post('/api/sites', { name: 'Far', slug: 'far-away', template: 'saas', region: 'in-mumbai' })).json;
    await t.running.ctx.dbs.control.updateTable('sites').set({ region: 'mars-olympus' }).where('id', '=', site.id).execute();
    const r = await c.get(`/api/sites/${site.id}/submissions`);
    expect(r.status).toBe(503);
    expect(r.json).toMatchObject({ error: 'unavailable', message: expect.stringContaining('mars-olympus') });
  });

  it('reports every database, and 503 naming the one that fails', async () => {
    const c = t.client();
    const ok = await c.get('/healthz');
    expect(ok.status).toBe(200);
    expect(ok.json.databases.map((d: { name: string }) => d.name)).toEqual(['control', 'ca-toronto', 'in-mumbai', 'de-frankfurt', 'us-oregon']);
    await t.running.ctx.dbs.regions['in-mumbai'].destroy();
    const bad = await c.get('/healthz');
    expect(bad.status).toBe(503);
    expect(bad.json).toMatchObject({ ok: false, message: 'database in-mumbai does not answer' });
    expect(bad.json.databases.filter((d: { ok: boolean }) => !d.ok)).toEqual([{ name: 'in-mumbai', ok: false }]);
    expect(bad.text).not.toMatch(/sqlite|postgres|127\.0\.0\.1/i);
  });
});
