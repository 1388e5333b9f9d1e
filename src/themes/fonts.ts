// The five font stacks a theme chooses from. Four are self-hosted web fonts
// (OFL, from the @fontsource-variable packages: one variable woff2 of the
// latin subset each); `system` is the platform's own UI face. No third-party
// requests: a release ships the woff2 files its theme uses (rendering/
// font-files.ts) and the editor canvas loads the same files.
//
// Each web font is followed by a metric-adjusted local fallback (Arial, Times
// New Roman or Courier New, or their metric-compatible Liberation twins on
// Linux) so the swap from fallback to web font barely moves the layout, then
// by the system stack for anything missing.
import type { FONT_STACKS, Theme } from '../site-document/schema.js';

export type FontStack = (typeof FONT_STACKS)[number];
export type WebFontStack = Exclude<FontStack, 'system'>;

const SYSTEM_SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';
const SYSTEM_SERIF = '"Iowan Old Style", "Palatino Linotype", "URW Palladio L", P052, Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif';
const SYSTEM_MONO = 'ui-monospace, "Cascadia Code", "Source Code Pro", Menlo, Consolas, "DejaVu Sans Mono", monospace';

/** Local faces with the same metrics, regular and bold, for the fallback @font-face. */
const METRIC_TWINS = {
  sans: { regular: ['Arial', 'ArialMT', 'Liberation Sans', 'Arimo'], bold: ['Arial Bold', 'Arial-BoldMT', 'Liberation Sans Bold', 'Arimo Bold'] },
  serif: {
    regular: ['Times New Roman', 'TimesNewRomanPSMT', 'Liberation Serif', 'Tinos'],
    bold: ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT', 'Liberation Serif Bold', 'Tinos Bold'],
  },
  mono: {
    regular: ['Courier New', 'CourierNewPSMT', 'Liberation Mono', 'Cousine'],
    bold: ['Courier New Bold', 'CourierNewPS-BoldMT', 'Liberation Mono Bold', 'Cousine Bold'],
  },
};

export interface WebFont {
  family: string;
  /** The woff2 file, as a package path resolvable from node_modules. */
  file: string;
  /** The variable font's weight axis. */
  weight: string;
  fallback: {
    twins: keyof typeof METRIC_TWINS;
    /** Overrides that make the local twin take the web font's space (capsize metrics, next/font's formula). */
    sizeAdjust: string;
    ascent: string;
    descent: string;
  };
  systemStack: string;
}

const fontsource = (pkg: string, file: string) => `@fontsource-variable/${pkg}/files/${file}`;

export const WEB_FONTS: Record<WebFontStack, WebFont> = {
  humanist: {
    family: 'Source Sans 3',
    file: fontsource('source-sans-3', 'source-sans-3-latin-wght-normal.woff2'),
    weight: '200 900',
    fallback: { twins: 'sans', sizeAdjust: '93.76%', ascent: '109.21%', descent: '42.66%' },
    systemStack: SYSTEM_SANS,
  },
  geometric: {
    family: 'Plus Jakarta Sans',
    file: fontsource('plus-jakarta-sans', 'plus-jakarta-sans-latin-wght-normal.woff2'),
    weight: '200 800',
    fallback: { twins: 'sans', sizeAdjust: '104.98%', ascent: '98.88%', descent: '21.15%' },
    systemStack: SYSTEM_SANS,
  },
  serif: {
    family: 'Fraunces',
    file: fontsource('fraunces', 'fraunces-latin-wght-normal.woff2'),
    weight: '100 900',
    fallback: { twins: 'serif', sizeAdjust: '115.45%', ascent: '84.71%', descent: '22.09%' },
    systemStack: SYSTEM_SERIF,
  },
  mono: {
    family: 'JetBrains Mono',
    file: fontsource('jetbrains-mono', 'jetbrains-mono-latin-wght-normal.woff2'),
    weight: '100 800',
    fallback: { twins: 'mono', sizeAdjust: '99.98%', ascent: '102.02%', descent: '30.00%' },
    systemStack: SYSTEM_MONO,
  },
};

const fallbackFamily = (font: WebFont) => `${font.family} Fallback`;

export const FONT_FAMILIES: Record<FontStack, string> = {
  system: SYSTEM_SANS,
  ...(Object.fromEntries(
    Object.entries(WEB_FONTS).map(([stack, font]) => [stack, `"${font.family}", "${fallbackFamily(font)}", ${font.systemStack}`]),
  ) as Record<WebFontStack, string>),
};

/** Serif and mono headings read better slightly lighter and less tightly tracked. */
export const HEADING_STYLE: Record<FontStack, { weight: number; tracking: string }> = {
  system: { weight: 700, tracking: '-0.025em' },
  humanist: { weight: 700, tracking: '-0.02em' },
  geometric: { weight: 700, tracking: '-0.015em' },
  serif: { weight: 600, tracking: '-0.01em' },
  mono: { weight: 600, tracking: '-0.03em' },
};

export const isWebFont = (stack: FontStack): stack is WebFontStack => stack !== 'system';

/** The web fonts a theme uses (heading first, then body), without repeats. */
export function themeWebFonts(theme: Pick<Theme, 'fonts'>): WebFontStack[] {
  return [...new Set([theme.fonts.heading, theme.fonts.body])].filter(isWebFont);
}

// The unicode-range of @fontsource's latin subset: text outside it falls through to the fallback stack.
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

/** The @font-face rules of one web font served at `url`, with its metric-adjusted local fallback. */
export function fontFaceCss(stack: WebFontStack, url: string): string {
  const font = WEB_FONTS[stack];
  const fb = font.fallback;
  const twins = METRIC_TWINS[fb.twins];
  const local = (names: string[]) => names.map((n) => `local("${n}")`).join(',');
  const metrics = `size-adjust:${fb.sizeAdjust};ascent-override:${fb.ascent};descent-override:${fb.descent};line-gap-override:0%`;
  return (
    `@font-face{font-family:"${font.family}";font-style:normal;font-weight:${font.weight};font-display:swap;src:url(${url}) format("woff2");unicode-range:${LATIN}}\n` +
    `@font-face{font-family:"${fallbackFamily(font)}";font-weight:100 500;src:${local(twins.regular)};${metrics}}\n` +
    `@font-face{font-family:"${fallbackFamily(font)}";font-weight:600 900;src:${local(twins.bold)};${metrics}}\n`
  );
}
