// Protected sites and pages over HTTP (SQLite, and PostgreSQL with
// ATRIUM_TEST_POSTGRES): the API that sets and removes passwords, and what a
// published site answers with and without the u_sp cookie.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MovableClock } from '../../src/lib/clock.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { enterPassword, grantOf, MEMBERS_TEXT, publishProtectedSite, VIP_TEXT, type ProtectedSite } from '../helpers/protected-site.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let t: TestServer;
let owner: HttpClient;
let site: ProtectedSite;
beforeAll(async () => {
  t = await startTestServer();
  owner = t.client();
  await signUpVerified(owner, t.smtp, 'keeper@example.com');
  site = await publishProtectedSite(owner, 'northwind');
});
afterAll(async () => t?.close());

const visit = (path: string, cookie?: string) => owner.get(path, { host: site.host, headers: cookie ? { cookie } : {} });

describe('the passwords API', () => {
  it('refuses bad passwords naming the field, and answers 404 for another subscriber’s site or an unknown page', async () => {
    const short = await owner.put(`/api/sites/${site.id}/password`, { password: 'abc' });
    expect(short.status).toBe(400);
    expect(short.json.issues).toEqual([{ path: 'password', message: 'must be at least 6 characters' }]);
    const missing = await owner.put(`/api/sites/${site.id}/pages/members/password`, {});
    expect(missing.status).toBe(400);
    expect(missing.json.issues[0].path).toBe('password');
    const spaces = await owner.put(`/api/sites/${site.id}/password`, { password: '        ' });
    expect(spaces.status).toBe(400);
    expect(spaces.json.issues[0]).toEqual({ path: 'password', message: 'must not be only spaces' });
    expect((await owner.put(`/api/sites/${site.id}/pages/nowhere/password`, { password: 'opensesame' })).status).toBe(404);
    // Nothing was stored by any of these.
    expect((await owner.get(`/api/sites/${site.id}/protection`)).json).toEqual({ site: { protected: false, updatedAt: null }, pages: [] });
    expect((await visit('/')).status).toBe(200);

    const intruder = t.client();
    await signUpVerified(intruder, t.smtp, 'intruder@example.com');
    for (const r of [
      await intruder.get(`/api/sites/${site.id}/protection`),
      await intruder.put(`/api/sites/${site.id}/password`, { password: 'opensesame' }),
      await intruder.delete(`/api/sites/${site.id}/password`),
      await intruder.put(`/api/sites/${site.id}/pages/members/password`, { password: 'opensesame' }),
      await intruder.delete(`/api/sites/${site.id}/pages/members/password`),
    ])
      expect(r.status).toBe(404);
    expect((await visit('/')).status).toBe(200);
  });
});

