// Form submissions on a published site, end to end over HTTP: verified
// requests, validation, spam, regional storage, notification mail, webhooks
// that survive a restart, and the subscriber's inbox.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';
import { startReceiver } from '../helpers/receiver.js';

let t: TestServer;
let c: HttpClient;
let site: any;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const host = 'formy.localhost';
const FORM = {
  type: 'form',
  props: {
    id: 'contact',
    heading: 'Talk to us',
    fields: [
      { name: 'name', type: 'text', label: 'Your name', required: true },
      { name: 'email', type: 'email', label: 'Email', required: true },
      { name: 'topic', type: 'select', label: 'Topic', options: ['Sales', 'Support'] },
      { name: 'message', type: 'textarea', label: 'Message', required: true, maxLength: 2000 },
      { name: 'consent', type: 'consent', label: 'I agree that Formy stores my message to reply to me.', required: true },
    ],
    buttonLabel: 'Send',
    notifyEmail: 'owner@example.com',
  },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Loads the contact page like a browser and returns its c_r_id_ token cookie. */
async function loadForm(): Promise<string> {
  const page = await c.get('/talk', { host });
  expect(page.status).toBe(200);
  const cookie = (page.headers['set-cookie'] ?? []).find((v) => v.startsWith('c_r_id_='));
  expect(cookie).toMatch(/; Path=\/_atrium\/forms; Max-Age=86400; HttpOnly; SameSite=Strict/);
  return cookie!.split(';')[0]!;
}

const good = { name: 'Mia Chen', email: 'Mia@Example.com', topic: 'Sales', message: '=SUM(A1:A9) hello <b>bold</b>', consent: 'on' };
const post = (cookie: string | null, body: Record<string, string>, json = true, extra: Record<string, string> = {}) =>
  c.request('POST', '/_atrium/forms/contact', undefined, {
    host,
    raw: new URLSearchParams(body).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(json ? { accept: 'application/json' } : {}), ...(cookie ? { cookie } : {}), ...extra },
  });

beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestServer({ ATRIUM_WEBHOOKS_ALLOW_PRIVATE: 'true', ATRIUM_RETRY_BASE_MS: '300', ATRIUM_FORM_LIMIT_PER_IP: '30' });
  c = t.client();
  await signUpVerified(c, t.smtp, 'formy@example.com');
  site = (await c.post('/api/sites', { name: 'Formy', slug: 'formy', template: 'saas', region: 'de-frankfurt' })).json;
  site.document.pages.push({ id: 'talk', path: '/talk', title: 'Talk to us', description: '', blocks: [FORM] });
  const saved = await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: site.document });
  expect(saved.json).toMatchObject({ revision: 2 });
  const hook = await c.post(`/api/sites/${site.id}/webhooks`, { url: receiver.url });
  expect(hook.status).toBe(201);
  site.webhook = hook.json;
  expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

