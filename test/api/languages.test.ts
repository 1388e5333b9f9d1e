// Multi-language sites over HTTP (SQLite, and PostgreSQL under test:pg): the
// document's languages and translations, /<lang>/ pages with hreflang, the
// sitemap's alternates, the switcher's endpoint and `lang` cookie, the root's
// redirect, and form answers and 404 pages in the page's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COOKIES } from '../../src/cookies/registry.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

let t: TestServer;
let c: HttpClient;
let site: any;
let revision = 1;
const host = 'polyglot.localhost';

const FORM = {
  type: 'form',
  props: {
    id: 'contact-form',
    fields: [
      { name: 'name', type: 'text', label: 'Your name', required: true },
      { name: 'email', type: 'email', label: 'Email', required: true },
    ],
    buttonLabel: 'Send',
    successRedirect: '/about',
  },
};

async function save(document: any) {
  const r = await c.put(`/api/sites/${site.id}/draft`, { revision, document });
  if (r.status === 200) revision = r.json.revision;
  return r;
}

beforeAll(async () => {
  t = await startTestServer();
  c = t.client();
  await signUpVerified(c, t.smtp, 'polyglot@example.com');
  site = (await c.post('/api/sites', { name: 'Polyglot', slug: 'polyglot', template: 'saas', region: 'de-frankfurt' })).json;
  const doc = site.document;
  doc.languages = ['fr', 'de'];
  doc.translations = { fr: { navigation: { 'links.2.label': 'Tarifs' }, footer: { legal: '© Polyglot, tous droits réservés' } } };
  const home = doc.pages.find((p: any) => p.path === '/');
  home.translations = {
    fr: { title: 'Accueil', blocks: { hero: { heading: 'Des sites qui parlent votre langue', 'primary.label': 'Commencer' } } },
    de: { title: 'Startseite', blocks: { hero: { heading: 'Websites in Ihrer Sprache' } } },
  };
  const contact = doc.pages.find((p: any) => p.path === '/contact');
  contact.blocks.push(FORM);
  contact.translations = { fr: { title: 'Contact', blocks: { 'contact-form': { 'fields.0.label': 'Votre nom', buttonLabel: 'Envoyer' } } } };
  expect((await save(doc)).status).toBe(200);
  expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
});
afterAll(async () => t?.close());

const alternates = (html: string) => [...html.matchAll(/<link rel="alternate" hrefLang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]);

