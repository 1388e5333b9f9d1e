// The site's languages, in the Site panel: the default language (at /), the
// further ones (at /<lang>/), and whether the site root may send first-time
// visitors to their browser's language. Translating happens on each page,
// with the language chosen in the editor's header.
import { useId, useState } from 'react';
import { languageName, missingTranslations } from '../../../src/site-document/translations';
import { useEditorEnv } from './env';

/** Languages offered first: the ones Atrium's own words (banner, forms, 404) ship in; any tag can be typed too. */
const SUGGESTED = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'nb', 'cs', 'ja', 'zh', 'ko', 'pt-BR'];
const TAG = /^[a-z]{2,3}(-[A-Z]{2})?$/;

export function LanguagesSection() {
  const { doc, updateDoc } = useEditorEnv();
  const id = useId();
  const [adding, setAdding] = useState('');
  const taken = new Set([doc.defaultLanguage, ...doc.languages]);
  const options = SUGGESTED.filter((l) => !taken.has(l));
  const missingOnSite = (l: string) => doc.pages.reduce((n, p) => n + missingTranslations(p, l), 0);
  const add = () => {
    if (!TAG.test(adding) || taken.has(adding)) return;
    updateDoc((d) => ({ ...d, languages: [...d.languages, adding] }));
    setAdding('');
  };
  return (
    <section className="ed-section" aria-labelledby={id}>
      <div className="ed-section-head">
        <h2 id={id} className="ed-section-title">
          Languages
        </h2>
      </div>
      <div className="ed-field">
        <span className="ed-label">Default language</span>
        <p className="ed-static">{languageName(doc.defaultLanguage, 'en')} · at /</p>
      </div>
      {doc.languages.length > 0 && (
        <ul className="ed-langs" aria-label="Further languages">
          {doc.languages.map((l) => {
            const n = missingOnSite(l);
            return (
              <li key={l} className="ed-lang">
                <span className="ed-lang-name">
                  {languageName(l, 'en')} <span className="ed-lang-path">/{l.toLowerCase()}/</span>
                </span>
                <span className={n ? 'ed-tr-count' : 'ed-tr-count is-done'}>{n ? `${n} missing` : 'Translated'}</span>
                <button
                  type="button"
                  className="ed-btn ed-btn-ghost ed-btn-xs"
                  onClick={() => updateDoc((d) => ({ ...d, languages: d.languages.filter((x) => x !== l) }))}
                  aria-label={`Remove ${languageName(l, 'en')}`}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="ed-field">
        <label htmlFor={`${id}-add`} className="ed-label">
          Add a language
        </label>
        <div className="ed-row">
          <select id={`${id}-add`} className="ed-input" value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Choose a language…</option>
            {options.map((l) => (
              <option key={l} value={l}>
                {languageName(l, 'en')} ({l})
              </option>
            ))}
          </select>
          <button type="button" className="ed-btn ed-btn-secondary ed-btn-sm" disabled={!adding} onClick={add}>
            Add
          </button>
        </div>
        <p className="ed-hint">Removing a language keeps its translations in the draft; adding it back brings them back.</p>
      </div>
      {doc.languages.length > 0 && (
        <label className="ed-check">
          <input
            type="checkbox"
            checked={doc.rootLanguage === 'accept-language'}
            onChange={(e) => updateDoc((d) => ({ ...d, rootLanguage: e.target.checked ? 'accept-language' : 'default' }))}
          />
          <span>Send first-time visitors of the home page to their browser’s language</span>
        </label>
      )}
      {doc.languages.length > 0 && (
        <p className="ed-hint">
          Visitors who pick a language in the site’s switcher are always sent to it from the home page (a cookie remembers their pick for a year).
        </p>
      )}
    </section>
  );
}
