// The consent screenshots of the README, taken from a real Atrium (a test
// server with its own data dir) in Debian's Chromium, into docs/screenshots:
//   consent-banner-en-1280.png, consent-banner-en-360.png   first visit, English (SaaS template)
//   consent-choices-fr-1280.png, consent-choices-fr-360.png  "Choisir" opened, French (Consultancy template, text in French)
//   consent-cookie-settings-1280.png                         the no-JavaScript cookie settings page after a choice (whole page)
//   consent-screen-1280.png                                  the dashboard's Consent screen with a record looked up (whole page)
//   consent-settings-1280.png                                Site settings → Privacy & cookies
// The server serves the dashboard from dist/app: build it first (npm run build:app) when web/ or
// src/consent changed. Usage: npx tsx scripts/screenshot-consent.ts [out dir]
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, settle } from '../test/helpers/browser.js';
import { HttpClient, signUpVerified } from '../test/helpers/http.js';
import { startTestServer } from '../test/helpers/server.js';

const OUT = process.argv[2] ?? 'docs/screenshots';
fs.mkdirSync(OUT, { recursive: true });

const t = await startTestServer({ ATRIUM_CONSENT_LIMIT_PER_IP: '1000', LOG_LEVEL: 'error' });
const owner = t.client();
await signUpVerified(owner, t.smtp, 'shots@example.com', 'Ada Lovelace');

const embed = (title: string) => ({
  type: 'embed',
  props: { id: 'tour', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title, aspect: '16:9', category: 'marketing', tone: 'default' },
});
const snippets = [
  {
    id: 'chat',
    name: 'Support chat',
    placement: 'body',
    category: 'functional',
    code: '<script src="https://chat.example.com/widget.js" defer></script>',
    origins: ['https://chat.example.com'],
    cookies: [{ name: 'chat_lang', purpose: 'Remembers the language of the chat.', days: 180 }],
  },
  {
    id: 'stats',
    name: 'Web analytics',
    placement: 'head',
    category: 'analytics',
    code: '<script src="https://stats.example.com/tag.js" defer></script>',
    origins: ['https://stats.example.com'],
    cookies: [{ name: '_sx_id', purpose: 'Tells visits apart for the visit counts.', days: 390 }],
  },
];

async function publish(name: string, slug: string, template: string, edit: (doc: any) => void) {
  const site = (await owner.post('/api/sites', { name, slug, template, region: 'de-frankfurt' })).json;
  const doc = site.document;
  doc.consent = { mode: 'categories', gpcRefusesAnalytics: false, wording: {} };
  doc.snippets = snippets;
  edit(doc);
  const saved = await owner.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document: doc });
  const published = await owner.post(`/api/sites/${site.id}/publish`);
  if (saved.status !== 200 || published.status !== 201) throw new Error(`${slug} not published: ${saved.text} ${published.text}`);
  return { id: site.id as string, url: `http://${slug}.localhost:${t.port}` };
}

const en = await publish('Acme', 'acme', 'saas', (doc) => doc.pages[0].blocks.splice(1, 0, embed('Product tour')));
const fr = await publish('Atelier Lumen', 'lumen', 'consultancy', (doc) => {
  doc.defaultLanguage = 'fr';
  // What a French subscriber would have written over the template's English.
  doc.navigation.links = [
    { label: 'Services', href: '/services' },
    { label: 'Méthode', href: '/#approach' },
    { label: 'À propos', href: '/about' },
  ];
  doc.navigation.cta = { label: 'Prendre rendez-vous', href: '/contact' };
  Object.assign(doc.pages[0].blocks[0].props, {
    eyebrow: 'Conseil en opérations et produit',
    heading: 'Des opérations à la hauteur de votre croissance',
    subheading:
      'Nous travaillons avec votre équipe pendant quelques semaines : trouver les blocages qui comptent, les lever ensemble, et vous laisser des outils que vos équipes utilisent vraiment.',
    primary: { label: 'Réserver un appel', href: '/contact' },
    secondary: { label: 'Nos services', href: '/services' },
    layout: 'centered',
  });
  delete doc.pages[0].blocks[0].props.image; // the template's illustration has English labels
  doc.pages[0].blocks.splice(1, 0, embed('Présentation'));
});

// Visitors' choices, so the Consent screen has figures.
{
  const version = /name="version" value="([0-9a-f]{64})"/.exec((await owner.get('/_atrium/cookies', { host: 'acme.localhost' })).text)![1];
  const visitor = new HttpClient(t.port);
  for (let i = 0; i < 60; i++) {
    await visitor.request('POST', '/_atrium/consent', undefined, {
      host: 'acme.localhost',
      raw: JSON.stringify({
        version,
        choices: { functional: i % 3 !== 0, analytics: i % 4 !== 0, marketing: i % 5 < 2, providers: i % 7 === 0 ? ['youtube'] : [] },
      }),
      headers: { 'content-type': 'application/json', ...(i % 6 === 0 ? { 'sec-gpc': '1' } : {}) },
    });
  }
}

const browser: Browser = await launchChromium();
const shot = async (page: Page, name: string, fullPage = false) => {
  await settle(page);
  await page.screenshot({ path: path.join(OUT, name), fullPage });
  console.log(path.join(OUT, name));
};

for (const [site, lang, view] of [
  [en, 'en', 'banner'],
  [fr, 'fr', 'choices'],
] as const)
  for (const width of [1280, 360]) {
    const context = await browser.newContext({ viewport: { width, height: width > 500 ? 800 : 760 }, deviceScaleFactor: width > 500 ? 1 : 2 });
    // The embed's provider is never contacted before a choice; nothing else leaves the machine either.
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    const banner = page.locator('#atrium-consent');
    await banner.waitFor({ state: 'visible' });
    if (view === 'choices') await banner.locator('[data-atrium-choose]').click();
    await page.mouse.move(0, 0);
    await shot(page, `consent-${view}-${lang}-${width}.png`);
    await context.close();
  }

{
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${en.url}/_atrium/cookies`);
  await page.check('#prefs-analytics');
  await Promise.all([page.waitForURL(/saved=1/), page.click('button[type=submit]')]);
  await shot(page, 'consent-cookie-settings-1280.png', true);
  await context.close();
}

{
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
  await context.addCookies([
    { name: 'atrium_session', value: owner.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  const page = await context.newPage();
  await page.goto(`${t.baseUrl}/app/sites/${en.id}/consent`);
  await page.getByRole('heading', { name: 'Records intact' }).waitFor();
  const first = (await owner.get(`/api/sites/${en.id}/consent/export?format=json`)).json.records[3];
  await page.getByLabel('Record id').fill(first.id);
  await page.getByRole('button', { name: 'Look up' }).click();
  await page.locator('.consent-record').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.addStyleTag({ content: '.toaster { display: none; }' });
  await shot(page, 'consent-screen-1280.png', true);

  await page.goto(`${t.baseUrl}/app/sites/${en.id}/settings#privacy`);
  const privacy = page.locator('section#privacy');
  await privacy.getByText('things on this site need consent', { exact: false }).waitFor();
  await settle(page);
  // The whole page, clipped to the section: the sticky header stays at the top instead of covering it.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = (await privacy.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x - 24, y: r.y + window.scrollY - 24, width: r.width + 48, height: r.height + 48 };
  }))!;
  await page.screenshot({ path: path.join(OUT, 'consent-settings-1280.png'), fullPage: true, clip: box });
  console.log(path.join(OUT, 'consent-settings-1280.png'));
  await context.close();
}

await browser.close();
await t.close();
