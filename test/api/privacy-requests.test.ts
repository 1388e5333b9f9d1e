// Privacy requests to the platform, end to end over HTTP: filing (bad input
// named), email confirmation, deadlines per regime, the operator console's
// extension, refusal and completion mails, and the scheduler's reminders on a
// clock the test moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MovableClock } from '../../src/lib/clock.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let t: TestServer;
let staff: HttpClient;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestServer({ ATRIUM_OPERATORS: 'staff@example.com', ATRIUM_PRIVACY_REQUEST_LIMIT_PER_IP: '50' });
  staff = t.client();
  await signUpVerified(staff, t.smtp, 'staff@example.com', 'Grace Staff');
});
afterAll(async () => t?.close());

const clock = () => t.running.ctx.clock as MovableClock;

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Runs the hourly reminder schedule once (it is due after the clock moved) and waits until it finished. */
async function runReminders() {
  const schedule = () =>
    t.running.ctx.dbs.control
      .selectFrom('jobs')
      .select(['next_attempt_at', 'status'])
      .where('id', '=', 'every:privacy-requests.remind')
      .executeTakeFirstOrThrow();
  const before = (await schedule()).next_attempt_at;
  t.running.jobs.wakeAll();
  await eventually(async () => {
    const s = await schedule();
    return s.next_attempt_at !== before && s.status === 'pending';
  });
}

/** Files a request and confirms it through the mailed link; returns the confirmed request. */
async function fileAndConfirm(email: string, input: Record<string, unknown>) {
  const anyone = t.client();
  const filed = await anyone.post('/api/privacy-requests', { email, details: 'Everything you hold about me, please.', ...input });
  expect(filed.status).toBe(202);
  const token = await t.smtp.waitFor(email, /privacy-request\/confirm\?token=([A-Za-z0-9_-]+)/);
  const confirmed = await anyone.post('/api/privacy-requests/confirm', { token });
  expect(confirmed.status).toBe(200);
  return { request: confirmed.json, token, anyone };
}

