// The production entry point: the bundled server (dist/server/main.js, built by
// scripts/build-server.mjs) run by plain node, as `npm start` and `npm run serve`
// run it. Its start-up output names the public URL once, even with several
// workers, its analytics worker thread stores pageviews, deliveries run in each
// worker's job thread (both started from the bundle), and its logs never hold
// IP addresses or cookies.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/server.js';
import { HttpClient, signUpVerified } from '../helpers/http.js';
import { startSmtp } from '../helpers/smtp.js';

const FORM = {
  type: 'form',
  props: {
    id: 'contact',
    heading: 'Talk to us',
    fields: [{ name: 'email', type: 'email', label: 'Email', required: true }],
    buttonLabel: 'Send',
    notifyEmail: 'owner@example.com',
  },
};

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let server: ChildProcess;
let port: number;
let dataDir: string;
const lines: string[] = [];
let stderr = '';

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'ignore' });
  smtp = await startSmtp();
  port = await freePort();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-built-'));
  server = spawn(process.execPath, ['dist/server/main.js'], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      ATRIUM_DATA_DIR: dataDir,
      ATRIUM_SMTP_URL: smtp.url,
      ATRIUM_WORKERS: '2',
      ATRIUM_TRUST_PROXY: 'true',
      // Workers poll the change log only once a minute here: a publish must reach them through the primary.
      ATRIUM_CHANGE_POLL_MS: '60000',
      LOG_LEVEL: 'debug',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffered = '';
  server.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    lines.push(...parts);
  });
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const deadline = Date.now() + 20_000;
  while (!lines.some((l) => l.includes('listening'))) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the built server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 30_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await smtp?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the built server', () => {
  it('publishes a site with a form and serves it, logging one listening line with the public URL and no personal data', async () => {
    const c = new HttpClient(port);
    expect((await c.get('/healthz')).json).toMatchObject({ ok: true });
    await signUpVerified(c, smtp, 'built@example.com');
    const site = (await c.post('/api/sites', { name: 'Built', slug: 'built', template: 'saas', region: 'us-oregon' })).json;
    site.document.pages.push({ id: 'talk', path: '/talk', title: 'Talk to us', description: '', blocks: [FORM] });
    site.document.pages[0].blocks.push({ type: 'embed', props: { id: 'tour', provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ', title: 'Tour' } });
    site.document.analytics = { beacon: true };
    expect((await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: site.document })).status).toBe(200);
    expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);

    const host = 'built.localhost';
    const browser = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
    const page = await c.get('/talk', { host, headers: { 'x-forwarded-for': '203.0.113.77', 'user-agent': browser } });
    expect(page.status).toBe(200);
    // The pageview is stored by the bundled analytics worker thread (dist/server/analytics-worker.js), within a second.
    const counted = Date.now() + 5000;
    let live = 0;
    while (live < 1 && Date.now() < counted) {
      await new Promise((r) => setTimeout(r, 100));
      live = (await c.get(`/api/sites/${site.id}/analytics/realtime`)).json.visitors;
    }
    expect(live).toBe(1);
    const script = /<script src="(\/_atrium\/runtime\.[0-9a-f]{12}\.js)"/.exec(page.text)?.[1];
    const runtime = await c.get(script!, { host });
    expect(runtime.status).toBe(200);
    expect(runtime.text).toContain('form[data-atrium-form]'); // the runtime, minified by the build
    expect(runtime.text.split('\n').length).toBeLessThan(5);
    // The consent runtime, minified by the build too, on the page with the embed.
    const consent = /<script src="(\/_atrium\/consent\.[0-9a-f]{12}\.js)"/.exec((await c.get('/', { host })).text)?.[1];
    const consentRuntime = await c.get(consent!, { host });
    expect(consentRuntime.text).toContain('atrium-consent');
    expect(consentRuntime.text.split('\n').length).toBeLessThan(5);
    // And the analytics beacon, on every page of a site that turns it on.
    const beacon = /<script src="(\/_atrium\/beacon\.[0-9a-f]{12}\.js)"/.exec(page.text)?.[1];
    const beaconRuntime = await c.get(beacon!, { host });
    expect(beaconRuntime.text).toContain('sendBeacon');
    expect(beaconRuntime.text.split('\n').length).toBeLessThan(5);
    // A submission's notification mail goes out from the job thread (the bundle's job-thread.js).
    const token = (page.headers['set-cookie'] ?? []).find((v) => v.startsWith('c_r_id_='))!.split(';')[0]!;
    await new Promise((r) => setTimeout(r, 2100)); // the minimum fill time
    const sent = await c.request('POST', '/_atrium/forms/contact', undefined, {
      host,
      raw: new URLSearchParams({ email: 'visitor@example.com' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie: token },
    });
    expect(sent.status).toBe(201);
    expect(await smtp.waitFor('owner@example.com', /visitor@example\.com/)).toBe('visitor@example.com');
    // Behind a trusted proxy the client address is the forwarded one: a leak would show it.
    await c.get('/api/sites', { headers: { cookie: 'probe=cookie-value-not-for-logs', 'x-forwarded-for': '203.0.113.77' } });

    await new Promise((r) => setTimeout(r, 200)); // let the last request lines arrive
    const records = lines.map((l) => JSON.parse(l) as { msg: string });
    const listening = records.filter((r) => /listening/i.test(r.msg));
    expect(listening.map((r) => r.msg)).toEqual([
      `Atrium listening at http://localhost:${port}; published sites answer at http://<slug>.localhost:${port} (2 workers)`,
    ]);
    expect(records.some((r) => r.msg.includes('request completed'))).toBe(true); // LOG_LEVEL=debug logs requests
    const all = lines.join('\n');
    for (const secret of ['203.0.113.77', 'cookie-value-not-for-logs', 'atrium_session', 'remoteAddress']) expect(all).not.toContain(secret);
    expect(stderr).toBe('');
  });

  it('tells every worker about a publish at once, through the cluster primary', async () => {
    const c = new HttpClient(port);
    await c.post('/api/auth/login', { email: 'built@example.com', password: 'correct horse battery staple' });
    const site = (await c.get('/api/sites')).json.sites[0];
    const detail = (await c.get(`/api/sites/${site.id}`)).json;
    // Each request on a new connection; the primary hands connections to the workers in turn.
    const fetchHome = () =>
      new Promise<string>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port, path: '/', agent: false, headers: { host: `built.localhost:${port}` } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          res.on('end', () => resolve(body));
        });
        req.on('error', reject);
      });
    for (let i = 0; i < 6; i++) expect(await fetchHome()).not.toContain('Second edition'); // both workers hold the first release
    const hero = detail.document.pages[0].blocks.find((b: { type: string }) => b.type === 'hero');
    hero.props.heading = 'Second edition';
    expect((await c.put(`/api/sites/${site.id}/draft`, { revision: detail.revision, document: detail.document })).status).toBe(200);
    expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    const deadline = Date.now() + 3000;
    let served: string[] = [];
    do served = await Promise.all(Array.from({ length: 6 }, fetchHome));
    while (!served.every((b) => b.includes('Second edition')) && Date.now() < deadline);
    expect(served.every((b) => b.includes('Second edition'))).toBe(true);
  });
});
