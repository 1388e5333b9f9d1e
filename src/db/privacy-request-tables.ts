// The tables of formal privacy requests (src/rights), the same in the control
// database (requests to the platform) and in every region database (requests
// of a site's visitors, kept beside the rest of that site's visitor data).
import type { Kysely } from 'kysely';

export async function createPrivacyRequestTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('privacy_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('subdivision', 'text')
    .addColumn('regime', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('verify_token', 'text', (c) => c.unique())
    .addColumn('verify_expires_at', 'text', (c) => c.notNull())
    .addColumn('subscriber_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('acknowledge_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('extended_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('privacy_requests_due').on('privacy_requests').columns(['site_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('privacy_requests_email').on('privacy_requests').columns(['email']).execute();
  await db.schema
    .createTable('privacy_request_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('privacy_requests.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('mail_to', 'text')
    .addColumn('mail_subject', 'text')
    .addColumn('mail_text', 'text')
    .execute();
  await db.schema.createIndex('privacy_request_log_request').on('privacy_request_log').columns(['request_id', 'seq']).unique().execute();
}
