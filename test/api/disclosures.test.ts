// The disclosure log: every mail (real SMTP on loopback), webhook post (a real
// HTTP receiver) and DNS look-up (a real DNS server) goes through disclose(),
// which records party, kind of data, whose and when, never the content; the
// subscriber's access export and a site visitor's data list them. Deliveries
// run in the job thread by default and in the process with ATRIUM_JOB_THREAD=off:
// both record. Runs on SQLite and PostgreSQL.
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDns } from '../helpers/dns.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startReceiver } from '../helpers/receiver.js';
import { fileOnSite, publishSiteWithForm, sendMessages } from '../helpers/rights.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(50);
  }
}

/** The rows of a CSV file of the export (every cell quoted). */
function csvRows(bytes: Uint8Array): Record<string, string>[] {
  const [head, ...lines] = Buffer.from(bytes).toString('utf8').trim().split('\r\n');
  const cells = (line: string) => [...line.matchAll(/"((?:[^"]|"")*)"|([^,]+)/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/""/g, '"'));
  const names = head!.split(',');
  return lines.map((l) => Object.fromEntries(cells(l).map((v, i) => [names[i]!, v])));
}

const SECRET = 'The launch is on the ninth';

describe.each([
  ['in the job thread', 'on'],
  ['in the process', 'off'],
])('disclosures, deliveries %s', (_label, thread) => {
  let t: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let dns: Awaited<ReturnType<typeof startDns>>;
  let owner: HttpClient;
  let subscriberId: string;
  let site: { id: string; slug: string };
  const slug = `disclosed-${thread}`;

  beforeAll(async () => {
    receiver = await startReceiver();
    dns = await startDns();
    t = await startTestServer({
      ATRIUM_JOB_THREAD: thread,
      ATRIUM_WEBHOOKS_ALLOW_PRIVATE: 'true',
      ATRIUM_DNS_SERVERS: dns.server,
      ATRIUM_FORM_LIMIT_PER_IP: '50',
      ATRIUM_PRIVACY_REQUEST_LIMIT_PER_IP: '50',
    });
    owner = t.client();
    ({ subscriberId } = await signUpVerified(owner, t.smtp, 'dana@example.com', 'Dana Discloser'));
    site = await publishSiteWithForm(owner, 'Disclosed', slug);
    expect((await owner.post(`/api/sites/${site.id}/webhooks`, { url: receiver.url })).status).toBe(201);
    await sendMessages(t, slug, [{ name: 'Vic Visitor', email: 'vic@example.com', message: SECRET }]);
    await eventually(() => receiver.received.length >= 1);
    await t.smtp.waitFor('dana@example.com', /(The launch is on the ninth)/);
    await t.running.jobs.idle();
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    dns?.close();
  });

  const region = () => t.running.ctx.dbs.regions['de-frankfurt'];

  it('records the notification mail and the webhook post of a form message in the site’s region, without their content', async () => {
    const submission = await region().selectFrom('form_submissions').select('id').executeTakeFirstOrThrow();
    await eventually(async () => (await region().selectFrom('disclosures').select('id').execute()).length >= 2);
    const rows = await region().selectFrom('disclosures').selectAll().orderBy('party').execute();
    expect(rows).toEqual([
      expect.objectContaining({ party: 'mail', category: 'form-notification', subject_type: 'visitor', site_id: site.id, ref: submission.id, outcome: 'sent' }),
      expect.objectContaining({ party: 'webhooks', category: 'form-message', subject_type: 'visitor', site_id: site.id, ref: submission.id, outcome: 'sent' }),
    ]);
    for (const r of rows) expect(Date.now() - Date.parse(r.at)).toBeLessThan(60_000);
    const all = JSON.stringify(rows);
    expect(all).not.toContain('ninth');
    expect(all).not.toContain('vic@example.com');
    // Mails about the account (the address confirmation) are recorded in the control database, with the account.
    const platform = await t.running.ctx.dbs.control.selectFrom('disclosures').selectAll().where('subscriber_id', '=', subscriberId).execute();
    expect(platform).toEqual([expect.objectContaining({ party: 'mail', category: 'account', subject_type: 'subscriber', outcome: 'sent' })]);
  });

  it('shows a visitor where their messages and request mails went', async () => {
    const requestId = await fileOnSite(t, slug, { type: 'access', email: 'vic@example.com', country: 'DE' });
    await t.running.jobs.idle();
    const data = (await owner.get(`/api/sites/${site.id}/privacy-requests/${requestId}/data`)).json;
    const kinds = (data.disclosures as { party: string; category: string; whose: string }[]).map((d) => `${d.party}/${d.category}/${d.whose}`);
    expect(kinds).toEqual(expect.arrayContaining(['mail/form-notification/visitor', 'webhooks/form-message/visitor', 'mail/privacy-request/visitor']));
    // Another visitor's disclosures are not theirs.
    expect(data.disclosures.length).toBeLessThanOrEqual(5);
  });
  it('records a DNS look-up of a custom domain for the account', async () => {
    const added = (await owner.post(`/api/sites/${site.id}/domains`, { hostname: `www.${slug}.example` })).json;
    dns.setTxt(`_atrium-verify.www.${slug}.example`, [added.verification.value]);
    expect((await owner.post(`/api/sites/${site.id}/domains/${added.id}/verify`)).json.status).toBe('verified');
    const rows = await t.running.ctx.dbs.control.selectFrom('disclosures').selectAll().where('party', '=', 'dns').execute();
    expect(rows).toEqual([
      expect.objectContaining({ category: 'domain-name', subject_type: 'subscriber', subscriber_id: subscriberId, site_id: site.id, outcome: 'sent' }),
    ]);
  });

  it('lists every disclosure in the account’s access export', async () => {
    const r = await owner.get('/api/account/export');
    expect(r.status).toBe(200);
    const files = unzipSync(r.body);
    expect(Buffer.from(files['README.txt']!).toString()).toContain('disclosures.csv');
    const rows = csvRows(files['disclosures.csv']!);
    const seen = [...new Set(rows.map((d) => `${d.party}/${d.category}/${d.whose}/${d.site}/${d.outcome}`))].sort();
    expect(seen).toEqual([
      'dns/domain-name/subscriber//sent',
      'mail/account/subscriber//sent',
      `mail/form-notification/visitor/${slug}/sent`,
      // The visitor's access request: the mails to them, and the one telling the owner.
      'mail/privacy-request/subscriber//sent',
      `mail/privacy-request/visitor/${slug}/sent`,
      `webhooks/form-message/visitor/${slug}/sent`,
    ]);
    for (const d of rows) {
      expect(d.time).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(d.what.length).toBeGreaterThan(10);
    }
    expect(Buffer.from(files['disclosures.csv']!).toString()).not.toContain('ninth');
  });
});
