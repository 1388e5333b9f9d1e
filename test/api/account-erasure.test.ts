// Deleting an account erases the subscriber everywhere: a scan of every table
// of every database (control and each region) and of every file under the data
// directory (SQLite files included) finds none of their identifiers afterwards,
// while another subscriber's site keeps working. Runs on SQLite and PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startReceiver } from '../helpers/receiver.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let t: TestServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const NAME = 'Zebulon Quistwright';
const EMAIL = 'zebulon.quistwright@example.com';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const FORM = {
  type: 'form',
  props: {
    id: 'contact',
    heading: 'Write to Zebulon Quistwright',
    fields: [
      { name: 'email', type: 'email', label: 'Email', required: true },
      { name: 'message', type: 'textarea', label: 'Message', required: true },
    ],
    buttonLabel: 'Send',
  },
};

/** Every table of a database as [table, rows as JSON text]. */
async function dump(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<[string, string][]> {
  const tables =
    dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(db)).rows.map(
          (r) => r.name,
        );
  const out: [string, string][] = [];
  for (const table of tables) out.push([table, JSON.stringify((await sql`select * from ${sql.table(table)}`.execute(db)).rows)]);
  return out;
}

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Where any of the needles appears: "control.sessions", "regions/de-frankfurt.sqlite"... */
async function scan(needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  const { dbs } = t.running.ctx;
  const lower = needles.map((n) => n.toLowerCase());
  for (const [name, db] of [['control', dbs.control], ...Object.entries(dbs.regions)] as [string, Kysely<any>][])
    for (const [table, text] of await dump(db, dbs.dialect)) for (const n of lower) if (text.toLowerCase().includes(n)) hits.push(`${name}.${table} has ${n}`);
  for (const file of files(t.dataDir)) {
    const text = fs.readFileSync(file).toString('latin1').toLowerCase();
    for (const n of lower) if (text.includes(n)) hits.push(`${path.relative(t.dataDir, file)} has ${n}`);
  }
  return hits;
}

async function publishSite(c: HttpClient, name: string, slug: string, region: string, author: string) {
  const site = (await c.post('/api/sites', { name, slug, template: 'saas', region })).json;
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 30, b: 90 } } })
    .jpeg()
    .toBuffer();
  const up = await c.request('POST', `/api/sites/${site.id}/assets`, undefined, { raw: photo, headers: { 'content-type': 'image/jpeg' } });
  expect(up.status).toBe(201);
  site.document.pages.push({
    id: 'write',
    path: '/write',
    title: `About ${author}`,
    description: `${author} answers here`,
    blocks: [author === NAME ? FORM : { ...FORM, props: { ...FORM.props, heading: 'Write to us' } }],
  });
  expect((await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: site.document })).status).toBe(200);
  expect((await c.post(`/api/sites/${site.id}/webhooks`, { url: receiver.url })).status).toBe(201);
  expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
  return site as { id: string };
}

async function visit(slug: string) {
  const host = `${slug}.localhost`;
  const visitor = t.client();
  const page = await visitor.get('/write', { host });
  expect(page.status).toBe(200);
  const token = page.headers['set-cookie']!.find((v) => v.startsWith('c_r_id_='))!.split(';')[0]!;
  return async () => {
    const r = await visitor.request('POST', '/_atrium/forms/contact', undefined, {
      host,
      raw: new URLSearchParams({ email: 'visitor@example.com', message: `Hello ${NAME}` }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie: token },
    });
    expect(r.status).toBe(201);
  };
}

let me: HttpClient;
let ids: { subscriberId: string; workspaceId: string };

beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestServer({ ATRIUM_WEBHOOKS_ALLOW_PRIVATE: 'true', ATRIUM_FORM_LIMIT_PER_IP: '50' });
  me = t.client();
  ids = await signUpVerified(me, t.smtp, EMAIL, NAME);
  // A second session, on another device.
  expect((await t.client().post('/api/auth/login', { email: EMAIL, password: 'correct horse battery staple' })).status).toBe(200);
  await publishSite(me, 'Quistwright Studio', 'quist-eu', 'de-frankfurt', NAME);
  await publishSite(me, 'Quistwright US', 'quist-us', 'us-oregon', NAME);
  const other = t.client();
  await signUpVerified(other, t.smtp, 'keeper@example.com', 'Kim Keeper');
  await publishSite(other, 'Keeper', 'keeper-site', 'de-frankfurt', 'Kim Keeper');
  // Visitors write to both of the subscriber's sites; webhooks and notification mails go out.
  const sends = [await visit('quist-eu'), await visit('quist-us')];
  await sleep(2100);
  for (const send of sends) await send();
  for (let i = 0; i < 100 && receiver.received.length < 2; i++) await sleep(50);
  expect(receiver.received.length).toBeGreaterThanOrEqual(2);
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

describe('deleting an account', () => {
  it('asks for the password and erases nothing without it', async () => {
    const wrong = await me.request('DELETE', '/api/account', { password: 'not my password' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.issues[0].path).toBe('password');
    expect((await me.get('/api/sites')).json.sites).toHaveLength(2);
  });

  it('leaves none of the subscriber’s identifiers in any database table or data file', async () => {
    const before = await scan([ids.subscriberId, EMAIL, NAME]);
    expect(before.length).toBeGreaterThan(3); // the scan finds them while they are there

    const erased = await me.request('DELETE', '/api/account', { password: 'correct horse battery staple' });
    expect(erased.status).toBe(200);
    expect(erased.json).toMatchObject({ sites: 2, workspaces: 1, kept: [] });
    expect((await me.get('/api/session')).status).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: EMAIL, password: 'correct horse battery staple' })).status).toBe(401);

    await t.running.ctx.releases.idle();
    expect(await scan([ids.subscriberId, ids.workspaceId, EMAIL, NAME])).toEqual([]);
  });

  it('keeps the other subscriber’s site serving, and takes the erased ones offline', async () => {
    expect((await t.client().get('/write', { host: 'keeper-site.localhost' })).status).toBe(200);
    expect((await t.client().get('/', { host: 'keeper-site.localhost' })).status).toBe(200);
    expect((await t.client().get('/', { host: 'quist-eu.localhost' })).status).toBe(404);
  });
});
