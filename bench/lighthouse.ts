// bench:lighthouse — Lighthouse 12 (mobile preset: simulated slow 4G and a
// 4x slower CPU) on the published home page of every template, plus the saas
// template in the graphite preset so every font stack a preset uses is
// measured. Runs `npx lighthouse@12` with Debian's Chromium; Lighthouse is
// not a project dependency. Prints the four scores, LCP, CLS and page weight.
//   npx tsx bench/lighthouse.ts
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { signUpVerified } from '../test/helpers/http.js';
import { startTestServer } from '../test/helpers/server.js';
import { THEMES } from '../src/themes/presets.js';

const t = await startTestServer();
const c = t.client();
await signUpVerified(c, t.smtp, 'bench@example.com');
const templates = (await c.get('/api/templates')).json as { id: string }[];
const targets: { label: string; slug: string }[] = [];
for (const tpl of templates) {
  const slug = `lh-${tpl.id}`;
  const site = (await c.post('/api/sites', { name: `Lighthouse ${tpl.id}`, slug, template: tpl.id, region: 'us-oregon' })).json;
  await c.post(`/api/sites/${site.id}/publish`);
  targets.push({ label: `${tpl.id} (${site.document.theme.preset ?? 'custom'})`, slug });
}
{
  const site = (await c.post('/api/sites', { name: 'Lighthouse graphite', slug: 'lh-graphite', template: 'saas', region: 'us-oregon' })).json;
  const document = { ...site.document, theme: THEMES.graphite };
  await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document });
  await c.post(`/api/sites/${site.id}/publish`);
  targets.push({ label: 'saas (graphite)', slug: 'lh-graphite' });
}

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lighthouse-'));
const rows: string[] = [];
for (const target of targets) {
  const file = path.join(out, `${target.slug}.json`);
  // Asynchronous: the server runs in this process and must keep answering.
  await promisify(execFile)(
    'npx',
    [
      '-y',
      'lighthouse@12',
      `http://${target.slug}.localhost:${t.port}/`,
      '--quiet',
      '--output=json',
      `--output-path=${file}`,
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-dev-shm-usage',
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } },
  );
  const lhr = JSON.parse(fs.readFileSync(file, 'utf8'));
  const score = (k: string) => Math.round(lhr.categories[k].score * 100);
  const audit = (k: string) => lhr.audits[k];
  const fonts = (audit('network-requests').details.items as { url: string; transferSize: number }[]).filter((r) => r.url.endsWith('.woff2'));
  rows.push(
    `| ${target.label} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} | ${audit('largest-contentful-paint').displayValue} | ${audit('cumulative-layout-shift').displayValue} | ${(audit('total-byte-weight').numericValue / 1024).toFixed(1)} KB | ${fonts.length} (${(fonts.reduce((n, r) => n + r.transferSize, 0) / 1024).toFixed(1)} KB) |`,
  );
}
await t.close();

console.log('\nbench:lighthouse — published home pages, Lighthouse 12 mobile preset, localhost\n');
console.log('| site (preset) | perf | a11y | best practices | SEO | LCP | CLS | page weight | fonts |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
