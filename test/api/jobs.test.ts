// The job runner with two Atrium processes on the same databases and a flaky
// webhook receiver: every delivery runs once at a time, never before its
// backoff ends, and all of them finish. Periodic jobs run on a movable clock.
// One process runs deliveries in its job thread (the default), the other in
// the process itself (ATRIUM_JOB_THREAD=off): both ways share the guarantees.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { MovableClock } from '../../src/lib/clock.js';
import { startServer, type Running } from '../../src/server.js';
import { freePort, startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

const BASE_MS = 300;
const host = 'queue-test.localhost';
let a: TestServer;
let b: Running;
let c: HttpClient;
let site: { id: string; document: any };
const calls: { delivery: string; at: number; attempt: number }[] = [];
let receiver: http.Server;
let receiverUrl: string;
let failFirstAttempts = false;

beforeAll(async () => {
  // Fails the first two attempts of every third delivery (by its id), answers 204 otherwise.
  const seen = new Map<string, number>();
  receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const delivery = String(req.headers['x-atrium-delivery']);
      const attempt = (seen.get(delivery) ?? 0) + 1;
      seen.set(delivery, attempt);
      calls.push({ delivery, at: Date.now(), attempt });
      const flaky = [...delivery].reduce((s, ch) => s + ch.charCodeAt(0), 0) % 3 === 0;
      res.writeHead((flaky && attempt <= 2) || (failFirstAttempts && attempt === 1) ? 500 : 204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;

  a = await startTestServer({ ATRIUM_WEBHOOKS_ALLOW_PRIVATE: 'true', ATRIUM_RETRY_BASE_MS: String(BASE_MS), ATRIUM_FORM_LIMIT_PER_IP: '1000' });
  b = await startServer(loadConfig({ ...a.env, PORT: String(await freePort()), ATRIUM_JOB_THREAD: 'off' }));
  c = a.client();
  await signUpVerified(c, a.smtp, 'queue@example.com');
  site = (await c.post('/api/sites', { name: 'Queue', slug: 'queue-test', template: 'saas', region: 'de-frankfurt' })).json;
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
  await b?.close();
  await a?.close();
  await new Promise((r) => receiver?.close(r));
});

async function eventually(check: () => Promise<boolean>, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('job runner', () => {
  it('runs each delivery once at a time and never before its backoff, across two processes', async () => {
    const N = 24;
    // One page load per submission (each gets its own verified-request token), then the 2 s fill time.
    const cookies: string[] = [];
    for (let i = 0; i < N; i++) {
      const page = await c.get('/talk', { host });
      cookies.push((page.headers['set-cookie'] ?? []).find((v) => v.startsWith('c_r_id_='))!.split(';')[0]!);
    }
    await new Promise((r) => setTimeout(r, 2100));
    const posts = await Promise.all(
      cookies.map((cookie, i) =>
        c.request('POST', '/_atrium/forms/contact', undefined, {
          host,
          raw: new URLSearchParams({ message: `message ${i}` }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie },
        }),
      ),
    );
    expect(posts.map((p) => p.status)).toEqual(Array(N).fill(201));

    const region = a.running.ctx.dbs.regions['de-frankfurt'];
    await eventually(async () => {
      const open = await region.selectFrom('jobs').select('id').where('kind', '=', 'webhook').where('status', '!=', 'done').execute();
      const all = await region.selectFrom('jobs').select('id').where('kind', '=', 'webhook').execute();
      return all.length === N && open.length === 0;
    });

    const byDelivery = new Map<string, number[]>();
    for (const call of calls) byDelivery.set(call.delivery, [...(byDelivery.get(call.delivery) ?? []), call.at]);
    expect(byDelivery.size).toBe(N);
    let retried = 0;
    for (const [delivery, times] of byDelivery) {
      const flaky = [...delivery].reduce((s, ch) => s + ch.charCodeAt(0), 0) % 3 === 0;
      expect(times.length, delivery).toBe(flaky ? 3 : 1);
      if (flaky) retried++;
      // Attempt n+1 never starts before attempt n's backoff (base, then twice the base) has passed.
      for (let n = 1; n < times.length; n++) expect(times[n]! - times[n - 1]!, `${delivery} attempt ${n + 1}`).toBeGreaterThanOrEqual(BASE_MS * 2 ** (n - 1));
    }
    expect(retried).toBeGreaterThan(0);
    // The delivery log holds each attempt once, numbered 1..n.
    const log = await region.selectFrom('webhook_deliveries').select(['job_id', 'attempt']).execute();
    expect(log.length).toBe(calls.length);
    const attempts = new Map<string, number[]>();
    for (const row of log) attempts.set(row.job_id, [...(attempts.get(row.job_id) ?? []), row.attempt].sort());
    for (const [job, list] of attempts) expect(list, job).toEqual(list.map((_, i) => i + 1));
  });

  it('runs periodic work once per interval on the movable clock: the change log is pruned', async () => {
    const control = a.running.ctx.dbs.control;
    // Entries written up to now: all of them are more than an hour old once the clock has moved two hours. (Entries
    // written after the prune, such as the publish's background recompression when it ends late, stay: they are new.)
    const last = Number(
      (
        await control
          .selectFrom('change_log')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .executeTakeFirstOrThrow()
      ).seq ?? 0,
    );
    const count = async () =>
      Number(
        (
          await control
            .selectFrom('change_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('seq', '<=', last)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBeGreaterThan(0); // the publish above was announced to the other process
    for (const running of [a.running, b]) (running.ctx.clock as MovableClock).advance(2 * 3600_000);
    a.running.jobs.wakeAll();
    b.jobs.wakeAll();
    await eventually(async () => (await count()) === 0, 5000);
    // The prune's deletions commit before the runner records the run (finished jobs are recorded in batches,
    // within 20 ms): the schedule's row is read once both runners are idle, not as soon as the log is empty.
    await Promise.all([a.running.jobs.idle(), b.jobs.idle()]);
    const schedule = await control.selectFrom('jobs').selectAll().where('id', '=', 'every:change-log.prune').executeTakeFirstOrThrow();
    expect(schedule.status).toBe('pending');
    expect(schedule.last_error).toBeNull();
    expect(new Date(schedule.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 2 * 3600_000);
  });

  it('retries a whole backlog as soon as its backoff ends, not a few jobs per poll', async () => {
    failFirstAttempts = true;
    const N = 60;
    const cookies: string[] = [];
    for (let i = 0; i < N; i++) {
      const page = await c.get('/talk', { host });
      cookies.push((page.headers['set-cookie'] ?? []).find((v) => v.startsWith('c_r_id_='))!.split(';')[0]!);
    }
    await new Promise((r) => setTimeout(r, 2100));
    const before = new Set(calls.map((x) => x.delivery));
    const posts = await Promise.all(
      cookies.map((cookie, i) =>
        c.request('POST', '/_atrium/forms/contact', undefined, {
          host,
          raw: new URLSearchParams({ message: `backlog ${i}` }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie },
        }),
      ),
    );
    expect(posts.map((p) => p.status)).toEqual(Array(N).fill(201));
    const mine = () => calls.filter((x) => !before.has(x.delivery));
    await eventually(
      async () =>
        new Set(
          mine()
            .filter((x) => x.attempt === 2)
            .map((x) => x.delivery),
        ).size === N,
    );
    failFirstAttempts = false;
    // Every first attempt failed; the second attempts all come in one wave once the backoff ends (the old runner
    // took 20 due jobs per one-second poll, so 60 retries spread over three seconds or more).
    const first = mine().filter((x) => x.attempt === 1);
    const second = mine().filter((x) => x.attempt === 2);
    const spread = (xs: { at: number }[]) => Math.max(...xs.map((x) => x.at)) - Math.min(...xs.map((x) => x.at));
    expect(second.length).toBe(N);
    expect(spread(second)).toBeLessThan(spread(first) + 1000);
  });

  it('deletes finished jobs, 30 days after they finished', async () => {
    const region = a.running.ctx.dbs.regions['de-frankfurt'];
    const finished = () => region.selectFrom('jobs').select('id').where('status', 'in', ['done', 'failed']).execute();
    // Let the last retries of the tests above finish first.
    await eventually(async () => (await region.selectFrom('jobs').select('id').where('status', '=', 'pending').execute()).length === 0);
    expect((await finished()).length).toBeGreaterThan(0);
    for (const running of [a.running, b]) (running.ctx.clock as MovableClock).advance(31 * 24 * 3600_000);
    a.running.jobs.wakeAll();
    b.jobs.wakeAll();
    await eventually(async () => (await finished()).length === 0, 5000);
  });
});
