// Every request type, end to end, for both kinds of requester: a subscriber
// asking the platform (answered by an operator with the self-service engines)
// and a site's visitor asking the site (answered by its subscriber).
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_TYPES, type RequestType } from '../../src/rights/request-types.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let t: TestServer;
let staff: HttpClient;
let owner: HttpClient;
let siteId: string;
const host = 'types-shop.localhost';
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  t = await startTestServer({ ATRIUM_OPERATORS: 'ops@example.com', ATRIUM_PRIVACY_REQUEST_LIMIT_PER_IP: '100' });
  staff = t.client();
  await signUpVerified(staff, t.smtp, 'ops@example.com');
  owner = t.client();
  await signUpVerified(owner, t.smtp, 'types-owner@example.com');
  siteId = (await owner.post('/api/sites', { name: 'Types Shop', slug: 'types-shop', template: 'saas', region: 'in-mumbai' })).json.id;
  expect((await owner.post(`/api/sites/${siteId}/publish`)).status).toBe(201);
});
afterAll(async () => t?.close());

/** Files and confirms a request, on the platform (no host) or on the site; returns its id. */
async function file(type: RequestType, email: string, onSite: boolean) {
  const c = t.client();
  const opts = onSite ? { host } : undefined;
  const path = onSite ? '/_atrium/privacy' : '/api/privacy-requests';
  const filed = await c.post(
    path,
    {
      type,
      email,
      country: type === 'minor_removal' ? 'US' : 'FR',
      subdivision: type === 'minor_removal' ? 'CA' : undefined,
      details: `Please handle my ${type} request.`,
    },
    opts,
  );
  expect(filed.status).toBe(202);
  const token = await t.smtp.waitFor(email, /confirm\?token=([A-Za-z0-9_-]+)/);
  const confirmed = await c.post(`${path}/confirm`, { token }, opts);
  expect(confirmed.status).toBe(200);
  return filed.json.id as string;
}

const mailsTo = (email: string) => t.smtp.mails.filter((m) => m.to.includes(email)).map((m) => m.raw.replace(/=\r?\n/g, ''));

describe('every request type to the platform, answered by an operator', () => {
  const subscriber = async (type: string) => {
    const c = t.client();
    const email = `${type.replace('_', '-')}@example.com`;
    await signUpVerified(c, t.smtp, email, 'Alma Requester');
    await c.put('/api/account/consents', { purpose: 'product_news', granted: true });
    return { c, email };
  };
  const fulfil = (id: string, action: string, extra = {}) => staff.post(`/api/operator/privacy-requests/${id}/fulfil`, { action, ...extra });
  const complete = async (id: string, email: string) => {
    const r = await staff.post(`/api/operator/privacy-requests/${id}/close`, { status: 'completed', summary: `Done as you asked (${id}).` });
    expect(r.json.status).toBe('completed');
    await t.smtp.waitFor(email, new RegExp(`Done as you asked \\(${id}\\)`));
  };

  for (const type of ['access', 'portability'] as const)
    it(`${type}: the export reaches the requester as a link that makes the zip when opened`, async () => {
      const { email } = await subscriber(type);
      const id = await file(type, email, false);
      expect((await fulfil(id, 'send_export')).status).toBe(200);
      const link = await t.smtp.waitFor(email, /(http:\/\/localhost:\d+\/api\/privacy-requests\/download\?token=[^\s]+)/);
      const zip = await t.client().get(new URL(link).pathname + new URL(link).search);
      expect(zip.status).toBe(200);
      expect(JSON.parse(Buffer.from(unzipSync(zip.body)['account.json']!).toString()).email).toBe(email);
      const forged = await t.client().get(`/api/privacy-requests/download?token=${id}.9999999999999.forged`);
      expect(forged.status).toBe(400);
      await complete(id, email);
    });

  it('rectification: the operator corrects the name', async () => {
    const { c, email } = await subscriber('rectification');
    const id = await file('rectification', email, false);
    expect((await fulfil(id, 'rectify_name', { name: 'Alma Corrected' })).status).toBe(200);
    expect((await c.get('/api/account')).json.name).toBe('Alma Corrected');
    await complete(id, email);
  });

  it('erasure: the account goes, the request stays as proof', async () => {
    const { email } = await subscriber('erasure');
    const id = await file('erasure', email, false);
    expect((await fulfil(id, 'erase_account')).status).toBe(200);
    expect((await t.client().post('/api/auth/login', { email, password: PASSWORD })).status).toBe(401);
    await complete(id, email);
    const detail = (await staff.get(`/api/operator/privacy-requests/${id}`)).json;
    expect(detail.log.map((s: { action: string }) => s.action)).toContain('erase_account');
    const kept = await t.running.ctx.dbs.control.selectFrom('privacy_requests').select('subscriber_id').where('id', '=', id).executeTakeFirstOrThrow();
    expect(kept.subscriber_id).toBeNull();
  });

  it('restriction: processing is restricted on the account', async () => {
    const { c, email } = await subscriber('restriction');
    const id = await file('restriction', email, false);
    await fulfil(id, 'restrict');
    expect((await c.get('/api/account')).json.processingRestrictedAt).not.toBeNull();
    await complete(id, email);
  });

  for (const type of ['objection', 'withdraw_consent'] as const)
    it(`${type}: every consent is withdrawn`, async () => {
      const { c, email } = await subscriber(type);
      const id = await file(type, email, false);
      await fulfil(id, 'withdraw_consents');
      expect((await c.get('/api/account/consents')).json.purposes.every((p: { active: boolean }) => !p.active)).toBe(true);
      await complete(id, email);
    });

  it('minor_removal (California): answered in writing', async () => {
    const email = 'minor@example.com';
    const id = await file('minor_removal', email, false);
    const view = (await staff.get(`/api/operator/privacy-requests/${id}`)).json.request;
    expect(view.regime).toBe('california');
    // No account uses this address: the engines refuse, the answer is a mail.
    expect((await fulfil(id, 'erase_account')).status).toBe(409);
    await complete(id, email);
  });
});

describe('every request type to a site, answered by its subscriber', () => {
  for (const type of REQUEST_TYPES)
    it(`${type}: reaches the site's owner and is answered by mail`, async () => {
      const email = `visitor-${type.replace('_', '-')}@example.com`;
      const id = await file(type, email, true);
      const url = `/api/sites/${siteId}/privacy-requests/${id}`;
      const data = await owner.get(`${url}/data`);
      expect(data.status).toBe(200);
      if (type === 'erasure') expect((await owner.post(`${url}/erase`)).json.submissions).toBe(0);
      const done = await owner.post(`${url}/close`, { status: 'completed', summary: `Handled your ${type} request.` });
      expect(done.json.status).toBe('completed');
      await t.smtp.waitFor(email, new RegExp(`Handled your ${type} request`));
      expect(mailsTo('ops@example.com').some((m) => m.includes(id))).toBe(false); // never staff
    });
});
