// Several Atrium processes append to one site's chain of consent records at
// the same time (SQLite files shared by processes, or PostgreSQL): every
// record gets its own place, the chain has no gap and no fork, and verifies.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type Running } from '../../src/server.js';
import { POSTGRES } from '../helpers/databases.js';
import { freePort, startTestServer, type TestServer } from '../helpers/server.js';
import { HttpClient, signUpVerified } from '../helpers/http.js';
import { liveVersion, publishConsentSite } from '../helpers/consent-site.js';

const run = promisify(execFile);
let t: TestServer;
let site: any;
let owner: HttpClient;
const host = 'chained.localhost';

beforeAll(async () => {
  t = await startTestServer({ ATRIUM_CONSENT_LIMIT_PER_IP: '10000' });
  owner = t.client();
  await signUpVerified(owner, t.smtp, 'chained@example.com');
  site = await publishConsentSite(owner, { name: 'Chained', slug: 'chained', region: 'ca-toronto' });
});
afterAll(async () => t?.close());

async function chainIsWhole(expected: number) {
  const rows = await t.running.ctx.dbs.regions['ca-toronto']
    .selectFrom('consent_records')
    .select(['seq'])
    .where('site_id', '=', site.id)
    .orderBy('seq')
    .execute();
  expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
  return owner.get(`/api/sites/${site.id}/consent/verify`);
}

describe('appending from several processes', () => {
  it('keeps one chain when three processes append at once', async () => {
    const before = Number(
      (
        await t.running.ctx.dbs.regions['ca-toronto']
          .selectFrom('consent_records')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    // Time enough for each process to start and open the databases; then all append in the same instant.
    const env = { ...process.env, ...t.env, SITE_ID: site.id, COUNT: '40', START_AT: String(Date.now() + 6000), LOG_LEVEL: 'warn' };
    const outputs = await Promise.all([1, 2, 3].map(() => run(process.execPath, ['--import', 'tsx', 'test/helpers/append-consent.ts'], { env })));
    expect(outputs.map((o) => JSON.parse(o.stdout))).toEqual([{ stored: 40 }, { stored: 40 }, { stored: 40 }]);
    const rows = await t.running.ctx.dbs.regions['ca-toronto'].selectFrom('consent_records').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(rows).toHaveLength(before + 120);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    rows.forEach((r, i) => i > 0 && expect(r.prev_hash).toBe(rows[i - 1]!.hash));
  });

  // Two servers in one test process would block each other on SQLite (one thread); PostgreSQL only.
  it.skipIf(!POSTGRES)('keeps one chain when visitors post to two servers at once', async () => {
    let b: Running | undefined;
    try {
      const port = await freePort();
      b = await startServer(loadConfig({ ...t.env, PORT: String(port) }));
      const clients = [owner, new HttpClient(port)];
      const version = await liveVersion(clients[0]!, host);
      const before = Number(
        (
          await t.running.ctx.dbs.regions['ca-toronto']
            .selectFrom('consent_records')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const posts = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          clients[i % 2]!.request('POST', '/_atrium/consent', undefined, {
            host,
            raw: JSON.stringify({ version, choices: { functional: false, analytics: true, marketing: i % 2 === 0, providers: [] } }),
            headers: { 'content-type': 'application/json' },
          }),
        ),
      );
      expect(posts.map((p) => p.status)).toEqual(Array(40).fill(200));
      const verify = await chainIsWhole(before + 40);
      expect(verify.json).toMatchObject({ ok: true, records: before + 40, firstBrokenSeq: null });
    } finally {
      await b?.close();
    }
  });

  it('verifies after all of it', async () => {
    const n = Number(
      (
        await t.running.ctx.dbs.regions['ca-toronto']
          .selectFrom('consent_records')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect((await chainIsWhole(n)).json).toMatchObject({ ok: true, records: n });
  });
});
