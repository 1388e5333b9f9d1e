// Screenshots the consent banner on a published page, desktop and 360 px wide,
// in English and French, in both modes (categories, notice) and its choices
// view, plus an embed placeholder, into /tmp/atrium-consent-shots (copy the
// ones worth keeping to docs/screenshots). Pages are the release files
// buildFiles makes; a stub answers POST /_atrium/consent as the contract says.
// Usage: npx tsx scripts/screenshot-consent.ts [theme]
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { settle, launchChromium } from '../test/helpers/browser.js';
import { buildFiles } from '../src/publishing/build-files.js';
import { SiteDocument } from '../src/site-document/schema.js';
import { TEMPLATES } from '../src/templates/index.js';
import { THEMES } from '../src/themes/index.js';

const OUT = '/tmp/atrium-consent-shots';
mkdirSync(OUT, { recursive: true });
const themeId = process.argv[2] ?? 'indigo';

function doc(lang: string, mode: 'categories' | 'notice') {
  const d = TEMPLATES.saas!.document('Acme');
  d.theme = structuredClone(THEMES[themeId]!);
  d.defaultLanguage = lang;
  d.consent = { mode, gpcRefusesAnalytics: false, wording: {} };
  d.snippets = [
    {
      id: 'chat',
      name: 'Chat',
      placement: 'body',
      category: 'functional',
      code: '<script src="https://chat.example/w.js"></script>',
      origins: [],
      cookies: [],
    },
    {
      id: 'stats',
      name: 'Stats',
      placement: 'head',
      category: 'analytics',
      code: '<script src="https://stats.example/a.js"></script>',
      origins: [],
      cookies: [],
    },
  ];
  d.pages[0]!.blocks.splice(1, 0, {
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
  return SiteDocument.parse(d);
}

let files = new Map<string, { type: string; body: Buffer }>();
const publish = (d: SiteDocument) => {
  files = new Map(buildFiles(d, 'http://localhost', 'Acme', new Date()).map((f) => [f.path, f]));
};

const server = createServer((req, res) => {
  const url = (req.url ?? '/').split('?')[0]!;
  if (req.method === 'POST' && url === '/_atrium/consent') {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { choices } = JSON.parse(body);
      const value = `1.f${+choices.functional}a${+choices.analytics}m${+choices.marketing}`;
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': `cookie_consent=${value}; Path=/; Max-Age=31536000; SameSite=Lax` });
      res.end(JSON.stringify({ id: 'stub', choices }));
    });
    return;
  }
  const file = files.get(url);
  if (!file) return res.writeHead(404).end();
  res.writeHead(200, {
    'content-type': file.type,
    'content-security-policy':
      "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; frame-src https://www.youtube-nocookie.com",
  });
  res.end(file.body);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const browser = await launchChromium();

for (const lang of ['en', 'fr'])
  for (const mode of ['categories', 'notice'] as const) {
    publish(doc(lang, mode));
    for (const [size, viewport] of [
      ['desktop', { width: 1280, height: 800 }],
      ['360', { width: 360, height: 740 }],
    ] as const) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: size === '360' ? 2 : 1 });
      const page = await context.newPage();
      await page.goto(base + '/');
      await page.locator('#atrium-consent').waitFor({ state: 'visible' });
      await settle(page);
      await page.screenshot({ path: join(OUT, `consent-${lang}-${mode}-${size}.png`) });
      await page.locator('[data-atrium-choose]').click();
      await settle(page);
      await page.screenshot({ path: join(OUT, `consent-${lang}-${mode}-choices-${size}.png`) });
      if (mode === 'categories') {
        await page.locator('[data-atrium-reject]').click();
        await page.locator('#atrium-consent').waitFor({ state: 'hidden' });
        await page.locator('.embed-frame').scrollIntoViewIfNeeded();
        await settle(page);
        await page.locator('.embed-block').screenshot({ path: join(OUT, `consent-${lang}-embed-${size}.png`) });
      }
      await context.close();
    }
  }
await browser.close();
server.close();
console.log(`screenshots in ${OUT}`);
