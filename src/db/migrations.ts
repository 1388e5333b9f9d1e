// One migration set per database kind, written with Kysely's schema builder so
// the same code creates the same tables on SQLite and PostgreSQL.
import { createPrivacyRequestTables } from './privacy-request-tables.js';
import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';

const control: Record<string, Migration> = {
  '0001_accounts_sites': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('subscribers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('email_verified_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('workspaces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('workspace_members')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('workspace_members_pk', ['workspace_id', 'subscriber_id'])
        .execute();
      await db.schema.createIndex('workspace_members_subscriber').on('workspace_members').column('subscriber_id').execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_subscriber').on('sessions').column('subscriber_id').execute();
      await db.schema
        .createTable('email_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('email_tokens_subscriber').on('email_tokens').column('subscriber_id').execute();
      await db.schema
        .createTable('sites')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('draft', 'text', (c) => c.notNull())
        .addColumn('draft_revision', 'integer', (c) => c.notNull())
        .addColumn('draft_updated_at', 'text', (c) => c.notNull())
        .addColumn('live_release_id', 'text')
        .addColumn('published_revision', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sites_workspace').on('sites').column('workspace_id').execute();
      await db.schema
        .createTable('releases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('manifest', 'text', (c) => c.notNull())
        .addColumn('draft_revision', 'integer', (c) => c.notNull())
        .addColumn('page_count', 'integer', (c) => c.notNull())
        .addColumn('total_bytes', 'integer', (c) => c.notNull())
        .addColumn('published_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('releases_site').on('releases').columns(['site_id', 'created_at']).execute();
      await db.schema
        .createTable('domains')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('hostname', 'text', (c) => c.notNull().unique())
        .addColumn('verification_token', 'text', (c) => c.notNull())
        .addColumn('verified_at', 'text')
        .addColumn('last_checked_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('domains_site').on('domains').column('site_id').execute();
    },
  },
};

/** A job queue (src/jobs): the same shape in the control database and every region database. */
async function createJobsTable(db: Kysely<any>, opts: { siteRequired: boolean }) {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => (opts.siteRequired ? c.notNull() : c))
    .addColumn('submission_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull()) // e.g. email | webhook | every:<schedule>
    .addColumn('target', 'text', (c) => c.notNull()) // address, webhook id or schedule name
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | done | failed
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'next_attempt_at']).execute();
}

// The one place the dialects differ: an auto-incrementing integer key.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

control['0002_host_changes'] = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('host_changes')
      .addColumn('seq', isPostgres(db) ? 'bigserial' : 'integer', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};

control['0003_release_documents'] = {
  async up(db: Kysely<any>) {
    // The document a release was rendered from and the URL it was rendered for.
    await db.schema
      .alterTable('releases')
      .addColumn('document', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema
      .alterTable('releases')
      .addColumn('site_url', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('releases')
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo('publish'))
      .execute();
  },
};

control['0004_assets'] = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('assets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('original_type', 'text', (c) => c.notNull())
      .addColumn('original_bytes', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('assets_site').on('assets').columns(['site_id', 'created_at']).execute();
    await db.schema
      .createTable('asset_variants')
      .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('asset_variants_pk', ['asset_id', 'width'])
      .execute();
    await db.schema.createIndex('asset_variants_hash').on('asset_variants').column('hash').execute();
  },
};

control['0005_forms_control'] = {
  async up(db: Kysely<any>) {
    // Server-wide secrets (e.g. the key that signs form tokens), shared by every process.
    await db.schema
      .createTable('server_secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhooks_site').on('webhooks').column('site_id').execute();
  },
};

control['0006_change_log_and_jobs'] = {
  async up(db: Kysely<any>) {
    // The host-change log becomes the log of every cross-process domain event.
    await db.schema.dropTable('host_changes').ifExists().execute();
    await db.schema
      .createTable('change_log')
      .addColumn('seq', isPostgres(db) ? 'bigserial' : 'integer', (c) => c.primaryKey())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('change_log_created').on('change_log').column('created_at').execute();
    // Platform jobs and periodic schedules; same shape as the region databases' queue.
    await createJobsTable(db, { siteRequired: false });
  },
};

control['0007_session_idle'] = {
  async up(db: Kysely<any>) {
    // When a session was last used, for the idle expiry; existing sessions count from their sign-in.
    await db.schema
      .alterTable('sessions')
      .addColumn('last_used_at', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db
      .updateTable('sessions')
      .set({ last_used_at: sql`created_at` })
      .execute();
  },
};

control['0008_domain_claims'] = {
  async up(db: Kysely<any>) {
    // Several sites may claim a hostname while it is pending; only one may hold it verified.
    if (isPostgres(db)) {
      await sql`alter table domains drop constraint if exists domains_hostname_key`.execute(db);
    } else {
      // SQLite cannot drop a column's UNIQUE constraint: rebuild the table.
      await db.schema.dropIndex('domains_site').ifExists().execute();
      await db.schema.alterTable('domains').renameTo('domains_0007').execute();
      await db.schema
        .createTable('domains')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('hostname', 'text', (c) => c.notNull())
        .addColumn('verification_token', 'text', (c) => c.notNull())
        .addColumn('verified_at', 'text')
        .addColumn('last_checked_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into domains select id, site_id, hostname, verification_token, verified_at, last_checked_at, last_error, created_at from domains_0007`.execute(
        db,
      );
      await db.schema.dropTable('domains_0007').execute();
    }
    await db.schema.createIndex('domains_site_hostname').unique().on('domains').columns(['site_id', 'hostname']).execute();
    await db.schema.createIndex('domains_verified_hostname').unique().on('domains').column('hostname').where(sql.ref('verified_at'), 'is not', null).execute();
    await db.schema.createIndex('domains_pending_created').on('domains').column('created_at').where(sql.ref('verified_at'), 'is', null).execute();
  },
};

control['0009_release_restored_from'] = {
  async up(db: Kysely<any>) {
    // A rollback is a release of its own that names the release it restored.
    await db.schema.alterTable('releases').addColumn('restored_from', 'text').execute();
  },
};

const region: Record<string, Migration> = {
  '0001_region_info': {
    async up(db: Kysely<any>) {
      // Records which region this database belongs to, so a mis-pointed URL
      // (two regions sharing one database) is caught at start-up.
      await db.schema
        .createTable('region_info')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002_forms': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('form_submissions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('form_id', 'text', (c) => c.notNull())
        .addColumn('form_version', 'text', (c) => c.notNull())
        .addColumn('page_path', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull()) // JSON: field name -> value
        .addColumn('submitter_email', 'text') // lower-cased, to find a data subject's submissions
        .addColumn('consent_text', 'text') // the exact wording agreed to, if the form asked
        .addColumn('status', 'text', (c) => c.notNull()) // inbox | spam
        .addColumn('spam_reasons', 'text')
        .addColumn('read_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('form_submissions_site').on('form_submissions').columns(['site_id', 'status', 'created_at']).execute();
      await db.schema.createIndex('form_submissions_email').on('form_submissions').columns(['site_id', 'submitter_email']).execute();
      // Durable outbox of notification emails and webhook deliveries: it lives in the
      // region because its payloads carry the submission.
      await createJobsTable(db, { siteRequired: true });
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('job_id', 'text', (c) => c.notNull())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('webhook_id', 'text', (c) => c.notNull())
        .addColumn('submission_id', 'text')
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('error', 'text')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_deliveries_hook').on('webhook_deliveries').columns(['webhook_id', 'created_at']).execute();
    },
  },
};

region['0003_form_token_uses'] = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('form_token_uses')
      .addColumn('nonce', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('form_token_uses_expiry').on('form_token_uses').column('expires_at').execute();
  },
};

region['0004_consent_records'] = {
  async up(db: Kysely<any>) {
    // The exact banner a visitor answered: its text and settings, stored once per version (sha256 of the text).
    await db.schema
      .createTable('consent_banners')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull()) // canonical JSON (src/consent/banner-version.ts)
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('consent_banners_pk', ['site_id', 'version'])
      .execute();
    // Consent records: append-only, hash-chained per site (src/consent/records.ts). Nothing identifies the visitor.
    await db.schema
      .createTable('consent_records')
      .addColumn('id', 'text', (c) => c.primaryKey()) // random; also the visitor's c_id cookie
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull()) // 1, 2, 3... per site; unique, so two appends cannot share a place
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('functional', 'integer', (c) => c.notNull())
      .addColumn('analytics', 'integer', (c) => c.notNull())
      .addColumn('marketing', 'integer', (c) => c.notNull())
      .addColumn('providers', 'text', (c) => c.notNull()) // JSON array of always-allowed provider ids, sorted
      .addColumn('gpc', 'integer', (c) => c.notNull())
      .addColumn('banner_version', 'text', (c) => c.notNull())
      .addColumn('replaces', 'text') // the same visitor's previous record (from their c_id cookie)
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addUniqueConstraint('consent_records_site_seq', ['site_id', 'seq'])
      .execute();
    await db.schema.createIndex('consent_records_site_time').on('consent_records').columns(['site_id', 'created_at']).execute();
  },
};

control['0010_analytics'] = {
  async up(db: Kysely<any>) {
    // Visitor analytics (src/analytics): the random salt of each UTC day, deleted 48 hours after it was made,
    // and the public read-only share link of a site's figures (one per site, revocable).
    await db.schema
      .createTable('analytics_salts')
      .addColumn('day', 'text', (c) => c.primaryKey())
      .addColumn('salt', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('analytics_shares')
      .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};

region['0005_analytics'] = {
  async up(db: Kysely<any>) {
    // Raw events (kept 30 days by default). On PostgreSQL the table is partitioned by month on its ISO time
    // (byte order: COLLATE "C"), so retention drops whole partitions instead of deleting rows
    // (src/analytics/partitions.ts creates each month's partition before the first write to it).
    const columns = `
      site_id text not null,
      time text ${isPostgres(db) ? 'collate "C" ' : ''}not null,
      visitor text,
      visit_id text,
      kind text not null,
      name text,
      path text not null,
      source text,
      referrer_host text,
      utm_source text,
      utm_medium text,
      utm_campaign text,
      utm_content text,
      utm_term text,
      country text,
      region text,
      city text,
      device text,
      os text,
      browser text,
      language text,
      screen text,
      duration integer,
      "returning" integer not null default 0,
      props text`;
    if (isPostgres(db)) await sql.raw(`create table analytics_events (${columns}) partition by range (time)`).execute(db);
    else await sql.raw(`create table analytics_events (${columns})`).execute(db);
    await db.schema.createIndex('analytics_events_site_time').on('analytics_events').columns(['site_id', 'time']).execute();
    await db.schema.createIndex('analytics_events_visitor').on('analytics_events').columns(['visitor', 'time']).execute();
    // Rollups (kept 24 months by default): one row per site, period, dimension and value.
    for (const [table, period] of [
      ['analytics_daily', 'day'],
      ['analytics_hourly', 'hour'],
    ] as const)
      await db.schema
        .createTable(table)
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn(period, 'text', (c) => c.notNull())
        .addColumn('dimension', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('visitors', 'integer', (c) => c.notNull())
        .addColumn('pageviews', 'integer', (c) => c.notNull())
        .addColumn('visits', 'integer', (c) => c.notNull())
        .addColumn('bounces', 'integer', (c) => c.notNull())
        .addColumn('duration', 'integer', (c) => c.notNull())
        .addColumn('events', 'integer', (c) => c.notNull())
        // Dimension before period: a breakdown reads one contiguous range of the key.
        .addPrimaryKeyConstraint(`${table}_pk`, ['site_id', 'dimension', period, 'value'])
        .execute();
    // Requests not counted, per site and day: bots, and visitors who refused analytics (cookie choice or GPC).
    await db.schema
      .createTable('analytics_uncounted')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('analytics_uncounted_pk', ['site_id', 'day', 'reason'])
      .execute();
  },
};

control['0011_privacy_requests'] = { up: (db: Kysely<any>) => createPrivacyRequestTables(db) };
region['0006_privacy_requests'] = { up: (db: Kysely<any>) => createPrivacyRequestTables(db) };

control['0012_subscriber_consents'] = {
  async up(db: Kysely<any>) {
    // Consents a subscriber gave (product news...), each with the wording they saw; withdrawn ones stay as history.
    await db.schema
      .createTable('subscriber_consents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('wording', 'text', (c) => c.notNull())
      .addColumn('granted_at', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text')
      .addColumn('withdrawn_via', 'text')
      .execute();
    await db.schema.createIndex('subscriber_consents_subscriber').on('subscriber_consents').columns(['subscriber_id', 'purpose']).execute();
    // Restriction of processing: set while the subscriber asked that their data be kept but not otherwise used.
    await db.schema.alterTable('subscribers').addColumn('processing_restricted_at', 'text').execute();
  },
};

region['0007_consent_chain_anchors'] = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('consent_chain_anchors')
      .addColumn('site_id', 'text', (c) => c.primaryKey())
      .addColumn('through_seq', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('pruned_at', 'text', (c) => c.notNull())
      .execute();
  },
};

control['0013_retention_runs'] = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('retention_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('ran_at', 'text', (c) => c.notNull())
      .addColumn('removed', 'integer', (c) => c.notNull())
      .addColumn('error', 'text')
      .execute();
    await db.schema.createIndex('retention_runs_rule').on('retention_runs').columns(['rule', 'ran_at']).execute();
  },
};

control['0014_policy_versions'] = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('policy_versions')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('material', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      // A material change takes effect after the notice period; others at once.
      .addColumn('effective_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('policy_versions_pk', ['kind', 'version'])
      .execute();
    // The latest version with a material change each subscriber has seen (the dashboard's notice).
    await db.schema
      .createTable('policy_seen')
      .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('policy_seen_pk', ['subscriber_id', 'kind'])
      .execute();
  },
};

control['0017_site_passwords'] = {
  async up(db: Kysely<any>) {
    // Protected sites and pages (src/protection): the password of the whole site (scope "*") or of one page
    // (scope = the page's id), hashed with argon2id. `version` is random and new at every change: the u_sp
    // cookies visitors hold are signed over it, so a change or removal invalidates every earlier cookie.
    await db.schema
      .createTable('site_passwords')
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('site_passwords_pk', ['site_id', 'scope'])
      .execute();
  },
};

region['0008_analytics_events_index'] = {
  async up(db: Kysely<any>) {
    // One index on raw events instead of two. (site_id, time, visitor) serves the dashboard's ranges and the
    // look-up of a visitor's recent visit (the visitor is in the index, so no row is read to filter), and it
    // grows at its end as events arrive in time order; the (visitor, time) index took a random place for
    // every event and cost about as much as the rest of the insert.
    await db.schema.createIndex('analytics_events_site_time_visitor').ifNotExists().on('analytics_events').columns(['site_id', 'time', 'visitor']).execute();
    await db.schema.dropIndex('analytics_events_site_time').ifExists().execute();
    await db.schema.dropIndex('analytics_events_visitor').ifExists().execute();
  },
};

control['0015_dpa_acceptances'] = {
  async up(db: Kysely<any>) {
    // Which version of the data processing agreement (policy_versions kind 'dpa') each workspace accepted,
    // when, and who clicked. One row per workspace and version: the first acceptance of a version is the one kept.
    await db.schema
      .createTable('dpa_acceptances')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('accepted_at', 'text', (c) => c.notNull())
      .addColumn('accepted_by', 'text', (c) => c.references('subscribers.id').onDelete('set null'))
      .addPrimaryKeyConstraint('dpa_acceptances_pk', ['workspace_id', 'version'])
      .execute();
    await db.schema.createIndex('dpa_acceptances_accepted_by').on('dpa_acceptances').column('accepted_by').execute();
  },
};

// The disclosure log (src/privacy/disclose.ts): each time data went to an outside party, never what it was.
// Platform disclosures (about subscribers, requesters, operators) in the control database; disclosures of a
// site's visitors' data in the site's region, beside that data.
control['0016_disclosures'] = {
  async up(db: Kysely<any>) {
    await createDisclosures(db, 'control');
  },
};
region['0009_disclosures'] = {
  async up(db: Kysely<any>) {
    await createDisclosures(db, 'region');
  },
};

async function createDisclosures(db: Kysely<any>, kind: 'control' | 'region'): Promise<void> {
  let table = db.schema
    .createTable('disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull());
  if (kind === 'control') table = table.addColumn('subscriber_id', 'text');
  await table
    .addColumn('site_id', 'text')
    .addColumn('ref', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  if (kind === 'control') await db.schema.createIndex('disclosures_subscriber').on('disclosures').columns(['subscriber_id', 'at']).execute();
  else await db.schema.createIndex('disclosures_site_ref').on('disclosures').columns(['site_id', 'ref']).execute();
  await db.schema.createIndex('disclosures_at').on('disclosures').column('at').execute();
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly set: Record<string, Migration>) {}
  async getMigrations() {
    return this.set;
  }
}

export async function migrate(db: Kysely<any>, kind: 'control' | 'region'): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider(kind === 'control' ? control : region) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration of ${kind} database failed at ${failed?.migrationName ?? '?'}: ${String(error)}`);
}

export { sql };