describe('form submissions', () => {
  it('publishes the form page with the runtime script allowed by its CSP', async () => {
    const page = await c.get('/talk', { host });
    expect(page.text).toMatch(/<form[^>]+action="\/_atrium\/forms\/contact"/);
    const script = /<script src="(\/_atrium\/runtime\.[0-9a-f]{12}\.js)" defer><\/script>/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('private, no-cache');
    expect((await c.get(script!, { host })).headers['content-type']).toContain('javascript');
    // Pages without a form run no script and set no cookie.
    const home = await c.get('/', { host });
    expect(home.headers['content-security-policy']).not.toContain('script-src');
    expect(home.headers['set-cookie']).toBeUndefined();
  });

  it('refuses token-less, too fast, invalid and oversized submissions with clear errors', async () => {
    const cookie = await loadForm();
    const noToken = await post(null, good);
    expect(noToken.status).toBe(403);
    expect(noToken.json.message).toMatch(/could not be verified/);
    const forged = await post(`c_r_id_=${Math.floor(Date.now() / 1000) - 60}.abc.forged`, good);
    expect(forged.status).toBe(403);
    const fast = await post(cookie, good);
    expect(fast.status).toBe(400);
    expect(fast.json).toMatchObject({ error: 'too_fast' });
    await sleep(2100);
    const bad = await post(cookie, { name: '', email: 'not-an-email', topic: 'Gossip', message: 'x'.repeat(2001), extra: 'field' });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['consent', 'email', 'extra', 'message', 'name', 'topic']);
    const huge = await post(cookie, { ...good, message: 'x'.repeat(70_000) });
    expect(huge.status).toBe(413);
    const counts = await Promise.all(Object.values(t.running.ctx.dbs.regions).map((db) => db.selectFrom('form_submissions').selectAll().execute()));
    expect(counts.flat()).toHaveLength(0); // nothing half-written
  });

  it('stores a submission in the site’s region only, mails the owner and signs the webhook', async () => {
    const cookie = await loadForm();
    await sleep(2100);
    const r = await post(cookie, good);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ ok: true });

    const { regions } = t.running.ctx.dbs;
    expect(await regions['de-frankfurt'].selectFrom('form_submissions').select(['form_id', 'submitter_email', 'consent_text']).execute()).toEqual([
      { form_id: 'contact', submitter_email: 'mia@example.com', consent_text: FORM.props.fields[4]!.label },
    ]);
    for (const other of ['ca-toronto', 'in-mumbai', 'us-oregon'] as const) {
      expect(await regions[other].selectFrom('form_submissions').selectAll().execute()).toHaveLength(0);
      expect(await regions[other].selectFrom('jobs').selectAll().execute()).toHaveLength(0);
    }

    const mail = await t.smtp.waitFor('owner@example.com', /([\s\S]*Reply-To: mia@example\.com[\s\S]*)/i);
    expect(mail).toContain('=SUM(A1:A9) hello <b>bold</b>'); // plain text: shown as typed, never as markup
    expect(mail).toMatch(/Content-Type: text\/plain/i);
    expect(mail).not.toMatch(/Content-Type: text\/html/i);

    for (let i = 0; i < 50 && receiver.received.length === 0; i++) await sleep(100);
    const [delivery] = receiver.received;
    const [, ts, sig] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(delivery!.headers['x-atrium-signature']))!;
    expect(createHmac('sha256', site.webhook.secret).update(`${ts}.${delivery!.body}`).digest('hex')).toBe(sig);
    expect(JSON.parse(delivery!.body)).toMatchObject({
      event: 'form.submission',
      form: { id: 'contact', page: '/talk' },
      submission: { data: { email: 'Mia@Example.com', consent: true } },
    });
  });

  it('takes a plain POST (JavaScript off) to the thank-you page', async () => {
    const cookie = await loadForm();
    await sleep(2100);
    const r = await post(cookie, { ...good, name: 'No Script' }, false);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/_atrium/forms/contact/thanks');
    const thanks = await c.get('/_atrium/forms/contact/thanks', { host });
    expect(thanks.status).toBe(200);
    expect(thanks.text).toContain('Thank you');
    const invalid = await post(cookie, { ...good, email: 'nope' }, false, { referer: `http://${host}/talk` });
    expect(invalid.status).toBe(400);
    expect(invalid.headers['content-type']).toContain('text/html');
    expect(invalid.text).toContain('Enter an email address, like name@example.com.');
    expect(invalid.text).toContain('href="/talk"');
  });

  it('takes each verified-request token once, handing out a fresh one with every answer', async () => {
    const cookie = await loadForm();
    await sleep(2100);
    const first = await post(cookie, { ...good, name: 'Once' });
    expect(first.status).toBe(201);
    const fresh = (first.headers['set-cookie'] ?? []).find((v) => v.startsWith('c_r_id_='));
    expect(fresh).toMatch(/; Path=\/_atrium\/forms; Max-Age=86400; HttpOnly; SameSite=Strict/);
    const replay = await post(cookie, { ...good, name: 'Twice' });
    expect(replay.status).toBe(409);
    expect(replay.json).toMatchObject({ error: 'already_sent', message: expect.stringMatching(/reload the page/) });
    // The fresh token works once its fill time has passed, for JavaScript and plain posts alike.
    await sleep(2100);
    expect((await post(fresh!.split(';')[0]!, { ...good, name: 'Again' }, false)).status).toBe(303);
    const stored = (await c.get(`/api/sites/${site.id}/submissions?q=Twice`)).json.submissions;
    expect(stored).toEqual([]);
    for (const s of (await c.get(`/api/sites/${site.id}/submissions`)).json.submissions.filter((x: { data: { name: string } }) =>
      ['Once', 'Again'].includes(x.data.name),
    ))
      expect((await c.delete(`/api/sites/${site.id}/submissions/${s.id}`)).status).toBe(204);
  });

  it('keeps spam in a spam folder, never announced, and lets the owner rescue it', async () => {
    const [cookie, second] = [await loadForm(), await loadForm()];
    await sleep(2100);
    const before = receiver.received.length;
    const bot = await post(cookie, { ...good, name: 'Bot', _hp: 'http://spam.example' });
    expect(bot.status).toBe(201); // a bot learns nothing
    const links = await post(second, { ...good, name: 'Linker', message: 'see https://a.example https://b.example https://c.example' });
    expect(links.status).toBe(201);
    const spam = (await c.get(`/api/sites/${site.id}/submissions?status=spam`)).json.submissions;
    expect(spam.map((s: { data: { name: string } }) => s.data.name).sort()).toEqual(['Bot', 'Linker']);
    expect(spam.find((s: { data: { name: string } }) => s.data.name === 'Bot').spamReasons).toEqual(['filled the hidden field bots fill']);
    await sleep(500);
    expect(receiver.received.length).toBe(before);
    const linker = spam.find((s: { data: { name: string } }) => s.data.name === 'Linker');
    expect((await c.patch(`/api/sites/${site.id}/submissions/${linker.id}`, { status: 'inbox' })).json.status).toBe('inbox');
    // Rescued from spam, it gets the webhook delivery it never had.
    for (let i = 0; i < 50 && receiver.received.length === before; i++) await sleep(100);
    expect(JSON.parse(receiver.received.at(-1)!.body).submission.data.name).toBe('Linker');
  });

  it('gives the owner an inbox: count, search, read, export, delete', async () => {
    const sites = (await c.get('/api/sites')).json.sites;
    expect(sites.find((s: { id: string }) => s.id === site.id).newSubmissions).toBe(3); // Mia, No Script, Linker
    const all = (await c.get(`/api/sites/${site.id}/submissions`)).json.submissions;
    expect(all).toHaveLength(3);
    const found = (await c.get(`/api/sites/${site.id}/submissions?q=no%20script`)).json.submissions;
    expect(found.map((s: { data: { name: string } }) => s.data.name)).toEqual(['No Script']);
    const one = await c.get(`/api/sites/${site.id}/submissions/${found[0].id}`);
    expect(one.json.read).toBe(true);
    expect((await c.get('/api/sites')).json.sites.find((s: { id: string }) => s.id === site.id).newSubmissions).toBe(2);

    const csv = await c.get(`/api/sites/${site.id}/submissions/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="formy-inbox-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(csv.text.split('\n')[0]).toBe('id,received_at,status,page,form,email,name,email,topic,message,consent,consent_text');
    expect(csv.text).toContain("'=SUM(A1:A9)");
    const json = await c.get(`/api/sites/${site.id}/submissions/export?format=json`);
    expect(json.json.submissions).toHaveLength(3);

    expect((await c.delete(`/api/sites/${site.id}/submissions/${found[0].id}`)).status).toBe(204);
    expect((await c.get(`/api/sites/${site.id}/submissions`)).json.submissions).toHaveLength(2);
    expect((await c.get(`/api/sites/${site.id}/submissions/${found[0].id}`)).status).toBe(404);
  });

  it('retries a failing webhook with backoff, across a restart, until it answers 2xx', async () => {
    receiver.answer(500);
    const before = receiver.received.length;
    const cookie = await loadForm();
    await sleep(2100);
    expect((await post(cookie, { ...good, name: 'Retry Me' })).status).toBe(201);
    for (let i = 0; i < 50 && receiver.received.length === before; i++) await sleep(100);
    expect(receiver.received.length).toBeGreaterThan(before);

    await t.restart(); // the pending delivery is in the database, not in memory
    receiver.answer(200);
    const deadline = Date.now() + 15_000;
    let log: any;
    do {
      await sleep(200);
      log = (await c.get(`/api/sites/${site.id}/webhooks/${site.webhook.id}/deliveries`)).json;
    } while (log.retrying.length > 0 && Date.now() < deadline);
    expect(log.retrying).toEqual([]);
    const mine = log.deliveries.filter((d: { statusCode: number }) => d.statusCode === 500);
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(log.deliveries[0]).toMatchObject({ statusCode: 200 });
    expect(JSON.parse(receiver.received.at(-1)!.body).submission.data.name).toBe('Retry Me');
  });
});
