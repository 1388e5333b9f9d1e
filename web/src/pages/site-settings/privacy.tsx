// Site settings: "Privacy & cookies". How the site asks visitors for consent
// (no banner, a notice, or a choice per category), whether Global Privacy
// Control also refuses analytics, and the banner's wording in the site's
// language. Saved to the draft; live at the next publish.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { siteCategories, siteConsentItems } from '../../../../src/consent/page-needs';
import { CONSENT_LANGUAGES, consentStrings, fill } from '../../../../src/consent/strings';
import type { ConsentSettings } from '../../../../src/site-document/schema';
import { ApiError } from '../../api';
import { toast } from '../../toast';
import { Alert, Button, Field } from '../../ui';
import { type SiteContext } from '../site-frame';
import { BannerPreview } from './banner-preview';
import { ConsentNeeds } from './consent-needs';
import { saveDraft, schemaDoc } from './draft';

type Mode = ConsentSettings['mode'];
type Wording = ConsentSettings['wording'][string];
type WordingKey = keyof Wording;

const MODES: { mode: Mode; name: string; what: string; when: string }[] = [
  {
    mode: 'categories',
    name: 'Ask for consent by category',
    what: 'Nothing optional runs or sets a cookie until the visitor chooses. The banner offers Accept all and Reject all side by side, and a choice per category.',
    when: 'Use it where consent is needed before tracking, as in the EU and the UK. The safe choice when in doubt.',
  },
  {
    mode: 'notice',
    name: 'Notice only',
    what: 'Embeds and custom code run at once; the banner tells visitors what the site uses and lets them switch it off. A Global Privacy Control signal is still honoured.',
    when: 'Only where the law lets these tools run without asking first.',
  },
  {
    mode: 'off',
    name: 'Off',
    what: 'No banner and no “Cookie settings” link.',
    when: 'Only possible while nothing on the site needs consent.',
  },
];

const WORDING: { key: WordingKey; label: string; max: number; multiline?: boolean }[] = [
  { key: 'title', label: 'Title', max: 120 },
  { key: 'body', label: 'Text', max: 800, multiline: true },
  { key: 'acceptAll', label: 'Accept all button', max: 40 },
  { key: 'rejectAll', label: 'Reject all button', max: 40 },
  { key: 'choose', label: 'Choose button', max: 40 },
  { key: 'save', label: 'Save choices button', max: 40 },
];

const languageName = (lang: string) => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
};

/** Empty fields are not stored: the banner uses Atrium's wording for them. */
function cleanWording(w: Wording): Wording {
  const out: Wording = {};
  for (const { key } of WORDING) if (w[key]?.trim()) out[key] = w[key]!.trim();
  return out;
}

