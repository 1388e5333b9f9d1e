// Custom code (a Snippet) turned into the HTML placed in a published page, and
// what the page's CSP must allow for it (src/consent/csp.ts).
//
// The snippet is parsed with htmlparser2 and written out again by us, never
// pasted as typed: what the browser parses is then exactly what we checked and
// hashed. Our writer closes every element, escapes every attribute value and
// text, drops comments, and only emits the text of <script> and <style> raw, so
// nothing in a snippet can close the <template> that holds it back until the
// visitor consents (or end <head> early).
//
//  - category `necessary`: the snippet's HTML (rewritten as above) at the end
//    of <head> or <body>.
//  - any other category: the same HTML inside
//    <template data-atrium-snippet="<id>" data-atrium-category="<category>"
//    data-atrium-placement="head|body">. Template content is inert: nothing in
//    it runs or loads until the consent runtime copies it into the page.
//
// <noscript> is kept only in `necessary` snippets. In any other category it is
// dropped: visitors without JavaScript cannot grant consent through the
// runtime, yet a browser with JavaScript off renders <noscript> content as soon
// as it is in the page, so the tracking pixel or frame inside would load before
// any choice; and once the runtime copies a granted snippet into a page that
// runs JavaScript, a <noscript> never shows anyway.
//
// Refused (the publish check turns the sentence into a 400 naming the snippet):
// what cannot work under the published pages' strict CSP (inline event handler
// attributes, style attributes, javascript: URLs, forms, plugins, media, plain
// http sources, scripts or frames not on https) and what could change or escape
// the page around the snippet (<base>, <html>/<head>/<body>, nested <template>,
// raw-text elements the browser and the parser read differently, inline SVG).
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import type { Snippet } from '../site-document/schema.js';

/** What a snippet loads, for the page's CSP. Hashes are CSP source expressions ('sha256-…'); origins are like https://cdn.example.com. */
export interface SnippetSources {
  scriptHashes: string[];
  scriptOrigins: string[];
  styleHashes: string[];
  styleOrigins: string[];
  frameOrigins: string[];
  fontOrigins: string[];
  /** Reported only: img-src already allows any https: address. */
  imageOrigins: string[];
}

export interface RenderedSnippet {
  /** The HTML placed at the end of <head> or <body>. */
  html: string;
  sources: SnippetSources;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);

const REFUSED: Record<string, string> = {
  base: '<base> would change where every link and file of the page points; remove it',
  html: 'paste only the code itself, without <html>, <head> or <body>',
  head: 'paste only the code itself, without <html>, <head> or <body>',
  body: 'paste only the code itself, without <html>, <head> or <body>',
  template: 'a <template> cannot be used in custom code (Atrium holds the snippet in one of its own until the visitor consents)',
  form: "forms in custom code cannot send anywhere under the site's security policy; use a Form block instead",
  textarea: "forms in custom code cannot send anywhere under the site's security policy; use a Form block instead",
  object: "plugins (<object>, <embed>, <applet>) cannot load under the site's security policy; use an Embed block instead",
  embed: "plugins (<object>, <embed>, <applet>) cannot load under the site's security policy; use an Embed block instead",
  applet: "plugins (<object>, <embed>, <applet>) cannot load under the site's security policy; use an Embed block instead",
  video: "video and audio cannot play from custom code under the site's security policy; use an Embed block instead",
  audio: "video and audio cannot play from custom code under the site's security policy; use an Embed block instead",
  svg: "inline SVG and MathML cannot be used in custom code; use an <img> with the image's https:// address instead",
  math: "inline SVG and MathML cannot be used in custom code; use an <img> with the image's https:// address instead",
  // Browsers read the content of these as plain text while parsers like ours read markup: refused rather than guessed.
  plaintext: 'the obsolete <plaintext> element is not supported',
  xmp: 'the obsolete <xmp> element is not supported',
  noembed: 'the obsolete <noembed> element is not supported',
  noframes: 'the obsolete <noframes> element is not supported',
  frameset: 'frames (<frameset>, <frame>) are obsolete; use an <iframe> instead',
  frame: 'frames (<frameset>, <frame>) are obsolete; use an <iframe> instead',
  title: 'the page title comes from the page settings; remove <title>',
};

/** Inside these the browser reads raw text until the matching end tag: no element that carries its own raw text may sit in them. */
const RAW_TEXT_PARENTS = new Set(['noscript']);
const RAW_TEXT = new Set(['script', 'style', 'noscript']);

const ELEMENT_NAME = /^[a-z][a-z0-9._-]*$/;
const ATTRIBUTE_NAME = /^[a-z_:][a-z0-9_.:-]*$/;

const escapeText = (s: string) => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
const escapeAttr = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The CSP source of a text: sha256 over its UTF-8 bytes, base64, as browsers compute it for inline scripts and styles. */
export const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * A URL as the browser sees it: leading and trailing spaces and control
 * characters stripped, tabs and newlines removed anywhere (so "jav&#9;ascript:"
 * is still javascript:).
 */
