// Translating a page: with a further language chosen in the header, the page's
// title, description and every block's text appear beside the default
// language's, one field each. An empty field shows the default language's text
// on the published page, and says so here. Structure (blocks, items, links,
// images) is edited in the default language only.
import { useId } from 'react';
import {
  blockTextFields,
  FOOTER_TEXT,
  languageName,
  missingTranslations,
  NAVIGATION_TEXT,
  textFields,
  type TextField,
} from '../../../src/site-document/translations';
import { BLOCK_LABELS } from './config';
import { useEditorEnv } from './env';
import { pageName, type BlockType, type Doc, type Page } from './model';

type TextByPath = Record<string, string>;

const WORDS: Record<string, string> = {
  primary: 'Main button',
  secondary: 'Second button',
  cta: 'Button',
  label: 'Text',
  alt: 'Image description',
  html: 'Text',
  buttonLabel: 'Button text',
  successMessage: 'Message after sending',
  brand: 'Brand name',
  legal: 'Legal line',
};

/** "items.0.title" -> "Item 1 · Title"; "primary.label" -> "Main button · Text". */
function fieldLabel(path: string): string {
  const out: string[] = [];
  for (const p of path.split('.')) {
    if (/^\d+$/.test(p)) out[out.length - 1] = `${out[out.length - 1]!.replace(/ies$/, 'y').replace(/s$/, '')} ${Number(p) + 1}`;
    else {
      const w = WORDS[p] ?? p.replace(/([A-Z])/g, ' $1').toLowerCase();
      out.push(w.charAt(0).toUpperCase() + w.slice(1));
    }
  }
  return out.join(' · ');
}

const prune = (texts: TextByPath, path: string, value: string): TextByPath => {
  const next = { ...texts };
  if (value.trim()) next[path] = value;
  else delete next[path];
  return next;
};

