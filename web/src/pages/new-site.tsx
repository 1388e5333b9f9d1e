// "New site": name, address (derived from the name until edited), template,
// data region and default language.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { addressSuffix, api, ok, ApiError, getMeta, type RegionInfo, type TemplateInfo } from '../api';
import { Link, navigate } from '../router';
import { toast } from '../toast';
import { SiteThumb, thumbFromDocument } from '../thumb';
import { Alert, Button, Field, Spinner, fieldMessage, usePage, useSubmit } from '../ui';

/** "Café Olé & Co." -> "cafe-ole-co" (3-40 lowercase letters, digits, hyphens). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt-BR', 'it', 'nl', 'sv', 'pl', 'hi', 'ja', 'ko', 'zh'];
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

function languageLabel(tag: string) {
  const english = languageNames.of(tag) ?? tag;
  let native = english;
  try {
    native = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? english;
  } catch {
    // keep the English name
  }
  return native.toLowerCase() === english.toLowerCase() ? english : `${english} — ${native}`;
}

function defaultLanguage() {
  const nav = navigator.language;
  return LANGUAGES.find((l) => l === nav) ?? LANGUAGES.find((l) => l === nav.split('-')[0]) ?? 'en';
}

/** The region nearest the browser's time zone, shown as "Suggested"; the person still has to pick one. */
export function suggestedRegion(ids: string[], tz = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '') {
  const guess = /^(Europe|Africa|Atlantic)\//.test(tz)
    ? 'de-frankfurt'
    : /^(Asia|Indian)\//.test(tz)
      ? 'in-mumbai'
      : /^America\/(Toronto|Vancouver|Montreal|Edmonton|Winnipeg|Halifax|Regina|St_Johns|Moncton|Glace_Bay|Goose_Bay|Whitehorse|Dawson|Iqaluit)$/.test(tz) ||
          tz.startsWith('Canada/')
        ? 'ca-toronto'
        : 'us-oregon';
  return ids.includes(guess) ? guess : undefined;
}

const REGION_REQUIRED = 'Choose a data region for this site. It cannot be changed later.';

interface Options {
  templates: TemplateInfo[];
  regions: RegionInfo[];
  suffix: string | null;
}

