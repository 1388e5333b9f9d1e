// Behind a TLS front (ATRIUM_TRUST_PROXY=true) the session cookie is Secure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ ATRIUM_TRUST_PROXY: 'true' });
});
afterAll(async () => t?.close());

describe('over HTTPS', () => {
  it('marks the session cookie Secure', async () => {
    const body = { name: 'Sec', email: 'secure@example.com', password: 'correct horse battery staple' };
    const r = await t.client().post('/api/auth/signup', body, { headers: { 'x-forwarded-proto': 'https' } });
    expect(r.status).toBe(201);
    expect(r.headers['set-cookie']![0]).toMatch(/; Secure/);
    const plain = await t.client().post('/api/auth/login', { email: body.email, password: body.password });
    expect(plain.headers['set-cookie']![0]).not.toMatch(/; Secure/);
  });
});
