import { describe, expect, it } from 'vitest';
import { buildCss } from '../../src/rendering/css.js';
import { Theme } from '../../src/site-document/schema.js';
import { contrast, ensureContrast, THEMES } from '../../src/themes/index.js';

describe('themes', () => {
  it('has at least four valid presets', () => {
    expect(Object.keys(THEMES).length).toBeGreaterThanOrEqual(4);
    for (const [id, theme] of Object.entries(THEMES)) {
      expect(Theme.parse(theme)).toEqual(theme);
      expect(theme.preset).toBe(id);
    }
  });

  for (const [id, { palette: p }] of Object.entries(THEMES)) {
    it(`${id} meets WCAG AA contrast`, () => {
      expect(contrast(p.text, p.background)).toBeGreaterThanOrEqual(7);
      expect(contrast(p.text, p.surface)).toBeGreaterThanOrEqual(7);
      expect(contrast(p.muted, p.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.muted, p.surface)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.primaryText, p.primary)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.primary, p.background)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('repairs low-contrast colours from custom palettes', () => {
    expect(contrast(ensureContrast('#ffff00', '#ffffff'), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(ensureContrast('#222222', '#000000'), '#000000')).toBeGreaterThanOrEqual(4.5);
    const css = buildCss({ theme: { ...THEMES.indigo!, palette: { ...THEMES.indigo!.palette, primary: '#ffee00', primaryText: '#ffffff' } } });
    const link = css.match(/:root\{[^}]*--link:(#[0-9a-f]{6})/)![1]!;
    expect(contrast(link, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the system stack behind each web font, declares no face it was not given, and emits one rule per tone', () => {
    const css = buildCss({ theme: THEMES.sand! });
    expect(css).toContain('--font-heading:"Fraunces", "Fraunces Fallback", "Iowan Old Style"');
    expect(css).toContain('Georgia, serif');
    expect(css).not.toMatch(/@font-face|@import/);
    for (const tone of ['default', 'surface', 'primary', 'dark']) expect(css).toContain(`.tone-${tone}{`);
  });
});
