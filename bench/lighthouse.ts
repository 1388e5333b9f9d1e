// bench:lighthouse — Lighthouse 12 (mobile preset: simulated slow 4G and a
// 4x slower CPU) on the published home page of every template, plus the saas
// template in the graphite preset so every font stack a preset uses is
// measured, plus home pages with the cookie banner showing (a YouTube embed
// and analytics and marketing snippets waiting for consent; Lighthouse's
// fresh profile has made no choice), in English and in French. Runs
// `npx lighthouse@12` with Debian's Chromium; Lighthouse is not a project
// dependency. Prints the four scores, LCP, CLS and page weight.
//   npm run bench:lighthouse          (LH_ONLY=banner: only the rows whose label contains it)
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

// The cookie banner on first visit: nothing non-essential loads before the choice, so the third parties below are never contacted.
for (const [template, lang] of [
  ['saas', 'en'],
  ['consultancy', 'fr'],
] as const) {
  const slug = `lh-banner-${template}-${lang}`;
  const site = (await c.post('/api/sites', { name: `Lighthouse banner ${template}`, slug, template, region: 'us-oregon' })).json;
  const document = site.document;
  document.defaultLanguage = lang;
  document.consent = { mode: 'categories', gpcRefusesAnalytics: false, wording: {} };
  document.pages[0].blocks.splice(1, 0, {
    type: 'embed',
    props: {
      id: 'tour',
      provider: 'youtube',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      title: 'Product tour',
      aspect: '16:9',
      category: 'marketing',
      tone: 'default',
    },
  });
  document.snippets = [
    {
      id: 'stats',
      name: 'Web analytics',
      placement: 'head',
      category: 'analytics',
      code: '<script src="https://stats.example.com/tag.js" defer></script>',
      origins: ['https://stats.example.com'],
      cookies: [{ name: '_sx_id', purpose: 'Tells visits apart.', days: 390 }],
    },
    { id: 'ads', name: 'Ad pixel', placement: 'body', category: 'marketing', code: '<script>window.adsReady = true;</script>', cookies: [] },
  ];
  const saved = await c.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document });
  const published = await c.post(`/api/sites/${site.id}/publish`);
  if (saved.status !== 200 || published.status !== 201) throw new Error(`banner site not published: ${saved.text} ${published.text}`);
  targets.push({ label: `${template} + cookie banner (${lang})`, slug });
}

const only = process.env.LH_ONLY;
if (only) targets.splice(0, targets.length, ...targets.filter((x) => x.label.includes(only)));
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lighthouse-'));
const rows: string[] = [];
const failing: string[] = [];
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
  // What keeps a category under 100, so a regression names its cause.
  for (const [k, cat] of Object.entries(lhr.categories as Record<string, { score: number; auditRefs: { id: string; weight: number }[] }>))
    for (const ref of cat.auditRefs)
      if (cat.score < 1 && ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        failing.push(
          `${target.label}: ${k} — ${ref.id}: ${lhr.audits[ref.id].title} ${JSON.stringify(lhr.audits[ref.id].details?.items ?? lhr.audits[ref.id].explanation ?? '').slice(0, 300)}`,
        );
  rows.push(
    `| ${target.label} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} | ${audit('largest-contentful-paint').displayValue} | ${audit('cumulative-layout-shift').displayValue} | ${(audit('total-byte-weight').numericValue / 1024).toFixed(1)} KB | ${fonts.length} (${(fonts.reduce((n, r) => n + r.transferSize, 0) / 1024).toFixed(1)} KB) |`,
  );
}
await t.close();

console.log(
  `\nbench:lighthouse — published home pages, Lighthouse 12 mobile preset, localhost (load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')})\n`,
);
console.log('| site (preset) | perf | a11y | best practices | SEO | LCP | CLS | page weight | fonts |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
if (failing.length) console.log(`\nBelow 100 because of:\n${failing.map((f) => `- ${f}`).join('\n')}`);
