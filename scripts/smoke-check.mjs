// Drives a running Atrium the way a newcomer does: health check, dashboard,
// sign up (the confirmation mail from the outbox folder), verify, create a site,
// upload an image, publish, fetch the published page and see the visit counted
// (the bundled analytics worker thread stores it). Plain Node, no
// dependencies, so it runs against a production install.
//   node scripts/smoke-check.mjs <port> <data dir>
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const [port, dataDir] = [Number(process.argv[2]), process.argv[3]];
if (!port || !dataDir) throw new Error('usage: node scripts/smoke-check.mjs <port> <data dir>');
let cookie = '';
let csrf = '';

function request(method, url, { body, type, host = 'localhost', userAgent } = {}) {
  const headers = { host: `${host}:${port}` };
  if (userAgent) headers['user-agent'] = userAgent;
  if (body !== undefined) headers['content-type'] = type ?? 'application/json';
  if (cookie && host === 'localhost') headers.cookie = cookie;
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        for (const c of res.headers['set-cookie'] ?? []) if (c.startsWith('atrium_session=')) cookie = c.split(';')[0];
        let json;
        try {
          json = JSON.parse(text);
        } catch {}
        if (json?.csrfToken) csrf = json.csrfToken;
        resolve({ status: res.statusCode, text, json });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function expectStatus(res, status, what) {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text.slice(0, 300)}`);
  console.log(`ok  ${what}`);
  return res;
}

async function verificationToken(email) {
  const outbox = path.join(dataDir, 'outbox');
  for (let i = 0; i < 50; i++) {
    for (const file of fs.existsSync(outbox) ? fs.readdirSync(outbox) : []) {
      const mail = fs
        .readFileSync(path.join(outbox, file), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '=');
      const token = mail.includes(email) && /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail)?.[1];
      if (token) return token;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no confirmation mail for ${email} in ${outbox}`);
}

// A 1x1 PNG: enough for sharp to decode and convert.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

expectStatus(await request('GET', '/healthz'), 200, 'GET /healthz');
const app = expectStatus(await request('GET', '/app'), 200, 'GET /app (the dashboard)');
const asset = /src="(\/app\/assets\/[^"]+\.js)"/.exec(app.text)?.[1];
expectStatus(await request('GET', asset ?? '/app/assets/missing.js'), 200, `GET ${asset} (a dashboard bundle)`);
const email = `smoke-${Date.now()}@example.com`;
expectStatus(await request('POST', '/api/auth/signup', { body: { name: 'Smoke Test', email, password: 'correct horse battery staple' } }), 201, 'sign up');
expectStatus(await request('POST', '/api/auth/verify-email', { body: { token: await verificationToken(email) } }), 200, 'verify the email address');
const slug = `smoke-${Date.now().toString(36)}`;
const site = expectStatus(
  await request('POST', '/api/sites', { body: { name: 'Smoke', slug, template: 'saas', region: 'us-oregon' } }),
  201,
  'create a site',
).json;
expectStatus(await request('POST', `/api/sites/${site.id}/assets`, { body: PNG, type: 'image/png' }), 201, 'upload an image (sharp)');
const dpa = expectStatus(await request('GET', '/api/account/dpa'), 200, 'read the data processing agreement in effect').json;
expectStatus(await request('POST', '/api/account/dpa', { body: { version: dpa.current.version } }), 200, 'accept the data processing agreement');
expectStatus(await request('POST', `/api/sites/${site.id}/publish`, { body: {} }), 201, 'publish');
const browser = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const page = expectStatus(
  await request('GET', '/', { host: `${slug}.localhost`, userAgent: browser }),
  200,
  `GET http://${slug}.localhost:${port}/ (the published site)`,
);
if (!page.text.includes('<html')) throw new Error('the published page is not HTML');
let visitors = 0;
for (let i = 0; i < 50 && visitors === 0; i++) {
  await new Promise((r) => setTimeout(r, 100));
  visitors = expectStatus(await request('GET', `/api/sites/${site.id}/analytics/realtime`), 200, 'realtime visitors').json.visitors;
}
if (visitors !== 1) throw new Error(`the visit to the published page was not counted (realtime visitors: ${visitors})`);
console.log('smoke check passed');
