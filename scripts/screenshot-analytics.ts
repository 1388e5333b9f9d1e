// Screenshots of the analytics screens with two months of made-up traffic, for
// the README: the Analytics tab (30 days), the public shared page and the
// sites list with its sparklines, at 1280 and 375 px, into docs/screenshots.
// The traffic goes through the real serving path and beacon endpoint of a
// test server (browsers' user agents, addresses from many countries found in
// the shipped location database, search engines, social sites, campaigns),
// one day at a time on the test clock, so every figure is Atrium's own.
// Usage: npx tsx scripts/screenshot-analytics.ts [out dir]   (about two minutes)
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { geoReady, locate } from '../src/analytics/geo.js';
import type { MovableClock } from '../src/lib/clock.js';
import { launchChromium, settle } from '../test/helpers/browser.js';
import { signUpVerified } from '../test/helpers/http.js';
import { startTestServer } from '../test/helpers/server.js';

const OUT = process.argv[2] ?? 'docs/screenshots';
execFileSync(process.execPath, ['scripts/build-app.mjs'], { stdio: 'inherit' }); // the dashboard as the sources say
mkdirSync(OUT, { recursive: true });
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// A fixed seed: the same pictures every run.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly (readonly [T, number])[]): T => {
  let r = random() * items.reduce((n, [, w]) => n + w, 0);
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[0]![0];
};

const CLIENTS = [
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 1440],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 1512],
  ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 1920],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 1280],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 390],
  ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 412],
  ['Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 820],
] as const;
const CLIENT_WEIGHTS = [34, 20, 6, 8, 18, 11, 3];
const COUNTRIES = [
  ['US', 30],
  ['DE', 14],
  ['GB', 11],
  ['FR', 8],
  ['CA', 7],
  ['IN', 6],
  ['NL', 5],
  ['SE', 4],
  ['JP', 4],
  ['BR', 4],
  ['ES', 4],
  ['AU', 3],
] as const;
const LANG: Record<string, string> = {
  US: 'en-US',
  GB: 'en-GB',
  CA: 'en-CA',
  AU: 'en-AU',
  IN: 'en-IN',
  DE: 'de-DE',
  FR: 'fr-FR',
  NL: 'nl-NL',
  SE: 'sv-SE',
  JP: 'ja-JP',
  BR: 'pt-BR',
  ES: 'es-ES',
};
const ARRIVALS = [
  [{ referer: 'https://www.google.com/' }, 36],
  [{}, 22],
  [{ referer: 'https://duckduckgo.com/' }, 6],
  [{ referer: 'https://www.bing.com/' }, 4],
  [{ referer: 'https://news.ycombinator.com/' }, 7],
  [{ referer: 'https://www.linkedin.com/' }, 6],
  [{ referer: 'https://github.com/' }, 5],
  [{ query: 'utm_source=newsletter&utm_medium=email&utm_campaign=december-update' }, 8],
  [{ query: 'utm_source=twitter&utm_medium=social&utm_campaign=launch-week' }, 6],
] as const;
const JOURNEYS: (readonly [readonly string[], number])[] = [
  [['/'], 30],
  [['/', '/pricing'], 22],
  [['/', '/about'], 8],
  [['/pricing'], 10],
  [['/', '/pricing', '/contact'], 9],
  [['/about', '/'], 5],
  [['/', '/pricing', '/about', '/contact'], 4],
  [['/privacy'], 2],
];

/** Addresses in each country (one per network, so each is its own visitor), found in the shipped database. */
async function addressesByCountry(perCountry: number): Promise<Map<string, string[]>> {
  await geoReady();
  const found = new Map<string, string[]>(COUNTRIES.map(([c]) => [c, []]));
  for (let i = 0; i < 2_000_000 && [...found.values()].some((l) => l.length < perCountry); i++) {
    const ip = `${1 + Math.floor(random() * 222)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 250)}`;
    const list = found.get(locate(ip).country ?? '');
    if (list && list.length < perCountry && locate(ip).city) list.push(ip);
  }
  return found;
}

const t = await startTestServer({ ATRIUM_TRUST_PROXY: 'loopback' });
const clock = t.running.ctx.clock as MovableClock;
const api = t.client();
await signUpVerified(api, t.smtp, 'ada@example.com', 'Ada Lovelace');

async function site(name: string, slug: string, template: string, region: string, publish = true) {
  const s = (await api.post('/api/sites', { name, slug, template, region })).json;
  s.document.analytics = { beacon: true };
  await api.put(`/api/sites/${s.id}/draft`, { revision: s.revision, document: s.document });
  if (publish) await api.post(`/api/sites/${s.id}/publish`);
  return s as { id: string; slug: string; document: { pages: { path: string }[] } };
}
const northwind = await site('Northwind', 'northwind', 'saas', 'de-frankfurt');
const coach = await site('Pocket Coach', 'pocket-coach', 'app', 'us-oregon');
await site('Hartley & Co', 'hartley', 'consultancy', 'ca-toronto', false);

const addresses = await addressesByCountry(40);
const flush = () => t.running.analytics!.flush();

