import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { acceptCurrentDpa, HttpClient, signUpVerified } from '../helpers/http.js';
import type { MovableClock } from '../../src/lib/clock.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const PASSWORD = 'correct horse battery staple';
const DAY = 24 * 3600_000;

describe('accounts', () => {
  it('signs up with a session cookie that is HttpOnly, SameSite=Lax and lasts 365 days', async () => {
    const c = t.client();
    const r = await c.post('/api/auth/signup', { name: 'Grace', email: 'Grace@Example.com', password: PASSWORD });
    expect(r.status).toBe(201);
    const cookie = r.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/^atrium_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain(`Max-Age=${365 * 24 * 3600}`);
    expect(cookie).not.toContain('Secure'); // plain http here; Secure is set over https
    const s = await c.get('/api/session');
    expect(s.json.subscriber).toMatchObject({ email: 'grace@example.com', emailVerified: false });
  });

  it('refuses bad sign-up input naming each field, and duplicate emails', async () => {
    const c = t.client();
    const r = await c.post('/api/auth/signup', { name: '', email: 'nope', password: 'short' });
    expect(r.status).toBe(400);
    expect(r.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['email', 'name', 'password']);
    await c.post('/api/auth/signup', { name: 'Dup', email: 'dup@example.com', password: PASSWORD });
    const again = await t.client().post('/api/auth/signup', { name: 'Dup', email: 'DUP@example.com', password: PASSWORD });
    expect(again.status).toBe(409);
  });

  it('does not publish before the email is verified', async () => {
    const c = t.client();
    await c.post('/api/auth/signup', { name: 'Unverified', email: 'unverified@example.com', password: PASSWORD });
    const site = await c.post('/api/sites', { name: 'Early', slug: 'early-bird', template: 'saas', region: 'ca-toronto' });
    expect(site.status).toBe(201);
    const p = await c.post(`/api/sites/${site.json.id}/publish`);
    expect(p.status).toBe(403);
    expect(p.json.error).toBe('email_not_verified');
    const resend = await c.post('/api/auth/resend-verification');
    expect(resend.status).toBe(200);
    const token = await t.smtp.waitFor('unverified@example.com', /verify-email\?token=([A-Za-z0-9_-]+)/);
    expect((await c.post('/api/auth/verify-email', { token })).status).toBe(200);
    expect((await c.post('/api/auth/verify-email', { token })).status).toBe(400); // single use
    await acceptCurrentDpa(c); // the site has a form and analytics: the data processing agreement comes first
    expect((await c.post(`/api/sites/${site.json.id}/publish`)).status).toBe(201);
  });

  it('logs in with a fresh session, logs out, and logs out everywhere', async () => {
    const a = t.client();
    await signUpVerified(a, t.smtp, 'multi@example.com');
    const oldCookie = a.cookie;
    const b = t.client();
    expect((await b.post('/api/auth/login', { email: 'multi@example.com', password: 'wrong password!' })).status).toBe(401);
    const login = await b.post('/api/auth/login', { email: 'MULTI@example.com', password: PASSWORD });
    expect(login.status).toBe(200);
    expect(b.cookie).not.toBe(oldCookie);

    // Rotation: logging in again from a browser replaces its session.
    const before = b.cookie;
    await b.post('/api/auth/login', { email: 'multi@example.com', password: PASSWORD });
    const stale = new HttpClient(t.port);
    stale.cookie = before;
    expect((await stale.get('/api/session')).status).toBe(401);

    expect((await a.post('/api/auth/logout-all')).json.revokedSessions).toBe(2);
    expect((await a.get('/api/session')).status).toBe(401);
    expect((await b.get('/api/session')).status).toBe(401);

    const c = t.client();
    await c.post('/api/auth/login', { email: 'multi@example.com', password: PASSWORD });
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/session')).status).toBe(401);
  });

  it('requires the CSRF token and a same origin for state-changing requests with a session', async () => {
    const c = t.client();
    await signUpVerified(c, t.smtp, 'csrf@example.com');
    const csrf = c.csrf;
    c.csrf = undefined;
    const noToken = await c.post('/api/sites', { name: 'X', slug: 'csrf-site', template: 'saas', region: 'us-oregon' });
    expect(noToken.status).toBe(403);
    c.csrf = 'x'.repeat(43);
    expect((await c.post('/api/sites', { name: 'X', slug: 'csrf-site', template: 'saas', region: 'us-oregon' })).status).toBe(403);
    c.csrf = csrf;
    const crossSite = await c.post(
      '/api/sites',
      { name: 'X', slug: 'csrf-site', template: 'saas', region: 'us-oregon' },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(crossSite.status).toBe(403);
    // A form post (not JSON) is refused outright.
    const form = await c.request('POST', '/api/sites', undefined, { raw: 'name=X', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect((await c.post('/api/sites', { name: 'X', slug: 'csrf-site', template: 'saas', region: 'us-oregon' })).status).toBe(201);
    expect((await c.get('/api/session')).json.csrfToken).toBe(csrf);
  });

  it('resets a password by emailed link, which signs out other sessions', async () => {
    const a = t.client();
    await signUpVerified(a, t.smtp, 'forgetful@example.com');
    const anon = t.client();
    const unknown = await anon.post('/api/auth/password-reset', { email: 'nobody@example.com' });
    const known = await anon.post('/api/auth/password-reset', { email: 'forgetful@example.com' });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.json).toEqual(unknown.json); // no account enumeration
    const token = await t.smtp.waitFor('forgetful@example.com', /reset-password\?token=([A-Za-z0-9_-]+)/);
    expect((await anon.post('/api/auth/password-reset/confirm', { token, password: 'short' })).status).toBe(400);
    const done = await anon.post('/api/auth/password-reset/confirm', { token, password: 'a whole new passphrase' });
    expect(done.status).toBe(200);
    expect((await anon.get('/api/session')).status).toBe(200);
    expect((await a.get('/api/session')).status).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: 'forgetful@example.com', password: PASSWORD })).status).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: 'forgetful@example.com', password: 'a whole new passphrase' })).status).toBe(200);
    expect((await anon.post('/api/auth/password-reset/confirm', { token, password: 'another passphrase!' })).status).toBe(400);
  });

  it('voids every outstanding reset link once the password changes, by reset or in the settings', async () => {
    const email = 'two-links@example.com';
    const owner = t.client();
    await signUpVerified(owner, t.smtp, email);
    const resetLinks = async (n: number) => {
      for (let i = 0; i < n; i++) expect((await t.client().post('/api/auth/password-reset', { email })).status).toBe(202);
      await t.smtp.waitFor(email, /reset-password/);
      const tokens = t.smtp.mails
        .filter((m) => m.to.includes(email))
        .map((m) => /reset-password\?token=([A-Za-z0-9_-]+)/.exec(m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='))?.[1])
        .filter((x): x is string => !!x);
      return tokens.slice(-n);
    };
    // Two links out; using one voids the other.
    const [first, second] = await resetLinks(2);
    expect((await t.client().post('/api/auth/password-reset/confirm', { token: second, password: 'the second passphrase' })).status).toBe(200);
    const stale = await t.client().post('/api/auth/password-reset/confirm', { token: first, password: 'an attacker passphrase' });
    expect(stale.status).toBe(400);
    expect(stale.json.issues).toEqual([{ path: 'token', message: 'invalid, used or expired' }]);
    // A link out, then the owner changes the password in the settings: the link is dead.
    const [third] = await resetLinks(1);
    const me = t.client();
    expect((await me.post('/api/auth/login', { email, password: 'the second passphrase' })).status).toBe(200);
    expect((await me.post('/api/account/password', { currentPassword: 'the second passphrase', newPassword: 'a settings passphrase' })).status).toBe(200);
    expect((await t.client().post('/api/auth/password-reset/confirm', { token: third, password: 'an attacker passphrase' })).status).toBe(400);
    expect((await t.client().post('/api/auth/login', { email, password: 'a settings passphrase' })).status).toBe(200);
  });

  it('ends a session after 30 days without use, while a session in use lives on', async () => {
    const idle = t.client();
    const active = t.client();
    await idle.post('/api/auth/signup', { name: 'Idle', email: 'idle@example.com', password: PASSWORD });
    await active.post('/api/auth/login', { email: 'idle@example.com', password: PASSWORD });
    const clock = t.running.ctx.clock as MovableClock;
    clock.advance(20 * DAY);
    expect((await active.get('/api/session')).status).toBe(200); // used on day 20
    clock.advance(11 * DAY);
    expect((await idle.get('/api/session')).status).toBe(401); // 31 days unused
    expect((await active.get('/api/session')).status).toBe(200); // 11 days since its last use
    clock.advance(31 * DAY);
    expect((await active.get('/api/session')).status).toBe(401);
    // The scheduled sweep then deletes the ended sessions' rows.
    t.running.jobs.wakeAll();
    await t.running.jobs.idle();
    const rows = await t.running.ctx.dbs.control
      .selectFrom('sessions')
      .innerJoin('subscribers', 'subscribers.id', 'sessions.subscriber_id')
      .select('sessions.id')
      .where('subscribers.email', '=', 'idle@example.com')
      .execute();
    expect(rows).toEqual([]);
  });

  it('rate-limits log-in per account with a clear 429', async () => {
    await t.client().post('/api/auth/signup', { name: 'Target', email: 'target@example.com', password: PASSWORD });
    let last;
    for (let i = 0; i < 11; i++) last = await t.client().post('/api/auth/login', { email: 'target@example.com', password: `wrong-guess-${i}` });
    expect(last!.status).toBe(429);
    expect(last!.json.message).toMatch(/too many log-in attempts for this account from your network; try again in \d+ seconds/);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits until the window passes.
    expect((await t.client().post('/api/auth/login', { email: 'target@example.com', password: PASSWORD })).status).toBe(429);
  });

  it('rate-limits log-in per IP with a clear 429', async () => {
    let last;
    for (let i = 0; i < 25; i++) last = await t.client().post('/api/auth/login', { email: `someone${i}@example.com`, password: 'whatever-password' });
    expect(last!.status).toBe(429);
    expect(last!.json.message).toMatch(/from this network/);
  });
});

describe('mail limits', () => {
  it('sends at most three reset mails per address per hour, answering the same every time', async () => {
    await t.client().post('/api/auth/signup', { name: 'Flood', email: 'flood@example.com', password: PASSWORD });
    const before = t.smtp.mails.filter((m) => m.to.includes('flood@example.com')).length;
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await t.client().post('/api/auth/password-reset', { email: 'flood@example.com' }));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
    await new Promise((r) => setTimeout(r, 300));
    expect(t.smtp.mails.filter((m) => m.to.includes('flood@example.com')).length - before).toBe(3);
  });
});
