import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from '../../src/blocks/index.js';
import { renderSite } from '../../src/rendering/render-site.js';
import { withoutStructuredData, docWith } from './helpers.js';

describe('rich text sanitization', () => {
  it('strips scripts, event handlers, styles and javascript: URLs', () => {
    const out = sanitizeRichText(
      '<p style="color:red" onclick="x()">Hi <script>alert(1)</script><img src="x.png" onerror="alert(2)"></p>' +
        '<a href="javascript:alert(3)">bad</a><a href="JaVaScRiPt&colon;alert(4)">worse</a><style>p{}</style><iframe src="https://evil"></iframe>',
    );
    expect(out).not.toMatch(/<script|alert|onerror|onclick|style|javascript|<iframe/i);
    expect(out).toContain('<p>Hi ');
    expect(out).toContain('<a rel="noopener">bad</a>');
  });

  it('keeps the allowlist and marks links rel=noopener', () => {
    const html =
      '<h2>Title</h2><h3>Sub</h3><h4>Minor</h4><p><strong>b</strong> <em>i</em> <code>c</code><br /></p><ul><li>one</li></ul><ol><li>two</li></ol>' +
      '<blockquote>q</blockquote><pre>code</pre><a href="https://example.com">ext</a><a href="/about">int</a><a href="mailto:a@b.c">mail</a>';
    const out = sanitizeRichText(html);
    for (const tag of ['<h2>', '<h3>', '<h4>', '<strong>', '<em>', '<code>', '<br />', '<ul>', '<ol>', '<li>', '<blockquote>', '<pre>'])
      expect(out).toContain(tag);
    expect(out).toContain('<a href="https://example.com" rel="noopener">ext</a>');
    expect(out).toContain('<a href="/about" rel="noopener">int</a>');
    expect(out).toContain('<a href="mailto:a@b.c" rel="noopener">mail</a>');
  });

  it('allows only image sources with safe schemes, and demotes h1', () => {
    const out = sanitizeRichText(
      '<h1>Big</h1><img src="/a.png" alt="A" width="10" height="20" class="x"><img src="data:text/html,<script>"><img src="javascript:alert(1)"><img src="//evil.example/x.png">',
    );
    expect(out).toContain('<h2>Big</h2>');
    expect(out).toContain('<img src="/a.png" alt="A" width="10" height="20" loading="lazy" decoding="async" />');
    expect(out.match(/<img/g)).toHaveLength(1);
    expect(out).not.toMatch(/class=|text\/html|javascript|evil/);
  });

  it('is applied when a rich text block is rendered', () => {
    const doc = docWith([
      {
        id: 'home',
        path: '/',
        title: 'Home',
        blocks: [{ type: 'richtext', props: { id: 'r', html: '<p>ok</p><script>alert(1)</script><img src=x onerror=alert(1)>' } }],
      },
    ]);
    const html = renderSite(doc, { siteUrl: 'http://x.localhost', siteName: 'X' }).pages[0]!.html;
    expect(html).toContain('<p>ok</p>');
    expect(withoutStructuredData(html)).not.toMatch(/<script|onerror|alert/);
  });
});
