// The web fonts of published sites, for the frames that draw a site in the
// dashboard (the editor canvas): the same woff2 files a release ships,
// emitted by Vite as hashed assets (served under /app/assets/ with immutable
// caching), declared once per frame. A browser downloads a face only when the
// canvas text uses it, so the dashboard itself never loads them.
import { fontFaceCss, WEB_FONTS, type WebFontStack } from '../../src/themes/fonts';

const FILES = import.meta.glob<string>('../../node_modules/@fontsource-variable/*/files/*-latin-wght-normal.woff2', {
  query: '?url',
  import: 'default',
  eager: true,
});

function urlOf(stack: WebFontStack): string {
  const file = WEB_FONTS[stack].file;
  const url = Object.entries(FILES).find(([path]) => path.endsWith(`/node_modules/${file}`))?.[1];
  if (!url) throw new Error(`font file missing from the dashboard bundle: ${file}`);
  return url;
}

/** @font-face rules for every web font a theme can choose; adopt them into a frame once. */
export const SITE_FONT_CSS = (Object.keys(WEB_FONTS) as WebFontStack[]).map((stack) => fontFaceCss(stack, urlOf(stack))).join('');
