// Table types of the control-plane and region databases. Times are ISO-8601
// text and flags are 0/1 integers so one migration set fits SQLite and PostgreSQL.
import type { Generated } from 'kysely';

export interface ControlDatabase extends PrivacyRequestTables {
  disclosures: DisclosuresTable & { subscriber_id: string | null };
  subscribers: {
    id: string;
    name: string;
    email: string;
    password_hash: string;
    email_verified_at: string | null;
    created_at: string;
    updated_at: string;
    /** Set while the subscriber restricts processing: their data is kept, nothing beyond keeping it runs. */
    processing_restricted_at: string | null;
  };
  /** Consents a subscriber gave, with the wording shown; a withdrawal keeps the row as history (src/accounts/consents.ts). */
  subscriber_consents: {
    id: string;
    subscriber_id: string;
    purpose: string;
    wording: string;
    granted_at: string;
    withdrawn_at: string | null;
    /** settings | one-click (RFC 8058 unsubscribe) | link */
    withdrawn_via: string | null;
  };
  workspaces: { id: string; name: string; created_at: string };
  workspace_members: { workspace_id: string; subscriber_id: string; role: string; created_at: string };
  sessions: { id: string; subscriber_id: string; created_at: string; last_used_at: string; expires_at: string };
  email_tokens: {
    id: string;
    subscriber_id: string;
    purpose: string;
    email: string;
    expires_at: string;
    used_at: string | null;
    created_at: string;
  };
  sites: {
    id: string;
    workspace_id: string;
    name: string;
    slug: string;
    region: string;
    draft: string;
    draft_revision: number;
    draft_updated_at: string;
    live_release_id: string | null;
    published_revision: number | null;
    created_at: string;
    updated_at: string;
  };
  releases: {
    id: string;
    site_id: string;
    content_hash: string;
    manifest: string;
    document: string;
    site_url: string;
    reason: string;
    draft_revision: number;
    page_count: number;
    total_bytes: number;
    published_by: string | null;
    /** For a rollback: the release whose content it made live again. */
    restored_from: string | null;
    created_at: string;
  };
  assets: {
    id: string;
    site_id: string;
    width: number;
    height: number;
    original_type: string;
    original_bytes: number;
    created_by: string | null;
    created_at: string;
  };
  asset_variants: { asset_id: string; hash: string; width: number; bytes: number };
  server_secrets: { name: string; value: string; created_at: string };
  /** Passwords of protected sites (scope "*") and pages (scope = page id); see src/protection. */
  site_passwords: { site_id: string; scope: string; password_hash: string; version: string; updated_at: string };
  webhooks: { id: string; site_id: string; url: string; secret: string; created_at: string };
  /** Cross-process domain events (src/events/change-log.ts). */
  change_log: { seq: Generated<number>; origin: string; type: string; payload: string; created_at: string };
  /** Every version of a generated policy (src/agreements/versions.ts). */
  policy_versions: { kind: string; version: number; hash: string; body: string; material: string; created_at: string; effective_at: string };
  /** The latest materially changed policy version each subscriber has seen. */
  policy_seen: { subscriber_id: string; kind: string; version: number; seen_at: string };
  /** Which data processing agreement version each workspace accepted, when and by whom (src/policy/dpa-acceptance.ts). */
  dpa_acceptances: { workspace_id: string; version: number; accepted_at: string; accepted_by: string | null };
  /** What each retention rule removed in each sweep (src/retention/sweep.ts). */
  retention_runs: { id: string; rule: string; ran_at: string; removed: number; error: string | null };
  jobs: JobsTable;
  /** Visitor analytics: the random salt of each UTC day (YYYY-MM-DD), deleted 48 hours after it was made. */
  analytics_salts: { day: string; salt: string; created_at: string };
  /** A site's public read-only analytics link (one per site). */
  analytics_shares: { site_id: string; token: string; created_at: string };
  domains: {
    id: string;
    site_id: string;
    hostname: string;
    verification_token: string;
    verified_at: string | null;
    last_checked_at: string | null;
    last_error: string | null;
    created_at: string;
  };
}

/** Formal privacy requests (src/rights): the platform's in the control database, a site's visitors' in the site's region. */
export interface PrivacyRequestsTable {
  id: string;
  /** The site a visitor's request is about; null for requests to the platform. */
  site_id: string | null;
  type: string;
  email: string;
  name: string | null;
  /** Where the requester lives: ISO 3166-1 country and, for the United States, the state. Drives the deadlines. */
  country: string;
  subdivision: string | null;
  regime: string;
  details: string;
  /** unverified | open | extended | completed | refused */
  status: string;
  /** Hash of the email confirmation link's token; null once used. */
  verify_token: string | null;
  verify_expires_at: string;
  /** The account a platform request was matched to by its verified email, if any. */
  subscriber_id: string | null;
  created_at: string;
  verified_at: string | null;
  due_at: string | null;
  acknowledge_by: string | null;
  acknowledged_at: string | null;
  extended_at: string | null;
  closed_at: string | null;
  reminded_at: string | null;
  updated_at: string;
}

