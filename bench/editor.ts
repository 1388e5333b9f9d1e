// bench:editor — the dashboard's and the editor's JavaScript (gzip), and the
// time until the editor shows the page it edits, side by side in one run with
// the time until the sites list (the reference) is ready, on localhost in
// Debian's Chromium with a cold cache each time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/helpers/browser.js';
import { signUpVerified } from '../test/helpers/http.js';
import { startTestServer } from '../test/helpers/server.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const dist = path.resolve('dist/app');
execFileSync(process.execPath, ['scripts/build-app.mjs'], { stdio: 'inherit' });

// 1. Bundle sizes: the dashboard loads its entry and what that imports statically;
//    the editor chunk and its static imports load only when the editor opens.
const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, 'assets', file)), { level: 9 }).length;
const staticImports = (file: string) =>
  [...fs.readFileSync(path.join(dist, 'assets', file), 'utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
function closure(entry: string, skip = new Set<string>()) {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f) || skip.has(f)) return;
    seen.add(f);
    staticImports(f).forEach(visit);
  };
  visit(entry);
  return seen;
}
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const entry = /src="\/app\/assets\/([^"]+\.js)"/.exec(html)![1]!;
const dashboard = closure(entry);
const editorEntry = fs.readdirSync(path.join(dist, 'assets')).find((f) => /^EditorPage-.*\.js$/.test(f));
if (!editorEntry) throw new Error('no EditorPage chunk in dist/app/assets: is the editor lazy-loaded?');
const editor = closure(editorEntry, dashboard);
const sum = (files: Set<string>) => [...files].reduce((n, f) => n + gz(f), 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

// 2. Time to a ready screen, against a real server.
const t = await startTestServer();
const c = t.client();
await signUpVerified(c, t.smtp, 'bench@example.com');
const site = (await c.post('/api/sites', { name: 'Bench', slug: 'bench-editor', template: 'saas', region: 'us-oregon' })).json;
const heading = site.document.pages[0].blocks.find((b: { type: string }) => b.type === 'hero').props.heading as string;
const browser = await launchChromium();

async function timeTo(url: string, ready: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const [name, value] = c.cookie!.split('=');
  await context.addCookies([{ name: name!, value: value!, domain: 'localhost', path: '/' }]);
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(`${t.baseUrl}${url}`);
  try {
    await ready(page);
  } catch (e) {
    await page.screenshot({ path: '/tmp/bench-editor-failure.png' });
    throw e;
  }
  const ms = performance.now() - t0;
  await context.close();
  return ms;
}

/** The hero heading rendered inside the editor's canvas (Puck previews in an iframe). */
const editorReady = async (page: Page) => {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    for (const frame of page.frames())
      if (
        (await frame
          .locator('h1', { hasText: heading })
          .count()
          .catch(() => 0)) > 0
      )
        return;
    await page.waitForTimeout(10);
  }
  throw new Error('the editor never showed the hero heading');
};
const listReady = (page: Page) => page.getByText('Bench', { exact: true }).first().waitFor({ timeout: 30_000 });

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const list: number[] = [];
const edit: number[] = [];
await timeTo('/app', listReady); // warm the server's asset cache
for (let i = 0; i < RUNS; i++) {
  list.push(await timeTo('/app', listReady));
  edit.push(await timeTo(`/app/sites/${site.id}/edit`, editorReady));
}
await browser.close();
await t.close();

console.log(`\nbench:editor — gzip JavaScript and time to ready (median of ${RUNS} cold loads, 1280x900, localhost)\n`);
console.log('| what | gzip JS | ready in |');
console.log('|---|---|---|');
console.log(`| dashboard (sites list), reference | ${kb(sum(dashboard))} (${dashboard.size} files) | ${median(list).toFixed(0)} ms |`);
console.log(`| editor (added on top) | ${kb(sum(editor))} (${editor.size} files) | ${median(edit).toFixed(0)} ms |`);
console.log(
  `\neditor / dashboard ready time: ${(median(edit) / median(list)).toFixed(2)}×; dashboard budget 150 KB gzip: ${sum(dashboard) <= 150 * 1024 ? 'met' : 'EXCEEDED'}`,
);
