// Theme -> CSS custom properties. Each section tone re-binds the same small set
// of variables, so block CSS is written once and works on every background.
import type { Theme } from '../site-document/schema.js';
import { alpha, ensureContrast, isDark, mix } from './color.js';
import { FONT_FAMILIES, HEADING_STYLE } from './fonts.js';

const RADIUS: Record<Theme['radius'], { sm: string; md: string; lg: string; xl: string; btn: string }> = {
  none: { sm: '0', md: '0', lg: '0', xl: '0', btn: '0' },
  small: { sm: '3px', md: '5px', lg: '8px', xl: '12px', btn: '5px' },
  medium: { sm: '6px', md: '10px', lg: '14px', xl: '22px', btn: '10px' },
  large: { sm: '8px', md: '14px', lg: '20px', xl: '28px', btn: '14px' },
  pill: { sm: '8px', md: '14px', lg: '22px', xl: '32px', btn: '999px' },
};

type Vars = Record<string, string>;

/** The variables every tone defines, derived from one background and its foregrounds. */
function toneVars(o: { bg: string; text: string; muted: string; border: string; card: string; accent: string; btnBg: string; btnText: string }): Vars {
  const dark = isDark(o.bg);
  const accent = ensureContrast(o.accent, o.bg, 3); // icons and focus rings: non-text contrast
  const accentSoft = mix(o.bg, o.accent, dark ? 0.2 : 0.1);
  const btnText = ensureContrast(o.btnText, o.btnBg, 4.5);
  return {
    '--bg': o.bg,
    '--text': ensureContrast(o.text, o.bg, 7),
    '--heading': ensureContrast(o.text, o.bg, 7),
    '--muted': ensureContrast(o.muted, o.bg, 4.5),
    '--border': o.border,
    '--border-strong': mix(o.border, o.text, 0.18),
    '--card': o.card,
    '--link': ensureContrast(o.accent, o.bg, 4.5),
    '--accent': accent,
    '--accent-text': ensureContrast(o.accent, accentSoft, 4.5),
    '--accent-soft': accentSoft,
    '--accent-border': mix(o.bg, o.accent, dark ? 0.4 : 0.25),
    '--accent-glow': alpha(o.accent, dark ? 0.22 : 0.13),
    '--btn-bg': o.btnBg,
    '--btn-bg-hover': mix(o.btnBg, isDark(o.btnBg) ? '#ffffff' : '#000000', 0.12),
    '--btn-text': btnText,
    '--focus': accent,
    '--hover-bg': mix(o.bg, o.text, dark ? 0.1 : 0.05),
    // Form errors: a red that stays readable on this tone's background.
    '--danger': ensureContrast(dark ? '#f97066' : '#d92d20', o.bg, 4.5),
  };
}

const block = (selector: string, vars: Vars) =>
  `${selector}{${Object.entries(vars)
    .map(([k, v]) => `${k}:${v}`)
    .join(';')}}\n`;

export function themeCss(theme: Theme): string {
  const p = theme.palette;
  const darkTheme = isDark(p.background);
  const r = RADIUS[theme.radius];
  const heading = HEADING_STYLE[theme.fonts.heading];

  const base = toneVars({
    bg: p.background,
    text: p.text,
    muted: p.muted,
    border: p.border,
    card: darkTheme ? p.surface : p.background,
    accent: p.primary,
    btnBg: p.primary,
    btnText: p.primaryText,
  });
  const surface = toneVars({
    bg: p.surface,
    text: p.text,
    muted: p.muted,
    border: p.border,
    card: darkTheme ? mix(p.surface, p.text, 0.05) : p.background,
    accent: p.primary,
    btnBg: p.primary,
    btnText: p.primaryText,
  });
  const primary = toneVars({
    bg: p.primary,
    text: p.primaryText,
    muted: mix(p.primaryText, p.primary, 0.2),
    border: mix(p.primary, p.primaryText, 0.22),
    card: mix(p.primary, p.primaryText, 0.08),
    accent: p.primaryText,
    btnBg: p.primaryText,
    btnText: p.primary,
  });
  // "Dark" is a deep band: the text colour of a light theme, or a deeper shade of a dark one.
  const darkBg = darkTheme ? mix(p.background, '#000000', 0.45) : isDark(p.text) ? mix(p.text, '#000000', 0.1) : '#0f172a';
  const darkText = darkTheme ? p.text : p.background;
  const darkVars = toneVars({
    bg: darkBg,
    text: darkText,
    muted: mix(darkText, darkBg, 0.32),
    border: mix(darkBg, darkText, 0.14),
    card: mix(darkBg, darkText, 0.05),
    accent: ensureContrast(p.primary, darkBg, 4.5),
    btnBg: isDark(p.primary) ? darkText : p.primary,
    btnText: isDark(p.primary) ? darkBg : p.primaryText,
  });

  const shadow = darkTheme ? '#000000' : mix(p.text, '#000000', 0.3);
  const s = darkTheme ? 2.5 : 1;
  const root: Vars = {
    'color-scheme': darkTheme ? 'dark' : 'light',
    '--font-heading': FONT_FAMILIES[theme.fonts.heading],
    '--font-body': FONT_FAMILIES[theme.fonts.body],
    '--font-mono': FONT_FAMILIES.mono,
    '--heading-weight': String(heading.weight),
    '--heading-tracking': heading.tracking,
    '--r-sm': r.sm,
    '--r': r.md,
    '--r-lg': r.lg,
    '--r-xl': r.xl,
    '--r-btn': r.btn,
    '--shadow-sm': `0 1px 2px ${alpha(shadow, 0.05 * s)}`,
    '--shadow-md': `0 1px 2px ${alpha(shadow, 0.04 * s)}, 0 4px 12px ${alpha(shadow, 0.05 * s)}`,
    '--shadow-lg': `0 2px 4px ${alpha(shadow, 0.04 * s)}, 0 12px 32px ${alpha(shadow, 0.09 * s)}`,
    '--shadow-xl': `0 4px 8px ${alpha(shadow, 0.05 * s)}, 0 24px 64px ${alpha(shadow, 0.16 * s)}`,
    '--header-bg': alpha(p.background, 0.86),
    '--code-bg': darkTheme ? mix(p.background, '#000000', 0.4) : mix(p.text, '#000000', 0.15),
    '--code-text': darkTheme ? p.text : p.background,
    ...base,
  };

  return (
    block(':root', root) + block('.tone-default', base) + block('.tone-surface', surface) + block('.tone-primary', primary) + block('.tone-dark', darkVars)
  );
}
