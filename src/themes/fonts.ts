// System font stacks only: no web fonts, so no third-party requests and no
// layout shift. Stacks after modernfontstacks.com, with Linux fallbacks.
import type { FONT_STACKS } from '../site-document/schema.js';

export type FontStack = (typeof FONT_STACKS)[number];

export const FONT_FAMILIES: Record<FontStack, string> = {
  system: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  humanist: 'Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", source-sans-pro, sans-serif',
  geometric: 'Avenir, "Avenir Next LT Pro", Montserrat, Corbel, "URW Gothic", source-sans-pro, sans-serif',
  serif: '"Iowan Old Style", "Palatino Linotype", "URW Palladio L", P052, Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif',
  mono: 'ui-monospace, "Cascadia Code", "Source Code Pro", Menlo, Consolas, "DejaVu Sans Mono", monospace',
};

/** Serif and mono headings read better slightly lighter and less tightly tracked. */
export const HEADING_STYLE: Record<FontStack, { weight: number; tracking: string }> = {
  system: { weight: 700, tracking: '-0.025em' },
  humanist: { weight: 700, tracking: '-0.02em' },
  geometric: { weight: 700, tracking: '-0.025em' },
  serif: { weight: 600, tracking: '-0.01em' },
  mono: { weight: 600, tracking: '-0.03em' },
};
