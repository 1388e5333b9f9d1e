// Custom code and embeds on published pages, over HTTP: snippets placed at the
// end of <head>/<body> (site-wide first), each page served with its own CSP
// whose hashes are those of the inline scripts really served, external and
// declared origins and embed frames allowed, pages with nothing keeping the
// strict policy, and rollbacks serving the policy their release recorded.
import { createHash } from 'node:crypto';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type HttpClient, signUpVerified } from '../helpers/http.js';

const STRICT =
  "default-src 'none'; connect-src 'self'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";
const FORM =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

type Doc = { snippets: unknown[]; pages: { path: string; blocks: unknown[]; snippets?: unknown[] }[]; consent: { mode: string } };

const BOOT = 'document.documentElement.dataset.boot = "ready";\r\nconsole.info("Grüße ✓");\r\n';
const PLAUSIBLE = 'window.plausible = window.plausible || function () { (window.plausible.q = window.plausible.q || []).push(arguments) }';
const PIXEL = 'fbq("init", "1234"); fbq("track", "PageView"); // </div>';

const siteSnippets = [
  { id: 'boot', name: 'Boot', placement: 'head', category: 'necessary', code: `<meta name="verify" content="abc">\r\n<script>${BOOT}</script>` },
  {
    id: 'plausible',
    name: 'Plausible',
    placement: 'head',
    category: 'analytics',
    code: `<script defer data-domain="snippety.example" src="https://plausible.io/js/script.js"></script>\n<script>${PLAUSIBLE}</script>`,
    origins: ['https://stats.example.com'],
    cookies: [],
  },
];
const pricingSnippets = [
  {
    id: 'pixel',
    name: 'Ad pixel',
    placement: 'body',
    category: 'marketing',
    code: `<script>${PIXEL}</script><noscript><img src="https://px.example.com/tr?id=1234" alt=""></noscript><iframe src="https://widget.example.net/chat" title="Chat"></iframe>`,
  },
];
const embed = (id: string, provider: string, url?: string) => ({
  type: 'embed',
  props: { id, provider, ...(url === undefined ? {} : { url }), title: 'Our product in two minutes' },
});

/** The sha256 sources of the inline scripts in served HTML (templates included: they run once consent is given), recomputed here. */
function servedScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  const walk = (nodes: any[]) => {
    for (const n of nodes) {
      // Data blocks (JSON-LD, the consent runtime's JSON) never run: the CSP does not apply to them.
      const dataBlock = /^application\/(ld\+)?json$/.test(n.attribs?.type ?? '');
      if (n.name === 'script' && !n.attribs.src && !dataBlock) {
        const text = n.children.map((c: any) => c.data).join('');
        if (text) hashes.push(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
      }
      if (n.children) walk(n.children);
    }
  };
  walk(parseDocument(html).children);
  return hashes.sort();
}

const directive = (csp: string, name: string) =>
  csp
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1) ?? [];

let t: TestServer;
let c: HttpClient;
beforeAll(async () => {
  t = await startTestServer();
  c = t.client();
  await signUpVerified(c, t.smtp, 'snippets@example.com');
});
afterAll(async () => t?.close());

async function saveDraft(siteId: string, edit: (doc: Doc) => void) {
  const site = (await c.get(`/api/sites/${siteId}`)).json;
  edit(site.document);
  const saved = await c.put(`/api/sites/${siteId}/draft`, { revision: site.revision, document: site.document });
  expect(saved.status, saved.text).toBe(200);
}
const page = (host: string, path: string) => c.get(path, { host, headers: { 'accept-encoding': 'identity' } });

