// Multi-language sites: which text fields a translation may replace, a page or
// the site's navigation and footer in one language (the default language's
// text wherever a translation is missing), and how many translations a page
// still lacks. Shared by the renderer and the editor; no Node APIs.
import type { Block, BlockType, Page, SiteDocument, TextByPath } from './schema.js';

/** Translatable text fields by block type, as path patterns; `*` stands for an item's index. */
export const TRANSLATABLE: { [T in BlockType]: string[] } = {
  hero: ['eyebrow', 'heading', 'subheading', 'primary.label', 'secondary.label', 'image.alt'],
  features: ['heading', 'subheading', 'items.*.title', 'items.*.body'],
  logos: ['heading', 'logos.*.name', 'logos.*.image.alt'],
  testimonials: ['heading', 'items.*.quote', 'items.*.role', 'items.*.avatar.alt'],
  pricing: ['heading', 'subheading', 'plans.*.name', 'plans.*.price', 'plans.*.period', 'plans.*.description', 'plans.*.features.*', 'plans.*.cta.label'],
  faq: ['heading', 'items.*.question', 'items.*.answer'],
  cta: ['heading', 'body', 'primary.label', 'secondary.label'],
  richtext: ['html'],
  image: ['image.alt', 'caption'],
  // Field names and select options are what submissions store: shared, not translated.
  form: ['heading', 'subheading', 'fields.*.label', 'fields.*.placeholder', 'buttonLabel', 'successMessage'],
  embed: ['title', 'caption'],
  privacy: ['heading', 'intro'],
};

export const NAVIGATION_TEXT = ['brand', 'links.*.label', 'cta.label'];
export const FOOTER_TEXT = ['tagline', 'columns.*.heading', 'columns.*.links.*.label', 'legal'];

export interface TextField {
  path: string;
  /** The default language's text. */
  value: string;
}

/**
 * The non-empty text fields of a value matching the patterns, with their
 * concrete paths, in reading order: the patterns' order, with the fields of
 * each list item together (item 1's title and body, then item 2's).
 */
export function textFields(value: unknown, patterns: string[]): TextField[] {
  const out: { field: TextField; key: number[] }[] = [];
  patterns.forEach((pattern, index) => {
    const star = pattern.indexOf('*');
    // Patterns over the same list sort as one family, at the first one's place.
    const family = star === -1 ? index : patterns.findIndex((p) => p.startsWith(pattern.slice(0, star)));
    const walk = (node: unknown, parts: string[], path: string[], indices: number[]) => {
      if (!parts.length) {
        if (typeof node === 'string' && node.trim()) out.push({ field: { path: path.join('.'), value: node }, key: [family, ...indices, index] });
        return;
      }
      if (node === null || typeof node !== 'object') return;
      const [head, ...rest] = parts;
      if (head === '*') {
        if (Array.isArray(node)) node.forEach((item, i) => walk(item, rest, [...path, String(i)], [...indices, i]));
        return;
      }
      walk((node as Record<string, unknown>)[head!], rest, [...path, head!], indices);
    };
    walk(value, pattern.split('.'), [], []);
  });
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };
  return out.sort((x, y) => compare(x.key, y.key)).map((x) => x.field);
}

export const blockTextFields = (block: Block): TextField[] => textFields(block.props, TRANSLATABLE[block.type]);

/** Whether a path is one of the patterns' (so a stored translation can never change structure or links). */
function matches(path: string, patterns: string[]): boolean {
  const parts = path.split('.');
  return patterns.some((p) => {
    const pp = p.split('.');
    return pp.length === parts.length && pp.every((seg, i) => (seg === '*' ? /^\d+$/.test(parts[i]!) : seg === parts[i]));
  });
}

/** A copy of `value` with the translated text put in; only existing text fields matching the patterns change. */
export function withText<T>(value: T, texts: TextByPath | undefined, patterns: string[]): T {
  if (!texts) return value;
  const entries = Object.entries(texts).filter(([path, text]) => text.trim() && matches(path, patterns));
  if (!entries.length) return value;
  const copy = structuredClone(value) as unknown;
  for (const [path, text] of entries) {
    const parts = path.split('.');
    let node = copy as Record<string, unknown> | unknown[] | null;
    for (const part of parts.slice(0, -1)) node = node && typeof node === 'object' ? ((node as Record<string, unknown>)[part] as typeof node) : null;
    const last = parts[parts.length - 1]!;
    if (node && typeof node === 'object' && typeof (node as Record<string, unknown>)[last] === 'string') (node as Record<string, unknown>)[last] = text.trim();
  }
  return copy as T;
}

/** The page as visitors of `lang` see it: translated text where there is some, the default language's elsewhere. */
export function translatePage(page: Page, lang: string): Page {
  const t = page.translations?.[lang];
  if (!t) return page;
  return {
    ...page,
    title: t.title?.trim() || page.title,
    description: t.description?.trim() || page.description,
    blocks: page.blocks.map((b) => ({ ...b, props: withText(b.props, t.blocks[b.props.id], TRANSLATABLE[b.type]) }) as Block),
  };
}

/** The site's navigation and footer in `lang`. */
export function translateChrome(doc: SiteDocument, lang: string): Pick<SiteDocument, 'navigation' | 'footer'> {
  const t = doc.translations[lang];
  return {
    navigation: withText(doc.navigation, t?.navigation, NAVIGATION_TEXT),
    footer: withText(doc.footer, t?.footer, FOOTER_TEXT),
  };
}

/** How many of the page's texts (title, description, each block's text field) have no translation into `lang`. */
export function missingTranslations(page: Page, lang: string): number {
  const t = page.translations?.[lang];
  let missing = 0;
  if (!t?.title?.trim()) missing++;
  if (page.description.trim() && !t?.description?.trim()) missing++;
  for (const block of page.blocks) {
    const texts = t?.blocks[block.props.id] ?? {};
    for (const f of blockTextFields(block)) if (!texts[f.path]?.trim()) missing++;
  }
  return missing;
}

/** The URL path segment of a language: lowercase (pt-BR is published under /pt-br/). */
export const langSegment = (lang: string) => lang.toLowerCase();

/** Where a page of the site is published in `lang`: /pricing, /fr/pricing, /fr for the home page. */
export function localizedPath(doc: Pick<SiteDocument, 'defaultLanguage'>, path: string, lang: string): string {
  if (lang === doc.defaultLanguage) return path;
  return `/${langSegment(lang)}${path === '/' ? '' : path}`;
}

/** The language whose pages `path` is under (/fr/pricing: fr), else the default language. */
export function languageOfPath(doc: Pick<SiteDocument, 'defaultLanguage' | 'languages'>, path: string): string {
  const segment = path.split(/[/?#]/)[1]?.toLowerCase() ?? '';
  return (segment && doc.languages.find((l) => langSegment(l) === segment)) || doc.defaultLanguage;
}

/** All the site's languages, the default first. */
export const siteLanguages = (doc: Pick<SiteDocument, 'defaultLanguage' | 'languages'>) => [doc.defaultLanguage, ...doc.languages];

/** A language's own name for itself ("Français"), for switchers; the tag when the runtime does not know it. */
export function languageName(lang: string, inLang = lang): string {
  try {
    const name = new Intl.DisplayNames([inLang], { type: 'language' }).of(lang);
    return name ? name.charAt(0).toLocaleUpperCase(inLang) + name.slice(1) : lang;
  } catch {
    return lang;
  }
}
