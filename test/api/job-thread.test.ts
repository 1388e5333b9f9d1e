// Deliveries in the job thread (the default): a delivery under way when the
// server stops is finished and recorded before the thread ends, so it never
// runs again; and the thread keeps the process's movable clock, so a retry
// due in an hour runs as soon as a test moves the clock an hour on.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MovableClock } from '../../src/lib/clock.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

const host = 'thread-test.localhost';
const HOUR = 3600_000;
let t: TestServer;
let c: HttpClient;
let receiver: http.Server;
const calls: { delivery: string; message: string; at: number; answered?: number }[] = [];
/** How the receiver answers the next calls. */
let answer = { status: 204, delayMs: 0 };

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const call = {
        delivery: String(req.headers['x-atrium-delivery']),
        message: JSON.parse(body).submission.data.message,
        at: Date.now(),
      } as (typeof calls)[0];
      calls.push(call);
      const { status, delayMs } = answer;
      setTimeout(() => {
        call.answered = Date.now();
        res.writeHead(status).end();
      }, delayMs);
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;

  t = await startTestServer({ ATRIUM_WEBHOOKS_ALLOW_PRIVATE: 'true', ATRIUM_RETRY_BASE_MS: String(HOUR) });
  c = t.client();
  await signUpVerified(c, t.smtp, 'thread@example.com');
  const site = (await c.post('/api/sites', { name: 'Thread', slug: 'thread-test', template: 'saas', region: 'ca-toronto' })).json;
  site.document.pages.push({
    id: 'talk',
    path: '/talk',
    title: 'Talk',
    description: '',
    blocks: [
      { type: 'form', props: { id: 'contact', fields: [{ name: 'message', type: 'textarea', label: 'Message', required: true }], buttonLabel: 'Send' } },
    ],
  });
  expect((await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: site.document })).status).toBe(200);
  expect((await c.post(`/api/sites/${site.id}/webhooks`, { url: receiverUrl })).status).toBe(201);
  expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
});
afterAll(async () => {
  await t?.close();
  await new Promise((r) => receiver?.close(r));
});

async function submit(message: string) {
  const page = await c.get('/talk', { host });
  const cookie = (page.headers['set-cookie'] ?? []).find((v) => v.startsWith('c_r_id_='))!.split(';')[0]!;
  await new Promise((r) => setTimeout(r, 2100)); // the minimum fill time
  const posted = await c.request('POST', '/_atrium/forms/contact', undefined, {
    host,
    raw: new URLSearchParams({ message }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie },
  });
  expect(posted.status).toBe(201);
}

async function eventually(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const webhookJobs = () => t.running.ctx.dbs.regions['ca-toronto'].selectFrom('jobs').selectAll().where('kind', '=', 'webhook').execute();

describe('the job thread', () => {
  it('finishes and records a delivery under way when the server stops; it never runs again', async () => {
    answer = { status: 204, delayMs: 800 };
    await submit('under way');
    await eventually(() => calls.some((x) => x.message === 'under way'));
    const stopping = Date.now();
    await t.restart(); // stops the server (and its thread) while the receiver is still answering
    const call = calls.find((x) => x.message === 'under way')!;
    expect(call.answered).toBeDefined();
    expect(call.answered!).toBeGreaterThanOrEqual(stopping); // the stop waited for the answer
    const [job] = await webhookJobs();
    expect(job).toMatchObject({ status: 'done', attempts: 1, locked_until: null });
    const log = await t.running.ctx.dbs.regions['ca-toronto'].selectFrom('webhook_deliveries').selectAll().where('job_id', '=', job!.id).execute();
    expect(log.map((d) => [d.attempt, d.status_code])).toEqual([[1, 204]]);
    // Had the thread been cut off mid-delivery, the job would still be leased, and run again once its lease ran out.
    (t.running.ctx.clock as MovableClock).advance(10 * 60_000);
    t.running.jobs.wakeAll();
    await t.running.jobs.idle();
    expect(calls.filter((x) => x.message === 'under way')).toHaveLength(1);
  });

  it('retries on the process clock: an hour moved on, the retry due in an hour runs', async () => {
    answer = { status: 500, delayMs: 0 };
    await submit('retry me');
    await eventually(async () => (await webhookJobs()).some((j) => j.attempts === 1 && j.status === 'pending'));
    answer = { status: 204, delayMs: 0 };
    t.running.jobs.wakeAll();
    await t.running.jobs.idle();
    expect(calls.filter((x) => x.message === 'retry me')).toHaveLength(1); // not due yet
    (t.running.ctx.clock as MovableClock).advance(HOUR + 1000);
    t.running.jobs.wakeAll();
    await eventually(() => calls.filter((x) => x.message === 'retry me').length === 2);
    await eventually(async () => (await webhookJobs()).every((j) => j.status === 'done'));
  });
});
