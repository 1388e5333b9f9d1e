// What publishing refuses about third-party content: an embed without an
// address or with one its provider does not accept, custom code that cannot
// work under the published CSP, and the cookie banner turned off while the
// site holds something that needs consent. Drafts keep saving; the refusal is
// a 400 naming the field with a sentence, and nothing is released.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

type Doc = {
  snippets: unknown[];
  pages: { path: string; title: string; blocks: { type: string; props: Record<string, unknown> }[]; snippets: unknown[] }[];
  consent: { mode: string };
};

let t: TestServer;
let c: HttpClient;
beforeAll(async () => {
  t = await startTestServer();
  c = t.client();
  await signUpVerified(c, t.smtp, 'checks@example.com');
});
afterAll(async () => t?.close());

/** A fresh site whose draft is edited, saved (it must save), then published. */
async function publishWith(slug: string, edit: (doc: Doc) => void) {
  const site = (await c.post('/api/sites', { name: slug, slug, template: 'saas', region: 'us-oregon' })).json;
  const doc = site.document as Doc;
  edit(doc);
  const saved = await c.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document: doc });
  expect(saved.status, saved.text).toBe(200);
  const r = await c.post(`/api/sites/${site.id}/publish`);
  return { r, site, doc, releases: async () => (await c.get(`/api/sites/${site.id}/releases`)).json.releases as unknown[] };
}

const snippet = (id: string, name: string, code: string, category = 'analytics') => ({ id, name, category, code });
const embed = (id: string, provider: string, url?: string) => ({ type: 'embed', props: { id, provider, ...(url === undefined ? {} : { url }) } });

describe('custom code that cannot work under the CSP', () => {
  it('refuses a site-wide snippet with an inline event handler, naming the field', async () => {
    const { r, releases } = await publishWith('bad-handler', (doc) => {
      doc.snippets = [
        snippet('ok', 'Stats', '<script>init()</script>'),
        snippet('news', 'Newsletter', '<div>\n  <button onclick="subscribe()">Join</button>\n</div>', 'functional'),
      ];
    });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('invalid_input');
    expect(r.json.issues).toEqual([
      {
        path: 'document.snippets.1.code',
        message:
          'The site-wide snippet "Newsletter" cannot be published: line 2: <button onclick="…"> is an inline event handler, which the site\'s security policy blocks; add the listener from a <script> instead.',
      },
    ]);
    expect(r.json.message).toBe(r.json.issues[0].message);
    expect(await releases()).toEqual([]);
    expect((await c.get('/', { host: 'bad-handler.localhost' })).status).toBe(404);
  });

  it('refuses javascript: URLs, <base>, plain http and non-https scripts in page snippets, naming page and snippet', async () => {
    const { r, doc } = await publishWith('bad-code', (doc) => {
      const pricing = doc.pages.find((p) => p.path === '/pricing')!;
      pricing.snippets = [
        snippet('link', 'Link', '<a href="javascript:open()">Open</a>'),
        snippet('base', 'Base', '<base href="https://cdn.example.com/">', 'necessary'),
        snippet('http', 'Old tag', '<script src="http://tags.example.com/t.js"></script>', 'marketing'),
        snippet('data', 'Data tag', '<script src="data:text/javascript,go()"></script>', 'marketing'),
      ];
    });
    const i = doc.pages.findIndex((p) => p.path === '/pricing');
    expect(r.status).toBe(400);
    expect(r.json.issues.map((x: { path: string }) => x.path)).toEqual([0, 1, 2, 3].map((j) => `document.pages.${i}.snippets.${j}.code`));
    expect(r.json.issues.map((x: { message: string }) => x.message)).toEqual([
      'Pricing page (/pricing): the snippet "Link" cannot be published: <a href="javascript:…"> runs code from an address, which the site\'s security policy blocks.',
      'Pricing page (/pricing): the snippet "Base" cannot be published: <base> would change where every link and file of the page points; remove it.',
      'Pricing page (/pricing): the snippet "Old tag" cannot be published: <script src="http://tags.example.com/t.js"> loads over plain http, which browsers block on an https site; use its https:// address.',
      'Pricing page (/pricing): the snippet "Data tag" cannot be published: <script src="data:text/javascript,go()"> must be an https:// address.',
    ]);
    expect(r.json.message).toBe(`${r.json.issues[0].message} 3 more things need fixing before publishing.`);
  });
});