/** One visit: its pages a minute or two apart, with the beacon's reports where the browser runs it. */
async function visit(slug: string, paths: readonly string[], day: number) {
  const host = `${slug}.localhost`;
  const country = pick(COUNTRIES);
  const list = addresses.get(country)!;
  const ip = list[Math.floor(random() * list.length)]!;
  const [ua, screen] = pick(CLIENTS.map((client, i) => [client, CLIENT_WEIGHTS[i]!] as const));
  const arrival = pick(ARRIVALS) as { referer?: string; query?: string };
  const headers = { 'user-agent': ua, 'x-forwarded-for': ip, 'accept-language': LANG[country]! };
  const page = (path: string) => `http://${host}:${t.port}${path}`;
  const beacon = (body: object) =>
    api.request('POST', '/_atrium/a', undefined, { host, raw: JSON.stringify(body), headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' } });
  for (const [i, path] of paths.entries()) {
    const first = i === 0;
    await api.get(first && arrival.query ? `${path}?${arrival.query}` : path, {
      host,
      headers: { ...headers, ...(first ? (arrival.referer ? { referer: arrival.referer } : {}) : { referer: page(paths[i - 1]!) }) },
    });
    await flush();
    const seconds = 15 + Math.floor(random() * (day % 7 < 5 ? 150 : 90));
    clock.advance(seconds * 1000);
    if (random() < 0.2 && path === '/pricing') await beacon({ type: 'custom', page: page(path), name: 'Start trial' });
    if (random() < 0.06) await beacon({ type: 'outbound', page: page(path), target: 'https://github.com/northwind/docs' });
    if (random() < 0.05) await beacon({ type: 'download', page: page(path), target: `http://${host}/files/northwind-overview.pdf` });
    if (random() < 0.85) await beacon({ type: 'engagement', page: page(path), screen, duration: seconds * 1000 });
    await flush();
  }
}

// Two months (the screens compare with the month before), one day at a time: more on weekdays, growing, with a launch spike.
const DAYS = 61;
for (let day = 0; day < DAYS; day++) {
  const start = clock.now().getTime();
  const weekday = day % 7 < 5;
  const count = Math.round((weekday ? 34 : 18) * (1 + day / 60) * (day === 48 ? 2.3 : 1) * (0.85 + random() * 0.3));
  for (let v = 0; v < count; v++) await visit('northwind', pick(JOURNEYS), day);
  for (let v = 0; v < Math.round(count / 3); v++)
    await visit(
      'pocket-coach',
      pick<readonly string[]>([
        [['/'], 5],
        [['/', '/pricing'], 2],
        [['/support'], 1],
      ]),
      day,
    );
  // Crawlers, counted apart.
  for (let b = 0; b < 6; b++)
    await api.get('/', { host: 'northwind.localhost', headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' } });
  clock.advance(10 * MINUTE);
  t.running.jobs.wakeAll();
  await t.running.jobs.idle();
  if (day < DAYS - 1) clock.advance(DAY - (clock.now().getTime() - start));
}
// Someone on the site right now.
for (let v = 0; v < 4; v++) await visit('northwind', ['/', '/pricing'], DAYS - 1);
clock.advance(6 * MINUTE);
t.running.jobs.wakeAll();
await t.running.jobs.idle();
for (let v = 0; v < 3; v++) await visit('northwind', ['/'], DAYS - 1);

// Two months on the clock ended the session: log in again.
await api.post('/api/auth/login', { email: 'ada@example.com', password: 'correct horse battery staple' });
const share = (await api.post(`/api/sites/${northwind.id}/analytics/share`)).json as { url: string };
console.log(`Northwind: ${(await api.get(`/api/sites/${northwind.id}/analytics?period=30d`)).text.slice(0, 400)}`);
console.log(`Pocket Coach: ${JSON.stringify((await api.get(`/api/sites/${coach.id}/analytics?period=30d`)).json.summary)}`);

const browser = await launchChromium();
const STILL = '.topbar { position: static !important; } .toaster { display: none !important; }';
async function shoot(url: string, name: string, width: number, ready: (page: Page) => Promise<unknown>, loggedIn = true) {
  const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 800 }, locale: 'en-US', deviceScaleFactor: 1 });
  if (loggedIn)
    await context.addCookies([
      { name: 'atrium_session', value: api.cookie!.slice('atrium_session='.length), domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
    ]);
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  await settle(page);
  // A palette PNG: a third of the size, no visible change on flat interface colours.
  const png = await page.screenshot({ fullPage: true, style: STILL });
  await sharp(png)
    .png({ palette: true, quality: 95, compressionLevel: 9, effort: 10 })
    .toFile(join(OUT, `${name}-${width}.png`));
  await context.close();
}
const dashboard = async (page: Page) => {
  await page.locator('.an-figure-value').first().waitFor();
  await page.locator('.an-card-loading').first().waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelectorAll('.an-card-loading').length === 0);
  // The tooltip, as a pointer shows it (phones have none until tapped).
  const box = await page.locator('.an-chart-canvas').boundingBox();
  if (box && box.width > 500) await page.mouse.move(box.x + box.width * 0.62, box.y + box.height * 0.45);
};
for (const width of [1280, 375]) {
  await shoot(`${t.baseUrl}/app/sites/${northwind.id}/analytics?period=30d`, 'analytics', width, dashboard);
  await shoot(`${share.url}?period=30d`, 'analytics-shared', width, dashboard, false);
  await shoot(`${t.baseUrl}/app`, 'analytics-sites', width, (page) => page.locator('.site-card-stats').nth(1).waitFor());
}
await browser.close();
await t.close();
console.log(`Screenshots in ${OUT}`);
