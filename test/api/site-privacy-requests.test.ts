// A site visitor's privacy requests, end to end over HTTP: filed and confirmed
// on the site's own host, stored in the site's region, answered by the site's
// subscriber (never platform staff): find, correct and erase what the site
// holds about the visitor, with a signed privacy.erasure webhook as proof.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MovableClock } from '../../src/lib/clock.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startReceiver } from '../helpers/receiver.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let t: TestServer;
let owner: HttpClient;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let site: { id: string; document: { pages: unknown[] } };
let webhookSecret: string;
const host = 'shop-rights.localhost';
const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const FORM = {
  type: 'form',
  props: {
    id: 'contact',
    heading: 'Write to us',
    fields: [
      { name: 'name', type: 'text', label: 'Your name', required: true },
      { name: 'email', type: 'email', label: 'Email', required: true },
      { name: 'message', type: 'textarea', label: 'Message', required: true },
    ],
    buttonLabel: 'Send',
  },
};

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(25);
  }
}

/** Sends the form as visitors, one token per message (tokens are single use and need two seconds). */
async function sendMessages(messages: Record<string, string>[]) {
  const visitor = t.client();
  const tokens: string[] = [];
  for (const _ of messages) {
    const page = await visitor.get('/write', { host });
    tokens.push(page.headers['set-cookie']!.find((v) => v.startsWith('c_r_id_='))!.split(';')[0]!);
  }
  await sleep(2100);
  for (const [i, body] of messages.entries()) {
    const r = await visitor.request('POST', '/_atrium/forms/contact', undefined, {
      host,
      raw: new URLSearchParams(body).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie: tokens[i]! },
    });
    expect(r.status).toBe(201);
  }
}

/** A visitor files a request on the site and confirms it through the mailed link. */
async function fileOnSite(email: string, type: string) {
  const visitor = t.client();
  const filed = await visitor.post('/_atrium/privacy', { type, email, country: 'DE', details: 'About the messages I sent.' }, { host });
  expect(filed.status).toBe(202);
  const link = await t.smtp.waitFor(email, /(http:\/\/shop-rights\.localhost:\d+\/_atrium\/privacy\/confirm\?token=[A-Za-z0-9_-]+)/);
  const token = new URL(link).searchParams.get('token');
  const confirmed = await visitor.post('/_atrium/privacy/confirm', { token }, { host });
  expect(confirmed.status).toBe(200);
  return confirmed.json as { id: string; dueAt: string };
}

beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestServer({ ATRIUM_WEBHOOKS_ALLOW_PRIVATE: 'true', ATRIUM_FORM_LIMIT_PER_IP: '50', ATRIUM_PRIVACY_REQUEST_LIMIT_PER_IP: '50' });
  owner = t.client();
  await signUpVerified(owner, t.smtp, 'shopkeeper@example.com', 'Sam Shop');
  site = (await owner.post('/api/sites', { name: 'Rights Shop', slug: 'shop-rights', template: 'saas', region: 'de-frankfurt' })).json;
  site.document.pages.push({ id: 'write', path: '/write', title: 'Write', description: '', blocks: [FORM] });
  expect((await owner.put(`/api/sites/${site.id}/draft`, { revision: 1, document: site.document })).status).toBe(200);
  webhookSecret = (await owner.post(`/api/sites/${site.id}/webhooks`, { url: receiver.url })).json.secret;
  expect((await owner.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
  await sendMessages([
    { name: 'Vera', email: 'Vera@Example.com', message: 'Do you ship to Lyon?' },
    { name: 'Vera', email: 'vera@example.com', message: 'My number is 0612345678' },
    { name: 'Otto', email: 'otto@example.com', message: 'Hello from Otto' },
  ]);
  await eventually(() => receiver.received.length >= 3);
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

describe('privacy requests of a site’s visitors', () => {
  let requestId: string;
  const url = () => `/api/sites/${site.id}/privacy-requests/${requestId}`;

  it('are filed and confirmed on the site’s host, kept in its region, and reach its owner, not platform staff', async () => {
    const confirmed = await fileOnSite('vera@example.com', 'erasure');
    requestId = confirmed.id;
    await t.smtp.waitFor('shopkeeper@example.com', /Subject: Privacy request from a visitor of Rights Shop: erasure/);
    await t.smtp.waitFor(
      'vera@example.com',
      /(Subject: We received your erasure request[\s\S]*Reply-To: shopkeeper@example\.com|Reply-To: shopkeeper@example\.com[\s\S]*Subject: We received your erasure request)/,
    );
    const { regions, control } = t.running.ctx.dbs;
    expect(await control.selectFrom('privacy_requests').select('id').execute()).toEqual([]);
    expect(await regions['de-frankfurt'].selectFrom('privacy_requests').select(['id', 'site_id']).execute()).toEqual([{ id: requestId, site_id: site.id }]);
    const list = (await owner.get(`/api/sites/${site.id}/privacy-requests`)).json.requests;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: requestId, type: 'erasure', status: 'open', regime: 'eea', email: 'vera@example.com' });
  });

  it('is not reachable through another site of the same subscriber', async () => {
    const other = (await owner.post('/api/sites', { name: 'Other', slug: 'other-rights', template: 'saas', region: 'de-frankfurt' })).json;
    expect((await owner.get(`/api/sites/${other.id}/privacy-requests/${requestId}`)).status).toBe(404);
    expect((await owner.post(`/api/sites/${other.id}/privacy-requests/${requestId}/erase`)).status).toBe(404);
  });

  it('finds what the site holds about the visitor, and corrects a field', async () => {
    const data = (await owner.get(`${url()}/data`)).json;
    expect(data.submissions.map((s: { data: { message: string } }) => s.data.message)).toEqual(['Do you ship to Lyon?', 'My number is 0612345678']);
    expect(data.deliveries.length).toBeGreaterThanOrEqual(2);
    expect(data.notes.join(' ')).toMatch(/analytics/i);
    const bad = await owner.post(`${url()}/rectify`, { submissionId: data.submissions[1].id, field: 'phone', value: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('field');
    const fixed = await owner.post(`${url()}/rectify`, { submissionId: data.submissions[1].id, field: 'message', value: 'My number is private' });
    expect(fixed.status).toBe(200);
    expect(fixed.json.submissions[1].data.message).toBe('My number is private');
    // Another visitor's submission cannot be reached through this request.
    const otto = await t.running.ctx.dbs.regions['de-frankfurt']
      .selectFrom('form_submissions')
      .select('id')
      .where('submitter_email', '=', 'otto@example.com')
      .executeTakeFirstOrThrow();
    expect((await owner.post(`${url()}/rectify`, { submissionId: otto.id, field: 'message', value: 'hacked' })).status).toBe(404);
  });

  it('erases the visitor’s submissions and deliveries and tells every webhook with a signed privacy.erasure event', async () => {
    const before = receiver.received.length;
    const erased = await owner.post(`${url()}/erase`);
    expect(erased.status).toBe(200);
    expect(erased.json).toMatchObject({ submissions: 2 });
    expect(erased.json.notifications).toHaveLength(1);
    await eventually(() => receiver.received.length > before);
    const hook = receiver.received.at(-1)!;
    expect(hook.headers['x-atrium-event']).toBe('privacy.erasure');
    const [ts, sig] = String(hook.headers['x-atrium-signature'])
      .split(',')
      .map((p) => p.split('=')[1]);
    expect(sig).toBe(createHmac('sha256', webhookSecret).update(`${ts}.${hook.body}`).digest('hex'));
    expect(JSON.parse(hook.body)).toMatchObject({ event: 'privacy.erasure', subject: { email: 'vera@example.com' }, request: { id: requestId } });

    const db = t.running.ctx.dbs.regions['de-frankfurt'];
    expect(await db.selectFrom('form_submissions').select('submitter_email').execute()).toEqual([{ submitter_email: 'otto@example.com' }]);
    const jobs = await db.selectFrom('jobs').select(['payload']).execute();
    expect(jobs.filter((j) => j.payload.includes('Lyon'))).toEqual([]);
    // The delivery log proves the endpoint was told.
    await eventually(
      async () => (await db.selectFrom('webhook_deliveries').select('status_code').where('job_id', '=', erased.json.notifications[0]).execute()).length === 1,
    );

    const closed = await owner.post(`${url()}/close`, { status: 'completed', summary: 'We erased your two messages and told our CRM to erase them too.' });
    expect(closed.json.status).toBe('completed');
    await t.smtp.waitFor('vera@example.com', /told our CRM/);
    const log = (await owner.get(url())).json.log.map((s: { action: string }) => s.action);
    expect(log).toEqual(['filed', 'verified', 'acknowledged', 'data_viewed', 'rectified', 'erased', 'completed']);
    expect((await owner.post(`${url()}/erase`)).status).toBe(409);
  });

  it('reminds the site’s owner of overdue requests', async () => {
    await fileOnSite('otto@example.com', 'access');
    (t.running.ctx.clock as MovableClock).advance(32 * DAY);
    t.running.jobs.wakeAll();
    await t.smtp.waitFor('shopkeeper@example.com', /Subject: Rights Shop: 1 visitor privacy request is overdue/);
  });
});
