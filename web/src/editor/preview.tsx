// The canvas iframe: the site's own stylesheet (the same text the publisher
// writes, built from the theme) is adopted into the frame as a constructable
// stylesheet and swapped in place when the theme changes, so colour, font and
// radius edits show at once. The editor's own styles never enter the frame
// (iframe.syncHostStyles is off), so the page looks exactly as it will live;
// the web fonts are the release's own files (../site-fonts.ts).
import { useEffect, useMemo, type ReactNode } from 'react';
import { buildCss } from '../../../src/rendering/css';
import type { Theme } from '../../../src/site-document/schema';
import { useEditorEnv } from './env';
import { SITE_FONT_CSS } from '../site-fonts';
import { historyKeys } from './history';

/**
 * The publisher's own stylesheet for a theme: the same text a release serves,
 * with the consent styles (embed placeholders) a release carries once
 * something needs consent: the canvas always asks for them, since an embed may
 * be added at any moment. (Written to compile with buildCss before and after
 * it took its options argument.)
 */
const build = buildCss as (doc: { theme: Theme }, fontUrls?: Record<string, string>, options?: { consent?: boolean }) => string;
export const siteCss = (theme: Theme) => build({ theme }, {}, { consent: true });

/**
 * Editor-only adjustments. Puck wraps every block in a <div>, so the
 * stylesheet's "same tone twice in a row shares one gap" rule is restated for
 * the wrappers; the insertion placeholder gets a visible shape; and the
 * block toolbar moves inside the selected block.
 */
const FRAME_CSS = `
[data-puck-component]:has(> .tone-default:not(.logos)) + [data-puck-component] > .tone-default,
[data-puck-component]:has(> .tone-surface:not(.logos)) + [data-puck-component] > .tone-surface { padding-top: 0 }
.ed-block-card { display: flex; align-items: center; justify-content: center; height: 96px; margin: 8px; border: 2px dashed #6366f1; border-radius: 12px; background: #eef2ff; color: #3730a3; font: 600 15px system-ui, sans-serif }
.ed-block-card > :not(.ed-block-name) { display: none }
/* The selected block's toolbar sits inside its top edge, not over the block (or site navigation) above. */
.ed-actionbar { position: relative; top: 52px }
.ed-empty-image { display: grid; place-items: center; gap: .5rem; min-height: 240px; padding: 1rem 1.25rem; border: 2px dashed var(--border-strong); border-radius: var(--r-lg); color: var(--muted); font-size: 1rem; text-align: center; text-wrap: balance }
`;

export function PreviewFrame({ children, document: frameDoc }: { children: ReactNode; document?: Document }) {
  const { doc, siteName, undo, redo } = useEditorEnv();
  const css = useMemo(() => siteCss(doc.theme), [doc.theme]);

  // One sheet per frame document, replaced in place on every theme change.
  const sheet = useMemo(() => {
    const win = frameDoc?.defaultView as (Window & typeof globalThis) | null | undefined;
    if (!frameDoc || !win) return null;
    const s = new win.CSSStyleSheet();
    const extra = new win.CSSStyleSheet();
    extra.replaceSync(FRAME_CSS);
    // The web fonts, declared once: theme edits swap only the site sheet, so faces never reload.
    const fonts = new win.CSSStyleSheet();
    fonts.replaceSync(SITE_FONT_CSS);
    frameDoc.adoptedStyleSheets = [...frameDoc.adoptedStyleSheets, fonts, s, extra];
    return s;
  }, [frameDoc]);

  useEffect(() => {
    sheet?.replaceSync(css);
  }, [sheet, css]);

  useEffect(() => {
    if (!frameDoc) return;
    frameDoc.documentElement.lang = doc.defaultLanguage;
    frameDoc.title = siteName;
  }, [frameDoc, doc.defaultLanguage, siteName]);

  // Links in the canvas select and edit; they never navigate the frame away.
  useEffect(() => {
    if (!frameDoc) return;
    const stop = (e: Event) => {
      if ((e.target as Element | null)?.closest?.('a[href], form')) e.preventDefault();
    };
    frameDoc.addEventListener('click', stop, true);
    frameDoc.addEventListener('submit', stop, true);
    return () => {
      frameDoc.removeEventListener('click', stop, true);
      frameDoc.removeEventListener('submit', stop, true);
    };
  }, [frameDoc]);

  // Undo and redo with the keyboard while the canvas has focus, ahead of Puck's blocks-only history.
  useEffect(() => {
    const win = frameDoc?.defaultView;
    if (!win) return;
    const onKey = historyKeys(undo, redo);
    win.addEventListener('keydown', onKey, true);
    return () => win.removeEventListener('keydown', onKey, true);
  }, [frameDoc, undo, redo]);

  return <>{children}</>;
}
