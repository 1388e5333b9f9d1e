// A site's privacy notice is generated from what the site really does and
// updates itself at each publish: adding an embed and a form, then
// republishing, changes what it says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED } from '../helpers/consent-site.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { en } from '../../src/consent/notice/strings.js';
import { fr } from '../../src/consent/notice/languages/fr.js';

let t: TestServer;
let c: HttpClient;
const host = 'noticed.localhost';
beforeAll(async () => {
  t = await startTestServer();
  c = t.client();
  await signUpVerified(c, t.smtp, 'noticed@example.com');
});
afterAll(async () => t?.close());

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|’/g, "'")
    .replace(/\s+/g, ' ');

describe('the generated privacy notice of a site', () => {
  it('states what the site does, and changes when the site changes', async () => {
    const site = (await c.post('/api/sites', { name: 'Noticed', slug: 'noticed', template: 'saas', region: 'ca-toronto' })).json;
    const privacy = site.document.pages.find((p: { path: string }) => p.path === '/privacy');
    privacy.blocks.find((b: { type: string }) => b.type === 'privacy').props.contact = 'privacy@noticed.example';
    // Start without forms or embeds.
    site.document.pages = site.document.pages.filter((p: { path: string }) => p.path === '/' || p.path === '/privacy');
    for (const p of site.document.pages) p.blocks = p.blocks.filter((b: { type: string }) => b.type !== 'form' && b.type !== 'embed');
    expect((await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: site.document })).status).toBe(200);
    expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    const before = text((await c.get('/privacy', { host })).text);
    expect(before).toContain('Write to privacy@noticed.example');
    expect(before).toContain('Canada (Toronto) data region');
    expect(before).toContain('This site has no forms');
    expect(before).toContain('The site loads nothing from other services');
    expect(before).toContain('We count visits without cookies');

    // Add a video and a contact form, keep messages 6 months, and republish.
    const form = {
      type: 'form',
      props: {
        id: 'contact',
        heading: 'Write to us',
        fields: [
          { name: 'email', type: 'email', label: 'Your email', required: true },
          { name: 'message', type: 'textarea', label: 'Your question', required: true },
        ],
      },
    };
    site.document.pages[0].blocks.push(EMBED);
    site.document.pages.push({ id: 'contact', path: '/contact', title: 'Contact', blocks: [form] });
    site.document.forms = { retentionMonths: 6 };
    expect((await c.put(`/api/sites/${site.id}/draft`, { revision: 2, document: site.document })).status).toBe(200);
    expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    const after = text((await c.get('/privacy', { host })).text);
    expect(after).toContain('We keep messages for 6 months');
    expect(after).toMatch(/Write to us \/contact Your email, Your question/);
    expect(after).toMatch(/YouTube content shown on our pages Marketing https:\/\//);
    expect(after).toContain('c_r_id_');
    expect(after).not.toContain('This site has no forms');
  });

  it('is written in the site’s language: a French site’s notice is French, with no English sentence', async () => {
    const site = (await c.post('/api/sites', { name: 'Atelier', slug: 'atelier', template: 'saas', region: 'de-frankfurt', defaultLanguage: 'fr' })).json;
    const form = {
      type: 'form',
      props: {
        id: 'contact',
        heading: 'Écrivez-nous',
        fields: [
          { name: 'email', type: 'email', label: 'Votre e-mail', required: true },
          { name: 'message', type: 'textarea', label: 'Votre question', required: true },
        ],
      },
    };
    site.document.pages = site.document.pages.filter((p: { path: string }) => p.path === '/privacy');
    site.document.pages.push({ id: 'home', path: '/', title: 'Accueil', blocks: [form] });
    expect((await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: site.document })).status).toBe(200);
    expect((await c.post(`/api/sites/${site.id}/publish`)).status).toBe(201);
    const html = (await c.get('/privacy', { host: 'atelier.localhost' })).text;
    expect(html).toContain('<html lang="fr"');
    // Only the generated sections (the block's heading and intro are the subscriber's own words).
    const notice = text([...html.matchAll(/<section aria-labelledby="privacy-notice-[\w-]+">([\s\S]*?)<\/section>/g)].map((m) => m[1]).join(' '));
    for (const title of [fr.who.title, fr.forms.title, fr.analytics.title, fr.services.title, fr.cookies.title, fr.rights.title])
      expect(notice).toContain(text(title).trim());
    expect(notice).toContain('Atelier est responsable des données personnelles que ce site traite.');
    expect(notice).toContain('région de données « EU (Frankfurt) »');
    expect(notice).toContain('Nous conservons les messages pendant 24 mois');
    expect(notice).toContain('Écrivez-nous / Votre e-mail, Votre question');
    expect(notice).toMatch(/c_r_id_ Ce site Vérifie qu'un formulaire a bien été envoyé/);
    for (const phrase of [
      en.who.title,
      en.forms.title,
      en.analytics.title,
      en.rights.title,
      en.cookies.purposes.c_r_id_,
      'Set by',
      'Duration',
      'This site',
      'We count visits',
    ])
      expect(notice).not.toContain(phrase);
  });
});