describe('privacy requests to the platform', () => {
  it('refuses bad input naming the field, and stores nothing', async () => {
    const anyone = t.client();
    const bad = await anyone.post('/api/privacy-requests', { type: 'access', email: 'x@example.com', country: 'France', details: 'hi' });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toEqual(['country']);
    const badType = await anyone.post('/api/privacy-requests', { type: 'sell_my_data', email: 'x@example.com', country: 'FR', details: 'hi' });
    expect(badType.json.issues[0].path).toBe('type');
    const rows = await t.running.ctx.dbs.control.selectFrom('privacy_requests').select('id').where('email', '=', 'x@example.com').execute();
    expect(rows).toEqual([]);
  });

  it('starts the EEA deadline (one month) when the address is confirmed, acknowledges receipt and tells the operators', async () => {
    const before = clock().now();
    const { request, token, anyone } = await fileAndConfirm('eva@example.eu', { type: 'access', country: 'fr', name: 'Eva' });
    expect(request).toMatchObject({ type: 'access', status: 'open', regime: 'eea', country: 'FR', overdue: false, canExtend: true });
    const received = new Date(request.receivedAt);
    expect(received.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const due = new Date(request.dueAt);
    expect(due.getUTCMonth()).toBe((received.getUTCMonth() + 1) % 12);
    expect(request.acknowledgedAt).not.toBeNull();
    await t.smtp.waitFor('eva@example.eu', /Subject: We received your access request/);
    await t.smtp.waitFor('staff@example.com', /Subject: New privacy request: access, due/);
    // The link works once.
    const again = await anyone.post('/api/privacy-requests/confirm', { token });
    expect(again.status).toBe(400);
    expect(again.json.issues[0].path).toBe('token');
  });

  it('gives California 45 days and an acknowledgement within 10 business days; Canada 30 days; elsewhere 45', async () => {
    const ca = (await fileAndConfirm('cal@example.com', { type: 'erasure', country: 'US', subdivision: 'ca' })).request;
    expect(ca.regime).toBe('california');
    const received = new Date(ca.receivedAt).getTime();
    expect(new Date(ca.dueAt).getTime() - received).toBe(45 * DAY);
    const ackDays = (new Date(ca.acknowledgeBy).getTime() - received) / DAY;
    expect(ackDays).toBeGreaterThanOrEqual(12); // 10 business days span at least two weekends
    expect(ackDays).toBeLessThanOrEqual(14);
    const canada = (await fileAndConfirm('can@example.ca', { type: 'rectification', country: 'CA' })).request;
    expect(canada.regime).toBe('canada');
    expect(new Date(canada.dueAt).getTime() - new Date(canada.receivedAt).getTime()).toBe(30 * DAY);
    const texas = (await fileAndConfirm('tex@example.com', { type: 'objection', country: 'US', subdivision: 'TX' })).request;
    expect(texas.regime).toBe('default');
    expect(new Date(texas.dueAt).getTime() - new Date(texas.receivedAt).getTime()).toBe(45 * DAY);
  });

  it('is hidden from anyone but operators', async () => {
    const someone = t.client();
    await signUpVerified(someone, t.smtp, 'someone@example.com');
    expect((await someone.get('/api/operator/privacy-requests')).status).toBe(404);
    const list = await staff.get('/api/operator/privacy-requests');
    expect(list.status).toBe(200);
    expect(list.json.requests.length).toBeGreaterThanOrEqual(4);
    // Open requests come first, by due date.
    const dues = list.json.requests.map((r: { dueAt: string }) => r.dueAt);
    expect([...dues].sort()).toEqual(dues);
  });

  it('extends once, before the deadline, mailing the reason; refusal names where to complain', async () => {
    const { request } = await fileAndConfirm('uk@example.co.uk', { type: 'erasure', country: 'GB' });
    const url = `/api/operator/privacy-requests/${request.id}`;
    const short = await staff.post(`${url}/extend`, { reason: 'busy' });
    expect(short.status).toBe(400);
    expect(short.json.issues[0].path).toBe('reason');
    const extended = await staff.post(`${url}/extend`, { reason: 'Your data sits in three systems and one of them is archived.' });
    expect(extended.status).toBe(200);
    expect(extended.json.status).toBe('extended');
    const firstDue = new Date(request.dueAt);
    const newDue = new Date(extended.json.dueAt);
    expect((newDue.getUTCFullYear() - firstDue.getUTCFullYear()) * 12 + newDue.getUTCMonth() - firstDue.getUTCMonth()).toBe(2);
    await t.smtp.waitFor('uk@example.co.uk', /one of them is archived/);
    expect((await staff.post(`${url}/extend`, { reason: 'Still more time needed, sorry.' })).status).toBe(409);

    const refused = await staff.post(`${url}/close`, { status: 'refused', reasons: 'We must keep invoices for six years by law.' });
    expect(refused.json.status).toBe('refused');
    await t.smtp.waitFor('uk@example.co.uk', /Information Commissioner's Office/);
    expect((await staff.post(`${url}/close`, { status: 'completed', summary: 'Deleted everything we could.' })).status).toBe(409);

    const detail = (await staff.get(url)).json;
    expect(detail.log.map((s: { action: string }) => s.action)).toEqual(['filed', 'verified', 'acknowledged', 'extended', 'refused']);
    const refusal = detail.log.at(-1);
    expect(refusal).toMatchObject({ actor: 'operator', note: 'We must keep invoices for six years by law.' });
    expect(refusal.mail.to).toBe('uk@example.co.uk');
  });

  it('refuses an extension after the deadline passed, and reminds operators of overdue requests once a day', async () => {
    const { request } = await fileAndConfirm('late@example.com', { type: 'portability', country: 'CA' });
    clock().advance(31 * DAY);
    // A month without use ends the staff's session too.
    staff = t.client();
    expect((await staff.post('/api/auth/login', { email: 'staff@example.com', password: 'correct horse battery staple' })).status).toBe(200);
    const url = `/api/operator/privacy-requests/${request.id}`;
    expect((await staff.get(url)).json.request.overdue).toBe(true);
    expect((await staff.post(`${url}/extend`, { reason: 'We forgot about it, sorry about that.' })).status).toBe(409);
    const reminders = () =>
      t.smtp.mails.filter((m) => m.to.includes('staff@example.com') && /Subject: \d+ privacy requests? (are|is) overdue/.test(m.raw)).length;
    await runReminders();
    await t.smtp.waitFor('staff@example.com', /Subject: \d+ privacy requests? (are|is) overdue/);
    expect(reminders()).toBe(1);
    // The hourly run a little later does not mail again the same day...
    clock().advance(2 * 3600_000);
    await runReminders();
    expect(reminders()).toBe(1);
    // ...but the next day it does, while the request is still open.
    clock().advance(DAY);
    await runReminders();
    await eventually(() => reminders() === 2);

    const completed = await staff.post(`${url}/close`, { status: 'completed', summary: 'Your export is attached to this reply.' });
    expect(completed.json).toMatchObject({ status: 'completed', overdue: false });
    await t.smtp.waitFor('late@example.com', /Your export is attached/);
    // A closed request is not reminded about any more (the other tests' requests still are).
    const mentions = () =>
      t.smtp.mails.filter(
        (m) =>
          m.to.includes('staff@example.com') &&
          /Subject: \d+ privacy requests? (are|is) overdue/.test(m.raw) &&
          m.raw.replace(/=\r?\n/g, '').includes(request.id),
      ).length;
    expect(mentions()).toBe(2);
    clock().advance(DAY);
    await runReminders();
    await eventually(() => reminders() === 3);
    expect(mentions()).toBe(2);
  });
});
