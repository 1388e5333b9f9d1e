// The data processing agreement: generated from the running system at /dpa,
// accepted per workspace (version, time, who), required before a form or
// analytics goes live, and asked for again only after a material change.
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MovableClock } from '../../src/lib/clock.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { POSTGRES } from '../helpers/databases.js';
import { acceptCurrentDpa, signUpVerified, type HttpClient } from '../helpers/http.js';
import { CONTACT_FORM } from '../helpers/rights.js';

let t: TestServer;
let quiet: TestServer;
beforeAll(async () => {
  t = await startTestServer({ ATRIUM_OPERATOR_NAME: 'Example Hosting Ltd', ATRIUM_OPERATOR_ADDRESS: '1 Main Street, Springfield' });
  quiet = await startTestServer({ ATRIUM_ANALYTICS: 'off' });
});
afterAll(async () => {
  await t?.close();
  await quiet?.close();
});

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
function firstColumn(html: string, section: string): string[] {
  const body = new RegExp(`<section aria-labelledby="${section}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr><td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => decode(m[1]!).trim());
}

async function newSite(c: HttpClient, slug: string, withForm: boolean) {
  const created = await c.post('/api/sites', { name: slug, slug, template: 'saas', region: 'de-frankfurt' });
  expect(created.status, created.text).toBe(201);
  if (withForm) {
    const doc = created.json.document;
    doc.pages.push({ id: 'write', path: '/write', title: 'Write', description: '', blocks: [CONTACT_FORM] });
    const saved = await c.put(`/api/sites/${created.json.id}/draft`, { revision: created.json.revision, document: doc });
    expect(saved.status, saved.text).toBe(200);
  }
  return created.json.id as string;
}

const clock = (s: TestServer) => s.running.ctx.clock as MovableClock;

describe('the data processing agreement', () => {
  it('is generated from the running system: the parties, every enabled sub-processor and every region', async () => {
    const r = await t.client().get('/dpa');
    expect(r.status).toBe(200);
    expect(r.text).toContain('Version 1, last updated');
    const text = decode(r.text);
    expect(text).toContain('Example Hosting Ltd, 1 Main Street, Springfield');
    expect(text).toMatch(/you are the controller/i);
    expect(firstColumn(r.text, 'sub-processors')).toEqual([
      'Mail service (127.0.0.1)',
      'The DNS resolver of the server',
      'Webhook endpoints chosen by subscribers',
    ]);
    expect(firstColumn(r.text, 'where')).toEqual(t.running.ctx.config.regions.map((x) => x.name));
    // Site-side data from the data map, with analytics on.
    expect(firstColumn(r.text, 'data')).toHaveLength(6);
    expect(firstColumn(r.text, 'data').join('\n')).toMatch(/form[\s\S]*Cookie choices[\s\S]*Pages viewed[\s\S]*every step and mail/i);
    // Only true security statements: secure delete only on SQLite; no HTTPS front configured, so no HSTS claim.
    if (POSTGRES) expect(text).not.toContain('SQLite secure delete');
    else expect(text).toContain('SQLite secure delete');
    expect(text).not.toContain('HSTS');
    expect((await t.client().get('/dpa/versions/1')).status).toBe(200);
    expect((await t.client().get('/dpa/versions/9')).status).toBe(404);

    // Without analytics, the agreement does not describe analytics.
    const off = decode((await quiet.client().get('/dpa')).text);
    expect(off).not.toContain('Pages viewed');
    expect(off).toContain('Visitor analytics are switched off on this installation.');
  });

  it('must be accepted before a form or analytics goes live, and records version, time and who', async () => {
    const c = t.client();
    const me = await signUpVerified(c, t.smtp, 'controller@example.com', 'Cora Controller', { acceptDpa: false });
    const status = await c.get('/api/account/dpa');
    expect(status.json).toMatchObject({ workspaceId: me.workspaceId, current: { version: 1, url: '/dpa/versions/1' }, accepted: null, upToDate: false });

    // Analytics count every published site here: even a site without a form waits for the agreement.
    const siteId = await newSite(c, 'cora-site', true);
    const refused = await c.post(`/api/sites/${siteId}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ error: 'dpa_required', dpa: { version: 1, url: '/dpa/versions/1' }, reasons: ['forms', 'analytics'] });
    expect(refused.json.message).toMatch(/accept the data processing agreement \(version 1\) before publishing/);
    expect((await c.get(`/api/sites/${siteId}`)).json.status).toBe('draft');
    expect((await c.get(`/api/sites/${siteId}/releases`)).json.releases).toEqual([]);

    // Only the version in effect can be accepted; another workspace is not found.
    const wrong = await c.post('/api/account/dpa', { version: 2 });
    expect(wrong.status).toBe(400);
    expect(wrong.json.issues[0].path).toBe('version');
    expect((await c.post('/api/account/dpa', { version: 1, workspaceId: 'ws_not_mine' })).status).toBe(404);
    expect((await c.post('/api/account/dpa', { version: 'one' })).status).toBe(400);
    expect((await c.get('/api/account/dpa')).json.accepted).toBeNull();

    clock(t).advance(3_600_000);
    const at = clock(t).now().getTime();
    const accepted = await c.post('/api/account/dpa', { version: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ accepted: { version: 1, acceptedBy: 'Cora Controller' }, upToDate: true });
    expect(Math.abs(Date.parse(accepted.json.accepted.acceptedAt) - at)).toBeLessThan(5_000);
    expect((await c.post(`/api/sites/${siteId}/publish`)).status).toBe(201);

    // The account export says which version was accepted, and when.
    const zip = unzipSync(new Uint8Array((await c.get('/api/account/export')).body));
    const dpa = JSON.parse(Buffer.from(zip['dpa.json']!).toString('utf8'));
    expect(dpa).toEqual([
      { workspaceId: me.workspaceId, version: 1, acceptedAt: accepted.json.accepted.acceptedAt, acceptedByYou: true, agreement: `${t.baseUrl}/dpa/versions/1` },
    ]);

    // Another subscriber's workspace is untouched by this acceptance.
    const other = t.client();
    await signUpVerified(other, t.smtp, 'someone-else@example.com', 'Sam Else', { acceptDpa: false });
    expect((await other.get('/api/account/dpa')).json.accepted).toBeNull();
    expect((await other.get(`/api/account/dpa?workspaceId=${me.workspaceId}`)).status).toBe(404);
  });

  it('is needed only for forms when the installation has no analytics', async () => {
    const c = quiet.client();
    await signUpVerified(c, quiet.smtp, 'plain@example.com', 'Pat Plain', { acceptDpa: false });
    const plain = await newSite(c, 'plain-site', false);
    expect((await c.post(`/api/sites/${plain}/publish`)).status).toBe(201);
    const withForm = await newSite(c, 'form-site', true);
    const refused = await c.post(`/api/sites/${withForm}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.json.reasons).toEqual(['forms']);
    await acceptCurrentDpa(c);
    expect((await c.post(`/api/sites/${withForm}/publish`)).status).toBe(201);
  });

  it('asks again only after a material change, once it takes effect', async () => {
    const c = t.client();
    await signUpVerified(c, t.smtp, 'returning@example.com', 'Rory Returning');
    const siteId = await newSite(c, 'rory-site', true);
    expect((await c.post(`/api/sites/${siteId}/publish`)).status).toBe(201);

    // Not material: the operator's address. A new version, in effect at once, covered by the old acceptance.
    t.env.ATRIUM_OPERATOR_ADDRESS = '2 High Street, Springfield';
    await t.restart();
    await new Promise((r) => setTimeout(r, 200));
    const c2 = t.client();
    expect((await c2.post('/api/auth/login', { email: 'returning@example.com', password: 'correct horse battery staple' })).status).toBe(200);
    expect((await c2.get('/api/account/dpa')).json).toMatchObject({ current: { version: 2 }, accepted: { version: 1 }, upToDate: true });
    expect((await c2.post(`/api/sites/${siteId}/publish`)).status).toBe(201);

    // Material: a new sub-processor (the HTTPS front). Mailed ahead; until it takes effect, version 2 applies.
    t.env.ATRIUM_TRUST_PROXY = '127.0.0.1';
    await t.restart();
    await new Promise((r) => setTimeout(r, 200));
    const mail = await t.smtp.waitFor('returning@example.com', /(Subject: Changes to the data processing agreement of Example Hosting Ltd[\s\S]*)/);
    expect(mail).toContain('new recipient: tls-front');
    expect(mail).toContain('/dpa/versions/3');
    const c3 = t.client();
    expect((await c3.post('/api/auth/login', { email: 'returning@example.com', password: 'correct horse battery staple' })).status).toBe(200);
    expect((await c3.get('/api/account/dpa')).json).toMatchObject({ current: { version: 2 }, upcoming: { version: 3 }, upToDate: true });
    expect((await c3.post(`/api/sites/${siteId}/publish`)).status).toBe(201);
    expect((await c3.post('/api/account/dpa', { version: 3 })).status).toBe(400); // not in effect yet

    // Once in effect, publishing waits for the new version; the old acceptance stays on record.
    clock(t).advance(31 * 86_400_000);
    const c4 = t.client(); // the earlier session ended after 30 days unused
    expect((await c4.post('/api/auth/login', { email: 'returning@example.com', password: 'correct horse battery staple' })).status).toBe(200);
    const refused = await c4.post(`/api/sites/${siteId}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.json.message).toContain('changed since you accepted version 1');
    expect((await c4.get('/api/account/dpa')).json).toMatchObject({ current: { version: 3 }, accepted: { version: 1 }, upToDate: false });
    expect((await c4.post('/api/account/dpa', { version: 3 })).json).toMatchObject({ accepted: { version: 3 }, upToDate: true });
    expect((await c4.post(`/api/sites/${siteId}/publish`)).status).toBe(201);
    expect(decode((await t.client().get('/dpa')).text)).toContain('HSTS');
  });
});
