// Validates a submission against its form's definition on the server: types,
// required fields, lengths, select options; unknown fields are refused.
import type { FieldIssue } from '../lib/errors.js';
import type { FormProps } from './definitions.js';

export const HONEYPOT = '_hp';
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,63}$/;
const PHONE = /^\+?[0-9 ().\-/]{5,30}$/;
const CHECKED = new Set(['on', 'true', '1', 'yes']);
const DEFAULT_MAX: Record<string, number> = { textarea: 5000, email: 254, phone: 30 };

export type Values = Record<string, string | boolean>;

export function validateSubmission(form: FormProps, raw: Record<string, unknown>): { values: Values; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const values: Values = {};
  const known = new Set(form.fields.map((f) => f.name));
  for (const key of Object.keys(raw)) if (key !== HONEYPOT && !known.has(key)) issues.push({ path: key, message: `This form has no field named ${key}.` });
  for (const field of form.fields) {
    const v = raw[field.name];
    if (Array.isArray(v) || (v !== undefined && typeof v !== 'string' && typeof v !== 'boolean')) {
      issues.push({ path: field.name, message: 'Send a single value.' });
      continue;
    }
    if (field.type === 'checkbox' || field.type === 'consent') {
      const checked = v === true || (typeof v === 'string' && CHECKED.has(v.toLowerCase()));
      if (field.required && !checked)
        issues.push({
          path: field.name,
          message: field.type === 'consent' ? 'Tick this box to agree; without it we cannot accept your message.' : 'Tick this box to continue.',
        });
      values[field.name] = checked;
      continue;
    }
    const text = typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : '';
    if (!text) {
      if (field.required) issues.push({ path: field.name, message: `${field.label} is required.` });
      continue;
    }
    const max = field.maxLength ?? DEFAULT_MAX[field.type] ?? 1000;
    if (text.length > max) issues.push({ path: field.name, message: `Use at most ${max} characters (now ${text.length}).` });
    else if (field.type === 'email' && !EMAIL.test(text)) issues.push({ path: field.name, message: 'Enter an email address, like name@example.com.' });
    else if (field.type === 'phone' && !PHONE.test(text)) issues.push({ path: field.name, message: 'Enter a phone number, like +1 555 010 0199.' });
    else if (field.type === 'select' && !field.options?.includes(text)) issues.push({ path: field.name, message: 'Choose one of the offered options.' });
    else values[field.name] = text;
  }
  return { values, issues };
}
