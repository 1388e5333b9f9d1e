// The woff2 files of the web fonts, read from node_modules once per process
// and content-addressed like the stylesheet, so a release can serve them under
// /_atrium/ with immutable caching.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Theme } from '../site-document/schema.js';
import { themeWebFonts, WEB_FONTS, type WebFontStack } from '../themes/fonts.js';

export interface FontFile {
  stack: WebFontStack;
  path: string;
  body: Buffer;
}

const require = createRequire(import.meta.url);
const loaded = new Map<WebFontStack, FontFile>();

export function fontFile(stack: WebFontStack): FontFile {
  let file = loaded.get(stack);
  if (!file) {
    const body = readFileSync(require.resolve(WEB_FONTS[stack].file));
    const name = WEB_FONTS[stack].family.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    file = { stack, path: `/_atrium/fonts/${name}.${createHash('sha256').update(body).digest('hex').slice(0, 12)}.woff2`, body };
    loaded.set(stack, file);
  }
  return file;
}

/** The font files a theme's headings and body use: none for the system stack. */
export function themeFontFiles(theme: Pick<Theme, 'fonts'>): FontFile[] {
  return themeWebFonts(theme).map(fontFile);
}
