// When a site's live release changes, each process loads the new one into its
// serving cache at once (the publish answers after its own process did), reads
// from disk only the files the old release did not have, and never keeps an
// older release that a load under way had read before the change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/publishing/publishing.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

let t: TestServer;
let c: HttpClient;
beforeAll(async () => {
  t = await startTestServer();
  c = t.client();
  await signUpVerified(c, t.smtp, 'reload@example.com');
});
afterAll(async () => t?.close());

/** Records which stored files the server reads, and can hold those reads until released. */
function watchReads() {
  const store = t.running.ctx.releases;
  const read = store.get.bind(store);
  const watch = { hashes: [] as string[], hold: null as Promise<void> | null, reached: () => {} };
  store.get = async (hash: string) => {
    watch.hashes.push(hash);
    if (watch.hold) {
      watch.reached();
      await watch.hold;
    }
    return read(hash);
  };
  return watch;
}

async function createSite(slug: string) {
  const site = (await c.post('/api/sites', { name: slug, slug, template: 'saas', region: 'us-oregon' })).json;
  let revision = site.revision;
  const hero = site.document.pages[0].blocks.find((b: { type: string }) => b.type === 'hero');
  return {
    id: site.id as string,
    host: `${slug}.localhost`,
    async publish(heading: string) {
      hero.props.heading = heading;
      revision = (await c.put(`/api/sites/${site.id}/draft`, { revision, document: site.document })).json.revision;
      const r = await c.post(`/api/sites/${site.id}/publish`);
      expect(r.status).toBe(201);
      return r.json.id as string;
    },
  };
}

async function fileHashes(releaseId: string): Promise<Set<string>> {
  const row = await t.running.ctx.dbs.control.selectFrom('releases').select('manifest').where('id', '=', releaseId).executeTakeFirstOrThrow();
  return new Set(Object.values((JSON.parse(row.manifest) as Manifest).files).map((f) => f.hash));
}

describe('reloading a changed site', () => {
  it('is done when the publish answers, reading only the files the new release added', async () => {
    const site = await createSite('reload-me');
    const first = await fileHashes(await site.publish('First heading'));
    await t.running.ctx.releases.idle(); // background recompression and its reload are done
    const watch = watchReads();
    expect((await c.get('/', { host: site.host })).text).toContain('First heading');
    expect(new Set(watch.hashes)).toEqual(first);

    watch.hashes = [];
    const second = await fileHashes(await site.publish('Second heading'));
    const added = [...second].filter((h) => !first.has(h));
    expect(added.length).toBeGreaterThan(0);
    expect(added.length).toBeLessThan(second.size);
    expect(watch.hashes.sort()).toEqual(added.sort());

    watch.hashes = [];
    expect((await c.get('/', { host: site.host })).text).toContain('Second heading');
    expect(watch.hashes).toEqual([]); // served from memory: loaded before the publish answered

    // The better-compressed files replace only the new ones.
    await t.running.ctx.releases.idle();
    expect(watch.hashes.sort()).toEqual(added.sort());
  });

  it('never keeps the release a load read just before a publish', async () => {
    const site = await createSite('reload-race');
    await site.publish('Old heading');
    await t.running.ctx.releases.idle();
    const watch = watchReads();
    let release = () => {};
    watch.hold = new Promise<void>((r) => (release = r));
    const reached = new Promise<void>((r) => (watch.reached = r));

    // The first request loads the site: it has read the old release and waits for its files.
    const during = c.get('/', { host: site.host });
    await reached;
    watch.hold = null;
    await site.publish('New heading');
    release();
    expect((await during).status).toBe(200);

    expect((await c.get('/', { host: site.host })).text).toContain('New heading');
  });
});
