// Retention that runs: the hourly sweep removes what each rule says, when the
// clock passes each period (moved forward, not waited for), and the operators'
// report says what went. Runs on SQLite and PostgreSQL.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MovableClock } from '../../src/lib/clock.js';
import { CONTACT_FORM, liveVersion, publishConsentSite } from '../helpers/consent-site.js';
import { POSTGRES } from '../helpers/databases.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let t: TestServer;
const DAY = 86_400_000;
const PASSWORD = 'correct horse battery staple';
let owner: HttpClient;
let staff: HttpClient;
let keep: { id: string };
let brief: { id: string };
let closedRequest: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const clock = () => t.running.ctx.clock as MovableClock;
const db = () => t.running.ctx.dbs;
const count = async (db: unknown, table: string) =>
  Number(
    (
      await (db as any)
        .selectFrom(table)
        .select((eb: any) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    ).n,
  );

async function eventually(check: () => Promise<boolean>, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(25);
  }
}

/** Moves the clock, runs the hourly sweep once and waits until it finished; signs the two people in again. */
async function advanceAndSweep(days: number) {
  clock().advance(days * DAY);
  const schedule = () =>
    db().control.selectFrom('jobs').select(['next_attempt_at', 'status']).where('id', '=', 'every:retention.sweep').executeTakeFirstOrThrow();
  const before = (await schedule()).next_attempt_at;
  t.running.jobs.wakeAll();
  await eventually(async () => {
    const s = await schedule();
    return s.next_attempt_at !== before && s.status === 'pending';
  });
  for (const [c, email] of [
    [owner, 'keeper@example.com'],
    [staff, 'sweeper@example.com'],
  ] as const)
    expect((await c.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
}

const report = async () =>
  Object.fromEntries(((await staff.get('/api/operator/retention')).json.rules as { rule: string; removed: number }[]).map((r) => [r.rule, r.removed]));

beforeAll(async () => {
  t = await startTestServer({ ATRIUM_OPERATORS: 'sweeper@example.com', ATRIUM_FORM_LIMIT_PER_IP: '50' });
  staff = t.client();
  await signUpVerified(staff, t.smtp, 'sweeper@example.com');
  owner = t.client();
  await signUpVerified(owner, t.smtp, 'keeper@example.com');
  // Site 1 keeps messages for the default 24 months and asks for cookie consent.
  keep = await publishConsentSite(owner, { name: 'Keep', slug: 'keep-site', region: 'de-frankfurt' });
  // Site 2 keeps them 3 months.
  const s2 = (await owner.post('/api/sites', { name: 'Brief', slug: 'brief-site', template: 'saas', region: 'de-frankfurt' })).json;
  s2.document.pages.push({ id: 'talk', path: '/talk', title: 'Talk', blocks: [CONTACT_FORM] });
  s2.document.forms = { retentionMonths: 3 };
  expect((await owner.put(`/api/sites/${s2.id}/draft`, { revision: 1, document: s2.document })).status).toBe(200);
  expect((await owner.post(`/api/sites/${s2.id}/publish`)).status).toBe(201);
  brief = s2;

  // A visitor writes to both sites and makes a cookie choice on the first; pageviews are counted.
  const visitor = t.client();
  const tokens = [];
  for (const host of ['keep-site.localhost', 'brief-site.localhost']) {
    const page = await visitor.get('/talk', { host });
    tokens.push([host, page.headers['set-cookie']!.find((v) => v.startsWith('c_r_id_='))!.split(';')[0]!]);
  }
  await sleep(2100);
  for (const [host, cookie] of tokens) {
    const r = await visitor.request('POST', '/_atrium/forms/talk-form', undefined, {
      host,
      raw: 'message=hello',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie: cookie! },
    });
    expect(r.status).toBe(201);
  }
  const choice = await visitor.request('POST', '/_atrium/consent', undefined, {
    host: 'keep-site.localhost',
    raw: JSON.stringify({ version: await liveVersion(visitor, 'keep-site.localhost'), choices: { functional: true, analytics: false, marketing: false } }),
    headers: { 'content-type': 'application/json' },
  });
  expect(choice.status).toBe(200);
  await t.running.analytics?.flush();

  // An account never confirmed; a request never confirmed; a request answered.
  expect((await t.client().post('/api/auth/signup', { name: 'Never Confirmed', email: 'ghost@example.com', password: PASSWORD })).status).toBe(201);
  expect((await t.client().post('/api/privacy-requests', { type: 'access', email: 'nobody@example.com', country: 'DE', details: 'x' })).status).toBe(202);
  const filed = await t.client().post('/api/privacy-requests', { type: 'access', email: 'asked@example.com', country: 'DE', details: 'My data.' });
  const token = await t.smtp.waitFor('asked@example.com', /confirm\?token=([A-Za-z0-9_-]+)/);
  await t.client().post('/api/privacy-requests/confirm', { token });
  closedRequest = filed.json.id;
  expect(
    (await staff.post(`/api/operator/privacy-requests/${closedRequest}/close`, { status: 'refused', reasons: 'We hold no data about this address.' })).status,
  ).toBe(200);
  // Every delivery has finished.
  await eventually(async () => (await db().regions['de-frankfurt'].selectFrom('jobs').select('id').where('status', '=', 'pending').execute()).length === 0);
});
afterAll(async () => t?.close());

describe('the retention sweep', () => {
  it('prints what it would remove without removing anything (CLI dry run)', async () => {
    if (POSTGRES) return; // the CLI reads the same configuration; on PostgreSQL the server's databases are per test run
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'src/main.ts', 'retention', '--dry-run', '--at', new Date(Date.now() + 40 * DAY).toISOString()],
      {
        env: { ...process.env, ...t.env, PORT: '0' },
      },
    );
    expect(stdout).toMatch(/dry run/);
    expect(stdout).toMatch(/accounts\.unverified\s+1\s/);
    expect(stdout).toMatch(/nothing was changed/);
    expect(await count(db().control, 'subscribers')).toBe(3);
  });

  it('after a month: ended sessions, spent links, unconfirmed accounts and requests, finished deliveries, raw analytics', async () => {
    expect(await count(db().regions['de-frankfurt'], 'analytics_events')).toBeGreaterThan(0);
    expect(await count(db().regions['de-frankfurt'], 'jobs')).toBeGreaterThan(0);
    await advanceAndSweep(31);
    expect(await db().control.selectFrom('subscribers').select('email').where('email', '=', 'ghost@example.com').execute()).toEqual([]);
    expect(await db().control.selectFrom('privacy_requests').select('email').execute()).toEqual([{ email: 'asked@example.com' }]);
    expect(await count(db().control, 'email_tokens')).toBe(0);
    expect(await count(db().regions['de-frankfurt'], 'jobs')).toBe(0);
    expect(await count(db().regions['de-frankfurt'], 'webhook_deliveries')).toBe(0);
    expect(await count(db().regions['de-frankfurt'], 'analytics_events')).toBe(0);
    expect(await count(db().regions['de-frankfurt'], 'form_submissions')).toBe(2);
    const r = await report();
    expect(r['accounts.unverified']).toBe(1);
    expect(r['requests.unconfirmed.platform']).toBe(1);
    expect(r['sessions.ended']).toBeGreaterThanOrEqual(2);
    expect(r['email-tokens.spent']).toBeGreaterThanOrEqual(3);
    expect(r['jobs.finished']).toBeGreaterThanOrEqual(2);
    expect(r['analytics.events']).toBeGreaterThan(0);
  });

  it('keeps form messages as long as each site says', async () => {
    await advanceAndSweep(92); // four months in: the 3-month site's message goes
    const left = await db().regions['de-frankfurt'].selectFrom('form_submissions').select('site_id').execute();
    expect(left).toEqual([{ site_id: keep.id }]);
    expect((await report())['forms.submissions']).toBe(1);
    await advanceAndSweep(640); // past 24 months
    expect(await count(db().regions['de-frankfurt'], 'form_submissions')).toBe(0);
    expect(brief.id).toBeTruthy();
  });

  it('keeps an answered request and the log of disclosures 3 years, and consent records 5 years, leaving a chain that still verifies', async () => {
    expect(await count(db().regions['de-frankfurt'], 'consent_records')).toBe(1);
    // The notification mails of the two messages, and the mails about accounts and requests, were logged (never their text).
    expect(await count(db().regions['de-frankfurt'], 'disclosures')).toBe(2);
    const platformLog = await count(db().control, 'disclosures');
    expect(platformLog).toBeGreaterThanOrEqual(3);
    await advanceAndSweep(460); // about 3 years and 2 months after the answer
    expect(await db().control.selectFrom('privacy_requests').select('id').execute()).toEqual([]);
    expect((await report())['requests.closed.platform']).toBe(1);
    expect(await count(db().regions['de-frankfurt'], 'disclosures')).toBe(0);
    expect(await count(db().control, 'disclosures')).toBe(0);
    expect((await report())['disclosures.old']).toBe(2);
    expect((await report())['disclosures.old.platform']).toBe(platformLog);
    await advanceAndSweep(700); // past 5 years
    expect(await count(db().regions['de-frankfurt'], 'consent_records')).toBe(0);
    expect((await report())['consent.records']).toBe(1);
    const verify = (await owner.get(`/api/sites/${keep.id}/consent/verify`)).json;
    expect(verify).toMatchObject({ ok: true, records: 0 });
  });
});
