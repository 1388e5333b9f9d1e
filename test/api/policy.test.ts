// The platform's privacy policy is generated from the running system: it names
// every cookie the registry declares, every enabled sub-processor and every
// region, and nothing else; a configuration change makes a new version, and
// every version stays readable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COOKIES } from '../../src/cookies/registry.js';
import { DATA_MAP } from '../../src/privacy/data-map.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpVerified } from '../helpers/http.js';
import type { MovableClock } from '../../src/lib/clock.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ ATRIUM_OPERATOR_NAME: 'Example Hosting Ltd', ATRIUM_PRIVACY_CONTACT: 'privacy@example.com' });
});
afterAll(async () => t?.close());

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"');
/** The first cell of every body row of a section's table. */
function firstColumn(html: string, section: string): string[] {
  const body = new RegExp(`<section aria-labelledby="${section}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr><td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => decode(m[1]!));
}

describe('the platform privacy policy', () => {
  it('names every declared cookie, every enabled recipient and every region, and nothing else', async () => {
    const r = await t.client().get('/privacy');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.text).toContain('Version 1, last updated');
    expect(decode(r.text)).toContain('Example Hosting Ltd');
    expect(r.text).toContain('privacy@example.com');
    expect(firstColumn(r.text, 'cookies').sort()).toEqual(Object.keys(COOKIES).sort());
    // The test server sends mail through SMTP on loopback, resolves DNS itself and trusts no proxy.
    expect(firstColumn(r.text, 'recipients')).toEqual([
      'Mail service (127.0.0.1)',
      'The DNS resolver of the server',
      'Webhook endpoints chosen by subscribers',
    ]);
    // The default regions, as configured when ATRIUM_REGIONS is not set (test/api/regions.test.ts sets it).
    expect(firstColumn(r.text, 'where')).toEqual(['Canada (Toronto)', 'India (Mumbai)', 'EU (Frankfurt)', 'United States (Oregon)']);
    // Why each table of personal data exists, in the data map's own sentence.
    const why = (section: string) => {
      const body = new RegExp(`<section aria-labelledby="${section}">([\\s\\S]*?)</section>`).exec(r.text)?.[1] ?? '';
      return [...body.matchAll(/<tr><td[^>]*>[\s\S]*?<\/td><td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => decode(m[1]!));
    };
    expect(why('subscriber-data')).toContain(DATA_MAP.control.subscribers!.purpose);
    expect(why('visitor-data')).toContain(DATA_MAP.region.form_submissions!.purpose);
    expect(why('visitor-data')).not.toContain(DATA_MAP.control.privacy_requests!.purpose);
    // Rights with their deadlines.
    expect(decode(r.text)).toMatch(/California \(CCPA\)45 days \(receipt acknowledged within 10 business days\)/);
  });

  it('makes a material change a new version, tells subscribers by mail before it takes effect, and keeps every version', async () => {
    const reader = t.client();
    await signUpVerified(reader, t.smtp, 'reader@example.com', 'Rita Reader');
    expect((await reader.get('/api/account/policy-notice')).json.notice).toBeNull();

    t.env.ATRIUM_TRUST_PROXY = '127.0.0.1'; // a new recipient: the HTTPS front
    await t.restart();
    await new Promise((r) => setTimeout(r, 200)); // lets the client drop connections to the stopped server
    const mail = await t.smtp.waitFor('reader@example.com', /(Subject: Changes to the privacy policy of Example Hosting Ltd[\s\S]*)/);
    expect(mail).toContain('new recipient: tls-front');
    // Until the notice period ends, version 1 applies and says what is coming.
    const now = await t.client().get('/privacy');
    expect(now.text).toContain('Version 1, last updated');
    expect(decode(now.text)).toMatch(/This policy changes on \d+ \w+ \d{4}: read the new version/);
    const next = await t.client().get('/privacy/versions/2');
    expect(firstColumn(next.text, 'recipients')).toContain('The HTTPS front (reverse proxy or load balancer) in front of Atrium');
    expect(decode(next.text)).toContain('This version takes effect on');
    expect(decode(next.text)).toContain('(changed: new recipient: tls-front)');

    // The dashboard's notice until it is read.
    const reader2 = t.client();
    expect((await reader2.post('/api/auth/login', { email: 'reader@example.com', password: 'correct horse battery staple' })).status).toBe(200);
    const notice = (await reader2.get('/api/account/policy-notice')).json.notice;
    expect(notice).toMatchObject({ version: 2, changes: ['new recipient: tls-front'], url: '/privacy/versions/2' });
    expect((await reader2.post('/api/account/policy-notice', { version: 2 })).json.notice).toBeNull();

    // After the notice period, version 2 applies; version 1 stays readable.
    (t.running.ctx.clock as MovableClock).advance(31 * 86_400_000);
    const later = await t.client().get('/privacy');
    expect(later.text).toContain('Version 2, last updated');
    const before = await t.client().get('/privacy/versions/1');
    expect(before.text).toContain('This is an earlier version');
    expect(firstColumn(before.text, 'recipients')).not.toContain('The HTTPS front (reverse proxy or load balancer) in front of Atrium');
    // Unchanged configuration, no new version.
    await t.restart();
    await new Promise((r) => setTimeout(r, 200));
    expect((await t.client().get('/privacy/versions/3')).status).toBe(404);
  });
});
