// The editor's side panels beside Puck's own: pages, page settings, theme,
// and the site's navigation and footer.
import { useId, useState } from 'react';
import { LanguagesSection } from './languages-section';
import { THEMES } from '../../../src/themes/presets';
import { FONT_FAMILIES } from '../../../src/themes/fonts';
import { useEditorEnv } from './env';
import { newId, PATH_RE, pageName, pathFor, relinkPath, unlinkPath, type Doc, type Page } from './model';
import { PageSnippets } from './page-snippets';
import { PagePassword } from './page-password';
import { Section } from './section';

type Theme = Doc['theme'];

function TextInput(props: {
  label: string;
  value: string;
  onChange(v: string): void;
  hint?: string;
  error?: string;
  maxLength?: number;
  placeholder?: string;
  multiline?: boolean;
  mono?: boolean;
}) {
  const id = useId();
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: props.value,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    'aria-describedby': described,
    'aria-invalid': props.error ? true : undefined,
    className: `ed-input${props.multiline ? ' ed-textarea' : ''}${props.mono ? ' ed-mono' : ''}`,
  };
  return (
    <div className="ed-field">
      <label htmlFor={id} className="ed-label">
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => props.onChange(e.target.value)} spellCheck={props.mono ? false : undefined} />
      )}
      {props.hint && !props.error && (
        <p id={`${id}-hint`} className="ed-hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} className="ed-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

function updatePage(doc: Doc, pageId: string, patch: Partial<Page>): Doc {
  return { ...doc, pages: doc.pages.map((p) => (p.id === pageId ? { ...p, ...patch } : p)) };
}

/** Title, address, search/social metadata and custom code of the page being edited. Shown when no block is selected. */
export function PageSettings() {
  const { doc, page, updateDoc } = useEditorEnv();
  const [pathDraft, setPathDraft] = useState<{ id: string; value: string } | null>(null);
  const pathValue = pathDraft?.id === page.id ? pathDraft.value : page.path;
  const taken = new Set(doc.pages.filter((p) => p.id !== page.id).map((p) => p.path));
  const pathError = !PATH_RE.test(pathValue)
    ? 'Use / followed by lowercase words joined by -, like /pricing.'
    : taken.has(pathValue)
      ? 'Another page already has this address.'
      : undefined;
  const isHome = page.path === '/';

  const setPath = (value: string) => {
    setPathDraft({ id: page.id, value });
    if (PATH_RE.test(value) && !taken.has(value) && value !== '/') updateDoc((d) => relinkPath(updatePage(d, page.id, { path: value }), page.path, value));
  };

  return (
    <div className="ed-panel">
      <p className="ed-panel-lead">Select a block on the canvas to edit it. These settings belong to the whole page.</p>
      <Section title="Page">
        <TextInput
          label="Title"
          value={page.title}
          maxLength={120}
          onChange={(v) => updateDoc((d) => updatePage(d, page.id, { title: v }))}
          hint={
            isHome
              ? 'The whole title in the browser tab and search results. This page is listed as “Home”.'
              : 'Shown in the browser tab and search results, followed by the site’s name.'
          }
          error={page.title.trim() ? undefined : 'A page needs a title.'}
        />
        {isHome ? (
          <div className="ed-field">
            <span className="ed-label">Address</span>
            <p className="ed-static">/ (home page)</p>
          </div>
        ) : (
          <TextInput label="Address" value={pathValue} mono onChange={setPath} error={pathError} hint="Links in the navigation follow when this changes." />
        )}
      </Section>
      <Section title="Search and social">
        <TextInput
          label="Description"
          multiline
          value={page.description}
          maxLength={320}
          onChange={(v) => updateDoc((d) => updatePage(d, page.id, { description: v }))}
          hint={`${page.description.length}/320 · Search engines show about 155 characters.`}
        />
        <TextInput
          label="Social image URL"
          mono
          value={page.socialImage ?? ''}
          placeholder="https://… or /_atrium/img/…"
          onChange={(v) => updateDoc((d) => updatePage(d, page.id, { socialImage: v.trim() ? v.trim() : undefined }))}
          hint="Shown when the page is shared. 1200×630 works best."
        />
        <label className="ed-check">
          <input type="checkbox" checked={page.noindex} onChange={(e) => updateDoc((d) => updatePage(d, page.id, { noindex: e.target.checked }))} />
          <span>Hide this page from search engines</span>
        </label>
      </Section>
      <PagePassword />
      <PageSnippets />
    </div>
  );
}

function PageRow({ page, index, count }: { page: Page; index: number; count: number }) {
  const { doc, page: current, updateDoc, switchPage } = useEditorEnv();
  const [confirming, setConfirming] = useState(false);
  const isCurrent = page.id === current.id;
  const isHome = page.path === '/';
  const name = pageName(page);
  const move = (delta: number) =>
    updateDoc((d) => {
      const pages = [...d.pages];
      const [p] = pages.splice(index, 1);
      pages.splice(index + delta, 0, p!);
      return { ...d, pages };
    });
  const remove = () => {
    updateDoc((d) => unlinkPath({ ...d, pages: d.pages.filter((p) => p.id !== page.id) }, page.path));
    if (isCurrent) switchPage(doc.pages.find((p) => p.path === '/')!.id);
  };
  return (
    <li className={`ed-page${isCurrent ? ' is-current' : ''}`}>
      <button type="button" className="ed-page-main" onClick={() => switchPage(page.id)} aria-current={isCurrent ? 'page' : undefined}>
        <svg viewBox="0 0 16 16" aria-hidden="true" className="ed-page-icon">
          {isHome ? <path d="M2.5 7 8 2.5 13.5 7v6.5h-4V10h-3v3.5h-4z" /> : <path d="M4 1.5h5.5L13 5v9.5H4zM9.5 1.5V5H13" />}
        </svg>
        <span className="ed-page-text">
          <span className="ed-page-title">{name}</span>
          <span className="ed-page-path">{page.path}</span>
        </span>
      </button>
      {confirming ? (
        <div className="ed-page-confirm" role="group" aria-label={`Delete ${name}?`}>
          <button type="button" className="ed-btn ed-btn-danger ed-btn-xs" onClick={remove}>
            Delete
          </button>
          <button type="button" className="ed-btn ed-btn-ghost ed-btn-xs" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      ) : (
        <div className="ed-page-actions">
          <button type="button" className="ed-icon-btn" disabled={index === 0} onClick={() => move(-1)} aria-label={`Move ${name} up`} title="Move up">
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="m4 10 4-4 4 4" />
            </svg>
          </button>
          <button
            type="button"
            className="ed-icon-btn"
            disabled={index === count - 1}
            onClick={() => move(1)}
            aria-label={`Move ${name} down`}
            title="Move down"
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="m4 6 4 4 4-4" />
            </svg>
          </button>
          {!isHome && (
            <button type="button" className="ed-icon-btn" onClick={() => setConfirming(true)} aria-label={`Delete ${name}`} title="Delete page">
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 9h5.8l.6-9" />
              </svg>
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** Every page of the site: open, reorder, delete, and add a new one (optionally linked from the navigation). */
export function PagesPanel() {
  const { doc, updateDoc, switchPage } = useEditorEnv();
  const [adding, setAdding] = useState(false);
  const [title, setTitle] = useState('');
  const [inNav, setInNav] = useState(true);
  const titleId = useId();

  const add = (e: React.FormEvent) => {
    e.preventDefault();
    const t = title.trim();
    if (!t) return;
    const path = pathFor(t, new Set(doc.pages.map((p) => p.path)));
    const page: Page = { id: newId('page'), path, title: t, description: '', noindex: false, blocks: [], snippets: [], translations: {} };
    updateDoc((d) => ({
      ...d,
      pages: [...d.pages, page],
      navigation:
        inNav && d.navigation.links.length < 12 ? { ...d.navigation, links: [...d.navigation.links, { label: t.slice(0, 80), href: path }] } : d.navigation,
    }));
    setTitle('');
    setAdding(false);
    switchPage(page.id);
  };

  return (
    <div className="ed-panel">
      <Section
        title="Pages"
        actions={
          !adding && (
            <button type="button" className="ed-btn ed-btn-secondary ed-btn-xs" onClick={() => setAdding(true)}>
              + Add page
            </button>
          )
        }
      >
        {adding && (
          <form className="ed-add-page" onSubmit={add}>
            <label htmlFor={titleId} className="ed-label">
              Page title
            </label>
            <input
              id={titleId}
              className="ed-input"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder="About us"
              maxLength={120}
              autoFocus
            />
            <p className="ed-hint">Address: {title.trim() ? pathFor(title, new Set(doc.pages.map((p) => p.path))) : '/…'}</p>
            <label className="ed-check">
              <input type="checkbox" checked={inNav} onChange={(e) => setInNav(e.target.checked)} />
              <span>Add a link to the navigation</span>
            </label>
            <div className="ed-row">
              <button type="submit" className="ed-btn ed-btn-primary ed-btn-sm" disabled={!title.trim()}>
                Create page
              </button>
              <button type="button" className="ed-btn ed-btn-ghost ed-btn-sm" onClick={() => setAdding(false)}>
                Cancel
              </button>
            </div>
          </form>
        )}
        <ul className="ed-pages" aria-label="Pages">
          {doc.pages.map((p, i) => (
            <PageRow key={p.id} page={p} index={i} count={doc.pages.length} />
          ))}
        </ul>
      </Section>
    </div>
  );
}

const PALETTE_LABELS: [keyof Theme['palette'], string][] = [
  ['primary', 'Brand'],
  ['primaryText', 'Text on brand'],
  ['background', 'Page background'],
  ['surface', 'Surface'],
  ['text', 'Text'],
  ['muted', 'Muted text'],
  ['border', 'Borders'],
];

const FONT_LABELS: Record<Theme['fonts']['heading'], string> = { system: 'System', humanist: 'Humanist', geometric: 'Geometric', serif: 'Serif', mono: 'Mono' };
const RADIUS_LABELS: Record<Theme['radius'], string> = { none: 'Square', small: 'Small', medium: 'Medium', large: 'Large', pill: 'Pill' };

function ColorInput({ label, value, onChange }: { label: string; value: string; onChange(v: string): void }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="ed-color">
      <input type="color" className="ed-swatch" value={value} onChange={(e) => onChange(e.target.value)} aria-label={`${label} colour picker`} />
      <label htmlFor={id} className="ed-color-label">
        {label}
      </label>
      <input
        id={id}
        className="ed-input ed-mono ed-color-hex"
        value={draft ?? value}
        maxLength={7}
        spellCheck={false}
        onChange={(e) => {
          const v = e.target.value.trim();
          setDraft(v);
          if (/^#[0-9a-f]{6}$/i.test(v)) onChange(v.toLowerCase());
        }}
        onBlur={() => setDraft(null)}
      />
    </div>
  );
}

/** Presets, palette, fonts and corners; the canvas restyles as they change. */
export function ThemePanel() {
  const { doc, updateDoc } = useEditorEnv();
  const theme = doc.theme;
  const set = (patch: Partial<Theme>) => updateDoc((d) => ({ ...d, theme: { ...d.theme, ...patch, preset: undefined } }));
  return (
    <div className="ed-panel">
      <Section title="Presets">
        <div className="ed-presets" role="radiogroup" aria-label="Theme presets">
          {Object.entries(THEMES).map(([id, t]) => {
            const selected = theme.preset === id;
            return (
              <button
                key={id}
                type="button"
                role="radio"
                aria-checked={selected}
                className={`ed-preset${selected ? ' is-selected' : ''}`}
                onClick={() => updateDoc((d) => ({ ...d, theme: structuredClone(t) }))}
              >
                <svg viewBox="0 0 64 40" aria-hidden="true" className="ed-preset-art">
                  <rect width="64" height="40" rx="4" fill={t.palette.background} />
                  <rect x="0" y="24" width="64" height="16" fill={t.palette.surface} />
                  <rect x="8" y="8" width="30" height="5" rx="2" fill={t.palette.text} />
                  <rect x="8" y="16" width="20" height="3" rx="1.5" fill={t.palette.muted} />
                  <rect x="44" y="7" width="13" height="7" rx={t.radius === 'pill' ? 3.5 : t.radius === 'none' ? 0 : 2} fill={t.palette.primary} />
                  <rect x="8" y="28" width="14" height="8" rx="2" fill={t.palette.background} stroke={t.palette.border} />
                  <rect x="25" y="28" width="14" height="8" rx="2" fill={t.palette.background} stroke={t.palette.border} />
                  <rect x="42" y="28" width="14" height="8" rx="2" fill={t.palette.background} stroke={t.palette.border} />
                </svg>
                <span className="ed-preset-name">{id[0]!.toUpperCase() + id.slice(1)}</span>
              </button>
            );
          })}
        </div>
      </Section>
      <Section title="Colours">
        <div className="ed-colors">
          {PALETTE_LABELS.map(([key, label]) => (
            <ColorInput key={key} label={label} value={theme.palette[key]} onChange={(v) => set({ palette: { ...theme.palette, [key]: v } })} />
          ))}
        </div>
        <p className="ed-hint">Text colours are adjusted automatically where needed to stay readable.</p>
      </Section>
      <Section title="Fonts">
        {(['heading', 'body'] as const).map((which) => (
          <div className="ed-field" key={which}>
            <label className="ed-label" htmlFor={`font-${which}`}>
              {which === 'heading' ? 'Headings' : 'Body text'}
            </label>
            <select
              id={`font-${which}`}
              className="ed-input ed-select"
              value={theme.fonts[which]}
              onChange={(e) => set({ fonts: { ...theme.fonts, [which]: e.target.value as Theme['fonts']['heading'] } })}
            >
              {Object.entries(FONT_LABELS).map(([v, l]) => (
                <option key={v} value={v}>
                  {l} — {FONT_FAMILIES[v as Theme['fonts']['heading']].split(',')[0]!.replace(/"/g, '')}
                </option>
              ))}
            </select>
          </div>
        ))}
      </Section>
      <Section title="Corners">
        <div className="ed-segmented" role="radiogroup" aria-label="Corner radius">
          {Object.entries(RADIUS_LABELS).map(([v, l]) => (
            <button
              key={v}
              type="button"
              role="radio"
              aria-checked={theme.radius === v}
              className={theme.radius === v ? 'is-selected' : ''}
              onClick={() => set({ radius: v as Theme['radius'] })}
            >
              <span className={`ed-radius-demo ed-radius-${v}`} aria-hidden="true" />
              {l}
            </button>
          ))}
        </div>
      </Section>
    </div>
  );
}

type Link = { label: string; href: string };

function LinkList({ label, links, onChange, max }: { label: string; links: Link[]; onChange(links: Link[]): void; max: number }) {
  const { doc } = useEditorEnv();
  const listId = useId();
  const set = (i: number, patch: Partial<Link>) => onChange(links.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const move = (i: number, d: number) => {
    const next = [...links];
    const [l] = next.splice(i, 1);
    next.splice(i + d, 0, l!);
    onChange(next);
  };
  return (
    <div className="ed-links">
      <datalist id={listId}>
        {doc.pages.map((p) => (
          <option key={p.id} value={p.path}>
            {pageName(p)}
          </option>
        ))}
      </datalist>
      {links.map((l, i) => (
        <fieldset key={i} className="ed-link">
          <legend className="visually-hidden">
            {label} link {i + 1}
          </legend>
          <input
            className="ed-input ed-link-label"
            aria-label={`${label} link ${i + 1} text`}
            value={l.label}
            maxLength={80}
            onChange={(e) => set(i, { label: e.target.value })}
          />
          <input
            className="ed-input ed-mono ed-link-href"
            aria-label={`${label} link ${i + 1} address`}
            value={l.href}
            list={listId}
            spellCheck={false}
            onChange={(e) => set(i, { href: e.target.value })}
          />
          <div className="ed-link-actions">
            <button type="button" className="ed-icon-btn" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${l.label || 'link'} up`}>
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="m4 10 4-4 4 4" />
              </svg>
            </button>
            <button
              type="button"
              className="ed-icon-btn"
              disabled={i === links.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`Move ${l.label || 'link'} down`}
            >
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="m4 6 4 4 4-4" />
              </svg>
            </button>
            <button type="button" className="ed-icon-btn" onClick={() => onChange(links.filter((_, j) => j !== i))} aria-label={`Remove ${l.label || 'link'}`}>
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="M4 4l8 8M12 4l-8 8" />
              </svg>
            </button>
          </div>
        </fieldset>
      ))}
      {links.length < max && (
        <button type="button" className="ed-btn ed-btn-secondary ed-btn-xs" onClick={() => onChange([...links, { label: 'New link', href: '/' }])}>
          + Add link
        </button>
      )}
    </div>
  );
}

/** Header and footer, shared by every page. */
export function SitePanel() {
  const { doc, updateDoc, siteName } = useEditorEnv();
  const nav = doc.navigation;
  const footer = doc.footer;
  const setNav = (patch: Partial<Doc['navigation']>) => updateDoc((d) => ({ ...d, navigation: { ...d.navigation, ...patch } }));
  const setFooter = (patch: Partial<Doc['footer']>) => updateDoc((d) => ({ ...d, footer: { ...d.footer, ...patch } }));
  return (
    <div className="ed-panel">
      <Section title="Header">
        <TextInput label="Brand name" value={nav.brand ?? ''} placeholder={siteName} maxLength={80} onChange={(v) => setNav({ brand: v || undefined })} />
        <div className="ed-field">
          <span className="ed-label">Navigation links</span>
          <LinkList label="Navigation" links={nav.links} max={12} onChange={(links) => setNav({ links })} />
        </div>
        <div className="ed-pair">
          <TextInput
            label="Button text"
            value={nav.cta?.label ?? ''}
            placeholder="No button"
            maxLength={60}
            onChange={(v) => setNav({ cta: v ? { label: v, href: nav.cta?.href ?? '/' } : undefined })}
          />
          <TextInput label="Button link" mono value={nav.cta?.href ?? ''} onChange={(v) => setNav({ cta: nav.cta ? { ...nav.cta, href: v } : undefined })} />
        </div>
      </Section>
      <LanguagesSection />
      <Section title="Footer">
        <TextInput label="Tagline" multiline value={footer.tagline ?? ''} maxLength={300} onChange={(v) => setFooter({ tagline: v || undefined })} />
        {footer.columns.map((col, i) => (
          <div className="ed-field" key={i}>
            <TextInput
              label={`Column ${i + 1} heading`}
              value={col.heading}
              maxLength={60}
              onChange={(v) => setFooter({ columns: footer.columns.map((c, j) => (j === i ? { ...c, heading: v } : c)) })}
            />
            <LinkList
              label={col.heading || `Column ${i + 1}`}
              links={col.links}
              max={12}
              onChange={(links) => setFooter({ columns: footer.columns.map((c, j) => (j === i ? { ...c, links } : c)) })}
            />
          </div>
        ))}
        <TextInput
          label="Legal line"
          value={footer.legal ?? ''}
          maxLength={200}
          placeholder="© 2026 Your company"
          onChange={(v) => setFooter({ legal: v || undefined })}
        />
      </Section>
    </div>
  );
}
