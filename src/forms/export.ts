// Exports of a site's submissions. CSV cells that a spreadsheet would run as a
// formula (=, +, -, @, tab, CR) are prefixed with an apostrophe.
import { stringify } from 'csv-stringify/sync';
import type { submissionView } from './inbox.js';

type Submission = ReturnType<typeof submissionView>;

const FORMULA = /^[=+\-@\t\r]/;
export const neutralizeFormula = (v: string) => (FORMULA.test(v) ? `'${v}` : v);

export function submissionsCsv(subs: Submission[]): string {
  const fields = [...new Set(subs.flatMap((s) => Object.keys(s.data)))];
  const header = ['id', 'received_at', 'status', 'page', 'form', 'email', ...fields, 'consent_text'];
  const rows = subs.map((s) => [
    s.id,
    s.createdAt,
    s.status,
    s.page,
    s.formId,
    s.email ?? '',
    ...fields.map((f) => {
      const v = s.data[f];
      return typeof v === 'boolean' ? (v ? 'yes' : 'no') : (v ?? '');
    }),
    s.consentText ?? '',
  ]);
  return stringify([header, ...rows].map((r) => r.map((cell) => neutralizeFormula(String(cell)))));
}

export function submissionsJson(subs: Submission[]): string {
  return JSON.stringify({ exportedAt: new Date().toISOString(), submissions: subs }, null, 2);
}
