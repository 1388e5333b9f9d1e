// Custom code as placed in a published page: necessary snippets as they are,
// every other category held back in an inert <template>, each inline script's
// sha256 and each loaded origin collected for the page's CSP, and what cannot
// work under that CSP (or could escape the template) refused with a sentence.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CSP, FORM_CSP, pageCsp } from '../../src/consent/csp.js';
import { renderSnippet, type RenderedSnippet } from '../../src/consent/snippets.js';
import type { Snippet } from '../../src/site-document/schema.js';

const sha = (text: string) => `'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`;

function rendered(code: string, category: Snippet['category'] = 'analytics', placement: Snippet['placement'] = 'body'): RenderedSnippet {
  const r = renderSnippet({ id: 'tag-1', category, placement, code });
  if ('error' in r) throw new Error(r.error);
  return r;
}
const refusal = (code: string, category: Snippet['category'] = 'marketing') => {
  const r = renderSnippet({ id: 'tag-1', category, placement: 'head', code });
  return 'error' in r ? r.error : null;
};

const TAG =
  '<script defer data-domain="acme.example" src="https://plausible.io/js/script.js"></script>' +
  '<script>window.plausible = window.plausible || function () { (window.plausible.q = window.plausible.q || []).push(arguments) }</script>' +
  '<noscript><img src="https://px.example.com/p.gif" alt=""></noscript>';

describe('snippet rendering per category', () => {
  it('places a necessary snippet as it is, <noscript> included', () => {
    const r = rendered(TAG, 'necessary', 'head');
    expect(r.html).toBe(TAG.replace('<script defer ', '<script defer="" '));
    expect(r.html).not.toContain('<template');
  });

  for (const category of ['functional', 'analytics', 'marketing'] as const)
    for (const placement of ['head', 'body'] as const)
      it(`holds a ${category} snippet (${placement}) in an inert template, without its <noscript>`, () => {
        const r = rendered(TAG, category, placement);
        expect(r.html).toBe(
          `<template data-atrium-snippet="tag-1" data-atrium-category="${category}" data-atrium-placement="${placement}">` +
            TAG.replace('<script defer ', '<script defer="" ').replace(/<noscript>.*<\/noscript>/, '') +
            '</template>',
        );
      });

  it('hashes the exact text of every inline script as the browser reads it (CRLF becomes LF), and collects origins', () => {
    const script = 'const label = "Grüße ✓ </div> & <b>";\r\nconsole.log(label);\r\n';
    const r = rendered(
      `<script>${script}</script><script type="application/ld+json">{"@type":"Organization"}</script><script></script>` +
        '<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>' +
        '<iframe src="https://widget.example.net:8443/chat" title="Chat"><p>Your browser cannot show frames</p></iframe>' +
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">' +
        '<link rel="preload" as="font" href="https://fonts.gstatic.com/inter.woff2" crossorigin>' +
        '<style>.chat { inset: auto 1rem 1rem auto }</style><img src="https://px.example.com/p.gif?a=1&amp;b=2" alt="">',
    );
    expect(r.sources.scriptHashes.sort()).toEqual([sha(script.replace(/\r\n/g, '\n')), sha('{"@type":"Organization"}')].sort());
    expect(r.sources).toMatchObject({
      scriptOrigins: ['https://www.googletagmanager.com'],
      frameOrigins: ['https://widget.example.net:8443'],
      styleOrigins: ['https://fonts.googleapis.com'],
      styleHashes: [sha('.chat { inset: auto 1rem 1rem auto }')],
      fontOrigins: ['https://fonts.gstatic.com'],
      imageOrigins: ['https://px.example.com'],
    });
    // The script text is written out byte for byte (only its newlines normalised); the frame's fallback content is left out.
    expect(r.html).toContain(`<script>${script.replace(/\r\n/g, '\n')}</script>`);
    expect(r.html).toContain('<iframe src="https://widget.example.net:8443/chat" title="Chat"></iframe>');
    expect(r.html).toContain('<img src="https://px.example.com/p.gif?a=1&amp;b=2" alt="">');
  });

  it('writes out balanced, escaped markup, so nothing in a snippet can close the template early', () => {
    const r = rendered('<p title=\'say "hi" </template>\'>a &lt;/template&gt; b<div>unclosed</p></template><b>bold', 'marketing');
    const inner = r.html.slice(r.html.indexOf('>') + 1, -'</template>'.length);
    expect(inner).not.toMatch(/<\/?template/i);
    expect(inner).toBe('<p title="say &quot;hi&quot; &lt;/template&gt;">a &lt;/template&gt; b</p><div>unclosed<p></p><b>bold</b></div>');
    expect(rendered('<script>document.write("<\\/script>"); var t = "</template>";</script>', 'marketing').html).toMatch(
      /^<template [^>]+><script>.*<\/script><\/template>$/,
    );
  });
});

