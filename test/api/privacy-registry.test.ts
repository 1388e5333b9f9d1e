// The data map must classify every column of every live database, and the
// server must refuse to set any cookie that is not in the cookie registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { unclassifiedColumns, DATA_MAP } from '../../src/privacy/data-map.js';
import { enforceCookieRegistry, setCookie } from '../../src/cookies/set-cookie.js';
import { COOKIES } from '../../src/cookies/registry.js';

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

  it('declares each cookie with a purpose, duration and category', () => {
    for (const c of Object.values(COOKIES)) {
      expect(c.purpose.length).toBeGreaterThan(10);
      expect(['essential', 'functional', 'analytics', 'marketing', 'security']).toContain(c.category);
    }
  });
});
