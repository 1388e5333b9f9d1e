import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpVerified } from '../helpers/http.js';
import { startDns } from '../helpers/dns.js';
import type { MovableClock } from '../../src/lib/clock.js';

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
    const twice = await c.post(`/api/sites/${site.id}/domains`, { hostname: 'www.acme.example' });
    expect(twice.status).toBe(409);
    expect(twice.json.message).toBe('www.acme.example is already added to this site');

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

  it('lets several sites claim a pending name: the first to prove control gets it, answers reveal no tenant, stale claims lapse', async () => {
    const squatter = t.client();
    await signUpVerified(squatter, t.smtp, 'squatter@example.com');
    const owner = t.client();
    await signUpVerified(owner, t.smtp, 'real-owner@example.com');
    const theirs = (await squatter.post('/api/sites', { name: 'Squat', slug: 'squat-site', template: 'saas', region: 'us-oregon' })).json;
    const mine = (await owner.post('/api/sites', { name: 'Real', slug: 'real-site', template: 'saas', region: 'us-oregon' })).json;
    await owner.post(`/api/sites/${mine.id}/publish`);

    // A stranger's pending claim blocks nobody, and the owner's answer says nothing about it.
    const claim = await squatter.post(`/api/sites/${theirs.id}/domains`, { hostname: 'shop.real.example' });
    expect(claim.status).toBe(201);
    const added = await owner.post(`/api/sites/${mine.id}/domains`, { hostname: 'shop.real.example' });
    expect(added.status).toBe(201);
    expect(added.text).not.toMatch(/squat|another|already/i);

    // The owner publishes their record and verifies first; the squatter cannot verify without the DNS.
    dns.setTxt('_atrium-verify.shop.real.example', [added.json.verification.value]);
    expect((await owner.post(`/api/sites/${mine.id}/domains/${added.json.id}/verify`)).json.status).toBe('verified');
    const failed = (await squatter.post(`/api/sites/${theirs.id}/domains/${claim.json.id}/verify`)).json;
    expect(failed.status).toBe('pending');
    expect(failed.lastError).not.toMatch(/real-site|Real|another site/);
    expect((await owner.get('/', { host: 'shop.real.example' })).text).toContain('<link rel="canonical" href="https://shop.real.example/"/>');

    // Whoever controls the DNS may move the name: while the holder's value is published nothing moves...
    dns.setTxt('_atrium-verify.shop.real.example', [added.json.verification.value, claim.json.verification.value]);
    const blocked = (await squatter.post(`/api/sites/${theirs.id}/domains/${claim.json.id}/verify`)).json;
    expect(blocked.status).toBe('pending');
    expect(blocked.lastError).toMatch(/older atrium-verify value/);

    // ...once only the new value is published, the proven claim takes the name over.
    dns.setTxt('_atrium-verify.shop.real.example', [claim.json.verification.value]);
    expect((await squatter.post(`/api/sites/${theirs.id}/domains/${claim.json.id}/verify`)).json.status).toBe('verified');
    const lost = (await owner.get(`/api/sites/${mine.id}/domains`)).json.domains[0];
    expect(lost).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/add the TXT record again/) });

    // Unverified claims lapse after 14 days; verified ones stay.
    const old = (await owner.post(`/api/sites/${mine.id}/domains`, { hostname: 'old.real.example' })).json;
    expect(old.expiresAt).toBe(new Date(Date.parse(old.createdAt) + 14 * 24 * 3600_000).toISOString());
    (t.running.ctx.clock as MovableClock).advance(15 * 24 * 3600_000);
    t.running.jobs.wakeAll();
    await t.running.jobs.idle();
    expect((await owner.get(`/api/sites/${mine.id}/domains`)).json.domains).toEqual([]);
    expect((await squatter.get(`/api/sites/${theirs.id}/domains`)).json.domains.map((d: { status: string }) => d.status)).toEqual(['verified']);
  });
});
