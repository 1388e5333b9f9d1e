// The browser twin of src/blocks/sanitize.ts (which uses sanitize-html and
// pulls in Node modules). The editor bundle resolves the blocks' `./sanitize.js`
// here (web/vite.config.ts), so rich text previews in the editor are reduced
// to the same allowlist the publisher applies. The server path is unchanged.

const ALLOWED = new Set(['p', 'h2', 'h3', 'h4', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'br', 'img']);
const RENAME: Record<string, string> = { h1: 'h2', b: 'strong', i: 'em' };
/** Elements whose content is dropped with them (sanitize-html's nonTextTags). */
const DROP_WITH_CONTENT = new Set(['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math']);
const HREF = /^(https?:|mailto:|tel:|\/(?!\/)|#|[^:]*$)/i;
const IMG_SRC = /^(\/(?!\/)|https?:\/\/|data:image\/(png|jpeg|webp|svg\+xml)[;,])/i;
const IMG_ATTRS = ['src', 'alt', 'width', 'height'];

function clean(source: Node, doc: Document, out: Node) {
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      out.appendChild(doc.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const el = child as Element;
    const tag = RENAME[el.localName] ?? el.localName;
    if (DROP_WITH_CONTENT.has(tag)) continue;
    if (!ALLOWED.has(tag)) {
      // Disallowed tags are discarded but their text is kept, like sanitize-html's 'discard' mode.
      clean(el, doc, out);
      continue;
    }
    if (tag === 'img') {
      const src = (el.getAttribute('src') ?? '').trim();
      if (!IMG_SRC.test(src)) continue;
      const img = doc.createElement('img');
      for (const name of IMG_ATTRS) {
        const v = el.getAttribute(name);
        if (v !== null) img.setAttribute(name, name === 'src' ? src : v);
      }
      img.setAttribute('loading', 'lazy');
      img.setAttribute('decoding', 'async');
      out.appendChild(img);
      continue;
    }
    const copy = doc.createElement(tag);
    if (tag === 'a') {
      const href = (el.getAttribute('href') ?? '').trim();
      if (href && HREF.test(href) && !/^\/\//.test(href)) copy.setAttribute('href', href);
      copy.setAttribute('rel', 'noopener');
    }
    clean(el, doc, copy);
    out.appendChild(copy);
  }
}

export function sanitizeRichText(html: string): string {
  // A document made by DOMParser never runs scripts or loads images.
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const doc = document.implementation.createHTMLDocument('');
  const root = doc.createElement('div');
  clean(parsed.body, doc, root);
  return root.innerHTML;
}
