// A site's privacy notice is generated from what the site really does and
// updates itself at each publish: adding an embed and a form, then
// republishing, changes what it says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED } from '../helpers/consent-site.js';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

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
    expect(after).toMatch(/YouTube content shown on our pages marketing https:\/\//);
    expect(after).toContain('c_r_id_');
    expect(after).not.toContain('This site has no forms');
  });
});
