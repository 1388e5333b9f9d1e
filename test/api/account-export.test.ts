// Access and portability: a subscriber downloads everything Atrium holds about
// them as a zip (JSON, CSV, a README, a site archive per site), and imports it
// into another Atrium, where the site and its images work as they did. A
// damaged archive imports nothing and names the bad file.
import { unzipSync, zipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let a: TestServer;
let b: TestServer;
let me: HttpClient;
let site: { id: string; slug: string; document: { pages: { blocks: { type: string; props: Record<string, unknown> }[] }[] } };
let image: { src: string; srcset: { src: string; width: number }[] };

beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer(), startTestServer()]);
  me = a.client();
  await signUpVerified(me, a.smtp, 'porter@example.com', 'Pat Porter');
  expect((await a.client().post('/api/auth/login', { email: 'porter@example.com', password: 'correct horse battery staple' })).status).toBe(200);
  site = (await me.post('/api/sites', { name: 'Portable', slug: 'portable', template: 'saas', region: 'ca-toronto' })).json;
  const photo = await sharp({ create: { width: 1500, height: 1000, channels: 3, background: { r: 20, g: 140, b: 90 } } })
    .jpeg()
    .toBuffer();
  image = (await me.request('POST', `/api/sites/${site.id}/assets`, undefined, { raw: photo, headers: { 'content-type': 'image/jpeg' } })).json;
  site.document.pages[0]!.blocks[0]!.props.image = { src: image.src, alt: 'Our team', width: 1500, height: 1000, srcset: image.srcset };
  const form = {
    type: 'form',
    props: {
      id: 'hello',
      heading: 'Say hello',
      fields: [
        { name: 'email', type: 'email', label: 'Email', required: true },
        { name: 'message', type: 'textarea', label: 'Message', required: true },
      ],
      buttonLabel: 'Send',
    },
  };
  site.document.pages[0]!.blocks.push(form);
  expect((await me.put(`/api/sites/${site.id}/draft`, { revision: 1, document: site.document })).status).toBe(200);
  expect((await me.post(`/api/sites/${site.id}/webhooks`, { url: 'https://hooks.example.org/atrium' })).status).toBe(201);
  expect((await me.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
  // A visitor writes through the form.
  const visitor = a.client();
  const page = await visitor.get('/', { host: 'portable.localhost' });
  const token = page.headers['set-cookie']!.find((v) => v.startsWith('c_r_id_='))!.split(';')[0]!;
  await new Promise((r) => setTimeout(r, 2100));
  const sent = await visitor.request('POST', '/_atrium/forms/hello', undefined, {
    host: 'portable.localhost',
    raw: new URLSearchParams({ email: 'reader@example.com', message: 'Lovely site' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie: token },
  });
  expect(sent.status).toBe(201);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

const text = (files: Record<string, Uint8Array>, name: string) => Buffer.from(files[name]!).toString('utf8');

describe('downloading my data', () => {
  let zip: Buffer;

  it('gives a zip of everything, with a README, and no secrets', async () => {
    const r = await me.get('/api/account/export');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="atrium-my-data-\d{4}-\d\d-\d\d\.zip"$/);
    zip = r.body;
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'README.txt',
        'account.json',
        'sessions.csv',
        'workspaces.json',
        'recipients.json',
        'privacy-requests.json',
        'sites/portable/site.json',
      ]),
    );
    expect(JSON.parse(text(files, 'account.json'))).toMatchObject({ name: 'Pat Porter', email: 'porter@example.com' });
    expect(text(files, 'sessions.csv').trim().split('\r\n')).toHaveLength(3); // a header and two sessions
    expect(JSON.parse(text(files, 'recipients.json')).map((r: { party: string }) => r.party)).toContain('Webhook endpoint hooks.example.org');
    const archive = JSON.parse(text(files, 'sites/portable/site.json'));
    expect(archive).toMatchObject({ format: 'atrium-site', version: 1, site: { name: 'Portable', region: 'ca-toronto' } });
    expect(archive.images[0].variants.map((v: { width: number }) => v.width)).toEqual(image.srcset.map((v) => v.width));
    for (const v of archive.images[0].variants) expect(files[`sites/portable/images/${v.hash}.webp`]?.length).toBe(v.bytes);
    expect(JSON.parse(text(files, 'sites/portable/submissions.json'))).toEqual([
      expect.objectContaining({ formId: 'hello', submitterEmail: 'reader@example.com', data: { email: 'reader@example.com', message: 'Lovely site' } }),
    ]);
    // No password hash, session secret or webhook signing secret.
    const all = Object.values(files)
      .map((f) => Buffer.from(f).toString('latin1'))
      .join('\n');
    expect(all).not.toMatch(/\$argon2|whsec_/);
    const sessions = await a.running.ctx.dbs.control.selectFrom('sessions').select('id').execute();
    for (const s of sessions) expect(all).not.toContain(s.id);
  });

  it('imports into another Atrium: the site and its images work there', async () => {
    const other = b.client();
    await signUpVerified(other, b.smtp, 'porter@example.net', 'Pat Porter');
    const imported = await other.request('POST', '/api/sites/import', undefined, { raw: zip, headers: { 'content-type': 'application/zip' } });
    expect(imported.status).toBe(201);
    const [copy] = imported.json.sites;
    expect(copy).toMatchObject({ name: 'Portable', slug: 'portable', region: 'ca-toronto', status: 'draft' });
    expect(copy.document).toEqual((await me.get(`/api/sites/${site.id}`)).json.document);
    for (const v of image.srcset) expect((await other.get(v.src)).status).toBe(200);
    expect((await other.get(`/api/sites/${copy.id}/submissions`)).json.submissions.map((m: { data: { message: string } }) => m.data.message)).toEqual([
      'Lovely site',
    ]);
    expect((await other.post(`/api/sites/${copy.id}/publish`)).status).toBe(201);
    const page = await other.get('/', { host: 'portable.localhost' });
    expect(page.text).toContain(image.srcset[0]!.src);
    // A second import of the same archive gets a free address.
    const again = await other.request('POST', '/api/sites/import', undefined, { raw: zip, headers: { 'content-type': 'application/zip' } });
    expect(again.json.sites[0].slug).toBe('portable-2');
  });

  it('imports one site’s own archive too', async () => {
    const r = await me.get(`/api/sites/${site.id}/export`);
    expect(r.status).toBe(200);
    expect(Object.keys(unzipSync(r.body))).toContain('site.json');
    const other = b.client();
    await signUpVerified(other, b.smtp, 'single@example.net');
    const imported = await other.request('POST', '/api/sites/import', undefined, { raw: r.body, headers: { 'content-type': 'application/zip' } });
    expect(imported.status).toBe(201);
    expect(imported.json.sites).toHaveLength(1);
  });

  it('refuses a damaged archive or not a zip, naming the problem, and imports nothing', async () => {
    const other = b.client();
    await signUpVerified(other, b.smtp, 'careful@example.net');
    const files = unzipSync(zip);
    const name = Object.keys(files).find((n) => n.endsWith('.webp'))!;
    files[name] = Uint8Array.from(files[name]!, (x, i) => (i === 100 ? x ^ 0xff : x));
    const damaged = await other.request('POST', '/api/sites/import', undefined, {
      raw: Buffer.from(zipSync(files)),
      headers: { 'content-type': 'application/zip' },
    });
    expect(damaged.status).toBe(400);
    expect(damaged.json.issues[0].path).toBe(name);
    const junk = await other.request('POST', '/api/sites/import', undefined, { raw: Buffer.from('not a zip'), headers: { 'content-type': 'application/zip' } });
    expect(junk.status).toBe(400);
    expect((await other.get('/api/sites')).json.sites).toEqual([]);
  });
});
