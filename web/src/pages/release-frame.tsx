// One page of a release, drawn read-only in an iframe by the very components
// the publisher rendered it with (src/blocks) and the stylesheet built from the
// release's theme, like the editor's canvas. Its own chunk: the dashboard loads
// the block components only when a release is previewed.
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { blockHasHeading, Footer, Navbar, renderBlock } from '../../../src/blocks/index';
import { buildCss } from '../../../src/rendering/css';
import { SITE_FONT_CSS } from '../site-fonts';
import type { SiteDocument } from '../../../src/site-document/schema';

const FRAME_HTML =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head><body></body></html>';

function PageBody({ doc, path, siteName }: { doc: SiteDocument; path: string; siteName: string }) {
  const page = doc.pages.find((p) => p.path === path) ?? doc.pages[0]!;
  const [first] = page.blocks;
  return (
    <>
      <Navbar navigation={doc.navigation} siteName={siteName} currentPath={page.path} />
      <main id="main" tabIndex={-1}>
        {!(first && blockHasHeading(first)) && <h1 className="sr-only">{page.title}</h1>}
        {page.blocks.map((block, i) => renderBlock(block, { first: i === 0 }))}
      </main>
      <Footer footer={doc.footer} brand={doc.navigation.brand || siteName} />
    </>
  );
}

export default function ReleaseFrame({
  doc,
  path,
  siteName,
  title,
  onOpenPage,
}: {
  doc: SiteDocument;
  path: string;
  siteName: string;
  title: string;
  /** A link inside the preview to another page of the release was followed. */
  onOpenPage: (path: string) => void;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [frameDoc, setFrameDoc] = useState<Document | null>(null);
  const css = useMemo(() => buildCss(doc), [doc]);
  const paths = useMemo(() => new Set(doc.pages.map((p) => p.path)), [doc]);

  // The frame's own standards-mode document (like a published page's), once it has loaded.
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const take = () => {
      const d = el.contentDocument;
      if (d?.URL === 'about:srcdoc' && d.body) setFrameDoc(d);
    };
    take();
    el.addEventListener('load', take);
    return () => el.removeEventListener('load', take);
  }, []);

  useEffect(() => {
    const win = frameDoc?.defaultView as (Window & typeof globalThis) | null | undefined;
    if (!frameDoc || !win) return;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    // The same self-hosted web fonts the release ships (only the faces its theme uses are downloaded).
    const fonts = new win.CSSStyleSheet();
    fonts.replaceSync(SITE_FONT_CSS);
    frameDoc.adoptedStyleSheets = [fonts, sheet];
    frameDoc.documentElement.lang = doc.defaultLanguage;
  }, [frameDoc, css, doc.defaultLanguage]);

  // Links to the release's own pages switch the page; nothing else navigates or submits.
  useEffect(() => {
    if (!frameDoc) return;
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (!a) return;
      e.preventDefault();
      const href = a.getAttribute('href') ?? '';
      const target = href.split(/[?#]/)[0] || '/';
      if (paths.has(target)) onOpenPage(target);
    };
    const onSubmit = (e: Event) => e.preventDefault();
    frameDoc.addEventListener('click', onClick, true);
    frameDoc.addEventListener('submit', onSubmit, true);
    return () => {
      frameDoc.removeEventListener('click', onClick, true);
      frameDoc.removeEventListener('submit', onSubmit, true);
    };
  }, [frameDoc, paths, onOpenPage]);

  useEffect(() => {
    frameDoc?.defaultView?.scrollTo(0, 0);
  }, [frameDoc, path]);

  return (
    <>
      <iframe ref={frame} className="release-frame" title={title} srcDoc={FRAME_HTML} />
      {frameDoc?.body && createPortal(<PageBody doc={doc} path={path} siteName={siteName} />, frameDoc.body)}
    </>
  );
}
