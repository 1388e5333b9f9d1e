// An Image block waiting for its picture: a valid draft, so autosave keeps
// every later edit, but publishing refuses it with a sentence naming the page
// and the block, and publishes nothing until it is filled in or removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

let t: TestServer;
let c: HttpClient;
beforeAll(async () => {
  t = await startTestServer();
  c = t.client();
  await signUpVerified(c, t.smtp, 'images@example.com');
});
afterAll(async () => t?.close());

type Doc = { pages: { path: string; title: string; blocks: { type: string; props: Record<string, unknown> }[] }[] };

describe('an image block without an image', () => {
  it('saves as a draft, is refused at publish naming page and block, and publishes once chosen', async () => {
    const site = (await c.post('/api/sites', { name: 'Pictures', slug: 'pictures', template: 'saas', region: 'us-oregon' })).json;
    const doc = site.document as Doc;
    const home = doc.pages.find((p) => p.path === '/')!;
    const pricing = doc.pages.find((p) => p.path === '/pricing')!;
    home.blocks.splice(2, 0, { type: 'image', props: { id: 'img-empty', width: 'wide', tone: 'default' } });
    pricing.blocks.push({ type: 'image', props: { id: 'img-empty-2', caption: 'Our team' } });

    // The draft saves, and a later edit saves too.
    let saved = await c.put(`/api/sites/${site.id}/draft`, { revision: 1, document: doc });
    expect(saved.status, saved.text).toBe(200);
    home.blocks[0]!.props.heading = 'Edits after the empty image are kept';
    saved = await c.put(`/api/sites/${site.id}/draft`, { revision: 2, document: doc });
    expect(saved.status, saved.text).toBe(200);
    const draft = (await c.get(`/api/sites/${site.id}`)).json.document as Doc;
    expect(draft.pages.find((p) => p.path === '/')!.blocks[2]).toEqual({ type: 'image', props: { id: 'img-empty', width: 'wide', tone: 'default' } });

    // Publishing says which blocks to fill, and releases nothing.
    const refused = await c.post(`/api/sites/${site.id}/publish`);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toBe('invalid_input');
    expect(refused.json.message).toBe('Home page: the Image block (3rd) has no image; choose one or remove the block. 1 more Image block has no image either.');
    const pricingIndex = doc.pages.indexOf(pricing);
    expect(refused.json.issues).toEqual([
      { path: `document.pages.${doc.pages.indexOf(home)}.blocks.2.props.image`, message: expect.stringMatching(/^Home page: /) },
      {
        path: `document.pages.${pricingIndex}.blocks.${pricing.blocks.length - 1}.props.image`,
        message: expect.stringMatching(/^Pricing page \(\/pricing\): the Image block \(\d+(st|nd|rd|th)\) has no image; choose one or remove the block\.$/),
      },
    ]);
    expect((await c.get(`/api/sites/${site.id}/releases`)).json.releases).toEqual([]);
    expect((await c.get('/', { host: 'pictures.localhost' })).status).toBe(404);

    // Choose an image for one and remove the other: it publishes, with the picture.
    home.blocks[2]!.props.image = { src: 'https://images.example.com/team.jpg', alt: 'The team at the whiteboard' };
    pricing.blocks.pop();
    expect((await c.put(`/api/sites/${site.id}/draft`, { revision: 3, document: doc })).status).toBe(200);
    const published = await c.post(`/api/sites/${site.id}/publish`);
    expect(published.status, published.text).toBe(201);
    const live = await c.get('/', { host: 'pictures.localhost', headers: { 'accept-encoding': 'identity' } });
    expect(live.text).toContain('Edits after the empty image are kept');
    expect(live.text).toMatch(/<img class="image-img" src="https:\/\/images\.example\.com\/team\.jpg" alt="The team at the whiteboard"/);
  });
});
