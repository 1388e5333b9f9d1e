// Validates a submission against its form's definition on the server: types,
// required fields, lengths, select options; unknown fields are refused.
import type { FieldIssue } from '../lib/errors.js';
import type { FormProps } from './definitions.js';
import { fill, siteStrings } from '../site-strings/strings.js';

export const HONEYPOT = '_hp';
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,63}$/;
const PHONE = /^\+?[0-9 ().\-/]{5,30}$/;
const CHECKED = new Set(['on', 'true', '1', 'yes']);
const DEFAULT_MAX: Record<string, number> = { textarea: 5000, email: 254, phone: 30 };

export type Values = Record<string, string | boolean>;

/** Messages come out in `lang` (the page's language), English by default. */
export function validateSubmission(form: FormProps, raw: Record<string, unknown>, lang = 'en'): { values: Values; issues: FieldIssue[] } {
  const s = siteStrings(lang).form;
  const issues: FieldIssue[] = [];
  const values: Values = {};
  const known = new Set(form.fields.map((f) => f.name));
  for (const key of Object.keys(raw)) if (key !== HONEYPOT && !known.has(key)) issues.push({ path: key, message: fill(s.unknownField, { name: key }) });
  for (const field of form.fields) {
    const v = raw[field.name];
    if (Array.isArray(v) || (v !== undefined && typeof v !== 'string' && typeof v !== 'boolean')) {
      issues.push({ path: field.name, message: s.single });
      continue;
    }
    if (field.type === 'checkbox' || field.type === 'consent') {
      const checked = v === true || (typeof v === 'string' && CHECKED.has(v.toLowerCase()));
      if (field.required && !checked)
        issues.push({
          path: field.name,
          message: field.type === 'consent' ? s.tickConsent : s.tick,
        });
      values[field.name] = checked;
      continue;
    }
    const text = typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : '';
    if (!text) {
      if (field.required) issues.push({ path: field.name, message: fill(s.required, { label: field.label }) });
      continue;
    }
    const max = field.maxLength ?? DEFAULT_MAX[field.type] ?? 1000;
    if (text.length > max) issues.push({ path: field.name, message: fill(s.tooLong, { max: String(max), n: String(text.length) }) });
    else if (field.type === 'email' && !EMAIL.test(text)) issues.push({ path: field.name, message: s.email });
    else if (field.type === 'phone' && !PHONE.test(text)) issues.push({ path: field.name, message: s.phone });
    else if (field.type === 'select' && !field.options?.includes(text)) issues.push({ path: field.name, message: s.option });
    else values[field.name] = text;
  }
  return { values, issues };
}
