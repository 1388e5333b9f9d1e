// Objection, withdrawal and restriction for subscribers: product news only with
// consent (given at sign-up or later, listed with wording and time), RFC 8058
// one-click unsubscribe headers that work from a mail client's POST, and a
// restriction switch that stops product news even with consent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let t: TestServer;
let staff: HttpClient;
let fan: HttpClient;

beforeAll(async () => {
  t = await startTestServer({ ATRIUM_OPERATORS: 'news-staff@example.com' });
  staff = t.client();
  await signUpVerified(staff, t.smtp, 'news-staff@example.com');
  fan = t.client();
  const r = await fan.post('/api/auth/signup', { name: 'Fay Fan', email: 'fan@example.com', password: 'correct horse battery staple', productNews: true });
  expect(r.status).toBe(201);
  const token = await t.smtp.waitFor('fan@example.com', /verify-email\?token=([A-Za-z0-9_-]+)/);
  expect((await fan.post('/api/auth/verify-email', { token })).status).toBe(200);
  await signUpVerified(t.client(), t.smtp, 'quiet@example.com'); // never asked for news
});
afterAll(async () => t?.close());

const newsTo = (to: string) => t.smtp.mails.filter((m) => m.to.includes(to) && /Subject: What's new/.test(m.raw));
async function sendNews(expected: number) {
  const r = await staff.post('/api/operator/product-news', { subject: "What's new at Atrium", text: 'Analytics dashboards are here.' });
  expect(r.json).toEqual({ sent: expected });
}

describe('product news and the subscriber’s choices', () => {
  it('lists the consent given at sign-up with its wording, and only operators can send news', async () => {
    const list = (await fan.get('/api/account/consents')).json;
    expect(list.purposes).toEqual([expect.objectContaining({ purpose: 'product_news', active: true })]);
    expect(list.history[0]).toMatchObject({ purpose: 'product_news', withdrawnAt: null });
    expect(list.history[0].wording).toMatch(/at any time/);
    expect((await fan.post('/api/operator/product-news', { subject: 'Hi there', text: 'Buy more things now.' })).status).toBe(404);
  });

  it('goes only to those who asked, with one-click unsubscribe headers that work from the mail client', async () => {
    await sendNews(1);
    const [mail] = newsTo('fan@example.com');
    expect(newsTo('quiet@example.com')).toHaveLength(0);
    const raw = mail!.raw.replace(/\r?\n\s+/g, ' ');
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const link = /^List-Unsubscribe: <([^>]+)>$/m.exec(raw)![1]!;
    // What a mail client does (RFC 8058): POST the form body to the link, with no cookie.
    const url = new URL(link);
    const r = await t.client().request('POST', url.pathname + url.search, undefined, {
      raw: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.status).toBe(200);
    const list = (await fan.get('/api/account/consents')).json;
    expect(list.purposes[0].active).toBe(false);
    expect(list.history[0]).toMatchObject({ withdrawnVia: 'one-click' });
    await sendNews(0);
    // A forged token is refused.
    const forged = await t.client().request('POST', `/api/mail/unsubscribe?token=${url.searchParams.get('token')!.slice(0, -3)}abc`, undefined, {
      raw: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.status).toBe(400);
  });

  it('can be asked for again in the settings, and a restriction stops it while keeping the consent', async () => {
    const again = await fan.put('/api/account/consents', { purpose: 'product_news', granted: true });
    expect(again.json.purposes[0].active).toBe(true);
    expect(again.json.history).toHaveLength(2); // the withdrawn one stays as history
    const restricted = await fan.put('/api/account/restriction', { restricted: true });
    expect(restricted.json.processingRestrictedAt).not.toBeNull();
    expect((await fan.get('/api/account')).json.processingRestrictedAt).toBe(restricted.json.processingRestrictedAt);
    await sendNews(0);
    await fan.put('/api/account/restriction', { restricted: false });
    await sendNews(1);
    const bad = await fan.put('/api/account/consents', { purpose: 'sell_data', granted: true });
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('purpose');
  });

  it('withdraws in the settings at once', async () => {
    await fan.put('/api/account/consents', { purpose: 'product_news', granted: false });
    await sendNews(0);
    const list = (await fan.get('/api/account/consents')).json;
    expect(list.history[0]).toMatchObject({ withdrawnVia: 'settings' });
  });
});
