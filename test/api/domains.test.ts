import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpVerified } from '../helpers/http.js';
import { startDns } from '../helpers/dns.js';

let t: TestServer;
let dns: Awaited<ReturnType<typeof startDns>>;
beforeAll(async () => {
  dns = await startDns();
  t = await startTestServer({ ATRIUM_DNS_SERVERS: dns.server });
});
afterAll(async () => {
  await t?.close();
  await dns?.close();
});

describe('custom domains', () => {
  it('verifies by DNS TXT record, then serves the site and allows TLS', async () => {
    const c = t.client();
    await signUpVerified(c, t.smtp, 'domains@example.com');
    const site = (await c.post('/api/sites', { name: 'Acme', slug: 'acme-co', template: 'saas', region: 'us-oregon' })).json;
    await c.post(`/api/sites/${site.id}/publish`);

    const bad = await c.post(`/api/sites/${site.id}/domains`, { hostname: 'not a domain' });
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('hostname');
    expect((await c.post(`/api/sites/${site.id}/domains`, { hostname: 'x.localhost' })).status).toBe(400);

    const added = await c.post(`/api/sites/${site.id}/domains`, { hostname: 'WWW.Acme.Example.' });
    expect(added.status).toBe(201);
    const domain = added.json;
    expect(domain).toMatchObject({ hostname: 'www.acme.example', status: 'pending' });
    expect(domain.verification).toMatchObject({ type: 'TXT', name: '_atrium-verify.www.acme.example' });
    expect((await c.post(`/api/sites/${site.id}/domains`, { hostname: 'www.acme.example' })).status).toBe(409);

    // Not verified yet: no serving, no certificate.
    expect((await c.get('/', { host: 'www.acme.example' })).status).toBe(404);
    expect((await c.get('/internal/tls-ask?domain=www.acme.example')).status).toBe(404);
    const pending = await c.post(`/api/sites/${site.id}/domains/${domain.id}/verify`);
    expect(pending.json.status).toBe('pending');
    expect(pending.json.lastError).toMatch(/no TXT record/);

    dns.setTxt('_atrium-verify.www.acme.example', ['some-other=value']);
    expect((await c.post(`/api/sites/${site.id}/domains/${domain.id}/verify`)).json.lastError).toMatch(/does not contain/);

    dns.setTxt('_atrium-verify.www.acme.example', ['some-other=value', domain.verification.value]);
    const ok = await c.post(`/api/sites/${site.id}/domains/${domain.id}/verify`);
    expect(ok.json.status).toBe('verified');

    const page = await c.get('/', { host: 'www.acme.example' });
    expect(page.status).toBe(200);
    // The verified domain became the canonical address of the live site.
    expect(page.text).toContain('<link rel="canonical" href="https://www.acme.example/"/>');
    expect(page.headers['content-type']).toContain('text/html');
    expect((await c.get('/internal/tls-ask?domain=www.acme.example')).status).toBe(200);
    expect((await c.get('/internal/tls-ask?domain=acme-co.localhost')).status).toBe(200);
    expect((await c.get('/internal/tls-ask?domain=nobody.localhost')).status).toBe(404);
    expect((await c.get('/internal/tls-ask?domain=evil.example')).status).toBe(404);

    // Removing the domain stops serving it at once.
    expect((await c.delete(`/api/sites/${site.id}/domains/${domain.id}`)).status).toBe(204);
    expect((await c.get('/', { host: 'www.acme.example' })).status).toBe(404);
    expect((await c.get('/internal/tls-ask?domain=www.acme.example')).status).toBe(404);
    expect((await c.get('/', { host: 'acme-co.localhost' })).text).toContain(`<link rel="canonical" href="http://acme-co.localhost:${t.port}/"/>`);
  });
});