const urlAsBrowserReadsIt = (value: string) =>
  value
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
    .toLowerCase();

const CODE_SCHEME = /^(javascript|vbscript):/;

class Refusal extends Error {}

/** How a URL attribute may point: https only (scripts, frames), or also this site and data: images. */
function checkUrl(tag: string, attr: string, value: string, kind: 'https' | 'file' | 'image'): string | null {
  const v = urlAsBrowserReadsIt(value);
  const shown = `<${tag} ${attr}="${value.length > 60 ? `${value.slice(0, 57)}…` : value}">`;
  if (v.startsWith('https://')) {
    try {
      return new URL(value.trim()).origin;
    } catch {
      throw new Refusal(`${shown} is not a valid address`);
    }
  }
  if (v.startsWith('http://')) throw new Refusal(`${shown} loads over plain http, which browsers block on an https site; use its https:// address`);
  if (v.startsWith('//')) throw new Refusal(`${shown} must start with https://`);
  if (kind === 'https') throw new Refusal(`${shown} must be an https:// address`);
  if (kind === 'image' && v.startsWith('data:')) return null;
  if (/^[a-z][a-z0-9+.-]*:/.test(v)) throw new Refusal(`${shown} must be an https:// address`);
  return null; // relative: this site itself ('self')
}

/** The URLs of a srcset ("a.png 1x, b.png 2x"); data: URLs may hold commas, so only the scheme of each candidate is read. */
const srcsetUrls = (value: string) =>
  value
    .split(/,\s+/)
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);

/** The 1-based line of an offset, to point at the problem in the subscriber's code. */
const lineOf = (code: string, index: number) => code.slice(0, index).split('\n').length;

/**
 * The snippet's HTML as placed in a page, with what its page's CSP must allow,
 * or a sentence saying why it cannot be published ("line 3: <button
 * onclick="…">: …").
 */
