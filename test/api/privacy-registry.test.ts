// The data map must classify every column of every live database, and the
// server must refuse to set any cookie that is not in the cookie registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { unclassifiedColumns, DATA_MAP } from '../../src/privacy/data-map.js';
import { enforceCookieRegistry, expireSiteCookies, setCookie } from '../../src/cookies/set-cookie.js';
import { COOKIES } from '../../src/cookies/registry.js';
import { RULE_IDS, RULES } from '../../src/retention/rules.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

describe('data map', () => {
  it('classifies every column of the control and region databases', async () => {
    const { dbs } = t.running.ctx;
    const targets = [['control', dbs.control] as const, ...Object.values(dbs.regions).map((db) => ['region', db] as const)];
    const missing: string[] = [];
    let columns = 0;
    for (const [kind, db] of targets) {
      const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) {
        columns += table.columns.length;
        missing.push(
          ...unclassifiedColumns(
            kind,
            table.name,
            table.columns.map((c) => c.name),
          ).map((c) => `${kind}:${c}`),
        );
      }
    }
    expect(columns).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it('gives every personal column a purpose, legal basis, retention and a way to find a subject', () => {
    for (const tables of Object.values(DATA_MAP))
      for (const t of Object.values(tables))
        for (const col of Object.values(t.personal)) {
          expect(col.purpose.length).toBeGreaterThan(3);
          expect(col.retention.length).toBeGreaterThan(3);
          expect(['contract', 'consent', 'legitimate_interest', 'legal_obligation']).toContain(col.legalBasis);
          expect(col.locate.by.length).toBeGreaterThan(1);
        }
  });

  it('says in one plain sentence why every table exists', () => {
    const wrong: string[] = [];
    for (const [kind, tables] of Object.entries(DATA_MAP))
      for (const [table, map] of Object.entries(tables)) {
        const p = map.purpose?.trim() ?? '';
        // A sentence: a capital, an end, no second sentence, no column or table names, not too long to read at once.
        if (!/^[A-Z][^]{20,200}\.$/.test(p) || /\.\s/.test(p) || /\b[a-z]+_[a-z_]+\b/.test(p)) wrong.push(`${kind}.${table}: ${p || '(none)'}`);
      }
    expect(wrong).toEqual([]);
  });

  it('ends every personal column with a retention rule that exists', () => {
    const missing: string[] = [];
    for (const [kind, tables] of Object.entries(DATA_MAP))
      for (const [table, map] of Object.entries(tables))
        for (const [column, c] of Object.entries(map.personal)) if (!RULE_IDS.has(c.rule)) missing.push(`${kind}.${table}.${column} -> ${c.rule}`);
    expect(missing).toEqual([]);
    // And every scheduled rule ends something the map names (no rule without a column, except file and row sweeps).
    const named = new Set(Object.values(DATA_MAP).flatMap((tables) => Object.values(tables).flatMap((m) => Object.values(m.personal).map((c) => c.rule))));
    const unnamed = RULES.filter((r) => !named.has(r.id)).map((r) => r.id);
    expect(unnamed.sort()).toEqual([
      'accounts.subscription-ended',
      'accounts.unverified',
      'outbox.mail-copies',
      'requests.unconfirmed',
      'requests.unconfirmed.platform',
      'sites.orphaned-rows',
      'webhook-deliveries.old',
    ]);
  });

  it('flags a column that nobody classified', () => {
    expect(unclassifiedColumns('control', 'subscribers', ['email', 'shoe_size'])).toEqual(['subscribers.shoe_size']);
    expect(unclassifiedColumns('region', 'surprise', ['a'])).toEqual(['surprise.a']);
  });
});

describe('cookie registry', () => {
  it('sets only declared cookies, with the declared flags', async () => {
    const app = Fastify();
    await app.register(cookie);
    app.addHook('onSend', async (_req, reply, payload) => {
      enforceCookieRegistry(reply);
      return payload;
    });
    app.get('/ok', async (req, reply) => {
      setCookie(req, reply, 'atrium_session', 'v');
      return 'ok';
    });
    app.get('/sneaky', async (_req, reply) => {
      reply.setCookie('_tracker', '1');
      return 'ok';
    });
    app.setErrorHandler((e, _req, reply) => reply.code(500).send({ message: (e as Error).message }));
    const ok = await app.inject('/ok');
    expect(ok.headers['set-cookie']).toMatch(/^atrium_session=v;.*HttpOnly/);
    const sneaky = await app.inject('/sneaky');
    expect(sneaky.statusCode).toBe(500);
    expect(sneaky.headers['set-cookie']).toBeUndefined();
    expect(sneaky.json().message).toContain('undeclared cookie _tracker');
    await app.close();
  });

  it('lets a response delete only the site cookies it named, and never set them', async () => {
    const app = Fastify();
    await app.register(cookie);
    app.addHook('onSend', async (_req, reply, payload) => {
      enforceCookieRegistry(reply);
      return payload;
    });
    app.get('/expire', async (req, reply) => {
      setCookie(req, reply, 'cookie_consent', '1.f0a0m0');
      expireSiteCookies(req, reply, ['_ga', 'ad_uid'], 'acme.localhost');
      return 'ok';
    });
    // Named for deletion, but this sets a value: refused.
    app.get('/set-named', async (req, reply) => {
      expireSiteCookies(req, reply, ['_ga'], 'acme.localhost');
      reply.setCookie('_ga', 'GA1.2.3');
      return 'ok';
    });
    // An expiring header for a name the response did not declare for deletion: refused.
    app.get('/expire-other', async (_req, reply) => {
      reply.header('set-cookie', 'other=; Path=/; Max-Age=0');
      return 'ok';
    });
    app.get('/expire-registry', async (req, reply) => {
      expireSiteCookies(req, reply, ['atrium_session'], 'acme.localhost');
      return 'ok';
    });
    app.setErrorHandler((e, _req, reply) => reply.code(500).send({ message: (e as Error).message }));
    const ok = await app.inject('/expire');
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['set-cookie']).toEqual([
      '_ga=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax',
      '_ga=; Path=/; Domain=acme.localhost; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax',
      'ad_uid=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax',
      'ad_uid=; Path=/; Domain=acme.localhost; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax',
      expect.stringMatching(/^cookie_consent=1\.f0a0m0; Max-Age=31536000; Path=\/; SameSite=Lax$/),
    ]);
    for (const [path, name] of [
      ['/set-named', '_ga'],
      ['/expire-other', 'other'],
    ]) {
      const r = await app.inject(path!);
      expect(r.statusCode, path).toBe(500);
      expect(r.headers['set-cookie']).toBeUndefined();
      expect(r.json().message).toContain(`undeclared cookie ${name}`);
    }
    const registry = await app.inject('/expire-registry');
    expect(registry.statusCode).toBe(500);
    expect(registry.json().message).toContain('refusing to expire cookie atrium_session');
    await app.close();
  });

  it('declares each cookie with a purpose, duration and category', () => {
    for (const c of Object.values(COOKIES)) {
      expect(c.purpose.length).toBeGreaterThan(10);
      expect(['essential', 'preferences', 'functional', 'analytics', 'marketing', 'security']).toContain(c.category);
    }
  });
});