function TranslationField({
  label,
  source,
  value,
  lang,
  defaultLang,
  onChange,
  maxLength,
}: {
  label: string;
  source: string;
  value: string;
  lang: string;
  defaultLang: string;
  onChange(v: string): void;
  maxLength?: number;
}) {
  const id = useId();
  const long = source.length > 90 || source.includes('\n') || source.includes('<');
  const missing = !value.trim();
  return (
    <div className={missing ? 'ed-tr-field is-missing' : 'ed-tr-field'}>
      <div className="ed-tr-label-row">
        <label htmlFor={id} className="ed-label">
          {label}
        </label>
        {missing && (
          <span className="ed-tr-fallback" id={`${id}-fallback`}>
            Shows {languageName(defaultLang, 'en')}
          </span>
        )}
      </div>
      <p className="ed-tr-source" lang={defaultLang} id={`${id}-source`}>
        {source}
      </p>
      {long ? (
        <textarea
          id={id}
          className="ed-input ed-tr-input"
          lang={lang}
          rows={Math.min(8, Math.max(2, Math.ceil(source.length / 70)))}
          value={value}
          maxLength={maxLength}
          aria-describedby={`${id}-source${missing ? ` ${id}-fallback` : ''}`}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          className="ed-input ed-tr-input"
          lang={lang}
          value={value}
          maxLength={maxLength}
          aria-describedby={`${id}-source${missing ? ` ${id}-fallback` : ''}`}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}

function FieldGroup({
  title,
  fields,
  texts,
  lang,
  defaultLang,
  onChange,
}: {
  title: string;
  fields: TextField[];
  texts: TextByPath;
  lang: string;
  defaultLang: string;
  onChange(path: string, value: string): void;
}) {
  const id = useId();
  if (!fields.length) return null;
  const left = fields.filter((f) => !texts[f.path]?.trim()).length;
  return (
    <section className="ed-tr-group" aria-labelledby={id}>
      <div className="ed-tr-group-head">
        <h3 id={id} className="ed-tr-group-title">
          {title}
        </h3>
        <span className={left ? 'ed-tr-count' : 'ed-tr-count is-done'}>{left ? `${left} missing` : 'Translated'}</span>
      </div>
      {fields.map((f) => (
        <TranslationField
          key={f.path}
          label={fieldLabel(f.path)}
          source={f.value}
          value={texts[f.path] ?? ''}
          lang={lang}
          defaultLang={defaultLang}
          onChange={(v) => onChange(f.path, v)}
        />
      ))}
    </section>
  );
}

const pageTranslation = (page: Page, lang: string) => page.translations?.[lang] ?? { blocks: {} };

function setPage(doc: Doc, pageId: string, fn: (p: Page) => Page): Doc {
  return { ...doc, pages: doc.pages.map((p) => (p.id === pageId ? fn(p) : p)) };
}

/** The translation of the current page into `lang`, over the canvas. */
export function TranslateView({ lang }: { lang: string }) {
  const { doc, page, updateDoc } = useEditorEnv();
  const t = pageTranslation(page, lang);
  const def = doc.defaultLanguage;
  const name = languageName(lang, 'en');
  const missing = missingTranslations(page, lang);
  const total = missingTranslations({ ...page, translations: {} }, lang);
  const edit = (fn: (t: ReturnType<typeof pageTranslation>) => ReturnType<typeof pageTranslation>) =>
    updateDoc((d) => setPage(d, page.id, (p) => ({ ...p, translations: { ...p.translations, [lang]: fn(pageTranslation(p, lang)) } })));
  const setBlockText = (blockId: string) => (path: string, value: string) =>
    edit((tr) => ({ ...tr, blocks: { ...tr.blocks, [blockId]: prune(tr.blocks[blockId] ?? {}, path, value) } }));
  const chrome = doc.translations[lang] ?? { navigation: {}, footer: {} };
  const setChrome = (part: 'navigation' | 'footer') => (path: string, value: string) =>
    updateDoc((d) => {
      const cur = d.translations[lang] ?? { navigation: {}, footer: {} };
      return { ...d, translations: { ...d.translations, [lang]: { ...cur, [part]: prune(cur[part], path, value) } } };
    });
  const pageFields: TextField[] = [
    { path: 'title', value: page.title },
    ...(page.description.trim() ? [{ path: 'description', value: page.description }] : []),
  ];
  const pageTexts: TextByPath = { ...(t.title ? { title: t.title } : {}), ...(t.description ? { description: t.description } : {}) };
  const done = total - missing;
  return (
    <div className="ed-translate" role="region" aria-label={`${name} translation of ${pageName(page)}`}>
      <div className="ed-tr-inner">
        <header className="ed-tr-head">
          <div>
            <p className="ed-tr-eyebrow">
              {name} · {page.path === '/' ? `/${lang.toLowerCase()}` : `/${lang.toLowerCase()}${page.path}`}
            </p>
            <h2 className="ed-tr-title">Translate “{pageName(page)}”</h2>
            <p className="ed-tr-intro">
              Fields left empty show the {languageName(def, 'en')} text on the published page. Blocks, images and links are shared: change them in{' '}
              {languageName(def, 'en')}.
            </p>
          </div>
          <div className="ed-tr-progress" aria-live="polite">
            <span className="ed-tr-missing" data-missing={missing}>
              {missing ? `${missing} missing` : 'All translated'}
            </span>
            <span className="ed-tr-of">
              {done} of {total} texts
            </span>
            <span className="ed-tr-bar" aria-hidden="true">
              <span className="ed-tr-bar-fill" style={{ width: `${total ? (done / total) * 100 : 100}%` }} />
            </span>
          </div>
        </header>
        <FieldGroup
          title="Page title and description"
          fields={pageFields}
          texts={pageTexts}
          lang={lang}
          defaultLang={def}
          onChange={(path, value) => edit((tr) => ({ ...tr, [path]: value.trim() ? value : undefined }))}
        />
        {page.blocks.map((b) => (
          <FieldGroup
            key={b.props.id}
            title={BLOCK_LABELS[b.type as BlockType]}
            fields={blockTextFields(b)}
            texts={t.blocks[b.props.id] ?? {}}
            lang={lang}
            defaultLang={def}
            onChange={setBlockText(b.props.id)}
          />
        ))}
        <FieldGroup
          title="Navigation (every page)"
          fields={textFields(doc.navigation, NAVIGATION_TEXT)}
          texts={chrome.navigation}
          lang={lang}
          defaultLang={def}
          onChange={setChrome('navigation')}
        />
        <FieldGroup
          title="Footer (every page)"
          fields={textFields(doc.footer, FOOTER_TEXT)}
          texts={chrome.footer}
          lang={lang}
          defaultLang={def}
          onChange={setChrome('footer')}
        />
      </div>
    </div>
  );
}

/** The header's language choice: the default language edits the page, a further one translates it. */
export function LanguageSelect({ lang, onChange }: { lang: string; onChange(lang: string): void }) {
  const { doc, page } = useEditorEnv();
  if (!doc.languages.length) return null;
  return (
    <div className="ed-page-select-wrap ed-lang-select-wrap">
      <label htmlFor="ed-lang-select" className="visually-hidden">
        Language
      </label>
      <select id="ed-lang-select" className="ed-page-select ed-lang-select" value={lang} onChange={(e) => onChange(e.target.value)}>
        <option value={doc.defaultLanguage}>{languageName(doc.defaultLanguage, 'en')} (default)</option>
        {doc.languages.map((l) => {
          const n = missingTranslations(page, l);
          return (
            <option key={l} value={l}>
              {languageName(l, 'en')} · {n ? `${n} missing` : 'translated'}
            </option>
          );
        })}
      </select>
    </div>
  );
}
