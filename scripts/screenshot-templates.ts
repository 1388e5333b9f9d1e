// Renders every template (default theme, plus each theme preset on the home
// page) and screenshots pages at desktop and mobile widths into /tmp/atrium-shots.
// Usage: npx tsx scripts/screenshot-templates.ts [templateId] [--themes]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { renderSite } from '../src/rendering/render-site.js';
import { TEMPLATES } from '../src/templates/index.js';
import { THEMES } from '../src/themes/index.js';

const OUT = '/tmp/atrium-shots';
const only = process.argv.slice(2).find((a) => !a.startsWith('--'));
const withThemes = process.argv.includes('--themes');
mkdirSync(OUT, { recursive: true });
const root = mkdtempSync(join(tmpdir(), 'atrium-site-'));

// Each variant is served from its own directory; the server maps /<variant>/... to it.
const variants: { name: string; pages: string[] }[] = [];
for (const t of Object.values(TEMPLATES)) {
  if (only && t.id !== only) continue;
  const themes = withThemes ? Object.keys(THEMES) : [undefined];
  for (const themeId of themes) {
    const doc = t.document('Acme');
    if (themeId) doc.theme = structuredClone(THEMES[themeId]!);
    const name = themeId ? `${t.id}-${themeId}` : t.id;
    const site = renderSite(doc, { siteUrl: 'http://localhost', siteName: 'Acme' });
    const dir = join(root, name);
    const write = (path: string, body: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), body);
    };
    write(site.css.path, site.css.body);
    for (const p of site.pages) write(p.path === '/' ? '/index.html' : `${p.path}/index.html`, p.html);
    write('/404/index.html', site.notFound);
    // Theme variants only need the home page to compare palettes.
    variants.push({ name, pages: themeId ? ['/'] : [...site.pages.map((p) => p.path), '/404'] });
  }
}

let current = '';
const server = createServer(async (req, res) => {
  const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
  const file = url.endsWith('.css') ? url : join(url, 'index.html');
  try {
    const body = await readFile(join(root, current, file));
    res.writeHead(200, { 'content-type': url.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  for (const v of variants) {
    current = v.name;
    for (const width of [1280, 375]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      const blocked: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(`http://127.0.0.1:${port}`) && !r.url().startsWith('data:')) blocked.push(r.url());
      });
      for (const path of v.pages) {
        await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'load' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) console.warn(`${v.name}${path} @${width}: horizontal overflow ${overflow}px`);
        const slug = path === '/' ? 'home' : path.slice(1).replace(/\//g, '-');
        await page.screenshot({ path: join(OUT, `${v.name}-${slug}-${width}.png`), fullPage: true });
        // The no-JS mobile menu, opened.
        if (width < 800 && path === '/' && (await page.locator('.nav-toggle').count())) {
          await page.click('.nav-toggle');
          await page.screenshot({ path: join(OUT, `${v.name}-${slug}-${width}-menu.png`) });
        }
      }
      if (blocked.length) console.warn(`${v.name}: external requests: ${blocked.join(', ')}`);
      await page.close();
    }
    console.log(`shot ${v.name}`);
  }
} finally {
  await browser.close();
  server.close();
  rmSync(root, { recursive: true, force: true });
}
