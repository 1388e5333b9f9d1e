export { THEMES, DEFAULT_THEME } from './presets.js';
export { themeCss } from './theme-css.js';
export { FONT_FAMILIES } from './fonts.js';
export { contrast, ensureContrast, mix } from './color.js';
