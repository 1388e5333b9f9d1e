// Custom code in published pages: each page gets its snippets (site-wide ones
// first, then its own) at the end of <head> or <body>, and its own CSP when it
// holds snippets or embeds, recorded with the release and served as is.
import { pageCsp } from '../consent/csp.js';
import { pageSnippets } from '../consent/page-needs.js';
import { originOf, PROVIDERS } from '../consent/providers.js';
import { renderSnippet, type RenderedSnippet } from '../consent/snippets.js';
import type { Page, SiteDocument, Snippet } from '../site-document/schema.js';
import type { ReleaseFile } from './release-file.js';

/** The origins the page's Embed blocks load their frames from. */
function embedOrigins(page: Page): string[] {
  const origins: string[] = [];
  for (const block of page.blocks) {
    if (block.type !== 'embed' || !block.props.url) continue;
    const checked = PROVIDERS[block.props.provider].embedUrl(block.props.url);
    if ('url' in checked) origins.push(originOf(checked.url));
  }
  return origins;
}

const insertBefore = (html: string, at: number, text: string) => (at === -1 || !text ? html : html.slice(0, at) + text + html.slice(at));

/**
 * Adds snippets and the page's CSP to the HTML files of the site's pages.
 * Call it last on a page's HTML: a snippet's script may hold any text, even
 * "</head>", so nothing may search the HTML for tags after it.
 */
export function placeSnippets(doc: SiteDocument, files: ReleaseFile[], pageOf: Map<string, string> = new Map()): void {
  const pages = new Map(doc.pages.map((p) => [p.path, p]));
  const rendered = new Map<Snippet, RenderedSnippet | null>();
  const render = (s: Snippet) => {
    if (!rendered.has(s)) {
      const r = renderSnippet(s);
      // Publishing refuses snippets that cannot be rendered (src/consent/publish-checks.ts); a re-render of an older release leaves them out.
      rendered.set(s, 'error' in r ? null : r);
    }
    return rendered.get(s)!;
  };
  for (const file of files) {
    // A page in a further language has its page's snippets (pageOf: published path -> the page's own path).
    const page = pages.get(pageOf.get(file.path) ?? file.path);
    if (!page || !file.type.startsWith('text/html')) continue;
    const snippets = pageSnippets(doc, page).flatMap((s) => {
      const r = render(s);
      return r ? [{ snippet: s, rendered: r }] : [];
    });
    const csp = pageCsp({ snippets: snippets.map((s) => ({ sources: s.rendered.sources, declared: s.snippet.origins })), embedOrigins: embedOrigins(page) });
    if (csp) file.csp = csp;
    if (!snippets.length) continue;
    const at = (placement: Snippet['placement']) =>
      snippets
        .filter((s) => s.snippet.placement === placement)
        .map((s) => s.rendered.html)
        .join('');
    let html = file.body.toString('utf8');
    // The body's end first: the page's own </head> comes before it, so the head's position is unchanged.
    html = insertBefore(html, html.lastIndexOf('</body>'), at('body'));
    html = insertBefore(html, html.indexOf('</head>'), at('head'));
    file.body = Buffer.from(html);
  }
}