describe('a page with its own password', () => {
  let grant: string;

  it('shows the password page instead of the page, its images, its form, its thank-you page and its sitemap entry', async () => {
    const set = await owner.put(`/api/sites/${site.id}/pages/members/password`, { password: 'members only' });
    expect(set.status).toBe(200);
    expect(set.json.pages).toEqual([{ pageId: 'members', updatedAt: expect.any(String) }]);
    expect(set.json.site.protected).toBe(false);

    const page = await visit('/members');
    expect(page.status).toBe(403);
    expect(page.text).not.toContain(MEMBERS_TEXT);
    expect(page.text).toContain('This page is protected');
    expect(page.text).toContain('Northwind Studio');
    expect(page.text).toContain('<meta name="robots" content="noindex"/>');
    expect(page.headers['x-robots-tag']).toBe('noindex');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('name="next" value="/members"');
    // Even a trailing slash or a conditional request learns nothing.
    expect((await visit('/members/')).status).toBe(403);
    for (const img of site.membersImages) expect((await visit(img)).status).toBe(403);
    for (const img of site.homeImages) expect((await visit(img)).status).toBe(200);
    expect((await visit('/_atrium/forms/members-form/thanks')).status).toBe(403);
    const sitemap = (await visit('/sitemap.xml')).text;
    expect(sitemap).not.toContain('/members');
    expect(sitemap).toContain('/vip');
    const form = await owner.request('POST', '/_atrium/forms/members-form', undefined, {
      host: site.host,
      raw: JSON.stringify({ message: 'hello' }),
      headers: { 'content-type': 'application/json', accept: 'application/json' },
    });
    expect(form.status).toBe(403);
    expect(form.json.error).toBe('protected');
    // The rest of the site is public.
    expect((await visit('/')).status).toBe(200);
    expect((await visit('/vip')).text).toContain(VIP_TEXT);
  });

  it('lets in a visitor who enters the right password, with a year-long HttpOnly u_sp cookie', async () => {
    const wrong = await enterPassword(owner, site.host, 'not the one', '/members');
    expect(wrong.status).toBe(403);
    expect(wrong.text).toContain('That password is not right');
    expect(wrong.text).toContain('aria-invalid="true"');
    expect(grantOf(wrong.headers)).toBeUndefined();
    const empty = await enterPassword(owner, site.host, '', '/members');
    expect(empty.status).toBe(400);

    const right = await enterPassword(owner, site.host, 'members only', '/members');
    expect(right.status).toBe(303);
    expect(right.headers.location).toBe('/members');
    const cookie = right.headers['set-cookie']!.find((c) => c.startsWith('u_sp='))!;
    expect(cookie).toMatch(/; Max-Age=31536000/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/Domain=/i);
    grant = grantOf(right.headers)!;

    const page = await visit('/members', grant);
    expect(page.status).toBe(200);
    expect(page.text).toContain(MEMBERS_TEXT);
    expect(page.headers['cache-control']).toBe('private, no-cache');
    for (const img of site.membersImages) expect((await visit(img, grant)).status).toBe(200);
    // The grant is for this page only.
    expect((await visit('/vip', grant)).status).toBe(200);
    // A forged or foreign grant does not open it.
    // (one character of the signature changed: to A, or to B where it was A; 'A' always would, 1 time in 64, change nothing)
    expect(
      (
        await visit(
          '/members',
          grant.replace(/~(.)/, (_, ch: string) => `~${ch === 'A' ? 'B' : 'A'}`),
        )
      ).status,
    ).toBe(403);
    expect((await visit('/members', 'u_sp=members~' + 'A'.repeat(27))).status).toBe(403);
  });

  it('sends a password post only on to this site', async () => {
    const r = await enterPassword(owner, site.host, 'members only', '//evil.example/');
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
  });

  it('limits wrong guesses per site and address, and lets the address try again after the window', async () => {
    await owner.put(`/api/sites/${site.id}/pages/vip/password`, { password: 'velvet rope' });
    let last = await enterPassword(owner, site.host, 'guess 0', '/vip');
    for (let i = 1; i <= 10; i++) last = await enterPassword(owner, site.host, `guess ${i}`, '/vip');
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.text).toContain('Too many wrong passwords');
    // Even the right password waits.
    expect((await enterPassword(owner, site.host, 'velvet rope', '/vip')).status).toBe(429);
    (t.running.ctx.clock as MovableClock).advance(16 * 60_000);
    expect((await enterPassword(owner, site.host, 'velvet rope', '/vip')).status).toBe(303);
    await owner.delete(`/api/sites/${site.id}/pages/vip/password`);
  });

  it('site password: every other page, unknown paths too, while the page keeps asking only for its own', async () => {
    const set = await owner.put(`/api/sites/${site.id}/password`, { password: 'whole site' });
    expect(set.json.site.protected).toBe(true);
    const home = await visit('/');
    expect(home.status).toBe(403);
    expect(home.text).toContain('This site is protected');
    const missing = await visit('/no-such-page');
    expect(missing.status).toBe(403);
    for (const img of site.vipImages) expect((await visit(img)).status).toBe(403);
    expect((await visit('/sitemap.xml')).text).not.toContain('<loc>');
    // What the password page itself needs stays public.
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(home.text)![1]!;
    expect((await visit(css)).status).toBe(200);
    // The members grant still opens its page, and only it.
    expect((await visit('/members', grant)).status).toBe(200);
    expect((await visit('/', grant)).status).toBe(403);
    // The site password does not open the page with its own.
    const siteGrant = grantOf((await enterPassword(owner, site.host, 'whole site', '/')).headers)!;
    expect((await visit('/', siteGrant)).status).toBe(200);
    expect((await visit('/members', siteGrant)).status).toBe(403);
    expect((await enterPassword(owner, site.host, 'whole site', '/members')).status).toBe(403);
    // Both grants in one cookie: a second password adds to the first.
    const both = grantOf((await enterPassword(owner, site.host, 'members only', '/members', siteGrant)).headers)!;
    expect((await visit('/', both)).status).toBe(200);
    expect((await visit('/members', both)).status).toBe(200);
  });

  it('changing a password signs out every earlier cookie at the next request; removing makes the page public', async () => {
    const before = grantOf((await enterPassword(owner, site.host, 'whole site', '/')).headers)!;
    expect((await visit('/', before)).status).toBe(200);
    await owner.put(`/api/sites/${site.id}/password`, { password: 'whole site' }); // even the same password again
    expect((await visit('/', before)).status).toBe(403);
    await owner.delete(`/api/sites/${site.id}/password`);
    const home = await visit('/');
    expect(home.status).toBe(200);
    expect(home.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect((await visit('/no-such-page')).status).toBe(404);
    await owner.delete(`/api/sites/${site.id}/pages/members/password`);
    const page = await visit('/members');
    expect(page.status).toBe(200);
    expect(page.text).toContain(MEMBERS_TEXT);
    for (const img of site.membersImages) expect((await visit(img)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await visit('/sitemap.xml')).text).toContain('/members');
    expect((await owner.get(`/api/sites/${site.id}/protection`)).json).toEqual({ site: { protected: false, updatedAt: null }, pages: [] });
  });

  it('counts a pageview only for a visitor who got in, never for the password page', async () => {
    const counted = await publishProtectedSite(owner, 'counted', { beacon: true });
    await owner.put(`/api/sites/${counted.id}/password`, { password: 'count me in' });
    const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
    const get = (p: string, cookie?: string) => owner.get(p, { host: counted.host, headers: { 'user-agent': CHROME, ...(cookie ? { cookie } : {}) } });
    const realtime = async () => {
      await t.running.analytics!.flush();
      return (await owner.get(`/api/sites/${counted.id}/analytics/realtime`)).json.visitors;
    };
    const beacon = (cookie?: string) =>
      owner.request('POST', '/_atrium/a', undefined, {
        host: counted.host,
        raw: JSON.stringify({ type: 'custom', page: `http://${counted.host}:${t.port}/pricing`, name: 'Signup' }),
        headers: { 'content-type': 'text/plain', 'user-agent': CHROME, ...(cookie ? { cookie } : {}) },
      });
    expect((await get('/')).status).toBe(403);
    expect((await get('/pricing')).status).toBe(403);
    expect((await beacon()).status).toBe(403);
    expect(await realtime()).toBe(0);
    const grant = grantOf((await enterPassword(owner, counted.host, 'count me in', '/')).headers)!;
    expect((await get('/', grant)).status).toBe(200);
    expect((await beacon(grant)).status).toBe(204);
    expect(await realtime()).toBe(1);
    // The site's cookie table names u_sp while something of the site asks for a password.
    expect((await get('/_atrium/cookies')).text).toContain('u_sp');
    await owner.delete(`/api/sites/${counted.id}/password`);
    expect((await get('/_atrium/cookies')).text).not.toContain('u_sp');
  });
});
