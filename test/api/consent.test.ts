// Consent on a published site, end to end over HTTP: the no-JavaScript
// preferences page, choices posted by the runtime (JSON) and by a plain form,
// Global Privacy Control, the cookies that go out, the records in the site's
// region only, the hash chain and its tamper check, the subscriber's API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';
import { liveVersion, publishConsentSite, setCookies } from '../helpers/consent-site.js';
import { CSP } from '../../src/hosting/site-headers.js';

let t: TestServer;
let c: HttpClient;
let site: any;
let version: string;
const host = 'consenty.localhost';

const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  c.request('POST', '/_atrium/consent', undefined, { host, raw: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const postForm = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  c.request('POST', '/_atrium/consent', undefined, {
    host,
    raw: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
const choices = (functional: boolean, analytics: boolean, marketing: boolean, providers: string[] = []) => ({ functional, analytics, marketing, providers });
/** The <input> tag of a checkbox by its name, to look at its attributes. */
const checkbox = (html: string, name: string) => [...html.matchAll(/<input [^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(` name="${name}"`));
const records = (region: string) =>
  (t.running.ctx.dbs.regions as any)[region].selectFrom('consent_records').selectAll().orderBy('seq').execute() as Promise<any[]>;

beforeAll(async () => {
  t = await startTestServer({ ATRIUM_CONSENT_LIMIT_PER_IP: '1000' });
  c = t.client();
  await signUpVerified(c, t.smtp, 'consenty@example.com');
  site = await publishConsentSite(c, { name: 'Consenty', slug: 'consenty', region: 'de-frankfurt' });
  version = await liveVersion(c, host);
});
afterAll(async () => t?.close());

describe('the no-JavaScript preferences page', () => {
  it('shows a plain form with the categories the site uses and the generated cookie table, under the site’s strict CSP', async () => {
    const r = await c.get('/_atrium/cookies', { host });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.headers['content-security-policy']).toBe(CSP);
    expect(r.headers['cache-control']).toBe('private, no-store');
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(r.text).not.toContain('<script');
    expect(r.text).toMatch(/<html lang="en"/);
    expect(r.text).toMatch(/<form class="prefs-form" action="\/_atrium\/consent" method="post">/);
    // YouTube and the ad pixel are marketing, the stats snippet analytics; nothing functional.
    expect(checkbox(r.text, 'analytics')).toContain('type="checkbox"');
    expect(checkbox(r.text, 'marketing')).toContain('type="checkbox"');
    expect(checkbox(r.text, 'functional')).toBeUndefined();
    expect(checkbox(r.text, 'analytics')).not.toContain('checked'); // nothing chosen yet
    const table = r.text.slice(r.text.indexOf('<table'));
    const names = [...table.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(names).toEqual(['c_r_id_', 'cookie_consent', 'c_id', 'usr', '_st_id', '_st_s_*', 'ad_uid', 'YSC', 'VISITOR_INFO1_LIVE', 'VISITOR_PRIVACY_METADATA']);
    expect(table).toContain('1 day'); // c_r_id_
    expect(table).toContain('1 year'); // cookie_consent
    expect(table).toContain('30 days');
    expect(table).toContain('Until you close the browser');
    // Its stylesheet is the site's, plus the page's own.
    const css = /<link rel="stylesheet" href="(\/_atrium\/cookies\.[0-9a-f]{12}\.css)"/.exec(r.text)?.[1];
    const sheet = await c.get(css!, { host });
    expect(sheet.status).toBe(200);
    expect(sheet.headers['content-type']).toContain('text/css');
  });

  it('saves a plain form post and sends the visitor back with a 303; the page then shows the choice and the record', async () => {
    const r = await postForm({ version, analytics: 'on', return: '/_atrium/cookies?saved=1' });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/_atrium/cookies?saved=1');
    const cookies = setCookies(r.headers);
    expect(cookies.get('cookie_consent')![0]).toMatch(/^cookie_consent=1\.f0a1m0; Max-Age=31536000; Path=\/; SameSite=Lax$/);
    expect(cookies.get('c_id')![0]).toMatch(/^c_id=cr_[A-Za-z0-9_-]{27}; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
    const id = cookies.get('c_id')![0]!.split(';')[0]!.slice(5);

    const jar = `cookie_consent=1.f0a1m0; c_id=${id}`;
    const page = await c.get('/_atrium/cookies?saved=1', { host, headers: { cookie: jar } });
    expect(page.text).toContain('Your choices were saved.');
    expect(checkbox(page.text, 'analytics')).toContain('checked=""');
    expect(checkbox(page.text, 'marketing')).not.toContain('checked');
    expect(page.text).toContain(`<code>${id}</code>`);
    expect(page.text).toMatch(/Analytics: allowed/);
    expect(page.text).toMatch(/Marketing: refused/);
  });

  it('sends a plain post back only to a path of the same site', async () => {
    for (const evil of ['//evil.example/', 'https://evil.example/', '/\\evil.example'])
      expect((await postForm({ version, return: evil })).headers.location).toBe('/_atrium/cookies?saved=1');
    expect((await postForm({ version, return: '/pricing' })).headers.location).toBe('/pricing');
  });
});

describe('POST /_atrium/consent', () => {
  it('records a choice in the site’s region only, sets the consent cookies and expires the declared cookies of refused categories', async () => {
    const before = (await records('de-frankfurt')).length;
    const r = await postJson({ version, choices: choices(false, true, false) }, { cookie: '_st_s_abc=1; ad_uid=2; tracker=3; c_id=cr_forged' });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ id: expect.stringMatching(/^cr_/), choices: choices(false, true, false), gpc: false });
    const cookies = setCookies(r.headers);
    expect(cookies.get('cookie_consent')![0]).toContain('cookie_consent=1.f0a1m0;');
    expect(cookies.get('c_id')![0]).toContain(`c_id=${r.json.id};`);
    // Marketing was refused: its declared cookie is expired on the host and its domain; nothing else is touched.
    expect(cookies.get('ad_uid')).toEqual([
      'ad_uid=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax',
      `ad_uid=; Path=/; Domain=${host}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax`,
    ]);
    expect([...cookies.keys()].sort()).toEqual(['ad_uid', 'c_id', 'cookie_consent']);

    const all = await records('de-frankfurt');
    expect(all).toHaveLength(before + 1);
    const row = all[all.length - 1];
    expect(row).toMatchObject({ id: r.json.id, site_id: site.id, functional: 0, analytics: 1, marketing: 0, gpc: 0, replaces: null, banner_version: version });
    // Nothing that identifies the visitor is stored.
    expect(Object.keys(row).sort()).toEqual(
      [
        'analytics',
        'banner_version',
        'created_at',
        'functional',
        'gpc',
        'hash',
        'id',
        'marketing',
        'prev_hash',
        'providers',
        'replaces',
        'seq',
        'site_id',
      ].sort(),
    );
    for (const other of ['ca-toronto', 'in-mumbai', 'us-oregon']) expect(await records(other)).toHaveLength(0);
  });

  it('expires the cookies of a refused prefix that the browser sent', async () => {
    const r = await postJson({ version, choices: choices(false, false, true) }, { cookie: '_st_s_abc=1; _st_s_def=2; _st_id=3; other=4' });
    const cookies = setCookies(r.headers);
    expect([...cookies.keys()].sort()).toEqual(['_st_id', '_st_s_abc', '_st_s_def', 'c_id', 'cookie_consent']);
  });

  it('expires Atrium’s own analytics cookie (usr) when analytics is refused, and leaves it when analytics is allowed', async () => {
    const refused = await postJson({ version, choices: choices(false, false, true) }, { cookie: 'usr=20261203.abcdefgh' });
    expect(refused.status, refused.text).toBe(200);
    const gone = setCookies(refused.headers).get('usr');
    expect(gone).toHaveLength(1);
    expect(gone![0]).toMatch(/^usr=; /);
    expect(gone![0]).toMatch(/Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
    expect(gone![0]).toContain('Path=/');
    const allowed = await postJson({ version, choices: choices(false, true, false) }, { cookie: 'usr=20261203.abcdefgh' });
    expect(setCookies(allowed.headers).has('usr')).toBe(false);
    // Not sent, nothing to expire.
    expect(setCookies((await postJson({ version, choices: choices(false, false, false) })).headers).has('usr')).toBe(false);
  });

  it('links a visitor’s new choice to their previous record', async () => {
    const first = await postJson({ version, choices: choices(false, true, true, ['youtube']) });
    const second = await postJson({ version, choices: choices(false, false, false) }, { cookie: `c_id=${first.json.id}` });
    expect(first.json.choices.providers).toEqual(['youtube']);
    const rows = await records('de-frankfurt');
    expect(rows.find((x) => x.id === second.json.id)).toMatchObject({ replaces: first.json.id, analytics: 0 });
  });

  it('honours Global Privacy Control: marketing is refused and the signal is recorded', async () => {
    const r = await postJson({ version, choices: choices(true, true, true) }, { 'sec-gpc': '1' });
    expect(r.json.choices).toEqual(choices(false, true, false)); // nothing functional is offered on this site
    expect(r.json.gpc).toBe(true);
    expect(setCookies(r.headers).get('cookie_consent')![0]).toContain('cookie_consent=1.f0a1m0;');
    const row = (await records('de-frankfurt')).find((x) => x.id === r.json.id);
    expect(row).toMatchObject({ gpc: 1, marketing: 0, analytics: 1 });
    // The preferences page says so and leaves the box off.
    const page = await c.get('/_atrium/cookies', { host, headers: { 'sec-gpc': '1', cookie: 'cookie_consent=1.f0a1m1' } });
    expect(page.text).toContain('Global Privacy Control signal, so the following stay off: marketing');
    expect(checkbox(page.text, 'marketing')).toContain('disabled=""');
    expect(checkbox(page.text, 'marketing')).not.toContain('checked');
  });

  it('refuses a banner version that is not the live one, naming the field, and stores nothing', async () => {
    const before = (await records('de-frankfurt')).length;
    const stale = await postJson({ version: 'a'.repeat(64), choices: choices(true, true, true) });
    expect(stale.status).toBe(400);
    expect(stale.json).toMatchObject({ error: 'invalid_input', issues: [{ path: 'version' }] });
    expect(stale.headers['set-cookie']).toBeUndefined();
    const bad = await postJson({ version, choices: { analytics: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['choices.analytics', 'choices.functional', 'choices.marketing']);
    const plain = await postForm({ version: 'b'.repeat(64), analytics: 'on' });
    expect(plain.status).toBe(400);
    expect(plain.text).toContain('This page was out of date');
    expect(plain.text).toMatch(new RegExp(`name="version" value="${version}"`));
    expect(await records('de-frankfurt')).toHaveLength(before);
  });

  it('refuses choices sent from another site', async () => {
    const r = await postJson({ version, choices: choices(true, true, true) }, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
    expect((await postJson({ version, choices: choices(true, true, true) }, { origin: `http://${host}:${t.port}` })).status).toBe(200);
  });

  it('answers 404 on a site with nothing to consent to', async () => {
    const plain = (await c.post('/api/sites', { name: 'Plain', slug: 'plain-site', template: 'saas', region: 'us-oregon' })).json;
    expect((await c.post(`/api/sites/${plain.id}/publish`)).status).toBe(201);
    const r = await c.request('POST', '/_atrium/consent', undefined, {
      host: 'plain-site.localhost',
      raw: JSON.stringify({ version, choices: choices(true, true, true) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(404);
    const page = await c.get('/_atrium/cookies', { host: 'plain-site.localhost' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('there is nothing to choose');
    expect(page.text).not.toContain('<form');
    expect(page.text).toContain('This site sets no cookies.');
  });
});

describe('the chain of records', () => {
  it('appends concurrent choices without a gap or a fork, and verifies', async () => {
    const posts = await Promise.all(Array.from({ length: 30 }, (_, i) => postJson({ version, choices: choices(false, i % 2 === 0, i % 3 === 0) })));
    expect(posts.map((p) => p.status)).toEqual(Array(30).fill(200));
    const rows = await records('de-frankfurt');
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const verify = await c.get(`/api/sites/${site.id}/consent/verify`);
    expect(verify.status).toBe(200);
    expect(verify.json).toMatchObject({ ok: true, records: rows.length, firstBrokenSeq: null, problem: null, headHash: rows[rows.length - 1].hash });
  });

  it('detects a record changed in the database, naming its seq', async () => {
    const db = (t.running.ctx.dbs.regions as any)['de-frankfurt'];
    const target = (await records('de-frankfurt'))[4];
    await db
      .updateTable('consent_records')
      .set({ marketing: 1 - target.marketing })
      .where('id', '=', target.id)
      .execute();
    const verify = await c.get(`/api/sites/${site.id}/consent/verify`);
    expect(verify.json).toMatchObject({ ok: false, firstBrokenSeq: target.seq, problem: `record ${target.seq} was changed after it was stored` });
    // Recomputing its hash does not hide the edit: the next record no longer follows it.
    const { recordHash } = await import('../../src/consent/chain.js');
    const edited = await db.selectFrom('consent_records').selectAll().where('id', '=', target.id).executeTakeFirst();
    await db
      .updateTable('consent_records')
      .set({ hash: recordHash(edited.prev_hash, edited) })
      .where('id', '=', target.id)
      .execute();
    expect((await c.get(`/api/sites/${site.id}/consent/verify`)).json).toMatchObject({ ok: false, firstBrokenSeq: target.seq + 1 });
    // Removing a record is detected too.
    await db.updateTable('consent_records').set({ marketing: target.marketing, hash: target.hash }).where('id', '=', target.id).execute();
    expect((await c.get(`/api/sites/${site.id}/consent/verify`)).json.ok).toBe(true);
    const removed = (await records('de-frankfurt'))[9];
    await db.deleteFrom('consent_records').where('id', '=', removed.id).execute();
    expect((await c.get(`/api/sites/${site.id}/consent/verify`)).json).toMatchObject({
      ok: false,
      firstBrokenSeq: removed.seq,
      problem: `record ${removed.seq} is missing`,
    });
    await db.insertInto('consent_records').values(removed).execute();
    // And an edited banner text.
    const banner = await db.selectFrom('consent_banners').selectAll().executeTakeFirst();
    await db
      .updateTable('consent_banners')
      .set({ text: banner.text.replace('Accept all', 'OK') })
      .where('version', '=', banner.version)
      .execute();
    expect((await c.get(`/api/sites/${site.id}/consent/verify`)).json).toMatchObject({ ok: false, firstBrokenSeq: null, alteredBanners: [banner.version] });
    await db.updateTable('consent_banners').set({ text: banner.text }).where('version', '=', banner.version).execute();
    expect((await c.get(`/api/sites/${site.id}/consent/verify`)).json.ok).toBe(true);
  });
});

describe('the subscriber’s consent API', () => {
  it('counts choices per category, with the GPC share, over a time range', async () => {
    const stats = await c.get(`/api/sites/${site.id}/consent/stats`);
    expect(stats.status).toBe(200);
    const rows = await records('de-frankfurt');
    const count = (f: (r: any) => boolean) => rows.filter(f).length;
    expect(stats.json).toMatchObject({
      from: null,
      total: rows.length,
      gpc: count((r) => r.gpc === 1),
      changes: count((r) => r.replaces !== null),
      categories: [
        { category: 'functional', offered: 0, accepted: 0, refused: 0, acceptRate: null },
        { category: 'analytics', offered: rows.length, accepted: count((r) => r.analytics === 1), refused: count((r) => r.analytics === 0) },
        { category: 'marketing', offered: rows.length, accepted: count((r) => r.marketing === 1) },
      ],
    });
    expect(stats.json.gpcShare).toBeCloseTo(count((r) => r.gpc === 1) / rows.length);
    expect(stats.json.categories[1].acceptRate).toBeCloseTo(count((r) => r.analytics === 1) / rows.length);
    const future = await c.get(`/api/sites/${site.id}/consent/stats?from=2999-01-01`);
    expect(future.json).toMatchObject({ total: 0, gpcShare: null, from: '2999-01-01T00:00:00.000Z' });
    const bad = await c.get(`/api/sites/${site.id}/consent/stats?from=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('from');
  });

  it('looks a record up by id, with the banner it answered', async () => {
    const posted = await postJson({ version, choices: choices(false, true, false) }, { 'sec-gpc': '1' });
    const r = await c.get(`/api/sites/${site.id}/consent/records/${posted.json.id}`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      id: posted.json.id,
      choices: choices(false, true, false),
      gpc: true,
      bannerVersion: version,
      replacedBy: null,
      banner: { lang: 'en', mode: 'categories', categories: ['analytics', 'marketing'], gpcRefusesAnalytics: false, strings: { acceptAll: 'Accept all' } },
    });
    expect((await c.get(`/api/sites/${site.id}/consent/records/cr_${'x'.repeat(27)}`)).status).toBe(404);
    expect((await c.get(`/api/sites/${site.id}/consent/records/nope`)).status).toBe(404);
  });

  it('exports every record with the banner texts, as JSON and CSV', async () => {
    const rows = await records('de-frankfurt');
    const json = await c.get(`/api/sites/${site.id}/consent/export?format=json`);
    expect(json.status).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/^attachment; filename="consenty-consent-records-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(json.json.chain).toMatchObject({ ok: true, records: rows.length });
    expect(json.json.records).toHaveLength(rows.length);
    expect(json.json.records[0]).toMatchObject({ seq: 1, id: rows[0].id, hash: rows[0].hash });
    expect(json.json.banners).toEqual([
      { version, createdAt: expect.any(String), text: expect.objectContaining({ lang: 'en', categories: ['analytics', 'marketing'] }) },
    ]);
    const csv = await c.get(`/api/sites/${site.id}/consent/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'seq,id,recorded_at,functional,analytics,marketing,always_allowed_providers,gpc,replaces,banner_version,banner_language,banner_text,prev_hash,hash',
    );
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[1]).toContain(`1,${rows[0].id},`);
    expect(lines[1]).toContain('Accept all');
    expect((await c.get(`/api/sites/${site.id}/consent/export?format=xml`)).status).toBe(400);
  });

  it('answers 404 to another subscriber', async () => {
    const other = t.client();
    await signUpVerified(other, t.smtp, 'nosy@example.com');
    const id = (await records('de-frankfurt'))[0].id;
    for (const path of ['stats', `records/${id}`, 'export?format=csv', 'verify'])
      expect((await other.get(`/api/sites/${site.id}/consent/${path}`)).status, path).toBe(404);
    // And without a session, 401.
    expect((await t.client().get(`/api/sites/${site.id}/consent/stats`)).status).toBe(401);
  });
});

describe('deleting the site', () => {
  it('erases its consent records and banner texts from the region', async () => {
    const db = (t.running.ctx.dbs.regions as any)['de-frankfurt'];
    expect((await records('de-frankfurt')).length).toBeGreaterThan(0);
    expect((await c.delete(`/api/sites/${site.id}`)).status).toBe(204);
    expect(await records('de-frankfurt')).toEqual([]);
    expect(await db.selectFrom('consent_banners').selectAll().execute()).toEqual([]);
  });
});

describe('the per-network limit', () => {
  it('answers 429 with Retry-After after the limit, without storing the address', async () => {
    const small = await startTestServer({ ATRIUM_CONSENT_LIMIT_PER_IP: '3' });
    try {
      const o = small.client();
      await signUpVerified(o, small.smtp, 'limited@example.com');
      await publishConsentSite(o, { name: 'Limited', slug: 'limited', region: 'us-oregon' });
      const v = await liveVersion(o, 'limited.localhost');
      const send = () =>
        o.request('POST', '/_atrium/consent', undefined, {
          host: 'limited.localhost',
          raw: JSON.stringify({ version: v, choices: choices(false, false, false) }),
          headers: { 'content-type': 'application/json' },
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await send()).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await send();
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json.error).toBe('rate_limited');
      const rows = await small.running.ctx.dbs.regions['us-oregon'].selectFrom('consent_records').selectAll().execute();
      expect(rows).toHaveLength(3);
      expect(JSON.stringify(rows)).not.toContain('127.0.0.1');
    } finally {
      await small.close();
    }
  });
});
