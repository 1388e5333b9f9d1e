// The privacy request page of a published site (GET /_atrium/privacy): what
// each kind of request means, in the site's language and theme, and a plain
// form that posts without JavaScript. After a refused post it comes back with
// what was typed, an error summary linking to each field (focused on load), and
// each field's error next to it.
import type { SiteDocument } from '../../site-document/schema.js';
import { fill } from '../../consent/strings.js';
import { countryOptions, US_STATES } from '../../lib/countries.js';
import type { RenderContext } from '../render-site.js';
import { fillNodes, pageWords, privacyPage } from './frame.js';
import { REQUEST_KINDS, type PrivacyPageStrings } from './strings.js';

export const FORM_FIELDS = ['type', 'email', 'name', 'country', 'subdivision', 'details'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type PrivacyFormValues = Partial<Record<FormField, string>>;
/** The message shown for each field the server refused, in the page's words. */
export type PrivacyFormErrors = Partial<Record<FormField, string>>;

export const DETAILS_MAX = 5000;
const NAME_MAX = 120;

/** The page's message for each refused field (the paths of the server's issues). */
export function formErrors(s: PrivacyPageStrings, paths: string[], values: PrivacyFormValues): PrivacyFormErrors {
  const out: PrivacyFormErrors = {};
  for (const path of paths) {
    const field = FORM_FIELDS.find((f) => f === path);
    if (!field) continue;
    out[field] = field === 'details' && (values.details?.trim().length ?? 0) > DETAILS_MAX ? s.errors.detailsLong : s.errors[field];
  }
  return out;
}

const id = (field: FormField) => (field === 'type' ? `pr-type-${REQUEST_KINDS[0]}` : `pr-${field}`);
const hintId = (field: FormField) => `pr-${field}-hint`;
const errorId = (field: FormField) => `pr-${field}-error`;

/** aria-describedby of a control: its hint and its error, when shown. */
const describedBy = (field: FormField, hint: boolean, errors: PrivacyFormErrors) =>
  [hint && hintId(field), errors[field] && errorId(field)].filter(Boolean).join(' ') || undefined;

function FieldError({ field, errors }: { field: FormField; errors: PrivacyFormErrors }) {
  return errors[field] ? (
    <p className="field-error" id={errorId(field)}>
      {errors[field]}
    </p>
  ) : null;
}

export function renderPrivacyRequestPage(doc: SiteDocument, ctx: RenderContext, values: PrivacyFormValues = {}, errors: PrivacyFormErrors = {}): string {
  const { s, lang, site } = pageWords(doc, ctx);
  const failed = FORM_FIELDS.filter((f) => errors[f]);
  const invalid = (f: FormField) => (errors[f] ? true : undefined);
  const title = failed.length ? fill(s.errorTitle, { title: s.title }) : s.title;

  return privacyPage(
    doc,
    ctx,
    title,
    'pr',
    <>
      <div className="pr-head">
        <h1 className="pr-title">{s.title}</h1>
        <p className="lead">{fillNodes(s.intro, { site })}</p>
      </div>
      <div className="pr-layout">
        <form className="form-card pr-form" method="post" action="/_atrium/privacy" acceptCharset="utf-8" noValidate>
          {failed.length > 0 && (
            // Focused when the page loads (autofocus works without JavaScript), so the refusal is read first.
            <div className="pr-summary" role="alert" aria-labelledby="pr-summary-title" tabIndex={-1} autoFocus>
              <h2 className="pr-summary-title" id="pr-summary-title">
                {s.errorSummary}
              </h2>
              <ul>
                {failed.map((f) => (
                  <li key={f}>
                    <a href={`#${id(f)}`}>{errors[f]}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}

          <fieldset className="pr-fieldset" aria-describedby={errors.type ? errorId('type') : undefined}>
            <legend className="pr-legend">{s.typesLegend}</legend>
            <FieldError field="type" errors={errors} />
            <ul className="pr-types">
              {REQUEST_KINDS.map((kind) => (
                <li className="pr-type" key={kind}>
                  <input
                    className="pr-radio"
                    type="radio"
                    name="type"
                    value={kind}
                    id={`pr-type-${kind}`}
                    defaultChecked={values.type === kind}
                    required
                    aria-invalid={invalid('type')}
                    aria-describedby={`pr-type-${kind}-desc`}
                  />
                  <label className="pr-type-label" htmlFor={`pr-type-${kind}`}>
                    {s.types[kind].name}
                  </label>
                  <p className="pr-type-desc" id={`pr-type-${kind}-desc`}>
                    {s.types[kind].description}
                  </p>
                </li>
              ))}
            </ul>
          </fieldset>

          <div className="pr-fields">
            <div className="pr-pair">
              <div className="field">
                <label className="field-label" htmlFor={id('email')}>
                  {s.email}
                </label>
                <input
                  className="field-input"
                  type="email"
                  id={id('email')}
                  name="email"
                  defaultValue={values.email}
                  autoComplete="email"
                  spellCheck={false}
                  maxLength={254}
                  required
                  aria-invalid={invalid('email')}
                  aria-describedby={describedBy('email', true, errors)}
                />
                <FieldError field="email" errors={errors} />
                <p className="pr-hint" id={hintId('email')}>
                  {s.emailHint}
                </p>
              </div>
              <div className="field">
                <label className="field-label" htmlFor={id('name')}>
                  {s.name}
                  <span className="field-optional">{s.optional}</span>
                </label>
                <input
                  className="field-input"
                  type="text"
                  id={id('name')}
                  name="name"
                  defaultValue={values.name}
                  autoComplete="name"
                  maxLength={NAME_MAX}
                  aria-invalid={invalid('name')}
                  aria-describedby={describedBy('name', false, errors)}
                />
                <FieldError field="name" errors={errors} />
              </div>
            </div>

            <div className="pr-pair">
              <div className="field">
                <label className="field-label" htmlFor={id('country')}>
                  {s.country}
                </label>
                <div className="field-select-wrap">
                  <select
                    className="field-input"
                    id={id('country')}
                    name="country"
                    defaultValue={values.country?.toUpperCase() ?? ''}
                    autoComplete="country"
                    required
                    aria-invalid={invalid('country')}
                    aria-describedby={describedBy('country', true, errors)}
                  >
                    <option value="">{s.countryChoose}</option>
                    {countryOptions(lang).map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </div>
                <FieldError field="country" errors={errors} />
                <p className="pr-hint" id={hintId('country')}>
                  {s.countryHint}
                </p>
              </div>
              <div className="field">
                <label className="field-label" htmlFor={id('subdivision')}>
                  {s.state}
                  <span className="field-optional">{s.stateOnlyUs}</span>
                </label>
                <div className="field-select-wrap">
                  <select
                    className="field-input"
                    id={id('subdivision')}
                    name="subdivision"
                    defaultValue={values.subdivision?.toUpperCase() ?? ''}
                    autoComplete="address-level1"
                    aria-invalid={invalid('subdivision')}
                    aria-describedby={describedBy('subdivision', false, errors)}
                  >
                    <option value="">{s.stateNone}</option>
                    {US_STATES.map((st) => (
                      <option key={st.code} value={st.code}>
                        {st.name}
                      </option>
                    ))}
                  </select>
                </div>
                <FieldError field="subdivision" errors={errors} />
              </div>
            </div>

            <div className="field">
              <label className="field-label" htmlFor={id('details')}>
                {s.details}
              </label>
              <textarea
                className="field-input field-textarea"
                id={id('details')}
                name="details"
                rows={6}
                defaultValue={values.details}
                maxLength={DETAILS_MAX}
                required
                aria-invalid={invalid('details')}
                aria-describedby={describedBy('details', true, errors)}
              />
              <FieldError field="details" errors={errors} />
              <p className="pr-hint" id={hintId('details')}>
                {s.detailsHint}
              </p>
            </div>
          </div>

          <div className="pr-actions">
            <button className="btn btn-primary form-submit" type="submit">
              {s.submit}
            </button>
          </div>
        </form>

        <aside className="pr-aside" aria-labelledby="pr-steps-title">
          <h2 className="pr-aside-title" id="pr-steps-title">
            {s.stepsTitle}
          </h2>
          <ol className="pr-steps">
            {s.steps.map((step, i) => (
              <li key={i}>
                <span>{fillNodes(step, { site })}</span>
              </li>
            ))}
          </ol>
          <p className="pr-who">{fillNodes(s.who, { site })}</p>
        </aside>
      </div>
    </>,
  );
}