describe('snippets that cannot work under the CSP are refused with a sentence', () => {
  const cases: [string, RegExp][] = [
    [
      '<button onclick="subscribe()">Subscribe</button>',
      /^<button onclick="…"> is an inline event handler, which the site's security policy blocks; add the listener from a <script> instead$/,
    ],
    ['<img src="https://x.example/a.png" ONERROR="track()">', /<img onerror="…"> is an inline event handler/],
    ['<a href=" JaVa&#x09;Script:void(0)">Open</a>', /^<a href="javascript:…"> runs code from an address, which the site's security policy blocks$/],
    ['<base href="https://elsewhere.example/">', /^<base> would change where every link and file of the page points; remove it$/],
    ['<script src="http://cdn.example.com/tag.js"></script>', /loads over plain http, which browsers block on an https site; use its https:\/\/ address$/],
    ['<img src="http://cdn.example.com/p.gif">', /^<img src="http:\/\/cdn\.example\.com\/p\.gif"> loads over plain http/],
    ['<link rel="stylesheet" href="http://cdn.example.com/a.css">', /loads over plain http/],
    ['<script src="//cdn.example.com/tag.js"></script>', /must start with https:\/\//],
    ['<script src="/tag.js"></script>', /^<script src="\/tag\.js"> must be an https:\/\/ address$/],
    ['<script src="data:text/javascript,alert(1)"></script>', /must be an https:\/\/ address/],
    ['<iframe srcdoc="<p>hi</p>"></iframe>', /srcdoc/],
    ['<div style="display:none">x</div>', /style attributes are blocked by the site's security policy/],
    ['<form action="https://list.example.com/subscribe"><input name="email"></form>', /use a Form block instead/],
    ['<meta http-equiv="refresh" content="0;url=https://elsewhere.example">', /cannot change the page's HTTP headers/],
    ['<object data="https://x.example/movie.swf"></object>', /plugins/],
    ['<svg><style><img src=x onerror=alert(1)></style></svg>', /inline SVG/],
    ['<template><script>x()</script></template>', /<template>/],
    ['<html><body><p>hi</p></body></html>', /without <html>, <head> or <body>/],
    ['<script>a()</script/><script src="https://evil.example/x.js"></script>', /may not contain "<\/script"/],
    ['<script><!-- <script>b()</script>c()</script>', /both "<!--" and "<script"/],
    ['<noscript><script>x()</script></noscript>', /<script> cannot be used inside <noscript>/],
  ];
  for (const [code, message] of cases)
    it(code, () => {
      expect(refusal(code, code.startsWith('<noscript>') ? 'necessary' : 'marketing')).toMatch(message);
    });

  it('names the line on multi-line code', () => {
    expect(refusal('<script>\n  init();\n</script>\n<button onclick="go()">Go</button>')).toMatch(/^line 4: <button onclick/);
  });

  it('leaves dropped content unchecked: a <noscript> pixel of a consent snippet never reaches the page', () => {
    const pixel = '<noscript><img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=1"><br></noscript>';
    expect(refusal(pixel, 'marketing')).toBeNull();
    expect(rendered(`<div>${pixel}<p>after</p></div>`, 'marketing').html).toMatch(/><div><p>after<\/p><\/div><\/template>$/);
    expect(refusal('<noscript><img style="display:none" src="https://www.facebook.com/tr?id=1"></noscript>', 'necessary')).toMatch(/style attributes/);
  });
});

describe('the page CSP', () => {
  it('is exactly the strict policy (or the form one) for a page with nothing', () => {
    expect(CSP).toBe(
      "default-src 'none'; connect-src 'self'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
    );
    expect(FORM_CSP).toBe(
      "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
    );
    expect(pageCsp({ snippets: [], embedOrigins: [] })).toBeNull();
  });

  it('adds hashes, origins, declared origins and embed frames, never unsafe-inline', () => {
    const r = rendered('<script src="https://plausible.io/js/script.js"></script><script>init()</script><style>.x{}</style>');
    const csp = pageCsp({ snippets: [{ sources: r.sources, declared: ['https://stats.example.com'] }], embedOrigins: ['https://www.youtube-nocookie.com'] })!;
    expect(csp).toBe(
      `default-src 'none'; script-src 'self' ${sha('init()')} https://plausible.io https://stats.example.com; connect-src 'self' https://stats.example.com; ` +
        `frame-src https://www.youtube-nocookie.com https://stats.example.com; style-src 'self' ${sha('.x{}')} https://stats.example.com; ` +
        "img-src 'self' https: data:; font-src 'self' https://stats.example.com; form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
    );
    expect(csp).not.toContain('unsafe');
    expect(pageCsp({ snippets: [], embedOrigins: ['https://player.vimeo.com', 'https://player.vimeo.com'] })).toContain(
      "frame-src https://player.vimeo.com; style-src 'self'",
    );
  });
});