describe('embeds', () => {
  it('refuses an embed without an address or with one its provider does not accept, naming page and block', async () => {
    const { r, doc } = await publishWith('bad-embeds', (doc) => {
      const home = doc.pages.find((p) => p.path === '/')!;
      home.blocks.splice(
        1,
        0,
        embed('empty', 'youtube'),
        embed('wrong', 'youtube', 'https://vimeo.com/76979871'),
        embed('fine', 'vimeo', 'https://vimeo.com/76979871'),
      );
      doc.pages.find((p) => p.path === '/about')!.blocks.push(embed('frame', 'iframe'));
    });
    const home = doc.pages.findIndex((p) => p.path === '/');
    const about = doc.pages.findIndex((p) => p.path === '/about');
    expect(r.status).toBe(400);
    expect(r.json.issues).toEqual([
      {
        path: `document.pages.${home}.blocks.1.props.url`,
        message: 'Home page: the Embed block (2nd) has no address yet; paste a YouTube link or remove the block.',
      },
      {
        path: `document.pages.${home}.blocks.2.props.url`,
        message: 'Home page: the address in the Embed block (3rd) must be a YouTube video link, like https://www.youtube.com/watch?v=…',
      },
      {
        path: `document.pages.${about}.blocks.${doc.pages[about]!.blocks.length - 1}.props.url`,
        message: expect.stringMatching(
          /^About page \(\/about\): the Embed block \(\d+(st|nd|rd|th)\) has no address yet; paste the https:\/\/ address of the page to embed or remove the block\.$/,
        ),
      },
    ]);
    expect(r.json.message).toBe(
      'Home page: the Embed block (2nd) has no address yet; paste a YouTube link or remove the block. 2 more things need fixing before publishing.',
    );
  });
});

describe('the cookie banner turned off', () => {
  it('is refused while the site embeds or runs something that needs consent, with a sentence naming it', async () => {
    const { r, site, doc, releases } = await publishWith('banner-off', (doc) => {
      doc.consent.mode = 'off';
      doc.snippets = [
        snippet('plausible', 'Plausible', '<script src="https://plausible.io/js/script.js"></script>'),
        snippet('boot', 'Boot', '<script>boot()</script>', 'necessary'),
      ];
      doc.pages.find((p) => p.path === '/')!.blocks.push(embed('tour', 'youtube', 'https://youtu.be/dQw4w9WgXcQ'));
      doc.pages.find((p) => p.path === '/about')!.blocks.push(embed('tour2', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'));
    });
    expect(r.status).toBe(400);
    const sentence =
      'This site embeds YouTube and runs the snippet "Plausible", which need the visitor\'s consent: turn the cookie banner on in Site settings → Privacy, or remove them.';
    expect(r.json).toMatchObject({ error: 'invalid_input', message: sentence, issues: [{ path: 'document.consent.mode', message: sentence }] });
    expect(await releases()).toEqual([]);

    // With only a necessary snippet left, the banner may stay off.
    doc.snippets = doc.snippets.slice(1);
    for (const p of doc.pages) p.blocks = p.blocks.filter((b) => b.type !== 'embed');
    const current = (await c.get(`/api/sites/${site.id}`)).json;
    expect((await c.put(`/api/sites/${site.id}/draft`, { revision: current.revision, document: doc })).status).toBe(200);
    const ok = await c.post(`/api/sites/${site.id}/publish`);
    expect(ok.status, ok.text).toBe(201);
    expect((await c.get('/', { host: 'banner-off.localhost' })).text).toContain('<script>boot()</script>');
  });

  it('names one thing in the singular', async () => {
    const { r } = await publishWith('banner-off-one', (doc) => {
      doc.consent.mode = 'off';
      doc.pages.find((p) => p.path === '/')!.blocks.push(embed('map', 'google-maps', 'https://www.google.com/maps/embed?pb=!1m18'));
    });
    expect(r.status).toBe(400);
    expect(r.json.message).toBe(
      "This site embeds Google Maps, which needs the visitor's consent: turn the cookie banner on in Site settings → Privacy, or remove it.",
    );
  });
});