/** Every step of a request (who, when, what), with the mails sent, which are part of the record. */
export interface PrivacyRequestLogTable {
  id: string;
  request_id: string;
  /** 1, 2, 3... in the order the steps happened. */
  seq: number;
  at: string;
  /** requester | subscriber | operator | system */
  actor: string;
  actor_id: string | null;
  action: string;
  note: string | null;
  mail_to: string | null;
  mail_subject: string | null;
  mail_text: string | null;
}

export type PrivacyRequestTables = { privacy_requests: PrivacyRequestsTable; privacy_request_log: PrivacyRequestLogTable };

/**
 * The disclosure log (src/privacy/disclose.ts): one row each time data went to an outside party of the
 * sub-processor registry. Who, which kind of data, whose, when and whether the sending succeeded; never the content.
 * The control database's rows also name the subscriber account they concern.
 */
export interface DisclosuresTable {
  id: string;
  /** A sub-processor id: mail, dns, webhooks... */
  party: string;
  /** One of that party's declared categories (src/privacy/sub-processors.ts). */
  category: string;
  /** subscriber | visitor | requester | operator */
  subject_type: string;
  site_id: string | null;
  /** What it was about: a form submission's id, a privacy request's id. */
  ref: string | null;
  /** sent | failed (a failed attempt may still have reached the party) */
  outcome: string;
  at: string;
}

/** One shape for every job queue (control and region databases): see src/jobs. */
export interface JobsTable {
  id: string;
  /** Null for platform jobs in the control database (periodic schedules). */
  site_id: string | null;
  submission_id: string | null;
  kind: string;
  target: string;
  payload: string;
  status: string; // pending | done | failed
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** A raw analytics event (src/analytics): a pageview counted while serving, or an event from the beacon or a form. */
export interface AnalyticsEventsTable {
  site_id: string;
  time: string;
  /** The day's visitor hash (salted, rotated daily); null for goals recorded without a request (form submissions). */
  visitor: string | null;
  visit_id: string | null;
  kind: string; // pageview | engagement | custom | outbound | download | goal
  name: string | null;
  path: string;
  source: string | null;
  referrer_host: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_content: string | null;
  utm_term: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  device: string | null;
  os: string | null;
  browser: string | null;
  language: string | null;
  screen: string | null;
  duration: number | null;
  returning: number;
  props: string | null;
}

/** Rollup metrics of one site, period, dimension and value. */
export interface AnalyticsMetrics {
  site_id: string;
  dimension: string;
  value: string;
  visitors: number;
  pageviews: number;
  visits: number;
  bounces: number;
  /** Total visit duration in seconds. */
  duration: number;
  /** Custom events, outbound clicks, downloads and goals. */
  events: number;
}

export interface RegionDatabase extends PrivacyRequestTables {
  disclosures: DisclosuresTable;
  analytics_events: AnalyticsEventsTable;
  analytics_daily: AnalyticsMetrics & { day: string };
  analytics_hourly: AnalyticsMetrics & { hour: string };
  analytics_uncounted: { site_id: string; day: string; reason: string; count: number };
  /** Nonces of verified-request tokens that carried a submission (each token is good for one). */
  form_token_uses: { nonce: string; site_id: string; expires_at: string };
  region_info: { id: Generated<number>; region: string; created_at: string };
  form_submissions: {
    id: string;
    site_id: string;
    form_id: string;
    form_version: string;
    page_path: string;
    data: string;
    submitter_email: string | null;
    consent_text: string | null;
    status: string;
    spam_reasons: string | null;
    read_at: string | null;
    created_at: string;
  };
  /** Each banner a site showed, once per version: the canonical JSON of its text and settings. */
  consent_banners: { site_id: string; version: string; text: string; created_at: string };
  /** Where a site's consent chain continues after retention pruned its oldest records (src/consent/chain.ts). */
  consent_chain_anchors: { site_id: string; through_seq: number; hash: string; pruned_at: string };
  /** Visitors' consent choices, append-only and hash-chained per site (src/consent/records.ts). */
  consent_records: {
    id: string;
    site_id: string;
    seq: number;
    created_at: string;
    functional: number;
    analytics: number;
    marketing: number;
    providers: string;
    gpc: number;
    banner_version: string;
    replaces: string | null;
    prev_hash: string;
    hash: string;
  };
  jobs: JobsTable;
  webhook_deliveries: {
    id: string;
    job_id: string;
    site_id: string;
    webhook_id: string;
    submission_id: string | null;
    attempt: number;
    status_code: number | null;
    error: string | null;
    duration_ms: number;
    created_at: string;
  };
}
