// The form block: plain HTML that works as an ordinary POST with JavaScript
// off, and that the published site's small runtime script (src/runtime/forms.js)
// enhances to submit in place. The runtime relies on the ids and classes here:
// `<form id>-<field>-error` error slots, `<form id>-status` status region,
// `.form-fields` (hidden on success) and the submit button.
import type { BlockProps } from '../site-document/schema.js';
import { formWords, siteStrings, type SiteStrings } from '../site-strings/strings.js';
import type { BlockComponent } from './types.js';
import { Section, SectionHeader, cx } from './ui.js';

type Field = BlockProps<'form'>['fields'][number];

/** Fields a browser or password manager can fill from what the name suggests. */
const AUTOCOMPLETE: [RegExp, string][] = [
  [/^(full_?|your_?|contact_?)?name$/, 'name'],
  [/^(first|given)_?name$/, 'given-name'],
  [/^(last|family)_?name$|^surname$/, 'family-name'],
  [/^(company|organi[sz]ation|org)(_?name)?$/, 'organization'],
  [/^(job_?title|position)$/, 'organization-title'],
  [/e_?mail/, 'email'],
  [/phone|^tel$|mobile/, 'tel'],
  [/^(website|url|homepage)$/, 'url'],
  [/^country$/, 'country-name'],
  [/^(zip|postcode|postal_?code)$/, 'postal-code'],
  [/^city$/, 'address-level2'],
];

export function autocompleteFor(field: Pick<Field, 'name' | 'type'>): string | undefined {
  if (field.type === 'email') return 'email';
  if (field.type === 'phone') return 'tel';
  if (field.type !== 'text') return undefined;
  return AUTOCOMPLETE.find(([re]) => re.test(field.name))?.[1];
}

const isShort = (f: Field) => f.type === 'text' || f.type === 'email' || f.type === 'phone';
const isCheck = (f: Field) => f.type === 'checkbox' || f.type === 'consent';

/**
 * Short inputs sit two to a row on wide screens; a run of an odd number of
 * them leaves its last one full width, so no row has a hole.
 */
function halfWidth(fields: Field[]): boolean[] {
  const half = fields.map(() => false);
  let i = 0;
  while (i < fields.length) {
    let j = i;
    while (j < fields.length && isShort(fields[j]!)) j++;
    for (let k = i; k + 1 < j; k += 2) half[k] = half[k + 1] = true;
    i = Math.max(j, i + 1);
  }
  return half;
}

export const fieldId = (formId: string, name: string) => `${formId}-${name}`;
export const errorId = (formId: string, name: string) => `${formId}-${name}-error`;
export const statusId = (formId: string) => `${formId}-status`;
export const formAction = (formId: string) => `/_atrium/forms/${formId}`;

function FieldControl({ formId, field, s }: { formId: string; field: Field; s: SiteStrings }) {
  const common = {
    id: fieldId(formId, field.name),
    name: field.name,
    required: field.required,
    'aria-required': field.required ? true : undefined,
    'aria-describedby': errorId(formId, field.name),
  } as const;
  switch (field.type) {
    case 'textarea':
      return <textarea {...common} className="field-input field-textarea" rows={5} maxLength={field.maxLength} placeholder={field.placeholder} />;
    case 'select':
      return (
        <div className="field-select-wrap">
          <select {...common} className="field-input" defaultValue="">
            <option value="">{field.placeholder || s.chooseOne}</option>
            {(field.options ?? []).map((o, i) => (
              <option key={i} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
      );
    case 'checkbox':
    case 'consent':
      return <input {...common} type="checkbox" className="field-checkbox" />;
    default:
      return (
        <input
          {...common}
          type={field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text'}
          inputMode={field.type === 'phone' ? 'tel' : undefined}
          className="field-input"
          maxLength={field.maxLength}
          placeholder={field.placeholder}
          autoComplete={autocompleteFor(field)}
          spellCheck={field.type === 'text' ? undefined : false}
        />
      );
  }
}

function FormFieldView({ formId, field, half, s }: { formId: string; field: Field; half: boolean; s: SiteStrings }) {
  const label = (
    <label className="field-label" htmlFor={fieldId(formId, field.name)}>
      {field.label}
      {!field.required && !isCheck(field) && <span className="field-optional">{s.optional}</span>}
    </label>
  );
  const error = <p id={errorId(formId, field.name)} className="field-error" hidden />;
  if (isCheck(field))
    return (
      <div className={cx('field', 'field-check', field.type === 'consent' && 'field-consent')}>
        <FieldControl formId={formId} field={field} s={s} />
        {label}
        {error}
      </div>
    );
  return (
    <div className={cx('field', `field-type-${field.type}`, half && 'field-half')}>
      {label}
      <FieldControl formId={formId} field={field} s={s} />
      {error}
    </div>
  );
}

/** A contact or signup form. Submissions go to the platform's form endpoint for this block id. */
export const Form: BlockComponent<'form'> = (p) => {
  const fields = p.fields ?? [];
  const half = halfWidth(fields);
  const withHeader = Boolean(p.heading || p.subheading);
  const s = siteStrings(p.lang ?? 'en');
  return (
    <Section id={p.id} tone={p.tone} className="form-section">
      <div className={cx('form-layout', withHeader && 'form-with-header')}>
        <SectionHeader heading={p.heading} subheading={p.subheading} first={p.first} align="start" />
        <form
          id={`${p.id}-form`}
          className="form-card"
          method="post"
          action={p.translated && p.lang ? `${formAction(p.id)}?lang=${encodeURIComponent(p.lang)}` : formAction(p.id)}
          acceptCharset="utf-8"
          data-atrium-form={p.id}
          aria-label={p.heading || undefined}
          // The runtime's own messages, when the page is not in the site's default language.
          data-msg-network={p.translated ? s.network : undefined}
          data-msg-failed={p.translated ? s.failed : undefined}
        >
          <div className="form-fields">
            {fields.map((f, i) => (
              <FormFieldView key={f.name || i} formId={p.id} field={f} half={half[i]!} s={s} />
            ))}
            {/* A honeypot for bots: off-screen (not display:none, which bots skip), out of the tab order and hidden from assistive technology. */}
            <div className="form-hp" aria-hidden="true">
              <label htmlFor={`${p.id}-hp`}>{s.honeypot}</label>
              <input id={`${p.id}-hp`} type="text" name="_hp" tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
          </div>
          <p id={statusId(p.id)} className="form-status" role="status" aria-live="polite" tabIndex={-1} hidden />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary form-submit">
              {formWords(p, p.lang ?? 'en').buttonLabel}
            </button>
          </div>
        </form>
      </div>
    </Section>
  );
};
