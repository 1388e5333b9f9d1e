// The site document as the editor holds it, and the conversions between a
// page's blocks and Puck's data. Puck edits one page at a time; everything
// else (theme, navigation, footer, the other pages) lives beside it.
import type { Data } from '@puckeditor/core';
import type { Block, SiteDocument } from '../../../src/site-document/schema';
import { EMBED_SUGGESTIONS } from './embed-defaults';

export type Doc = SiteDocument;
export type Page = Doc['pages'][number];
export type BlockType = Block['type'];

type Props = Record<string, unknown>;

export function pageToPuck(page: Page): Data {
  return {
    root: { props: {} },
    content: page.blocks.map((b) => ({ type: b.type, props: structuredClone(b.props) as Props & { id: string } })),
  };
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** An optional { label, href } without a label is no button at all. */
function cleanButton(v: unknown) {
  if (!v || typeof v !== 'object') return undefined;
  const b = v as { label?: string; href?: string };
  if (blank(b.label)) return undefined;
  return { label: String(b.label).trim(), href: blank(b.href) ? '#' : String(b.href).trim() };
}

/** An optional image without a source is no image. */
function cleanImage(v: unknown) {
  if (!v || typeof v !== 'object') return undefined;
  const i = v as { src?: string; alt?: string; width?: number; height?: number; srcset?: unknown };
  if (blank(i.src)) return undefined;
  const out: Props = { src: String(i.src).trim(), alt: String(i.alt ?? '').trim() };
  if (typeof i.width === 'number') out.width = i.width;
  if (typeof i.height === 'number') out.height = i.height;
  if (Array.isArray(i.srcset) && i.srcset.length) out.srcset = i.srcset;
  return out;
}

function optionalText(p: Props, ...keys: string[]) {
  for (const k of keys) if (blank(p[k])) delete p[k];
}

const FIELD_TYPES = ['text', 'email', 'phone', 'textarea', 'select', 'checkbox', 'consent'];

/** A form field label -> a submission key: "Your e-mail" -> "your_e_mail". */
export function fieldNameFor(label: string, taken: Set<string> = new Set()): string {
  let base = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 32)
    .replace(/_+$/, '');
  if (!/^[a-z]/.test(base)) base = base ? `field_${base}`.slice(0, 32) : 'field';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}

/** One form field as the schema wants it: options only for a select, no empty placeholder or length. */
function cleanFormField(raw: Props): Props {
  const type = FIELD_TYPES.includes(String(raw.type)) ? String(raw.type) : 'text';
  const f: Props = {
    name: String(raw.name ?? '').trim(),
    type,
    label: String(raw.label ?? '').trim(),
    required: raw.required === true || raw.required === 'true',
  };
  if (!blank(raw.placeholder) && !['checkbox', 'consent'].includes(type)) f.placeholder = String(raw.placeholder).trim();
  if (type === 'select') f.options = ((raw.options as string[]) ?? []).map((o) => String(o).trim()).filter(Boolean);
  const max = Number(raw.maxLength);
  if (['text', 'email', 'phone', 'textarea'].includes(type) && Number.isInteger(max) && max > 0) f.maxLength = Math.min(max, 10000);
  return f;
}

/**
 * Puck's props back to the schema's block shape: optional strings left empty,
 * buttons without a label and images without a source are dropped, so a block
 * the person has not finished filling in still saves.
 */
