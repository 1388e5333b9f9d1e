// The privacy request page of a published site, over HTTP as a browser without
// JavaScript uses it: the page in the site's language, the plain form post
// answered with pages (check your email; the form again with each field's
// error; too many requests), the mailed link's page that never confirms on
// GET, the confirming post with the due date in words, the footer and cookie
// page links, and the JSON API kept as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../src/hosting/site-headers.js';
import { PRIVACY_PAGE_LANGUAGES } from '../../src/rendering/privacy/strings.js';
import { signUpVerified, type HttpClient, type Response } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let t: TestServer;
let owner: HttpClient;
const LIMIT = 7;
const host = 'page-rights.localhost';
const frHost = 'droits-fr.localhost';

async function publishSite(name: string, slug: string, lang: string, consent = false) {
  const site = (await owner.post('/api/sites', { name, slug, template: 'saas', region: 'de-frankfurt', defaultLanguage: lang })).json;
  if (consent) {
    site.document.consent = { mode: 'categories', gpcRefusesAnalytics: false, wording: {} };
    site.document.snippets = [
      {
        id: 'stats',
        name: 'Stats',
        placement: 'head',
        category: 'analytics',
        code: '<script src="https://stats.example.com/t.js"></script>',
        origins: [],
        cookies: [],
      },
    ];
    expect((await owner.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document: site.document })).status).toBe(200);
  }
  expect((await owner.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
  return site as { id: string };
}

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
const postForm = (path: string, values: Record<string, string>, on = host) =>
  t.client().request('POST', path, undefined, { host: on, raw: form(values), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const regionRows = () => t.running.ctx.dbs.regions['de-frankfurt'].selectFrom('privacy_requests').selectAll().orderBy('created_at').execute();

/** What every answer on the page's paths carries. */
function expectSitePageHeaders(r: Response) {
  expect(r.headers['content-security-policy']).toBe(CSP);
  expect(r.headers['x-content-type-options']).toBe('nosniff');
  expect(r.headers['referrer-policy']).toBeDefined();
  expect(r.headers['cache-control']).toBe('no-store');
  expect(r.headers['x-robots-tag']).toBe('noindex');
}

/** The opening tag of the element with this id (attributes in any order). */
function tagOf(html: string, id: string): string {
  const at = html.indexOf(`id="${id}"`);
  expect(at, `#${id}`).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
}

function expectPage(r: Response, status: number) {
  expect(r.status, r.text.slice(0, 300)).toBe(status);
  expect(r.headers['content-type']).toMatch(/^text\/html/);
  expectSitePageHeaders(r);
  expect(r.text).toContain('<meta name="robots" content="noindex"/>');
  expect(r.text).not.toMatch(/<script/i);
  expect(r.text).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
}

const VALID = { type: 'access', email: 'Mira@Example.com', name: 'Mira', country: 'DE', subdivision: '', details: 'Which messages of mine do you keep?' };

beforeAll(async () => {
  t = await startTestServer({ ATRIUM_PRIVACY_REQUEST_LIMIT_PER_IP: String(LIMIT) });
  owner = t.client();
  await signUpVerified(owner, t.smtp, 'pages@example.com', 'Pia Page');
  await publishSite('Page Rights', 'page-rights', 'en', true);
  await publishSite('Droits', 'droits-fr', 'fr');
});
afterAll(async () => {
  await t?.close();
});

describe('the privacy request page of a published site', () => {
  it('is a page in the site’s language and theme, with every request type explained and a form that needs no script', async () => {
    const r = await t.client().get('/_atrium/privacy', { host });
    expectPage(r, 200);
    expect(r.text).toContain('<html lang="en">');
    expect(r.text).toContain('<h1 class="pr-title">Ask about your personal data</h1>');
    expect(r.text).toContain('Ask <span>Page Rights</span> for a copy');
    const formTag = r.text.slice(r.text.indexOf('<form class="form-card pr-form"'), r.text.indexOf('>', r.text.indexOf('<form class="form-card pr-form"')) + 1);
    for (const a of ['method="post"', 'action="/_atrium/privacy"', 'accept-charset="utf-8"']) expect(formTag).toContain(a);
    expect(formTag.toLowerCase()).toContain('novalidate=""');
    expect(r.text.match(/<input class="pr-radio" type="radio"/g)).toHaveLength(8);
    expect(r.text).toContain('<legend class="pr-legend">What would you like to ask?</legend>');
    for (const name of ['email', 'name', 'country', 'subdivision', 'details']) expect(r.text).toContain(`<label class="field-label" for="pr-${name}">`);
    // Every ISO country, named in the page's language, and the US state select labelled as such.
    expect(r.text.match(/<option value="[A-Z]{2}">/g)!.length).toBe(249 + 51);
    expect(r.text).toContain('<option value="DE">Germany</option>');
    expect(r.text).toContain('State<span class="field-optional">Only for the United States</span>');
    expect(r.text).toContain('<option value="" selected="">Not in the United States</option>');
    // Its stylesheet, after the site's own.
    const css = /<link rel="stylesheet" href="(\/_atrium\/privacy\/styles\.[0-9a-f]{12}\.css)"/.exec(r.text)![1]!;
    const sheet = await t.client().get(css, { host });
    expect(sheet.status).toBe(200);
    expect(sheet.headers['content-type']).toMatch(/^text\/css/);
    expect(sheet.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(sheet.text).toContain('.pr-radio');
  });

  it('is linked from every published page’s footer and from the cookie settings page', async () => {
    const home = await t.client().get('/', { host });
    expect(home.text).toMatch(
      /<a class="footer-cookies" href="\/_atrium\/cookies" data-atrium-cookie-settings="">Cookie settings<\/a><a href="\/_atrium\/privacy">Privacy requests<\/a>/,
    );
    // A site without a banner has no cookie link, but still the request page.
    const fr = await t.client().get('/', { host: frHost });
    expect(fr.text).not.toContain('data-atrium-cookie-settings');
    expect(fr.text).toContain('<a href="/_atrium/privacy">Vos droits sur vos données</a>');
    const cookies = await t.client().get('/_atrium/cookies', { host });
    expect(cookies.text).toContain('<a class="btn btn-secondary" href="/_atrium/privacy">Privacy requests</a>');
  });

  it('answers a plain form post with “check your email”, and mails the confirmation link', async () => {
    const r = await postForm('/_atrium/privacy', { ...VALID, subdivision: 'CA' });
    expectPage(r, 202);
    expect(r.text).toContain('<h1 class="cta-title">Check your email</h1>');
    expect(r.text).toContain('We sent a link to <span><strong>mira@example.com</strong></span>');
    await t.smtp.waitFor('mira@example.com', /\/_atrium\/privacy\/confirm\?token=/);
    const [row] = await regionRows();
    // The state counts only for the United States.
    expect(row).toMatchObject({
      type: 'access',
      email: 'mira@example.com',
      name: 'Mira',
      country: 'DE',
      subdivision: null,
      regime: 'eea',
      status: 'unverified',
    });
  });

  it('sends the form back with what was typed and each field’s error, linked from a summary; nothing is stored', async () => {
    const before = (await regionRows()).length;
    const r = await postForm('/_atrium/privacy', { email: 'not-an-address', name: 'Mira', country: '', subdivision: 'CA', details: '  ' });
    expectPage(r, 400);
    expect(r.text).toContain('<title>Error: Ask about your personal data · Page Rights</title>');
    expect(r.text).toMatch(/<div class="pr-summary" role="alert" aria-labelledby="pr-summary-title" tabindex="-1" autofocus="">/);
    const summary = r.text.slice(r.text.indexOf('pr-summary'), r.text.indexOf('</ul>', r.text.indexOf('pr-summary')));
    expect([...summary.matchAll(/<a href="#([\w-]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['pr-type-access', 'Choose what you would like to ask.'],
      ['pr-email', 'Enter your email address, like name@example.com.'],
      ['pr-country', 'Choose the country where you live.'],
      ['pr-details', 'Say what your request is about.'],
    ]);
    expect(r.text).toContain('<p class="field-error" id="pr-email-error">Enter your email address, like name@example.com.</p>');
    const emailTag = tagOf(r.text, 'pr-email');
    for (const a of ['value="not-an-address"', 'aria-invalid="true"', 'aria-describedby="pr-email-hint pr-email-error"']) expect(emailTag).toContain(a);
    expect(tagOf(r.text, 'pr-name')).toContain('value="Mira"');
    expect(tagOf(r.text, 'pr-name')).not.toContain('aria-invalid');
    expect(tagOf(r.text, 'pr-type-erasure')).toContain('aria-invalid="true"');
    expect((await regionRows()).length).toBe(before);

    // Countries and states outside the lists, and a type kept checked.
    const lists = await postForm('/_atrium/privacy', { ...VALID, type: 'erasure', country: 'US', subdivision: 'ZZ' });
    expectPage(lists, 400);
    expect(lists.text).toContain('<a href="#pr-subdivision">Choose a state from the list.</a>');
    expect(tagOf(lists.text, 'pr-type-erasure')).toContain('checked=""');
    expect(tagOf(lists.text, 'pr-type-access')).not.toContain('checked');
    expect(lists.text).toContain('<option value="US" selected="">United States</option>');
    const unknown = await postForm('/_atrium/privacy', { ...VALID, country: 'XX' });
    expect(unknown.text).toContain('<a href="#pr-country">Choose the country where you live.</a>');
    expect((await regionRows()).length).toBe(before);
  });

  it('shows the request a mailed link names and confirms nothing on GET; the button’s post confirms and gives the due date in words', async () => {
    const email = 'link@example.com';
    expectPage(await postForm('/_atrium/privacy', { ...VALID, type: 'erasure', email, country: 'US', subdivision: 'CA' }), 202);
    const link = await t.smtp.waitFor(email, /(http:\/\/page-rights\.localhost:\d+\/_atrium\/privacy\/confirm\?token=[A-Za-z0-9_-]+)/);
    const url = new URL(link);
    const token = url.searchParams.get('token')!;

    for (let i = 0; i < 2; i++) {
      // Mail scanners open links: the page only asks.
      const shown = await t.client().get(url.pathname + url.search, { host });
      expectPage(shown, 200);
      expect(shown.text).toContain('You are asking <span>Page Rights</span> for the following: <span><strong>Erase my data</strong></span>.');
      expect(shown.text).toMatch(/<form (?=[^>]*method="post")(?=[^>]*action="\/_atrium\/privacy\/confirm")[^>]*>/);
      expect(shown.text).toContain(`<input type="hidden" name="token" value="${token}"/>`);
      expect(shown.text).toContain('<button class="btn btn-primary" type="submit">Confirm my request</button>');
    }
    const pending = (await regionRows()).find((r) => r.email === email)!;
    expect(pending).toMatchObject({ status: 'unverified', regime: 'california', subdivision: 'CA' });

    const confirmed = await postForm('/_atrium/privacy/confirm', { token });
    expectPage(confirmed, 200);
    const row = (await regionRows()).find((r) => r.email === email)!;
    expect(row.status).toBe('open');
    const due = new Date(row.due_at!);
    const words = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(due);
    expect(confirmed.text).toContain(`must answer by <span><time class="pr-due" dateTime="${row.due_at!.slice(0, 10)}">${words}</time></span>`);
    expect(confirmed.text).toContain('We sent a receipt to <span><strong>link@example.com</strong></span>');
    await t.smtp.waitFor(email, /Subject: We received your erasure request/);

    // Used now: the link and a second post say so plainly.
    const again = await postForm('/_atrium/privacy/confirm', { token });
    expectPage(again, 400);
    expect(again.text).toContain('<h1 class="cta-title">This link does not work</h1>');
    expect(again.text).toContain('<a class="btn btn-primary" href="/_atrium/privacy">Make a new request</a>');
    expectPage(await t.client().get(url.pathname + url.search, { host }), 404);
    expectPage(await t.client().get('/_atrium/privacy/confirm?token=nonsense-token-123', { host }), 404);
    expectPage(await t.client().get('/_atrium/privacy/confirm', { host }), 404);
    expectPage(await postForm('/_atrium/privacy/confirm', {}), 400);
  });

  it('speaks the site’s language: words, country names, errors, due dates', async () => {
    const page = await t.client().get('/_atrium/privacy', { host: frHost });
    expectPage(page, 200);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('<h1 class="pr-title">Une demande sur vos données personnelles</h1>');
    expect(page.text).toContain('<option value="DE">Allemagne</option>');
    expect(page.text).toContain('<option value="" selected="">Hors des États-Unis</option>');
    const refused = await postForm('/_atrium/privacy', { ...VALID, email: '', type: '' }, frHost);
    expectPage(refused, 400);
    expect(refused.text).toContain('<title>Erreur\u00a0: Une demande sur vos données personnelles · Droits</title>');
    expect(refused.text).toContain('<a href="#pr-email">Saisissez votre adresse e-mail, par exemple nom@exemple.fr.</a>');

    const email = 'jeanne@example.com';
    expectPage(await postForm('/_atrium/privacy', { ...VALID, email }, frHost), 202);
    const token = new URL(await t.smtp.waitFor(email, /(http:\/\/droits-fr\.localhost:\d+\/_atrium\/privacy\/confirm\?token=[A-Za-z0-9_-]+)/)).searchParams.get(
      'token',
    )!;
    const shown = await t.client().get(`/_atrium/privacy/confirm?token=${token}`, { host: frHost });
    expect(shown.text).toContain('<button class="btn btn-primary" type="submit">Confirmer ma demande</button>');
    const done = await postForm('/_atrium/privacy/confirm', { token }, frHost);
    expectPage(done, 200);
    const due = new Date((await regionRows()).find((r) => r.email === email)!.due_at!);
    expect(done.text).toContain(new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(due));
    expect(done.text).toContain('<h1 class="cta-title">Votre demande est confirmée</h1>');
  });

  it('ships its words in seven languages, and falls back to English (marked as such) for others', async () => {
    for (const [lang, s] of Object.entries(PRIVACY_PAGE_LANGUAGES)) {
      const slug = `lang-${lang}`;
      await publishSite(`Site ${lang}`, slug, lang);
      const r = await t.client().get('/_atrium/privacy', { host: `${slug}.localhost` });
      expectPage(r, 200);
      expect(r.text, lang).toContain(`<html lang="${lang}">`);
      expect(r.text, lang).toContain(`<h1 class="pr-title">${s.title}</h1>`);
      expect(r.text, lang).toContain(s.types.withdraw_consent.name);
      expect(r.text, lang).toContain('<section class="section tone-default pr">');
      if (lang !== 'en') expect(r.text, lang).not.toContain(PRIVACY_PAGE_LANGUAGES.en.submit);
    }
    await publishSite('Japan Site', 'lang-ja', 'ja');
    const ja = await t.client().get('/_atrium/privacy', { host: 'lang-ja.localhost' });
    expect(ja.text).toContain('<html lang="ja">');
    expect(ja.text).toContain('<section class="section tone-default pr" lang="en">');
    expect(ja.text).toContain('<option value="DE">Germany</option>');
  });

  it('keeps the JSON API for JSON requests', async () => {
    const ok = await t.client().post('/_atrium/privacy', { ...VALID, email: 'api@example.com', subdivision: undefined }, { host });
    expect(ok.status).toBe(202);
    expect(ok.headers['content-type']).toMatch(/^application\/json/);
    expect(ok.json.id).toMatch(/^rq_/);
    expectSitePageHeaders(ok);
    const bad = await t.client().post('/_atrium/privacy', { ...VALID, email: 'nope', subdivision: undefined }, { host });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toEqual(['email']);
    const token = await t.client().post('/_atrium/privacy/confirm', { token: 'not-a-real-token' }, { host });
    expect(token.status).toBe(400);
    expect(token.json.error).toBe('invalid_input');
  });

  it('answers another host with a plain 404 page, and JSON clients with JSON', async () => {
    const r = await t.client().get('/_atrium/privacy', { host: 'nobody-here.localhost' });
    expect(r.status).toBe(404);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.text).toContain('No published site answers at this address.');
    expect((await postForm('/_atrium/privacy', VALID, 'nobody-here.localhost')).headers['content-type']).toMatch(/^text\/html/);
    const json = await t.client().post('/_atrium/privacy', VALID, { host: 'nobody-here.localhost' });
    expect(json.status).toBe(404);
    expect(json.json.error).toBe('not_found');
  });

  it('answers a page with Retry-After when a network files too many requests', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < LIMIT + 1 && last?.status !== 429; i++) {
      last = await postForm('/_atrium/privacy', { ...VALID, email: `many${i}@example.com` });
      statuses.push(last.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 202)).toBe(true);
    expectPage(last!, 429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.text).toContain('<h1 class="cta-title">Too many requests</h1>');
    expect(last!.text).toMatch(/Please try again in <span>\d+<\/span> minutes\./);
    // Mistakes are still pointed out: only requests that would send mail count.
    expectPage(await postForm('/_atrium/privacy', { ...VALID, email: '' }), 400);
  });
});
