// Password guessing is throttled per (account, address): an attacker cannot
// lock the owner out, and under a distributed attack the owner's known address
// still gets in. Requests arrive through a trusted proxy that names the client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

const PASSWORD = 'correct horse battery staple';
const EMAIL = 'owner-throttle@example.com';
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ ATRIUM_TRUST_PROXY: '127.0.0.1' });
  await t.client().post('/api/auth/signup', { name: 'Owner', email: EMAIL, password: PASSWORD }, { headers: { 'x-forwarded-for': '203.0.113.1' } });
});
afterAll(async () => t?.close());

const login = (from: string, password: string) => t.client().post('/api/auth/login', { email: EMAIL, password }, { headers: { 'x-forwarded-for': from } });

describe('log-in throttling', () => {
  it('stops one guessing address without locking the owner out', async () => {
    expect((await login('203.0.113.1', PASSWORD)).status).toBe(200); // the owner's usual address
    for (let i = 0; i < 10; i++) expect((await login('198.51.100.9', `guess ${i}`)).status).toBe(401);
    const stopped = await login('198.51.100.9', PASSWORD);
    expect(stopped.status).toBe(429);
    expect(stopped.json.message).toMatch(/from your network/);
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(0);
    // The owner, at home or on a new network, is not affected.
    expect((await login('203.0.113.1', PASSWORD)).status).toBe(200);
    expect((await login('192.0.2.77', PASSWORD)).status).toBe(200);
  });

  it('under a distributed attack, only addresses the owner used recently may still try', async () => {
    // 10 failures came from the first test; 40 more from 40 addresses reach the account's limit of 50.
    for (let i = 0; i < 40; i++) expect((await login(`198.51.${100 + (i % 10)}.${i}`, 'wrong guess')).status).toBe(401);
    const fresh = await login('192.0.2.200', PASSWORD);
    expect(fresh.status).toBe(429);
    expect(fresh.json.message).toMatch(/new networks must wait/);
    expect((await login('203.0.113.1', PASSWORD)).status).toBe(200);
  });
});
