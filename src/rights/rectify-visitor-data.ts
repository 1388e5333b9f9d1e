// Correcting what a visitor sent: one field of one of their own form
// submissions (found by their email, so a request cannot reach anyone else's).
import type { Kysely } from 'kysely';
import type { RegionDatabase } from '../db/schema.js';
import { invalid, notFound } from '../lib/errors.js';
import { normaliseEmail } from './visitor-data.js';

export interface Rectification {
  submissionId: string;
  field: string;
  value: string;
}

/** Returns the address the requester's submissions are found by afterwards (it follows a corrected email field). */
export async function rectifySubmission(db: Kysely<RegionDatabase>, siteId: string, email: string, fix: Rectification): Promise<string> {
  const row = await db
    .selectFrom('form_submissions')
    .select(['id', 'data', 'submitter_email'])
    .where('site_id', '=', siteId)
    .where('id', '=', fix.submissionId)
    .where('submitter_email', '=', normaliseEmail(email))
    .executeTakeFirst();
  if (!row) throw notFound('submission of this requester');
  const data = JSON.parse(row.data) as Record<string, unknown>;
  if (!(fix.field in data)) throw invalid('field', `the submission has no field "${fix.field}"; it has ${Object.keys(data).join(', ')}`);
  if (typeof data[fix.field] !== 'string') throw invalid('field', 'only text fields can be corrected');
  const heldAddress = normaliseEmail(data[fix.field] as string) === row.submitter_email;
  data[fix.field] = fix.value;
  const address = heldAddress ? normaliseEmail(fix.value) : row.submitter_email!;
  await db
    .updateTable('form_submissions')
    .set({ data: JSON.stringify(data), submitter_email: address })
    .where('id', '=', row.id)
    .execute();
  return heldAddress ? address : normaliseEmail(email);
}
