// Account settings through the API: name, password and email changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpVerified } from '../helpers/http.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const PASSWORD = 'correct horse battery staple';

describe('account settings', () => {
  it('renames, changes the password (signing out elsewhere) and moves the email with re-verification', async () => {
    const a = t.client();
    await signUpVerified(a, t.smtp, 'settings@example.com');
    const other = t.client();
    await other.post('/api/auth/login', { email: 'settings@example.com', password: PASSWORD });
    expect((await a.get('/api/account')).json).toMatchObject({ name: 'Ada Lovelace', email: 'settings@example.com', emailVerified: true, activeSessions: 2 });
    expect((await a.patch('/api/account', { name: 'Ada King' })).json.name).toBe('Ada King');
    expect((await a.patch('/api/account', { name: '' })).json.issues[0].path).toBe('name');

    const wrong = await a.post('/api/account/password', { currentPassword: 'nope nope nope', newPassword: 'a brand new passphrase' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.issues[0].path).toBe('currentPassword');
    const changed = await a.post('/api/account/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    expect(changed.status).toBe(200);
    expect((await a.get('/api/account')).json.activeSessions).toBe(1); // this browser, with a fresh session
    expect((await other.get('/api/session')).status).toBe(401);

    const moved = await a.post('/api/account/email', { email: 'Moved@Example.com', password: 'a brand new passphrase' });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ email: 'moved@example.com', emailVerified: false });
    await t.smtp.waitFor('settings@example.com', /(was changed to moved@example\.com)/);
    const token = await t.smtp.waitFor('moved@example.com', /verify-email\?token=([A-Za-z0-9_-]+)/);
    expect((await a.post('/api/auth/verify-email', { token })).status).toBe(200);
    expect((await a.get('/api/account')).json.emailVerified).toBe(true);
    await t.client().post('/api/auth/signup', { name: 'Dup', email: 'dup@example.com', password: PASSWORD });
    expect((await a.post('/api/account/email', { email: 'dup@example.com', password: 'a brand new passphrase' })).status).toBe(409);
  });
});
