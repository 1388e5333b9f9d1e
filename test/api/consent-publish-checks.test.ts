// What publishing refuses about third-party content: an embed without an
// address or with one its provider does not accept, custom code that cannot
// work under the published CSP, and the cookie banner turned off while the
// site holds something that needs consent. The refusal is a 400 naming the
// field with a sentence, and nothing is released. Saving a draft says the same
// in the same words: custom code added or changed in the save is refused (and
// not stored), everything else comes back as warnings while the draft is
// worked on.
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

/** A fresh site whose draft is edited and saved (it must save), then published. */
async function publishWith(slug: string, edit: (doc: Doc) => void) {
  const site = (await c.post('/api/sites', { name: slug, slug, template: 'saas', region: 'us-oregon' })).json;
  const doc = site.document as Doc;
  edit(doc);
  const saved = await c.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document: doc });
  expect(saved.status, saved.text).toBe(200);
  const r = await c.post(`/api/sites/${site.id}/publish`);
  return { r, saved, site, doc, releases: async () => (await c.get(`/api/sites/${site.id}/releases`)).json.releases as unknown[] };
}

/**
 * A fresh site whose edited draft is refused by the save, then written as a
 * draft saved before saves checked custom code (the only way such a draft can
 * exist now) and published.
 */
async function refusedThenPublished(slug: string, edit: (doc: Doc) => void) {
  const site = (await c.post('/api/sites', { name: slug, slug, template: 'saas', region: 'us-oregon' })).json;
  const doc = site.document as Doc;
  edit(doc);
  const saved = await c.put(`/api/sites/${site.id}/draft`, { revision: site.revision, document: doc });
  const after = (await c.get(`/api/sites/${site.id}`)).json;
  expect(after.revision).toBe(site.revision); // nothing stored
  await t.running.ctx.dbs.control
    .updateTable('sites')
    .set({ draft: JSON.stringify(doc), draft_revision: site.revision + 1 })
    .where('id', '=', site.id)
    .execute();
  const r = await c.post(`/api/sites/${site.id}/publish`);
  return { saved, r, site, doc, releases: async () => (await c.get(`/api/sites/${site.id}/releases`)).json.releases as unknown[] };
}

const snippet = (id: string, name: string, code: string, category = 'analytics') => ({ id, name, category, code });
const embed = (id: string, provider: string, url?: string) => ({ type: 'embed', props: { id, provider, ...(url === undefined ? {} : { url }) } });

describe('custom code that cannot work under the CSP', () => {
  it('refuses a site-wide snippet with an inline event handler, naming the field, when it is saved and when it is published', async () => {
    const { saved, r, releases } = await refusedThenPublished('bad-handler', (doc) => {
      doc.snippets = [
        snippet('ok', 'Stats', '<script>init()</script>'),
        snippet('news', 'Newsletter', '<div>\n  <button onclick="subscribe()">Join</button>\n</div>', 'functional'),
      ];
    });
    const issues = [
      {
        path: 'document.snippets.1.code',
        message:
          'The site-wide snippet "Newsletter" cannot be published: line 2: <button onclick="…"> is an inline event handler, which the site\'s security policy blocks; add the listener from a <script> instead.',
      },
    ];
    expect(saved.status).toBe(400);
    expect(saved.json).toMatchObject({ error: 'invalid_input', message: issues[0]!.message, issues });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('invalid_input');
    expect(r.json.issues).toEqual(issues);
    expect(r.json.message).toBe(r.json.issues[0].message);
    expect(await releases()).toEqual([]);
    expect((await c.get('/', { host: 'bad-handler.localhost' })).status).toBe(404);
  });

  it('keeps saving a draft whose unpublishable code was stored before saves checked it, with a warning, until that code is changed', async () => {
    const { site, doc } = await refusedThenPublished('old-code', (doc) => {
      doc.snippets = [snippet('news', 'Newsletter', '<button onclick="subscribe()">Join</button>', 'functional')];
    });
    const warning = {
      path: 'document.snippets.0.code',
      message:
        'The site-wide snippet "Newsletter" cannot be published: <button onclick="…"> is an inline event handler, which the site\'s security policy blocks; add the listener from a <script> instead.',
    };
    // An unrelated edit saves, and says what publishing would still refuse.
    doc.pages[0]!.title = 'Welcome';
    const saved = await c.put(`/api/sites/${site.id}/draft`, { revision: site.revision + 1, document: doc });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.warnings).toEqual([warning]);
    // Changing the code (or its category) is checked again: still wrong, refused.
    (doc.snippets[0] as { code: string }).code = '<button onclick="join()">Join</button>';
    const changed = await c.put(`/api/sites/${site.id}/draft`, { revision: saved.json.revision, document: doc });
    expect(changed.status).toBe(400);
    expect(changed.json.issues).toEqual([{ path: 'document.snippets.0.code', message: expect.stringContaining('"Newsletter" cannot be published') }]);
    // Fixed: saved, no warning left.
    (doc.snippets[0] as { code: string }).code = '<button id="join">Join</button><script>document.getElementById("join").onclick = join;</script>';
    const fixed = await c.put(`/api/sites/${site.id}/draft`, { revision: saved.json.revision, document: doc });
    expect(fixed.status, fixed.text).toBe(200);
    expect(fixed.json.warnings).toEqual([]);
  });

  it('refuses javascript: URLs, <base>, plain http and non-https scripts in page snippets, naming page and snippet', async () => {
    const { saved, r, doc } = await refusedThenPublished('bad-code', (doc) => {
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
    // The save said the same, snippet by snippet.
    expect(saved.status).toBe(400);
    expect(saved.json.issues).toEqual(r.json.issues);
    expect(saved.json.message).toBe(`${r.json.issues[0].message} 3 more snippets need fixing too.`);
  });
});

describe('embeds', () => {
  it('refuses an embed without an address or with one its provider does not accept, naming page and block', async () => {
    const { r, saved, doc } = await publishWith('bad-embeds', (doc) => {
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
    // A draft may hold an embed still waiting for its address: the save said the same as warnings.
    expect(saved.json.warnings).toEqual(r.json.issues);
  });
});

describe('the cookie banner turned off', () => {
  it('is refused while the site embeds or runs something that needs consent, with a sentence naming it', async () => {
    const { r, saved, site, doc, releases } = await publishWith('banner-off', (doc) => {
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
      'This site embeds YouTube and runs the snippet "Plausible", which need the visitor\'s consent: turn the cookie banner on in Site settings → Privacy & cookies, or remove them.';
    expect(r.json).toMatchObject({ error: 'invalid_input', message: sentence, issues: [{ path: 'document.consent.mode', message: sentence }] });
    expect(saved.json.warnings).toEqual([{ path: 'document.consent.mode', message: sentence }]);
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
      "This site embeds Google Maps, which needs the visitor's consent: turn the cookie banner on in Site settings → Privacy & cookies, or remove it.",
    );
  });
});
