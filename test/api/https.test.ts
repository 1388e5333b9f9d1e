// Behind a TLS front: only the configured proxy may speak for the client. Its
// X-Forwarded-Proto makes cookies Secure and adds HSTS (app and sites); its
// X-Forwarded-For entry, not the client's own, is the address rate limits count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpVerified } from '../helpers/http.js';

let t: TestServer;
let direct: TestServer;
const HTTPS = { 'x-forwarded-proto': 'https' };
beforeAll(async () => {
  // The tests connect from 127.0.0.1: the trusted proxy for t, an untrusted client for `direct`.
  t = await startTestServer({ ATRIUM_TRUST_PROXY: '127.0.0.1' });
  direct = await startTestServer({ ATRIUM_TRUST_PROXY: '10.0.0.0/8' });
});
afterAll(async () => {
  await t?.close();
  await direct?.close();
});

describe('over HTTPS', () => {
  it('marks the session cookie Secure and sends HSTS only when the request came over HTTPS', async () => {
    const body = { name: 'Sec', email: 'secure@example.com', password: 'correct horse battery staple' };
    const r = await t.client().post('/api/auth/signup', body, { headers: HTTPS });
    expect(r.status).toBe(201);
    expect(r.headers['set-cookie']![0]).toMatch(/; Secure/);
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000');
    const plain = await t.client().post('/api/auth/login', { email: body.email, password: body.password });
    expect(plain.headers['set-cookie']![0]).not.toMatch(/; Secure/);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('ignores forwarded headers from a peer that is not a configured proxy', async () => {
    const r = await direct
      .client()
      .post('/api/auth/signup', { name: 'Spoof', email: 'spoof@example.com', password: 'correct horse battery staple' }, { headers: HTTPS });
    expect(r.headers['set-cookie']![0]).not.toMatch(/; Secure/);
    expect(r.headers['strict-transport-security']).toBeUndefined();
    let last;
    for (let i = 0; i < 21; i++)
      last = await direct
        .client()
        .post('/api/auth/login', { email: `x${i}@example.com`, password: 'wrong password' }, { headers: { 'x-forwarded-for': `198.51.100.${i}` } });
    expect(last!.status).toBe(429);
  });

  it('counts rate limits against the address the proxy saw, however the client rotates its own header', async () => {
    let last;
    for (let i = 0; i < 21; i++)
      last = await t.client().post(
        '/api/auth/login',
        { email: `rotating${i}@example.com`, password: 'wrong password' },
        // The client sends any X-Forwarded-For it likes; the proxy appends the address it really saw.
        { headers: { 'x-forwarded-for': `10.9.${i}.1, 203.0.113.7` } },
      );
    expect(last!.status).toBe(429);
    expect(last!.json.message).toMatch(/from this network/);
    // Another real client behind the same proxy is not affected.
    const other = await t
      .client()
      .post('/api/auth/login', { email: 'someone@example.com', password: 'wrong password' }, { headers: { 'x-forwarded-for': '203.0.113.8' } });
    expect(other.status).toBe(401);
  });

  it('gives every response on a site host the security headers, and HSTS over HTTPS', async () => {
    const c = t.client();
    await signUpVerified(c, t.smtp, 'tls-site@example.com');
    const site = (await c.post('/api/sites', { name: 'Tls', slug: 'tls-site', template: 'saas', region: 'us-oregon' })).json;
    expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    const host = 'tls-site.localhost';
    const page = await c.get('/pricing', { host, headers: HTTPS });
    expect(page.status).toBe(200);
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
    expect((await c.get('/pricing', { host })).headers['strict-transport-security']).toBeUndefined();
    for (const r of [
      await c.get('/pricing/', { host, headers: HTTPS }),
      await c.request('DELETE', '/', undefined, { host, headers: HTTPS }),
      await c.get('/', { host: 'nobody-here.localhost', headers: HTTPS }),
    ]) {
      expect([301, 405, 404]).toContain(r.status);
      expect(r.headers['content-security-policy']).toContain("default-src 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(r.headers['strict-transport-security']).toBe('max-age=31536000');
    }
  });
});