describe('multi-language sites', () => {
  it('refuses a document whose further languages repeat the default, or whose page paths collide with a language', async () => {
    const doc = structuredClone(site.document);
    doc.languages = ['en'];
    const r = await save(doc);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json)).toContain('languages');
    const doc2 = structuredClone(site.document);
    doc2.languages = ['fr', 'de'];
    doc2.pages.push({ id: 'frpage', path: '/fr', title: 'Fr', blocks: [] });
    const r2 = await save(doc2);
    expect(r2.status).toBe(400);
    expect(r2.json.message).toContain('/fr');
  });

  it('publishes each page at / and /<lang>/ with <html lang>, translations, localized links and hreflang alternates', async () => {
    const en = await c.get('/', { host });
    const fr = await c.get('/fr', { host });
    const deAbout = await c.get('/de/about', { host });
    expect([en.status, fr.status, deAbout.status]).toEqual([200, 200, 200]);
    expect(en.text).toContain('<html lang="en">');
    expect(fr.text).toContain('<html lang="fr">');
    expect(deAbout.text).toContain('<html lang="de">');
    expect(fr.text).toContain('Des sites qui parlent votre langue');
    expect(fr.text).toContain('<title>Accueil</title>');
    // Untranslated text falls back to the default language.
    const enSub = /<p class="lead hero-lead">([^<]+)</.exec(en.text)?.[1];
    expect(enSub).toBeTruthy();
    expect(fr.text).toContain(enSub);
    // Navigation and footer in French, links to the site's pages lead to the French pages.
    expect(fr.text).toMatch(/<a class="nav-link" href="\/fr\/pricing"[^>]*>Tarifs<\/a>/);
    expect(fr.text).toContain('© Polyglot, tous droits réservés');
    expect(fr.text).toContain('href="/fr/about"');
    expect(fr.text).toContain('<a class="brand" href="/fr">');
    // Every page names all its language versions and the x-default.
    const base = /<link rel="canonical" href="([^"]+)\/"\/>/.exec(en.text)![1]!;
    expect(alternates(en.text)).toEqual([
      ['en', `${base}/`],
      ['fr', `${base}/fr`],
      ['de', `${base}/de`],
      ['x-default', `${base}/`],
    ]);
    expect(alternates(fr.text)).toEqual(alternates(en.text));
    expect(alternates(deAbout.text).map(([l]) => l)).toEqual(['en', 'fr', 'de', 'x-default']);
    expect(alternates(deAbout.text)[2]![1]).toMatch(/\/de\/about$/);
  });

  it('has a language switcher in navbar and footer whose plain links keep the visitor on the same page', async () => {
    const page = (await c.get('/fr/pricing', { host })).text;
    const switchers = [...page.matchAll(/<nav class="lang-switch[^"]*" aria-label="Langue">([\s\S]*?)<\/nav>/g)];
    expect(switchers.length).toBeGreaterThanOrEqual(2);
    for (const [, links] of switchers) {
      expect(links).toContain('href="/_atrium/lang?to=%2Fpricing"');
      expect(links).toContain('href="/_atrium/lang?to=%2Fde%2Fpricing"');
      expect(links).toMatch(/href="\/_atrium\/lang\?to=%2Ffr%2Fpricing" lang="fr" hrefLang="fr" aria-current="true"/);
    }
    expect(page).toContain('Deutsch');
  });

  it('lists every language version in sitemap.xml with xhtml:link alternates', async () => {
    const r = await c.get('/sitemap.xml', { host });
    expect(r.text).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    const locs = [...r.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(locs).toEqual(expect.arrayContaining(['/', '/fr', '/de', '/pricing', '/fr/pricing', '/de/pricing']));
    const frPricing = r.text.split('<url>').find((u) => u.includes('/fr/pricing</loc>'))!;
    expect(frPricing).toMatch(/hreflang="en" href="[^"]+\/pricing"/);
    expect(frPricing).toMatch(/hreflang="de" href="[^"]+\/de\/pricing"/);
    expect(frPricing).toMatch(/hreflang="x-default" href="[^"]+\/pricing"/);
    expect((await c.get('/robots.txt', { host })).text).toContain('Disallow: /_atrium/lang');
  });

  it('sets `lang` exactly as the registry declares only through the switcher, and the root then sends the visitor to it', async () => {
    // Without the cookie the root never guesses.
    const plain = await c.get('/', { host, headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
    expect(plain.status).toBe(200);
    expect(plain.headers['set-cookie']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding, Cookie');
    for (const p of ['/fr', '/fr/pricing', '/about']) expect((await c.get(p, { host })).headers['set-cookie']).toBeUndefined();

    const pick = await c.get('/_atrium/lang?to=%2Ffr%2Fpricing', { host });
    expect(pick.status).toBe(303);
    expect(pick.headers.location).toBe('/fr/pricing');
    const set = [pick.headers['set-cookie']].flat()[0]!;
    const d = COOKIES.lang;
    expect(set).toBe(`lang=fr; Path=/; Max-Age=${d.maxAgeSeconds}; HttpOnly; SameSite=Lax`);

    const root = await c.get('/?utm=x', { host, headers: { cookie: 'other=1; lang=fr' } });
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/fr?utm=x');
    expect(root.headers['cache-control']).toBe('private, no-cache');
    // Picking the default language keeps the visitor at /.
    expect([(await c.get('/_atrium/lang?to=%2F', { host })).headers['set-cookie']].flat()[0]).toMatch(/^lang=en;/);
    expect((await c.get('/', { host, headers: { cookie: 'lang=en' } })).status).toBe(200);
    // A cookie naming no language of the site is ignored.
    expect((await c.get('/', { host, headers: { cookie: 'lang=ja' } })).status).toBe(200);
  });

  it('refuses to redirect anywhere but a page of the site', async () => {
    for (const to of ['//evil.example/', 'https://evil.example/', '/nope', '/_atrium/lang', '']) {
      const r = await c.get(`/_atrium/lang?to=${encodeURIComponent(to)}`, { host });
      expect(r.status, to).toBe(400);
      expect(r.text).toContain('to:');
      expect(r.headers['set-cookie']).toBeUndefined();
    }
  });

  it('answers unknown paths with the 404 page of their language', async () => {
    const fr = await c.get('/fr/nope', { host });
    expect(fr.status).toBe(404);
    expect(fr.text).toContain('<html lang="fr">');
    expect(fr.text).toContain('Cette page est introuvable');
    const en = await c.get('/nope', { host });
    expect(en.status).toBe(404);
    expect(en.text).toContain('This page could not be found');
  });

  it('answers a form on a French page in French, with its French labels, and redirects to the French page', async () => {
    const page = await c.get('/fr/contact', { host });
    expect(page.text).toContain('action="/_atrium/forms/contact-form?lang=fr"');
    expect(page.text).toContain('Votre nom');
    expect(page.text).toContain('>Envoyer<');
    const cookie = [page.headers['set-cookie']]
      .flat()
      .find((v) => v?.startsWith('c_r_id_='))!
      .split(';')[0]!;
    await new Promise((r) => setTimeout(r, 2100)); // faster than a person is refused
    const bad = await c.request('POST', '/_atrium/forms/contact-form?lang=fr', undefined, {
      host,
      raw: new URLSearchParams({ name: '', email: 'nope' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toBe('Vérifiez les champs signalés.');
    expect(bad.json.issues).toEqual([
      { path: 'name', message: 'Votre nom\u00a0: ce champ est obligatoire.' },
      { path: 'email', message: 'Saisissez une adresse e-mail, comme nom@exemple.fr.' },
    ]);
    // The plain (no-JavaScript) error page is French too.
    const plain = await c.request('POST', '/_atrium/forms/contact-form?lang=fr', undefined, {
      host,
      raw: new URLSearchParams({ name: '', email: 'nope' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
    expect(plain.text).toContain('<html lang="fr">');
    expect(plain.text).toContain('Vérifiez le formulaire');
    const ok = await c.request('POST', '/_atrium/forms/contact-form?lang=fr', undefined, {
      host,
      raw: new URLSearchParams({ name: 'Léa', email: 'lea@example.fr' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie },
    });
    expect(ok.status).toBe(201);
    expect(ok.json.redirect).toBe('/fr/about');
  });

  it('redirects the root by Accept-Language only when the site asks for it', async () => {
    const doc = (await c.get(`/api/sites/${site.id}`)).json.document;
    doc.rootLanguage = 'accept-language';
    expect((await save(doc)).status).toBe(200);
    expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    const de = await c.get('/', { host, headers: { 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' } });
    expect(de.status).toBe(302);
    expect(de.headers.location).toBe('/de');
    expect((await c.get('/', { host, headers: { 'accept-language': 'en-US,en;q=0.9' } })).status).toBe(200);
    // A picked language wins over the browser's.
    expect((await c.get('/', { host, headers: { 'accept-language': 'de', cookie: 'lang=fr' } })).headers.location).toBe('/fr');
    expect((await c.get('/', { host, headers: { 'accept-language': 'de', cookie: 'lang=en' } })).status).toBe(200);
  });

  it('asks for a page’s password in every language it is published in, in that language', async () => {
    const contact = site.document.pages.find((p: any) => p.path === '/contact');
    expect((await c.put(`/api/sites/${site.id}/pages/${contact.id}/password`, { password: 'entre nous' })).status).toBe(200);
    for (const [path, words] of [
      ['/contact', 'This page is protected'],
      ['/fr/contact', 'Cette page est protégée'],
      ['/de/contact', 'Diese Seite ist geschützt'],
    ]) {
      const r = await c.get(path, { host });
      expect(r.status, path).toBe(403);
      expect(r.text).toContain(words);
      expect(r.text).not.toContain('Votre nom');
    }
    for (const thanks of ['/_atrium/forms/contact-form/thanks', '/_atrium/forms/contact-form/thanks/fr'])
      expect((await c.get(thanks, { host })).status).toBe(403);
    const sitemap = (await c.get('/sitemap.xml', { host })).text;
    expect(sitemap).not.toContain('/contact</loc>');
    expect(sitemap).toContain('/fr/pricing</loc>');
    expect((await c.delete(`/api/sites/${site.id}/pages/${contact.id}/password`)).status).toBe(200);
    expect((await c.get('/fr/contact', { host })).status).toBe(200);
  });
});