export function renderSnippet(snippet: Pick<Snippet, 'id' | 'category' | 'placement' | 'code'>): RenderedSnippet | { error: string } {
  // The browser's input stream normalises newlines and NULs before it parses:
  // do the same, so a script's text, and so its hash, are what the browser sees.
  const code = snippet.code
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD') // as UTF-8 encoding will
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '\uFFFD');
  const keepNoscript = snippet.category === 'necessary';
  const out: string[] = [];
  const stack: { name: string; raw: string[] | null }[] = [];
  const sets = {
    scriptHashes: new Set<string>(),
    scriptOrigins: new Set<string>(),
    styleHashes: new Set<string>(),
    styleOrigins: new Set<string>(),
    frameOrigins: new Set<string>(),
    fontOrigins: new Set<string>(),
    imageOrigins: new Set<string>(),
  };
  const add = (set: Set<string>, origin: string | null) => origin && set.add(origin);
  /** Depth of a subtree left out of the page (noscript in a consent snippet, an iframe's fallback content). */
  let dropped = 0;
  const state: { failure: { index: number; message: string } | null } = { failure: null };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (state.failure) return;
        try {
          if (dropped) {
            dropped++;
            return;
          }
          const parent = stack[stack.length - 1]?.name;
          if (parent === 'iframe') {
            // An iframe's fallback content is never shown by today's browsers, and they read it as raw text.
            dropped = 1;
            return;
          }
          if (!ELEMENT_NAME.test(name)) throw new Refusal(`<${name}> is not a valid element name`);
          const refused = REFUSED[name];
          if (refused) throw new Refusal(refused);
          if (parent && RAW_TEXT_PARENTS.has(parent) && RAW_TEXT.has(name)) throw new Refusal(`<${name}> cannot be used inside <${parent}>`);
          if (name === 'noscript' && !keepNoscript) {
            dropped = 1;
            return;
          }
          checkElement(name, attribs, sets, add);
          const attrs = Object.entries(attribs)
            .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
            .join('');
          out.push(`<${name}${attrs}>`);
          // The text of an inline script or style is kept raw (and hashed); an external script's text is never run, so it is left out.
          if (!VOID.has(name)) stack.push({ name, raw: name === 'style' || (name === 'script' && attribs.src === undefined) ? [] : null });
        } catch (e) {
          if (!(e instanceof Refusal)) throw e;
          state.failure = { index: parser.startIndex, message: e.message };
        }
      },
      ontext(text) {
        if (state.failure || dropped) return;
        const top = stack[stack.length - 1];
        if (top?.name === 'script' || top?.name === 'style') top.raw?.push(text);
        else out.push(escapeText(text));
      },
      onclosetag(name) {
        if (state.failure) return;
        if (dropped) {
          dropped--;
          return;
        }
        if (VOID.has(name)) return;
        const top = stack.pop();
        if (!top) return;
        if (top.raw) {
          const text = top.raw.join('');
          // Where the browser ends a script or style must be where we did, or
          // the rest of the text would be read as markup: no "</script" left in
          // a script's text (browsers also end it at "</script/"), and no
          // "<!--" with "<script" (the browser then skips the next "</script>").
          const problem =
            top.name === 'script'
              ? /<\/script/i.test(text)
                ? 'a script may not contain "</script" in its text; write "<\\/script" instead'
                : /<!--/.test(text) && /<script/i.test(text)
                  ? 'a script may not contain both "<!--" and "<script"; split the text, e.g. "<scr" + "ipt"'
                  : null
              : /<\/style/i.test(text)
                ? 'a <style> may not contain "</style" in its text'
                : null;
          if (problem) {
            state.failure = { index: parser.startIndex, message: problem };
            return;
          }
          // An empty inline script or style does nothing, so needs no hash.
          if (text !== '') (top.name === 'script' ? sets.scriptHashes : sets.styleHashes).add(cspHash(text));
          out.push(text);
        }
        out.push(`</${top.name}>`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(code);
  parser.end();
  if (state.failure) {
    const { index, message } = state.failure;
    return { error: code.includes('\n') ? `line ${lineOf(code, index)}: ${message}` : message };
  }
  const body = out.join('');
  const html =
    snippet.category === 'necessary'
      ? body
      : `<template data-atrium-snippet="${escapeAttr(snippet.id)}" data-atrium-category="${snippet.category}" data-atrium-placement="${snippet.placement}">${body}</template>`;
  const list = (s: Set<string>) => [...s].sort();
  return {
    html,
    sources: {
      scriptHashes: list(sets.scriptHashes),
      scriptOrigins: list(sets.scriptOrigins),
      styleHashes: list(sets.styleHashes),
      styleOrigins: list(sets.styleOrigins),
      frameOrigins: list(sets.frameOrigins),
      fontOrigins: list(sets.fontOrigins),
      imageOrigins: list(sets.imageOrigins),
    },
  };
}

type Sets = Record<keyof SnippetSources, Set<string>>;

/** The attribute rules, and where each loaded file goes in the CSP. */
function checkElement(name: string, attribs: Record<string, string>, sets: Sets, add: (set: Set<string>, origin: string | null) => unknown) {
  for (const [attr, value] of Object.entries(attribs)) {
    if (!ATTRIBUTE_NAME.test(attr)) throw new Refusal(`<${name}> has an attribute named ${JSON.stringify(attr)}, which is not valid HTML`);
    if (attr.startsWith('on'))
      throw new Refusal(`<${name} ${attr}="…"> is an inline event handler, which the site's security policy blocks; add the listener from a <script> instead`);
    if (attr === 'style')
      throw new Refusal(`<${name} style="…">: style attributes are blocked by the site's security policy; use a class and a <style> element instead`);
    if (attr === 'srcdoc') throw new Refusal(`<${name} srcdoc="…"> cannot run under the site's security policy; give the frame an https:// src instead`);
    if (attr === 'http-equiv') throw new Refusal(`<meta http-equiv="${value}"> cannot change the page's HTTP headers from custom code; remove it`);
    if (CODE_SCHEME.test(urlAsBrowserReadsIt(value)))
      throw new Refusal(`<${name} ${attr}="${urlAsBrowserReadsIt(value).split(':')[0]}:…"> runs code from an address, which the site's security policy blocks`);
  }
  const src = attribs.src;
  if (name === 'script' && src !== undefined) add(sets.scriptOrigins, checkUrl(name, 'src', src, 'https'));
  else if (name === 'iframe') {
    if (src === undefined) throw new Refusal('<iframe> needs an https:// src');
    add(sets.frameOrigins, checkUrl(name, 'src', src, 'https'));
  } else if (src !== undefined) add(sets.imageOrigins, checkUrl(name, 'src', src, 'image'));
  if (attribs.srcset !== undefined) for (const u of srcsetUrls(attribs.srcset)) add(sets.imageOrigins, checkUrl(name, 'srcset', u, 'image'));
  if (attribs.poster !== undefined) add(sets.imageOrigins, checkUrl(name, 'poster', attribs.poster, 'image'));
  if (name === 'link' && attribs.href !== undefined) {
    const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/);
    const as = (attribs.as ?? '').toLowerCase();
    const href = attribs.href;
    if (rel.includes('stylesheet')) add(sets.styleOrigins, checkUrl(name, 'href', href, 'file'));
    else if (rel.includes('modulepreload') || (rel.includes('preload') && as === 'script')) add(sets.scriptOrigins, checkUrl(name, 'href', href, 'file'));
    else if (rel.includes('preload') && as === 'style') add(sets.styleOrigins, checkUrl(name, 'href', href, 'file'));
    else if (rel.includes('preload') && as === 'font') add(sets.fontOrigins, checkUrl(name, 'href', href, 'file'));
    else if (rel.includes('icon') || rel.includes('apple-touch-icon')) add(sets.imageOrigins, checkUrl(name, 'href', href, 'image'));
  }
}
