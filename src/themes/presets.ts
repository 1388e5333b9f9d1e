import type { Theme } from '../site-document/schema.js';

// Every preset keeps text, muted text, links and button labels at WCAG AA
// contrast (checked in test/rendering/themes.test.ts).
export const THEMES: Record<string, Theme> = {
  indigo: {
    preset: 'indigo',
    palette: {
      primary: '#4f46e5',
      primaryText: '#ffffff',
      background: '#ffffff',
      surface: '#f6f7fb',
      text: '#0f172a',
      muted: '#526075',
      border: '#e3e7ef',
    },
    fonts: { heading: 'system', body: 'system' },
    radius: 'medium',
  },
  midnight: {
    preset: 'midnight',
    palette: {
      primary: '#8b9cff',
      primaryText: '#0a0c14',
      background: '#0a0c14',
      surface: '#11141f',
      text: '#e8eaf2',
      muted: '#9aa3b8',
      border: '#232838',
    },
    fonts: { heading: 'geometric', body: 'system' },
    radius: 'large',
  },
  sand: {
    preset: 'sand',
    palette: {
      primary: '#9c4221',
      primaryText: '#ffffff',
      background: '#fbf8f3',
      surface: '#f3ece1',
      text: '#2a211a',
      muted: '#6b5b4d',
      border: '#e5dacb',
    },
    fonts: { heading: 'serif', body: 'humanist' },
    radius: 'small',
  },
  mint: {
    preset: 'mint',
    palette: {
      primary: '#047857',
      primaryText: '#ffffff',
      background: '#ffffff',
      surface: '#effaf5',
      text: '#0b2520',
      muted: '#4b6661',
      border: '#d4ebe2',
    },
    fonts: { heading: 'geometric', body: 'system' },
    radius: 'pill',
  },
  graphite: {
    preset: 'graphite',
    palette: {
      primary: '#18181b',
      primaryText: '#fafafa',
      background: '#fafafa',
      surface: '#f1f1f3',
      text: '#18181b',
      muted: '#5b5b66',
      border: '#e2e2e7',
    },
    fonts: { heading: 'mono', body: 'system' },
    radius: 'small',
  },
};

export const DEFAULT_THEME = THEMES.indigo!;
