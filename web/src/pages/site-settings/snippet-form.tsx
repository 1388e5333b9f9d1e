// The fields of one custom code snippet: name, where it goes, its consent
// category (required, no default), the code, the addresses it loads from, the
// cookies it sets and the provider's policy. The parent owns the buttons and
// the saving; errors come in keyed by field (see snippet-model.ts).
import { useId, type ReactNode } from 'react';
import { Alert, Field, fieldMessage } from '../../ui';
import { CATEGORIES, CATEGORY_INFO, type CookieDraft, type SnippetDraft, type SnippetErrors } from './snippet-model';

function InlineError({ id, label, message }: { id: string; label: string; message: string }) {
  return (
    <p id={id} className="field-error">
      <svg viewBox="0 0 20 20" aria-hidden="true">
        <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm0 4a.9.9 0 0 1 .9.9v4.2a.9.9 0 1 1-1.8 0V6.4a.9.9 0 0 1 .9-.9Zm0 9.3a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z" />
      </svg>
      {fieldMessage(label, message)}
    </p>
  );
}

function CookieRow({
  index,
  cookie,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  cookie: CookieDraft;
  errors: SnippetErrors;
  onChange(c: CookieDraft): void;
  onRemove(): void;
}) {
  const id = useId();
  const cell = (key: keyof CookieDraft, label: string, input: (p: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode) => {
    const error = errors[`cookies.${index}.${key}`];
    return (
      <div className={`cookie-cell cookie-${key}${error ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-${key}`} className="cookie-label">
          {label}
        </label>
        {input({ id: `${id}-${key}`, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-${key}-error` : undefined })}
        {error && <InlineError id={`${id}-${key}-error`} label={label} message={error} />}
      </div>
    );
  };
  return (
    <fieldset className="cookie-row">
      <legend className="visually-hidden">Cookie {index + 1}</legend>
      {cell('name', 'Name', (p) => (
        <input
          {...p}
          className="input mono"
          value={cookie.name}
          maxLength={81}
          placeholder="_ga or _ga_*"
          spellCheck={false}
          autoCapitalize="none"
          onChange={(e) => onChange({ ...cookie, name: e.target.value })}
        />
      ))}
      {cell('purpose', 'Purpose', (p) => (
        <input
          {...p}
          className="input"
          value={cookie.purpose}
          maxLength={300}
          placeholder="Tells visits apart for the statistics"
          onChange={(e) => onChange({ ...cookie, purpose: e.target.value })}
        />
      ))}
      {cell('days', 'Days', (p) => (
        <input
          {...p}
          className="input"
          value={cookie.days}
          inputMode="numeric"
          placeholder="0"
          maxLength={4}
          onChange={(e) => onChange({ ...cookie, days: e.target.value })}
        />
      ))}
      <button type="button" className="icon-btn cookie-remove" onClick={onRemove} aria-label={`Remove cookie ${cookie.name || index + 1}`}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
        <span className="cookie-remove-text" aria-hidden="true">
          Remove
        </span>
      </button>
    </fieldset>
  );
}

export function SnippetForm({ value, errors, onChange }: { value: SnippetDraft; errors: SnippetErrors; onChange(d: SnippetDraft): void }) {
  const id = useId();
  const set = (patch: Partial<SnippetDraft>) => onChange({ ...value, ...patch });
  const setCookie = (i: number, c: CookieDraft) => set({ cookies: value.cookies.map((x, j) => (j === i ? c : x)) });
  return (
    <div className="snippet-form">
      {errors.form && <Alert title="This code was not saved">{errors.form}</Alert>}
      <div className="form-grid">
        <Field label="Name" hint="For you, and shown to visitors in the cookie table." error={errors.name}>
          {(p) => (
            <input {...p} className="input" value={value.name} maxLength={80} placeholder="Web analytics" onChange={(e) => set({ name: e.target.value })} />
          )}
        </Field>
        <Field
          label="Where it goes"
          hint={
            value.placement === 'head'
              ? 'For tags that must start early; most analytics tags ask for this.'
              : 'For widgets and anything that can wait: best for speed.'
          }
          error={errors.placement}
        >
          {(p) => (
            <select {...p} className="input select" value={value.placement} onChange={(e) => set({ placement: e.target.value as 'head' | 'body' })}>
              <option value="head">End of the page head</option>
              <option value="body">End of the page body</option>
            </select>
          )}
        </Field>
      </div>

      <fieldset
        className={`snippet-categories${errors.category ? ' field-invalid' : ''}`}
        aria-describedby={errors.category ? `${id}-category-error` : `${id}-category-hint`}
      >
        <legend className="field-label">Consent category</legend>
        <p id={`${id}-category-hint`} className="field-hint">
          Choose what the code does. Unless it is necessary, it stays switched off until the visitor allows its category in the cookie banner.
        </p>
        <div className="category-options">
          {CATEGORIES.map((c) => (
            <label key={c} className={`category-option${value.category === c ? ' is-selected' : ''}`}>
              <input
                type="radio"
                name={`${id}-category`}
                value={c}
                checked={value.category === c}
                onChange={() => set({ category: c })}
                aria-invalid={errors.category ? true : undefined}
                required
              />
              <span className="category-text">
                <span className="category-name">{CATEGORY_INFO[c].label}</span>
                <span className="category-desc">{CATEGORY_INFO[c].text}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.category && <InlineError id={`${id}-category-error`} label="Consent category" message={errors.category} />}
      </fieldset>

      <Field
        label="Code"
        hint="The HTML the provider gave you, with its <script> tags. When you publish, the page’s security policy lets exactly this code run, and nothing else written into the page."
        error={errors.code}
      >
        {(p) => (
          <textarea
            {...p}
            className="input textarea mono code-input"
            rows={9}
            value={value.code}
            maxLength={20000}
            spellCheck={false}
            autoCapitalize="none"
            autoCorrect="off"
            wrap="off"
            placeholder={'<script src="https://cdn.example.com/tag.js" defer></script>'}
            onChange={(e) => set({ code: e.target.value })}
          />
        )}
      </Field>

      <Field
        label="Addresses it connects to"
        hint="One per line, like https://api.example.com. Scripts the code loads are allowed by themselves; add the addresses those scripts send data to or load from. Nothing else may be contacted."
        error={errors.origins}
      >
        {(p) => (
          <textarea
            {...p}
            className="input textarea mono"
            rows={Math.min(Math.max(value.origins.split('\n').length + 1, 2), 8)}
            value={value.origins}
            spellCheck={false}
            autoCapitalize="none"
            placeholder="https://api.example.com"
            onChange={(e) => set({ origins: e.target.value })}
          />
        )}
      </Field>

      <fieldset className="snippet-cookies" aria-describedby={`${id}-cookies-hint`}>
        <legend className="field-label">Cookies it sets</legend>
        <p id={`${id}-cookies-hint`} className="field-hint">
          Cookies on your site’s own domain, as the provider documents them. Visitors see them in the cookie table; they are deleted when the visitor withdraws
          consent. A name ending in * covers a prefix. Days: 0 for cookies that end with the visit.
        </p>
        {value.cookies.map((c, i) => (
          <CookieRow
            key={i}
            index={i}
            cookie={c}
            errors={errors}
            onChange={(next) => setCookie(i, next)}
            onRemove={() => set({ cookies: value.cookies.filter((_, j) => j !== i) })}
          />
        ))}
        {value.cookies.length < 20 && (
          <div>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              onClick={() => set({ cookies: [...value.cookies, { name: '', purpose: '', days: '' }] })}
            >
              <span>+ Add a cookie</span>
            </button>
          </div>
        )}
      </fieldset>

      <Field label="Privacy policy link" hint="The provider’s policy, linked from the cookie table. Optional." error={errors.policyUrl}>
        {(p) => (
          <input
            {...p}
            className="input mono"
            type="url"
            value={value.policyUrl}
            maxLength={2048}
            placeholder="https://example.com/privacy"
            spellCheck={false}
            autoCapitalize="none"
            onChange={(e) => set({ policyUrl: e.target.value })}
          />
        )}
      </Field>
    </div>
  );
}