describe('custom code and embeds on a published site', () => {
  let siteId: string;
  const host = 'snippety.localhost';

  beforeAll(async () => {
    siteId = (await c.post('/api/sites', { name: 'Snippety', slug: 'snippety', template: 'saas', region: 'us-oregon' })).json.id;
    await saveDraft(siteId, (doc) => {
      doc.snippets = siteSnippets;
      const home = doc.pages.find((p) => p.path === '/')!;
      home.blocks.splice(1, 0, embed('tour', 'youtube', 'https://youtu.be/dQw4w9WgXcQ'), embed('demo', 'vimeo', 'https://vimeo.com/76979871'));
      doc.pages.find((p) => p.path === '/pricing')!.snippets = pricingSnippets;
    });
    const r = await c.post(`/api/sites/${siteId}/publish`);
    expect(r.status, r.text).toBe(201);
  });

  it('places snippets at the end of <head> and <body>, site-wide first, consent ones in inert templates', async () => {
    const html = (await page(host, '/pricing')).text;
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
    const body = html.slice(html.indexOf('</head>'));
    // Necessary: as is (newlines normalised), not held back. Analytics: in a template, after it.
    expect(head).toMatch(
      new RegExp(
        `<meta name="verify" content="abc">\\n<script>${escapeRe(BOOT.replace(/\r\n/g, '\n'))}</script>` +
          '<template data-atrium-snippet="plausible" data-atrium-category="analytics" data-atrium-placement="head">' +
          '<script defer="" data-domain="snippety.example" src="https://plausible.io/js/script.js"></script>\\n' +
          `<script>${escapeRe(PLAUSIBLE)}</script></template>$`,
      ),
    );
    // The page's own marketing snippet, last in <body>, without its <noscript> pixel.
    expect(body).toMatch(
      new RegExp(
        '<template data-atrium-snippet="pixel" data-atrium-category="marketing" data-atrium-placement="body">' +
          `<script>${escapeRe(PIXEL)}</script><iframe src="https://widget.example.net/chat" title="Chat"></iframe></template></body></html>$`,
      ),
    );
    expect(html).not.toContain('px.example.com');
    // Site-wide snippets are on every page; the page's own only on its page.
    const home = (await page(host, '/')).text;
    expect(home).toContain('data-atrium-snippet="plausible"');
    expect(home).not.toContain('data-atrium-snippet="pixel"');
  });

  it('serves each page with a CSP whose hashes are those of the inline scripts it serves', async () => {
    for (const path of ['/', '/pricing', '/about']) {
      const r = await page(host, path);
      const csp = r.headers['content-security-policy'] as string;
      const hashes = directive(csp, 'script-src').filter((s) => s.startsWith("'sha256-"));
      expect(hashes.sort(), path).toEqual(servedScriptHashes(r.text));
      expect(csp).not.toContain('unsafe-inline');
    }
    expect(servedScriptHashes((await page(host, '/pricing')).text)).toHaveLength(3); // boot, plausible, pixel
  });

  it('allows external script origins and declared origins, and the frames of embeds and snippet iframes', async () => {
    const home = (await page(host, '/')).headers['content-security-policy'] as string;
    expect(directive(home, 'script-src')).toEqual(expect.arrayContaining(["'self'", 'https://plausible.io', 'https://stats.example.com']));
    expect(directive(home, 'connect-src')).toEqual(["'self'", 'https://stats.example.com']);
    expect(directive(home, 'frame-src')).toEqual(['https://www.youtube-nocookie.com', 'https://player.vimeo.com', 'https://stats.example.com']);
    expect(home.startsWith("default-src 'none';")).toBe(true);
    expect(
      home.endsWith("img-src 'self' https: data:; font-src 'self' https://stats.example.com; form-action 'self'; base-uri 'none'; frame-ancestors 'self'"),
    ).toBe(true);
    const pricing = (await page(host, '/pricing')).headers['content-security-policy'] as string;
    expect(directive(pricing, 'frame-src')).toEqual(['https://stats.example.com', 'https://widget.example.net']); // site-wide snippets first
    expect(directive(pricing, 'frame-src')).not.toContain('https://www.youtube-nocookie.com');
    // The 304 carries the page's own policy too.
    const etag = (await page(host, '/pricing')).headers.etag!;
    const again = await c.get('/pricing', { host, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers['content-security-policy']).toBe(pricing);
    // What is not a page keeps the strict policy.
    expect((await page(host, '/no-such-page')).headers['content-security-policy']).toBe(STRICT);
    expect((await page(host, '/robots.txt')).headers['content-security-policy']).toBe(STRICT);
  });

  it('a rollback serves the policy its release recorded; a release recorded without one keeps the strict policy', async () => {
    const withCode = (await c.get(`/api/sites/${siteId}/releases`)).json.releases[0].id as string;
    const codeCsp = (await page(host, '/pricing')).headers['content-security-policy'];
    await saveDraft(siteId, (doc) => {
      doc.snippets = [];
      doc.pages.find((p) => p.path === '/pricing')!.snippets = [];
    });
    expect((await c.post(`/api/sites/${siteId}/publish`)).status).toBe(201);
    expect((await page(host, '/pricing')).headers['content-security-policy']).toBe(STRICT);

    expect((await c.post(`/api/sites/${siteId}/releases/${withCode}/rollback`)).status).toBe(200);
    const back = await page(host, '/pricing');
    expect(back.headers['content-security-policy']).toBe(codeCsp);
    expect(back.text).toContain('data-atrium-snippet="pixel"');

    // A release made before pages had their own policy has none in its manifest: its pages keep the strict one.
    const { control } = t.running.ctx.dbs;
    const row = await control.selectFrom('releases').select('manifest').where('id', '=', withCode).executeTakeFirstOrThrow();
    const manifest = JSON.parse(row.manifest);
    for (const f of Object.values(manifest.files) as { csp?: string }[]) delete f.csp;
    await control
      .updateTable('releases')
      .set({ manifest: JSON.stringify(manifest) })
      .where('id', '=', withCode)
      .execute();
    expect((await c.post(`/api/sites/${siteId}/releases/${withCode}/rollback`)).status).toBe(200);
    expect((await page(host, '/pricing')).headers['content-security-policy']).toBe(STRICT);
  });
});

describe('pages with nothing to add', () => {
  it('keep exactly the strict policy, and form pages the form one, beside a page with its own', async () => {
    const site = (await c.post('/api/sites', { name: 'Plainish', slug: 'plainish', template: 'saas', region: 'us-oregon' })).json;
    await saveDraft(site.id, (doc) => {
      doc.pages.push({
        path: '/talk',
        blocks: [{ type: 'form', props: { id: 'talk', heading: 'Talk to us', fields: [{ name: 'email', type: 'email', label: 'Email', required: true }] } }],
        ...{ id: 'talk', title: 'Talk' },
      } as Doc['pages'][number]);
      doc.pages.push({
        path: '/book',
        blocks: [{ type: 'form', props: { id: 'book', heading: 'Book a call', fields: [{ name: 'email', type: 'email', label: 'Email', required: true }] } }],
        snippets: [{ id: 'chat', name: 'Chat', category: 'functional', code: '<script src="https://chat.example.org/w.js"></script>' }],
        ...{ id: 'book', title: 'Book' },
      } as Doc['pages'][number]);
    });
    const r = await c.post(`/api/sites/${site.id}/publish`);
    expect(r.status, r.text).toBe(201);
    const host = 'plainish.localhost';
    expect((await page(host, '/')).headers['content-security-policy']).toBe(STRICT);
    expect((await page(host, '/pricing')).headers['content-security-policy']).toBe(STRICT);
    expect((await page(host, '/talk')).headers['content-security-policy']).toBe(FORM);
    // A form page with custom code: its own policy still lets the forms runtime run and post.
    const book = (await page(host, '/book')).headers['content-security-policy'] as string;
    expect(directive(book, 'script-src')).toEqual(["'self'", 'https://chat.example.org']);
    expect(directive(book, 'connect-src')).toEqual(["'self'"]);
    const manifest = JSON.parse(
      (await t.running.ctx.dbs.control.selectFrom('releases').select('manifest').where('id', '=', r.json.id).executeTakeFirstOrThrow()).manifest,
    );
    expect(
      Object.entries(manifest.files)
        .filter(([, f]) => (f as { csp?: string }).csp)
        .map(([p]) => p),
    ).toEqual(['/book']);
  });
});

function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
