// Several Atrium processes share the databases: a publish through one must
// reach the serving cache of the others, without a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type Running } from '../../src/server.js';
import { freePort, startTestServer, type TestServer } from '../helpers/server.js';
import { HttpClient, signUpVerified } from '../helpers/http.js';
import { POSTGRES } from '../helpers/databases.js';

let a: TestServer;
let b: Running;
let bClient: HttpClient;
beforeAll(async () => {
  a = await startTestServer();
  const port = await freePort();
  b = await startServer(loadConfig({ ...a.env, PORT: String(port) }));
  bClient = new HttpClient(port);
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

async function eventually(check: () => Promise<boolean>, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Both poll the change log only once a minute: within the few seconds allowed, only the wake-up can tell b.
const WAKEUPS = [
  ['Redis', { ATRIUM_REDIS_URL: 'redis://127.0.0.1:6379', ATRIUM_CHANGE_POLL_MS: '60000' }],
  // PostgreSQL's NOTIFY wakes processes on any machine (the PostgreSQL suite only).
  ...(POSTGRES ? [['PostgreSQL NOTIFY', { ATRIUM_CHANGE_POLL_MS: '60000' }] as const] : []),
] as const;

describe.each(WAKEUPS)('two processes woken by %s', (_name, env) => {
  it('hear of a publish at once, long before their next poll of the change log', async () => {
    const ra = await startTestServer(env);
    const rb = await startServer(loadConfig({ ...ra.env, PORT: String(await freePort()) }));
    try {
      const c = ra.client();
      const client = new HttpClient((rb.app.server.address() as { port: number }).port);
      await signUpVerified(c, ra.smtp, 'redis@example.com');
      const site = (await c.post('/api/sites', { name: 'Quick', slug: 'quick-site', template: 'saas', region: 'us-oregon' })).json;
      const host = 'quick-site.localhost';
      expect((await client.get('/', { host })).status).toBe(404); // cached as unknown on b
      expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
      await eventually(async () => (await client.get('/', { host })).status === 200, 3000);
    } finally {
      await rb.close();
      await ra.close();
    }
  });
});

describe('two processes', () => {
  it('serve what the other published, rolled back or renamed', async () => {
    const c = a.client();
    await signUpVerified(c, a.smtp, 'cluster@example.com');
    const site = (await c.post('/api/sites', { name: 'Shared', slug: 'shared-site', template: 'saas', region: 'us-oregon' })).json;
    const host = 'shared-site.localhost';
    expect((await bClient.get('/', { host })).status).toBe(404); // cached as unknown on b

    const first = (await c.post(`/api/sites/${site.id}/publish`)).json;
    await eventually(async () => (await bClient.get('/', { host })).status === 200);

    const hero = site.document.pages[0].blocks.find((x: { type: string }) => x.type === 'hero');
    hero.props.heading = 'Published through process A';
    await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: site.document });
    await c.post(`/api/sites/${site.id}/publish`);
    await eventually(async () => (await bClient.get('/', { host })).text.includes('Published through process A'));

    await c.post(`/api/sites/${site.id}/releases/${first.id}/rollback`);
    await eventually(async () => !(await bClient.get('/', { host })).text.includes('Published through process A'));

    await c.patch(`/api/sites/${site.id}`, { slug: 'moved-site' });
    await eventually(async () => (await bClient.get('/', { host })).status === 404);
    expect((await bClient.get('/', { host: 'moved-site.localhost' })).status).toBe(200);
  });
});