export function Privacy(ctx: SiteContext) {
  const { site } = ctx;
  const doc = schemaDoc(site.document);
  const lang = doc.defaultLanguage;
  const saved = doc.consent;
  const [mode, setMode] = useState<Mode>(saved.mode);
  const [gpc, setGpc] = useState(saved.gpcRefusesAnalytics);
  const [wording, setWording] = useState<Wording>(saved.wording[lang] ?? {});
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();

  const items = useMemo(() => siteConsentItems(doc), [doc]);
  const categories = useMemo(() => siteCategories(doc), [doc]);
  const offBlocked = items.length > 0;
  const strings = consentStrings(lang);
  const shipped = lang.toLowerCase().split('-')[0]! in CONSENT_LANGUAGES;
  const siteName = doc.navigation.brand || site.name;
  const defaults: Record<WordingKey, string> = {
    title: fill(strings.title, { site: siteName }),
    body: fill(mode === 'notice' ? strings.noticeBody : strings.body, { site: siteName }),
    acceptAll: strings.acceptAll,
    rejectAll: strings.rejectAll,
    choose: strings.choose,
    save: strings.save,
  };
  const shown = (key: WordingKey) => wording[key]?.trim() || defaults[key];

  const changed =
    mode !== saved.mode ||
    gpc !== saved.gpcRefusesAnalytics ||
    JSON.stringify(cleanWording(wording)) !== JSON.stringify(cleanWording(saved.wording[lang] ?? {}));

  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (location.hash === '#privacy') sectionRef.current?.scrollIntoView({ block: 'start' });
  }, []);
  useEffect(() => {
    if (Object.keys(errors).length || formError) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .alert')?.focus();
  }, [errors, formError]);

  const discard = () => {
    setMode(saved.mode);
    setGpc(saved.gpcRefusesAnalytics);
    setWording(saved.wording[lang] ?? {});
    setErrors({});
    setFormError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    setJustSaved(false);
    if (mode === 'off' && offBlocked) {
      setErrors({ mode: 'The banner cannot be off while something on the site needs consent. Choose one of the other options.' });
      return;
    }
    setBusy(true);
    try {
      await saveDraft(ctx, (d) => {
        const all = { ...d.consent.wording };
        const mine = cleanWording(wording);
        if (Object.keys(mine).length) all[lang] = mine;
        else delete all[lang];
        return { ...d, consent: { mode, gpcRefusesAnalytics: gpc, wording: all } };
      });
      setJustSaved(true);
      toast('Privacy settings saved to the draft. Publish to put them live.');
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : null;
      const byField: Record<string, string> = {};
      for (const issue of apiErr?.issues ?? []) {
        const m = /^document\.consent\.(?:wording\.[^.]+\.(\w+)|(mode|gpcRefusesAnalytics))/.exec(issue.path);
        if (m) byField[m[1] ?? m[2]!] ??= issue.message;
      }
      setErrors(byField);
      if (!Object.keys(byField).length) setFormError(apiErr?.message ?? 'Atrium could not be reached. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  };

  const wordingField = ({ key, label, max, multiline }: (typeof WORDING)[number]) => (
    <Field key={key} label={label} error={errors[key]}>
      {(p) => {
        const common = {
          ...p,
          maxLength: max,
          value: wording[key] ?? '',
          placeholder: defaults[key],
          onChange: (e: { target: { value: string } }) => {
            setWording({ ...wording, [key]: e.target.value });
            setJustSaved(false);
          },
        };
        return multiline ? <textarea {...common} className="input textarea" rows={4} /> : <input {...common} className="input" />;
      }}
    </Field>
  );

  return (
    <section ref={sectionRef} id="privacy" className="form-section" aria-labelledby="privacy-h">
      <h2 id="privacy-h" className="section-title section-title-tight">
        Privacy &amp; cookies
      </h2>
      <p className="section-hint">How visitors are asked before embeds and custom code may run. Saved to the draft; it goes live the next time you publish.</p>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="settings-form">
        {formError && <Alert title="The privacy settings were not saved">{formError}</Alert>}
        {saved.mode === 'off' && offBlocked && (
          <Alert title="The banner is off, but the site now needs one">
            Publishing is refused until you choose “Ask for consent by category” or “Notice only”, because of what is listed below.
          </Alert>
        )}

        <fieldset className="consent-modes" aria-describedby={errors.mode ? `${id}-mode-error` : undefined}>
          <legend className="field-label">Cookie banner</legend>
          <div className="mode-options">
            {MODES.map((m) => {
              const disabled = m.mode === 'off' && offBlocked;
              return (
                <label key={m.mode} className={`mode-option${mode === m.mode ? ' is-selected' : ''}${disabled ? ' is-disabled' : ''}`}>
                  <input
                    type="radio"
                    name={`${id}-mode`}
                    value={m.mode}
                    checked={mode === m.mode}
                    disabled={disabled}
                    aria-describedby={`${id}-${m.mode}-what ${id}-${m.mode}-when${m.mode === 'off' && offBlocked ? ` ${id}-needs` : ''}`}
                    onChange={() => {
                      setMode(m.mode);
                      setJustSaved(false);
                      setErrors(({ mode: _, ...rest }) => rest);
                    }}
                  />
                  <span className="mode-text">
                    <span className="mode-name">
                      {m.name}
                      {m.mode === 'categories' && <span className="region-suggested">Recommended</span>}
                    </span>
                    <span id={`${id}-${m.mode}-what`} className="mode-desc">
                      {m.what}
                    </span>
                    <span id={`${id}-${m.mode}-when`} className="mode-when">
                      {m.mode === 'off' && offBlocked
                        ? 'Not available: the items below need consent. Remove them, or mark custom code necessary, to turn the banner off.'
                        : m.when}
                    </span>
                  </span>
                </label>
              );
            })}
          </div>
          {errors.mode && (
            <p id={`${id}-mode-error`} className="field-error">
              {errors.mode}
            </p>
          )}
        </fieldset>

        <ConsentNeeds doc={doc} id={`${id}-needs`} />

        <label className="switch-row">
          <input
            type="checkbox"
            role="switch"
            className="switch"
            checked={gpc}
            aria-describedby={`${id}-gpc-hint`}
            onChange={(e) => {
              setGpc(e.target.checked);
              setJustSaved(false);
            }}
          />
          <span className="switch-text">
            <span className="switch-label">Global Privacy Control also refuses analytics</span>
            <span id={`${id}-gpc-hint`} className="field-hint">
              Browsers that send the Global Privacy Control signal always refuse marketing without being asked. Switch this on to treat the signal as a refusal
              of analytics too.
            </span>
          </span>
        </label>

        <div className="wording">
          <div className="wording-fields">
            <h3 className="subsection-title">Banner wording in {languageName(lang)}</h3>
            <p className="field-hint wording-hint">
              Leave a field empty to keep Atrium’s wording, shown in grey.
              {!shipped && ` Atrium’s own banner text is in English for ${languageName(lang)}, so write yours here.`}
            </p>
            {WORDING.slice(0, 2).map(wordingField)}
            <div className="wording-buttons">{WORDING.slice(2).map(wordingField)}</div>
          </div>
          <BannerPreview
            mode={mode}
            strings={strings}
            categories={categories}
            theme={doc.theme}
            text={{ title: shown('title'), body: shown('body'), acceptAll: shown('acceptAll'), rejectAll: shown('rejectAll'), choose: shown('choose') }}
          />
        </div>

        <div className="section-actions">
          {justSaved && !changed && (
            <p className="saved-note" role="status">
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="m3.5 8.5 3 3 6-7" />
              </svg>
              Saved to the draft
            </p>
          )}
          {changed && (
            <Button variant="ghost" onClick={discard} disabled={busy}>
              Discard<span className="visually-hidden"> privacy changes</span>
            </Button>
          )}
          <Button type="submit" busy={busy} disabled={!changed}>
            Save privacy settings
          </Button>
        </div>
      </form>
    </section>
  );
}