export function cleanBlock(type: string, raw: Props): Block {
  const p: Props = structuredClone(raw);
  delete p.puck;
  delete p.editMode;
  for (const k of ['primary', 'secondary']) if (k in p) p[k] = cleanButton(p[k]);
  switch (type) {
    case 'hero':
      optionalText(p, 'eyebrow', 'subheading');
      p.image = cleanImage(p.image);
      break;
    case 'features':
      optionalText(p, 'heading', 'subheading');
      p.columns = Number(p.columns ?? 3);
      p.items = ((p.items as Props[]) ?? []).map((it) => {
        const item = { ...it };
        if (blank(item.icon)) delete item.icon;
        item.body = String(item.body ?? '');
        return item;
      });
      break;
    case 'logos':
      optionalText(p, 'heading');
      p.logos = ((p.logos as Props[]) ?? []).map((l) => ({ name: l.name, image: cleanImage(l.image) }));
      break;
    case 'testimonials':
      optionalText(p, 'heading');
      p.items = ((p.items as Props[]) ?? []).map((t) => {
        const item: Props = { ...t, avatar: cleanImage(t.avatar) };
        optionalText(item, 'role');
        return item;
      });
      break;
    case 'pricing':
      optionalText(p, 'heading', 'subheading');
      p.plans = ((p.plans as Props[]) ?? []).map((pl) => {
        const plan: Props = { ...pl, cta: cleanButton(pl.cta), highlighted: pl.highlighted === true || pl.highlighted === 'true' };
        optionalText(plan, 'period', 'description');
        plan.price = String(plan.price ?? '');
        plan.features = ((plan.features as string[]) ?? []).map((f) => f.trim()).filter(Boolean);
        return plan;
      });
      break;
    case 'faq':
      optionalText(p, 'heading');
      p.items = ((p.items as Props[]) ?? []).map((q) => ({ question: q.question, answer: String(q.answer ?? '') }));
      break;
    case 'cta':
      optionalText(p, 'body');
      break;
    case 'richtext':
      p.html = typeof p.html === 'string' ? p.html : '';
      break;
    case 'image':
      optionalText(p, 'caption');
      p.image = cleanImage(p.image); // none yet is a valid draft; publishing asks for it
      break;
    case 'form':
      optionalText(p, 'heading', 'subheading', 'successRedirect', 'notifyEmail');
      p.fields = ((p.fields as Props[]) ?? []).map(cleanFormField);
      if (blank(p.buttonLabel)) p.buttonLabel = 'Send';
      if (blank(p.successMessage)) delete p.successMessage;
      break;
    case 'privacy':
      optionalText(p, 'intro', 'contact');
      if (blank(p.heading)) p.heading = 'Privacy notice';
      break;
    case 'embed':
      optionalText(p, 'url', 'caption');
      if (typeof p.url === 'string') p.url = p.url.trim();
      // Screen readers announce the frame by its title: an empty one falls back to what it shows.
      if (blank(p.title)) p.title = EMBED_SUGGESTIONS[p.provider as keyof typeof EMBED_SUGGESTIONS]?.title ?? 'Embedded content';
      break;
  }
  for (const k of Object.keys(p)) if (p[k] === undefined) delete p[k];
  return { type, props: p } as Block;
}

export function puckToBlocks(data: Data): Block[] {
  return data.content.map((c) => cleanBlock(c.type as string, c.props as Props));
}

/** "Pricing & plans" -> "/pricing-plans"; unique among the other pages' paths. */
export function pathFor(title: string, taken: Set<string>): string {
  const base =
    '/' +
    (title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'page');
  let path = base;
  for (let i = 2; taken.has(path); i++) path = `${base}-${i}`;
  return path;
}

/**
 * A page's name in the editor's lists. The home page's title is usually the
 * whole browser-tab title ("Acme · Feedback, in one place"), so it is "Home";
 * other pages are named by their title ("Pricing"), which publishing joins
 * with the site's name for the tab.
 */
export { pageName } from '../format';

export const PATH_RE = /^\/([a-z0-9]+(?:-[a-z0-9]+)*(\/[a-z0-9]+(?:-[a-z0-9]+)*)*)?$/;

export function newId(prefix: string) {
  const r = crypto.getRandomValues(new Uint32Array(2));
  return `${prefix}-${r[0]!.toString(36)}${r[1]!.toString(36)}`;
}

/** Renames a page path everywhere the navigation and footer link to it. */
export function relinkPath(doc: Doc, from: string, to: string): Doc {
  const fix = (href: string) => (href === from ? to : href.startsWith(from + '#') ? to + href.slice(from.length) : href);
  return {
    ...doc,
    navigation: {
      ...doc.navigation,
      links: doc.navigation.links.map((l) => ({ ...l, href: fix(l.href) })),
      cta: doc.navigation.cta ? { ...doc.navigation.cta, href: fix(doc.navigation.cta.href) } : undefined,
    },
    footer: { ...doc.footer, columns: doc.footer.columns.map((c) => ({ ...c, links: c.links.map((l) => ({ ...l, href: fix(l.href) })) })) },
  };
}

/** Drops navigation and footer links to a page that no longer exists. */
export function unlinkPath(doc: Doc, path: string): Doc {
  const keep = (href: string) => href !== path && !href.startsWith(path + '#');
  return {
    ...doc,
    navigation: { ...doc.navigation, links: doc.navigation.links.filter((l) => keep(l.href)) },
    footer: { ...doc.footer, columns: doc.footer.columns.map((c) => ({ ...c, links: c.links.filter((l) => keep(l.href)) })) },
  };
}