export function NewSitePage() {
  const heading = usePage('New site');
  const [options, setOptions] = useState<{ status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: Options }>({
    status: 'loading',
  });
  const [attempt, setAttempt] = useState(0);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [template, setTemplate] = useState('');
  const [region, setRegion] = useState('');
  const [language, setLanguage] = useState(defaultLanguage);
  const form = useSubmit(['name', 'slug', 'template', 'region', 'defaultLanguage']);

  useEffect(() => {
    let live = true;
    setOptions({ status: 'loading' });
    Promise.all([ok(api.GET('/api/templates')), ok(api.GET('/api/regions')), getMeta().catch(() => null)]).then(
      ([templates, regions, meta]) => {
        if (!live) return;
        // The address suffix (".localhost:3000") from the server's address pattern.
        setOptions({ status: 'ready', data: { templates, regions, suffix: meta ? addressSuffix(meta) : null } });
        setTemplate((cur) => cur || templates[0]?.id || '');
      },
      (e: unknown) => live && setOptions({ status: 'error', message: e instanceof ApiError ? e.message : 'The templates could not be loaded.' }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const languages = useMemo(() => LANGUAGES.map((tag) => ({ tag, label: languageLabel(tag) })), []);

  const onName = (v: string) => {
    setName(v);
    form.clearError('name');
    if (!slugEdited) setSlug(slugify(v));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      // The region is permanent, so it is never chosen for the person: without one the server refuses
      // (and names every other field to fix at the same time); the message says why it matters.
      const site = await ok(
        api.POST('/api/sites', { body: { name, slug, template, region: (region || undefined) as RegionInfo['id'], defaultLanguage: language } }),
      ).catch((e: unknown) => {
        if (!(e instanceof ApiError) || region || e.status !== 400) throw e;
        const issues = [...e.issues.filter((i) => i.path !== 'region'), { path: 'region', message: REGION_REQUIRED }];
        throw new ApiError(e.status, 'invalid_input', REGION_REQUIRED, issues);
      });
      toast(`${site.name} is ready. It stays a draft until you publish it.`);
      navigate(`/sites/${site.id}/edit`);
    });
  };

  const ready = options.status === 'ready' ? options.data : null;
  const suggested = useMemo(() => (ready ? suggestedRegion(ready.regions.map((r) => r.id)) : undefined), [ready]);

  // One heading for every state, so the focus moved to it on arrival stays there when the options load.
  return (
    <div className="container narrow-form">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Sites</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">New site</span>
      </nav>
      <h1 ref={heading} tabIndex={-1} className="page-title">
        New site
      </h1>
      <p className="page-subtitle">Everything here except the data region can be changed later.</p>

      {options.status === 'loading' && (
        <div className="center-status">
          <Spinner label="Loading templates" />
        </div>
      )}
      {options.status === 'error' && (
        <div className="stack form-top">
          <Alert title="Templates and regions could not be loaded">{options.message}</Alert>
          <div>
            <Button variant="secondary" onClick={() => setAttempt((a) => a + 1)}>
              Try again
            </Button>
          </div>
        </div>
      )}
      {ready && (
        <form ref={form.formRef} onSubmit={submit} noValidate className="new-site-form">
          {form.formError && <Alert>{form.formError}</Alert>}

          <section className="form-section" aria-labelledby="basics-h">
            <h2 id="basics-h" className="section-title">
              Name and address
            </h2>
            <div className="form-grid">
              <Field label="Site name" error={form.errors.name}>
                {(p) => (
                  <input
                    {...p}
                    className="input"
                    value={name}
                    onChange={(e) => onName(e.target.value)}
                    placeholder="Acme Analytics"
                    autoComplete="off"
                    required
                  />
                )}
              </Field>
              <Field label="Address" hint="3–40 lowercase letters, digits or hyphens." error={form.errors.slug}>
                {(p) => (
                  <div className="input-group">
                    <input
                      {...p}
                      className="input"
                      value={slug}
                      onChange={(e) => {
                        setSlug(e.target.value.toLowerCase());
                        setSlugEdited(e.target.value !== '');
                        form.clearError('slug');
                      }}
                      placeholder="acme-analytics"
                      autoComplete="off"
                      spellCheck={false}
                      autoCapitalize="none"
                      required
                    />
                    {ready.suffix && <span className="input-suffix">{ready.suffix}</span>}
                  </div>
                )}
              </Field>
            </div>
          </section>

          <fieldset className="form-section" aria-describedby={form.errors.template ? 'template-error' : undefined}>
            <legend className="section-title">Template</legend>
            <p className="section-hint">A complete starting point with real copy. Every section can be edited, removed or reordered.</p>
            <div className="template-grid">
              {ready.templates.map((t) => (
                <label key={t.id} className={`template-card${template === t.id ? ' is-selected' : ''}`}>
                  <input type="radio" name="template" value={t.id} checked={template === t.id} onChange={() => setTemplate(t.id)} className="radio-hidden" />
                  <span className="template-preview">
                    {t.preview && <SiteThumb model={{ ...thumbFromDocument(t.preview, t.name), ...(name.trim() ? { brand: name } : {}) }} />}
                  </span>
                  <span className="template-text">
                    <span className="template-name">{t.name}</span>
                    <span className="template-desc">{t.description}</span>
                  </span>
                  <span className="check" aria-hidden="true">
                    <svg viewBox="0 0 16 16">
                      <path d="m3.5 8.5 3 3 6-7" />
                    </svg>
                  </span>
                </label>
              ))}
            </div>
            {form.errors.template && (
              <p id="template-error" className="field-error">
                {fieldMessage('Template', form.errors.template)}
              </p>
            )}
          </fieldset>

          <fieldset className="form-section" aria-describedby={`region-hint${form.errors.region ? ' region-error' : ''}`}>
            <legend className="section-title">Data region</legend>
            <p className="section-hint" id="region-hint">
              Where this site's form submissions, visitor analytics and consent records are stored. <strong>It can't be changed later.</strong>
            </p>
            <div className="region-list">
              {ready.regions.map((r) => (
                <label key={r.id} className={`region-option${region === r.id ? ' is-selected' : ''}`}>
                  <input
                    type="radio"
                    name="region"
                    value={r.id}
                    checked={region === r.id}
                    onChange={() => {
                      setRegion(r.id);
                      form.clearError('region');
                    }}
                    aria-invalid={form.errors.region ? true : undefined}
                    required
                  />
                  <span className="region-text">
                    <span className="region-name">
                      {r.name}
                      {r.id === suggested && (
                        <>
                          {' '}
                          <span className="region-suggested">Suggested</span>
                        </>
                      )}
                    </span>
                    <span className="region-desc">{r.description}</span>
                  </span>
                </label>
              ))}
            </div>
            {form.errors.region && (
              <p id="region-error" className="field-error">
                {fieldMessage('Region', form.errors.region)}
              </p>
            )}
          </fieldset>

          <section className="form-section" aria-labelledby="lang-h">
            <h2 id="lang-h" className="section-title">
              Language
            </h2>
            <div className="form-grid">
              <Field
                label="Default language"
                hint="Tells browsers, screen readers and search engines which language your pages are in."
                error={form.errors.defaultLanguage}
              >
                {(p) => (
                  <select {...p} className="input select" value={language} onChange={(e) => setLanguage(e.target.value)}>
                    {languages.map((l) => (
                      <option key={l.tag} value={l.tag}>
                        {l.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          </section>

          <div className="form-actions">
            <Link to="/" className="btn btn-ghost btn-md">
              <span>Cancel</span>
            </Link>
            <Button type="submit" busy={form.busy}>
              Create site
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
