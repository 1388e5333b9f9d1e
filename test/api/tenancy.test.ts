// Walks every route of the API with another subscriber's ids: each must answer
// 404, so a foreign id is indistinguishable from one that does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpVerified } from '../helpers/http.js';
import { EMBED, liveVersion } from '../helpers/consent-site.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

describe('tenancy', () => {
  it('answers 404 on every route given another subscriber’s ids', async () => {
    const owner = t.client();
    await signUpVerified(owner, t.smtp, 'owner@example.com');
    const site = (await owner.post('/api/sites', { name: 'Mine', slug: 'mine-only', template: 'saas', region: 'de-frankfurt' })).json;
    const form = { type: 'form', props: { id: 'hello', fields: [{ name: 'message', type: 'textarea', label: 'Message', required: true }] } };
    site.document.pages.push({ id: 'hello', path: '/hello', title: 'Hello', blocks: [form, EMBED] });
    expect((await owner.put(`/api/sites/${site.id}/draft`, { revision: 1, document: site.document })).status).toBe(200);
    const release = (await owner.post(`/api/sites/${site.id}/publish`)).json;
    const domain = (await owner.post(`/api/sites/${site.id}/domains`, { hostname: 'mine.example' })).json;
    const webhook = (await owner.post(`/api/sites/${site.id}/webhooks`, { url: 'https://hooks.example/atrium' })).json;
    // A visitor's submission, through the published form.
    const page = await owner.get('/hello', { host: 'mine-only.localhost' });
    const token = page.headers['set-cookie']!.find((v) => v.startsWith('c_r_id_='))!.split(';')[0]!;
    await new Promise((r) => setTimeout(r, 2100));
    const sent = await owner.request('POST', '/_atrium/forms/hello', undefined, {
      host: 'mine-only.localhost',
      raw: 'message=hi',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie: token },
    });
    expect(sent.status).toBe(201);
    // The form names no notification address, so the site's owner is told.
    await t.smtp.waitFor('owner@example.com', /(Subject: New message from Mine)/);
    const submission = (await owner.get(`/api/sites/${site.id}/submissions`)).json.submissions[0];
    // A visitor's cookie choice, through the published site.
    const choice = await owner.request('POST', '/_atrium/consent', undefined, {
      host: 'mine-only.localhost',
      raw: JSON.stringify({ version: await liveVersion(owner, 'mine-only.localhost'), choices: { functional: false, analytics: false, marketing: true } }),
      headers: { 'content-type': 'application/json' },
    });
    expect(choice.status).toBe(200);
    // A privacy request to the platform: only operators (ATRIUM_OPERATORS) may see it.
    const filed = await t.client().post('/api/privacy-requests', { type: 'access', email: 'someone@example.com', country: 'DE', details: 'My data, please.' });
    expect(filed.status).toBe(202);
    const ids: Record<string, string> = {
      requestId: filed.json.id,
      siteId: site.id,
      releaseId: release.id,
      domainId: domain.id,
      webhookId: webhook.id,
      submissionId: submission.id,
      formId: 'hello',
      pageId: 'hello',
      recordId: choice.json.id,
    };

    const intruder = t.client();
    await signUpVerified(intruder, t.smtp, 'intruder@example.com');
    // The intruder's own site, so ids of the right shape exist on their side too.
    await intruder.post('/api/sites', { name: 'Theirs', slug: 'theirs', template: 'saas', region: 'us-oregon' });

    // Public by design: uploaded image variants, addressed by their content hash (the editor previews drafts with them).
    // and the form endpoint of published sites, which answers by Host, not by session.
    // (The consent endpoints of published sites, /_atrium/consent and /_atrium/cookies, take no ids: they answer by Host.)
    // And shared analytics, which answers by its share token, not by session.
    const PUBLIC = new Set([
      'GET /_atrium/img/:file',
      'POST /_atrium/forms/:formId',
      'GET /api/shared/:token/analytics',
      'GET /api/shared/:token/analytics/breakdown',
      // Every version of the platform's privacy policy is public.
      'GET /privacy/versions/:version',
      // So is every version of the data processing agreement.
      'GET /dpa/versions/:version',
    ]);
    const routes = t.running.app.routeList.filter((r) => r.url.includes('/:') && !PUBLIC.has(`${r.method} ${r.url}`));
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const r of routes) {
      const path = r.url.replace(/:(\w+)/g, (_, name: string) => {
        if (!ids[name]) throw new Error(`tenancy test does not know how to fill :${name} in ${r.url}; add an owner's id for it`);
        return ids[name]!;
      });
      const body =
        r.method === 'PUT'
          ? { revision: 1, document: site.document }
          : r.method === 'GET' || r.method === 'DELETE'
            ? undefined
            : { hostname: 'steal.example', name: 'Stolen', slug: 'stolen', url: 'https://steal.example/', status: 'spam' };
      const res = await intruder.request(r.method, path, body);
      expect({ route: `${r.method} ${r.url}`, status: res.status }).toEqual({ route: `${r.method} ${r.url}`, status: 404 });
    }

    expect((await intruder.get('/api/sites')).json.sites.map((s: { id: string }) => s.id)).not.toContain(site.id);
    // And the owner's site is untouched.
    const mine = await owner.get(`/api/sites/${site.id}`);
    expect(mine.json).toMatchObject({ name: 'Mine', slug: 'mine-only', revision: 2, liveReleaseId: release.id });
    expect((await owner.get(`/api/sites/${site.id}/submissions/${submission.id}`)).json.data).toEqual({ message: 'hi' });
    expect((await owner.get(`/api/sites/${site.id}/webhooks`)).json.webhooks).toHaveLength(1);
    expect((await owner.get(`/api/sites/${site.id}/domains`)).json.domains).toHaveLength(1);
    expect((await owner.get(`/api/sites/${site.id}/consent/records/${choice.json.id}`)).json.choices.marketing).toBe(true);
  });
});
