// A multi-language site on its own host: the switcher's endpoint
// (/_atrium/lang?to=/fr/pricing), which remembers the visitor's pick in the
// `lang` cookie and sends them on, and the root's redirect to that language.
// Without the cookie the root redirects only when the site asks for it, by
// Accept-Language. Single-language sites never reach this code.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cookieHeader } from '../cookies/registry.js';
import { LANG_PATH } from '../rendering/page-language.js';
import type { LiveSite, ServedLanguages } from './live-sites.js';
import { siteHeaders } from './site-headers.js';

export { LANG_PATH };

/** The `lang` cookie's value in a Cookie header, if any. */
export function langCookie(header: string | undefined): string | undefined {
  return header ? /(?:^|;\s*)lang=([^;]*)/.exec(header)?.[1]?.trim() : undefined;
}

/** The site language an Accept-Language header prefers (exact tag first, then the same base language), if any. */
export function preferredLanguage(header: string | undefined, languages: ServedLanguages): string | undefined {
  if (!header) return undefined;
  const wanted = header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag!, q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((w) => w.tag && w.tag !== '*' && w.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const w of wanted) {
    const exact = languages.bySegment.get(w.tag);
    if (exact) return exact;
    const base = w.tag.split('-')[0]!;
    for (const [segment, tag] of languages.bySegment) if (segment.split('-')[0] === base) return tag;
  }
  return undefined;
}

/**
 * Where the site root sends this visitor: their picked language's home, or
 * (when the site asks for it and they never picked) the best match of their
 * browser's languages; undefined to serve the default language's home.
 */
export function rootTarget(req: IncomingMessage, languages: ServedLanguages): string | undefined {
  const picked = langCookie(req.headers.cookie);
  const tag = picked
    ? languages.bySegment.get(picked.toLowerCase())
    : languages.root === 'accept-language'
      ? preferredLanguage(req.headers['accept-language'], languages)
      : undefined;
  return tag && tag !== languages.default ? `/${tag.toLowerCase()}` : undefined;
}

export function redirectRoot(res: ServerResponse, secure: boolean, target: string, query: string) {
  res.writeHead(302, siteHeaders(secure, { location: target + query, 'cache-control': 'private, no-cache', vary: 'Cookie, Accept-Language' }));
  res.end();
}

/**
 * GET /_atrium/lang?to=<a page of the site>: sets `lang` to that page's
 * language and redirects to it. Anything but a published page of the site is refused.
 */
export function answerLanguagePick(req: IncomingMessage, res: ServerResponse, site: LiveSite, secure: boolean, query: string) {
  const to = new URLSearchParams(query).get('to') ?? '';
  const languages = site.languages;
  const page = /^\/(?![/\\])/.test(to) ? site.files.get(to) : undefined;
  if (!languages || !page?.page) {
    res.writeHead(400, siteHeaders(secure, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }));
    res.end(languages ? 'to: must be the path of a page of this site, like /fr/pricing' : 'This site has one language.');
    return;
  }
  const tag = languages.bySegment.get(to.split('/')[1] ?? '') ?? languages.default;
  res.writeHead(
    303,
    siteHeaders(secure, { location: to, 'cache-control': 'no-store', 'set-cookie': cookieHeader('lang', tag, { secure }), 'x-robots-tag': 'noindex' }),
  );
  res.end();
}
