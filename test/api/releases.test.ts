// Releases: an old release can be previewed (its stored document) before rolling
// back, and every rollback is recorded in the history as a release of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpVerified, type HttpClient } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

async function publishWithHeading(c: HttpClient, siteId: string, heading: string) {
  const site = (await c.get(`/api/sites/${siteId}`)).json;
  site.document.pages[0].blocks.find((b: { type: string }) => b.type === 'hero').props.heading = heading;
  expect((await c.put(`/api/sites/${siteId}/draft`, { revision: site.revision, document: site.document })).status).toBe(200);
  const r = await c.post(`/api/sites/${siteId}/publish`);
  expect(r.status).toBe(201);
  return r.json as { id: string; createdAt: string };
}

const liveHeading = async (slug: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec((await t.client().get('/', { host: `${slug}.localhost` })).text)?.[1];

describe('releases', () => {
  it('previews an old release and records each rollback in the history', async () => {
    const c = t.client();
    const { subscriberId } = await signUpVerified(c, t.smtp, 'releaser@example.com');
    const site = (await c.post('/api/sites', { name: 'Timeline', slug: 'timeline', template: 'saas', region: 'us-oregon' })).json;
    const first = await publishWithHeading(c, site.id, 'First heading');
    const second = await publishWithHeading(c, site.id, 'Second heading');
    const third = await publishWithHeading(c, site.id, 'Third heading');

    // Preview: the release with the document it was rendered from.
    const preview = await c.get(`/api/sites/${site.id}/releases/${first.id}`);
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ id: first.id, reason: 'publish', live: false, restoredFrom: null, publishedBy: subscriberId });
    expect(preview.json.document.pages[0].blocks.find((b: { type: string }) => b.type === 'hero').props.heading).toBe('First heading');
    expect(preview.json.document.pages.length).toBe(preview.json.pageCount);
    expect((await c.get(`/api/sites/${site.id}/releases/rel_nope`)).status).toBe(404);
    // A release id of another site of the same subscriber is not found on this one.
    const other = (await c.post('/api/sites', { name: 'Other', slug: 'other-one', template: 'app', region: 'us-oregon' })).json;
    expect((await c.get(`/api/sites/${other.id}/releases/${first.id}`)).status).toBe(404);
    expect((await c.post(`/api/sites/${other.id}/releases/${first.id}/rollback`)).status).toBe(404);

    // Roll back to the first release: a new, live entry that names it; the old entries stay as they were.
    const rb = await c.post(`/api/sites/${site.id}/releases/${first.id}/rollback`);
    expect(rb.status).toBe(200);
    expect(rb.json.rolledBackTo).toBe(first.id);
    expect(rb.json.liveReleaseId).not.toBe(first.id);
    expect(await liveHeading('timeline')).toBe('First heading');
    let history = (await c.get(`/api/sites/${site.id}/releases`)).json.releases;
    expect(history.map((r: { id: string }) => r.id).slice(1)).toEqual([third.id, second.id, first.id]);
    expect(history[0]).toMatchObject({
      id: rb.json.liveReleaseId,
      reason: 'rollback',
      live: true,
      publishedBy: subscriberId,
      restoredFrom: { id: first.id, createdAt: first.createdAt },
    });
    expect(history[0].contentHash).toBe(history[3].contentHash); // the same files, not a re-render
    expect((await c.get(`/api/sites/${site.id}`)).json.liveReleaseId).toBe(rb.json.liveReleaseId);

    // Rolling back to the release that is already live changes nothing.
    const again = await c.post(`/api/sites/${site.id}/releases/${rb.json.liveReleaseId}/rollback`);
    expect(again.json.liveReleaseId).toBe(rb.json.liveReleaseId);
    expect((await c.get(`/api/sites/${site.id}/releases`)).json.releases).toHaveLength(4);

    // Forward to the second, then back to the first rollback: that restores what it restored.
    await c.post(`/api/sites/${site.id}/releases/${second.id}/rollback`);
    expect(await liveHeading('timeline')).toBe('Second heading');
    const back = await c.post(`/api/sites/${site.id}/releases/${rb.json.liveReleaseId}/rollback`);
    expect(await liveHeading('timeline')).toBe('First heading');
    history = (await c.get(`/api/sites/${site.id}/releases`)).json.releases;
    expect(history.map((r: { reason: string; restoredFrom: { id: string } | null }) => [r.reason, r.restoredFrom?.id ?? null])).toEqual([
      ['rollback', first.id],
      ['rollback', second.id],
      ['rollback', first.id],
      ['publish', null],
      ['publish', null],
      ['publish', null],
    ]);
    expect(history[0].id).toBe(back.json.liveReleaseId);
    expect(history.filter((r: { live: boolean }) => r.live)).toHaveLength(1);
  });
});
