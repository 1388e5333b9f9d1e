// The data map: every column that can hold personal data, classified once.
// Access, export, erasure and retention engines walk this map; a test fails
// when any live column is neither mapped here nor listed as not personal.

export type Subject = 'subscriber' | 'end_user';
export type Category = 'contact' | 'identifier' | 'credential' | 'usage' | 'content' | 'payment';
export type LegalBasis = 'contract' | 'consent' | 'legitimate_interest' | 'legal_obligation';
export type DatabaseKind = 'control' | 'region';

/** How long the disclosure log is kept (src/retention/rules.ts). */
export const DISCLOSURE_LOG_YEARS = 3;

export interface PersonalColumn {
  subject: Subject;
  category: Category;
  purpose: string;
  legalBasis: LegalBasis;
  retention: string;
  /** The retention rule that ends it (src/retention/rules.ts): a test fails when it names no rule. */
  rule: string;
  /** How to find a subject's rows: the column holding the subject's id, or a join path. */
  locate: { by: string; via?: string };
}

type TableMap = {
  /** Why the table exists, in one plain sentence for the privacy policy (a test fails when one is missing). */
  purpose: string;
  personal: Record<string, PersonalColumn>;
  notPersonal: string[];
};

const account = (category: Category, purpose: string, retention = 'until the account is deleted', rule = 'account.erasure'): PersonalColumn => ({
  subject: 'subscriber',
  category,
  purpose,
  legalBasis: 'contract',
  retention,
  rule,
  locate: { by: 'subscriber_id' },
});

/** End-user data Atrium processes for a subscriber (the controller), in the site's region. */
const endUser = (
  category: Category,
  purpose: string,
  legalBasis: LegalBasis = 'contract',
  retention = 'as the site sets it (3, 6, 12 or 24 months, or as long as the site), or until the subscriber deletes it',
  rule = 'forms.submissions',
): PersonalColumn => ({
  subject: 'end_user',
  category,
  purpose,
  legalBasis,
  retention,
  rule,
  locate: { by: 'submitter_email', via: 'form_submissions.submitter_email (jobs and deliveries by submission_id)' },
});

/**
 * A visitor's consent record: pseudonymous (a random id the visitor holds in
 * the c_id cookie, never an IP address or user agent), kept as the site's proof
 * of consent (GDPR art. 7(1)). Found by the record id the visitor can read on
 * the site's cookie settings page, and their earlier records through `replaces`.
 */
const consentProof = (category: Category, purpose: string): PersonalColumn => ({
  subject: 'end_user',
  category,
  purpose,
  legalBasis: 'legal_obligation',
  retention: '5 years after the choice (ATRIUM_CONSENT_PROOF_YEARS), to prove consent (append-only, hash-chained)',
  rule: 'consent.records',
  locate: { by: 'id', via: 'consent_records.id (the c_id cookie), earlier records by consent_records.replaces' },
});

/**
 * Visitor analytics (src/analytics): raw events describe a visit, keyed by a hash that changes every day and
 * whose salt is deleted after 48 hours, so after that no row can be tied to a person or to their other days.
 * No IP address or user agent is stored. Kept ATRIUM_ANALYTICS_RAW_DAYS (30) days.
 */
const visit = (category: Category, purpose: string, legalBasis: LegalBasis = 'legitimate_interest'): PersonalColumn => ({
  subject: 'end_user',
  category,
  purpose,
  legalBasis,
  retention: '30 days (ATRIUM_ANALYTICS_RAW_DAYS), then only in aggregates',
  rule: 'analytics.events',
  locate: { by: 'visitor', via: 'none after 48 hours: the daily hash cannot be recomputed once its salt is deleted' },
});

/**
 * A formal privacy request (src/rights) and its steps: kept as proof that it was answered as the law
 * requires. Found by the requester's email. Platform requests are in the control database; a site
 * visitor's requests in the site's region, next to the data they are about.
 */
const requestProof = (subject: Subject, category: Category, purpose: string): PersonalColumn => ({
  subject,
  category,
  purpose,
  legalBasis: 'legal_obligation',
  retention: '3 years after the request is closed, as proof of how it was answered (30 days if never confirmed)',
  rule: subject === 'end_user' ? 'requests.closed' : 'requests.closed.platform',
  locate: { by: 'email', via: 'privacy_requests.email (steps by request_id)' },
});

const requestTables = (subject: Subject): Record<string, TableMap> => ({
  privacy_requests: {
    purpose:
      subject === 'end_user'
        ? 'Lets a site answer a visitor’s privacy request within the legal deadline, and prove how it answered.'
        : 'Lets us answer a privacy request made to us within the legal deadline, and prove how we answered.',
    personal: {
      email: requestProof(subject, 'contact', 'answer the requester and confirm their address'),
      name: requestProof(subject, 'contact', 'address the requester'),
      country: requestProof(subject, 'usage', 'decide which law and deadline apply'),
      subdivision: requestProof(subject, 'usage', 'decide which law and deadline apply (US state)'),
      details: requestProof(subject, 'content', 'what the requester asked for'),
      subscriber_id: requestProof('subscriber', 'identifier', 'the account a platform request is about'),
      created_at: requestProof(subject, 'usage', 'when the request was filed'),
      verified_at: requestProof(subject, 'usage', 'when the request was received (address confirmed)'),
    },
    notPersonal: [
      'id',
      'site_id',
      'type',
      'regime',
      'status',
      'verify_token',
      'verify_expires_at',
      'due_at',
      'acknowledge_by',
      'acknowledged_at',
      'extended_at',
      'closed_at',
      'reminded_at',
      'updated_at',
    ],
  },
  privacy_request_log: {
    purpose: 'Records every step of a privacy request and every mail about it, as proof of how it was handled.',
    personal: {
      note: requestProof(subject, 'content', 'reasons and summaries given to the requester'),
      mail_to: requestProof(subject, 'contact', 'proof of what was sent to whom'),
      mail_subject: requestProof(subject, 'content', 'proof of what was sent'),
      mail_text: requestProof(subject, 'content', 'proof of what was sent'),
      at: requestProof(subject, 'usage', 'when each step happened'),
    },
    notPersonal: ['id', 'request_id', 'seq', 'actor', 'actor_id', 'action'],
  },
});

/**
 * The disclosure log (src/privacy/disclose.ts): each time data went to an outside party, which party, which kind
 * of data, whose and when; never the content. Kept so an access request can say who received what.
 */
const disclosureRetention = `${DISCLOSURE_LOG_YEARS} years after the disclosure, or until the account (or the site) is deleted`;
const disclosure = (subject: Subject, category: Category, purpose: string): PersonalColumn => ({
  subject,
  category,
  purpose,
  legalBasis: 'legal_obligation',
  retention: disclosureRetention,
  rule: subject === 'end_user' ? 'disclosures.old' : 'disclosures.old.platform',
  locate:
    subject === 'end_user'
      ? { by: 'ref', via: 'disclosures.ref: the id of the visitor’s form_submissions or privacy_requests' }
      : { by: 'subscriber_id', via: 'disclosures.subscriber_id, or disclosures.ref: the id of a privacy request the subscriber filed' },
});
const TELL = 'tell people, when they ask, to whom their data was sent, what kind and when';
const disclosureTable = (subject: Subject): TableMap => ({
  purpose: 'Logs each time data went to an outside party (who, what kind, whose, when; never the content), so people can be told.',
  personal: {
    ...(subject === 'subscriber' ? { subscriber_id: disclosure(subject, 'identifier', 'whose data was sent') } : {}),
    ref: disclosure(subject, 'identifier', 'which form message or privacy request it concerned'),
    party: disclosure(subject, 'usage', TELL),
    category: disclosure(subject, 'usage', TELL),
    subject_type: disclosure(subject, 'usage', TELL),
    outcome: disclosure(subject, 'usage', TELL),
    at: disclosure(subject, 'usage', TELL),
  },
  notPersonal: ['id', 'site_id'],
});

/** Rollup tables hold counts per page, source, country...: no row is about one visitor. */
const ROLLUP_COLUMNS = ['site_id', 'dimension', 'value', 'visitors', 'pageviews', 'visits', 'bounces', 'duration', 'events'];

/** The bookkeeping columns of a job queue (src/jobs), the same in every database: no personal data. */
const JOB_BOOKKEEPING = [
  'id',
  'site_id',
  'submission_id',
  'kind',
  'status',
  'attempts',
  'next_attempt_at',
  'locked_until',
  'last_error',
  'created_at',
  'updated_at',
];

export const DATA_MAP: Record<DatabaseKind, Record<string, TableMap>> = {
  control: {
    subscribers: {
      purpose: 'Lets you sign in, and lets us reach you about your account and your sites.',
      personal: {
        id: { ...account('identifier', 'identify the account'), locate: { by: 'id' } },
        name: { ...account('contact', 'address the subscriber'), locate: { by: 'id' } },
        email: { ...account('contact', 'sign-in and service mail'), locate: { by: 'id' } },
        password_hash: { ...account('credential', 'authenticate the subscriber'), locate: { by: 'id' } },
        email_verified_at: { ...account('usage', 'prove the address is reachable'), locate: { by: 'id' } },
        created_at: { ...account('usage', 'account history'), locate: { by: 'id' } },
        updated_at: { ...account('usage', 'account history'), locate: { by: 'id' } },
        processing_restricted_at: { ...account('usage', 'honour a restriction of processing the subscriber asked for'), locate: { by: 'id' } },
      },
      notPersonal: [],
    },
    subscriber_consents: {
      purpose: 'Proves what you agreed to (such as product news) and when, so it is respected until you withdraw it.',
      personal: {
        subscriber_id: { ...account('identifier', 'whose consent it is'), legalBasis: 'consent' },
        purpose: { ...account('usage', 'what the subscriber agreed to'), legalBasis: 'consent' },
        wording: { ...account('content', 'the exact words agreed to, as proof'), legalBasis: 'consent' },
        granted_at: { ...account('usage', 'when consent was given'), legalBasis: 'consent' },
        withdrawn_at: { ...account('usage', 'when consent was withdrawn'), legalBasis: 'consent' },
        withdrawn_via: { ...account('usage', 'how consent was withdrawn'), legalBasis: 'consent' },
      },
      notPersonal: ['id'],
    },
    workspaces: { purpose: 'Groups sites so that several people can work on them together.', personal: {}, notPersonal: ['id', 'name', 'created_at'] },
    workspace_members: {
      purpose: 'Decides who may work on which sites, and what each person may do.',
      personal: {
        subscriber_id: account('identifier', 'who may work on a workspace'),
        role: account('usage', 'what a member may do'),
        created_at: account('usage', 'membership history'),
      },
      notPersonal: ['workspace_id'],
    },
    sessions: {
      purpose: 'Keeps you signed in to the dashboard until you sign out or stop using it.',
      personal: {
        id: account('credential', 'keep the subscriber signed in (hash of the cookie)', 'until sign-out, 30 days unused or 365 days', 'sessions.ended'),
        subscriber_id: account('identifier', 'keep the subscriber signed in', 'until sign-out, 30 days unused or 365 days', 'sessions.ended'),
        created_at: account('usage', 'session expiry', 'until sign-out, 30 days unused or 365 days', 'sessions.ended'),
        last_used_at: account('usage', 'end sessions left unused (idle expiry)', 'until sign-out, 30 days unused or 365 days', 'sessions.ended'),
        expires_at: account('usage', 'session expiry', 'until sign-out, 30 days unused or 365 days', 'sessions.ended'),
      },
      notPersonal: [],
    },
    email_tokens: {
      purpose: 'Makes the links we mail you (to confirm an address or reset a password) work once, then expire.',
      personal: {
        id: account('credential', 'one-time link (hash)', '24 hours after use or expiry', 'email-tokens.spent'),
        subscriber_id: account('identifier', 'one-time link owner', '24 hours after use or expiry', 'email-tokens.spent'),
        purpose: account('usage', 'what the link does', '24 hours after use or expiry', 'email-tokens.spent'),
        email: account('contact', 'address the link was sent to', '24 hours after use or expiry', 'email-tokens.spent'),
        expires_at: account('usage', 'link expiry', '24 hours after use or expiry', 'email-tokens.spent'),
        used_at: account('usage', 'single use', '24 hours after use or expiry', 'email-tokens.spent'),
        created_at: account('usage', 'link history', '24 hours after use or expiry', 'email-tokens.spent'),
      },
      notPersonal: [],
    },
    sites: {
      purpose: 'Holds each site: its name, address, data region and the draft being edited.',
      personal: {},
      // Site content is the subscriber's published work, not data about a person.
      notPersonal: [
        'id',
        'workspace_id',
        'name',
        'slug',
        'region',
        'draft',
        'draft_revision',
        'draft_updated_at',
        'live_release_id',
        'published_revision',
        'created_at',
        'updated_at',
      ],
    },
    releases: {
      purpose: 'Keeps each published version of a site, so it can be served and rolled back, with who published it.',
      personal: {
        published_by: { ...account('usage', 'who published a release', 'as long as the release', 'site.deletion'), locate: { by: 'published_by' } },
      },
      notPersonal: [
        'id',
        'site_id',
        'content_hash',
        'manifest',
        'document',
        'site_url',
        'reason',
        'draft_revision',
        'page_count',
        'total_bytes',
        'restored_from',
        'created_at',
      ],
    },
    assets: {
      purpose: 'Keeps the images uploaded to a site, with who uploaded them.',
      personal: {
        created_by: { ...account('usage', 'who uploaded an image', 'as long as the image', 'site.deletion'), locate: { by: 'created_by' } },
      },
      // Images are the subscriber's site content; uploads are stripped of EXIF/GPS metadata.
      notPersonal: ['id', 'site_id', 'width', 'height', 'original_type', 'original_bytes', 'created_at'],
    },
    asset_variants: {
      purpose: 'Keeps the resized copies of each image that published pages load.',
      personal: {},
      notPersonal: ['asset_id', 'hash', 'width', 'bytes'],
    },
    domains: {
      purpose: 'Connects a site to its own domain names once DNS proves who controls them.',
      personal: {},
      notPersonal: ['id', 'site_id', 'hostname', 'verification_token', 'verified_at', 'last_checked_at', 'last_error', 'created_at'],
    },
    server_secrets: { purpose: 'Keeps the keys the server signs links and tokens with.', personal: {}, notPersonal: ['name', 'value', 'created_at'] },
    // A site's or page's shared password (a site setting, not a person's credential): only its argon2id hash.
    site_passwords: {
      purpose: 'Keeps the argon2id hashes of the passwords of protected sites and pages, and which version each is.',
      personal: {},
      notPersonal: ['site_id', 'scope', 'password_hash', 'version', 'updated_at'],
    },
    webhooks: {
      purpose: 'Lists the addresses a site sends copies of its form messages to.',
      personal: {},
      notPersonal: ['id', 'site_id', 'url', 'secret', 'created_at'],
    },
    // Domain events between processes: site ids and event names, pruned after an hour.
    change_log: {
      purpose: 'Tells the other server processes what changed, so every one serves the latest version.',
      personal: {},
      notPersonal: ['seq', 'origin', 'type', 'payload', 'created_at'],
    },
    jobs: {
      purpose: 'Holds work to be done later, such as a mail to send you, until it is done.',
      personal: {
        payload: {
          ...account('content', 'platform work for an account, e.g. a mail to send', 'until done, then 30 days', 'jobs.finished.platform'),
          locate: { by: 'target' },
        },
        target: { ...account('contact', 'who platform work is for', 'until done, then 30 days', 'jobs.finished.platform'), locate: { by: 'target' } },
      },
      notPersonal: JOB_BOOKKEEPING,
    },
    // Random secrets of visitor hashes, one per UTC day, deleted 48 hours after they were made.
    analytics_salts: {
      purpose: 'Holds the random secret of each day that visitor codes are made with; once it is deleted, no code can be linked to a person.',
      personal: {},
      notPersonal: ['day', 'salt', 'created_at'],
    },
    analytics_shares: {
      purpose: 'Holds the read-only links a subscriber made to share a site’s visit figures.',
      personal: {},
      notPersonal: ['site_id', 'token', 'created_at'],
    },
    // The generated privacy policy's versions: texts about the system, not about people.
    policy_versions: {
      purpose: 'Keeps every version of the generated privacy documents, so each one stays readable.',
      personal: {},
      notPersonal: ['kind', 'version', 'hash', 'body', 'material', 'created_at', 'effective_at'],
    },
    policy_seen: {
      purpose: 'Remembers that you read the notice of a policy change, so we stop showing it.',
      personal: {
        subscriber_id: account('identifier', 'stop showing a policy change notice once read'),
        seen_at: account('usage', 'when the subscriber read the notice of a policy change'),
      },
      notPersonal: ['kind', 'version'],
    },
    // Proof that a workspace accepted a version of the data processing agreement, and who accepted it.
    dpa_acceptances: {
      purpose: 'Keeps proof of which version of the data processing agreement each workspace accepted, when, and who clicked.',
      personal: {
        accepted_by: { ...account('identifier', 'who accepted the data processing agreement, as proof'), locate: { by: 'accepted_by' } },
        accepted_at: { ...account('usage', 'when the data processing agreement was accepted, as proof'), locate: { by: 'accepted_by' } },
      },
      notPersonal: ['workspace_id', 'version'],
    },
    // What each retention rule removed in each sweep: counts only.
    retention_runs: {
      purpose: 'Records what each retention sweep deleted, as proof that the periods are kept.',
      personal: {},
      notPersonal: ['id', 'rule', 'ran_at', 'removed', 'error'],
    },
    ...requestTables('subscriber'),
    disclosures: disclosureTable('subscriber'),
    kysely_migration: { purpose: 'Records which database upgrades have been applied.', personal: {}, notPersonal: ['name', 'timestamp'] },
    kysely_migration_lock: { purpose: 'Makes sure only one process upgrades the database at a time.', personal: {}, notPersonal: ['id', 'is_locked'] },
  },
  region: {
    form_submissions: {
      purpose: 'Brings the messages visitors send through a site’s forms to the site’s owner, and keeps them in the site’s inbox for the period the site sets.',
      personal: {
        data: endUser('content', 'the message an end user sent through a form'),
        submitter_email: endUser('contact', 'find and answer the sender; locate their submissions'),
        consent_text: endUser('content', 'proof of the exact consent wording agreed to', 'consent'),
        created_at: endUser('usage', 'when the message was sent'),
        read_at: endUser('usage', 'whether the subscriber has read it'),
        page_path: endUser('usage', 'which page the form was on'),
      },
      notPersonal: ['id', 'site_id', 'form_id', 'form_version', 'status', 'spam_reasons'],
    },
    jobs: {
      purpose: 'Holds each form message until it is delivered to the site’s owner by mail or webhook.',
      personal: {
        payload: endUser('content', 'deliver a submission by email or webhook', 'contract', 'until delivered, then 30 days', 'jobs.finished'),
        target: endUser(
          'contact',
          'where a submission is delivered (subscriber address or webhook)',
          'contract',
          'until delivered, then 30 days',
          'jobs.finished',
        ),
      },
      notPersonal: JOB_BOOKKEEPING,
    },
    webhook_deliveries: {
      purpose: 'Records whether each webhook delivery worked, so the site’s owner can see and fix failures.',
      personal: {},
      // Delivery outcomes only: status codes and timings, never the payload.
      notPersonal: ['id', 'job_id', 'site_id', 'webhook_id', 'submission_id', 'attempt', 'status_code', 'error', 'duration_ms', 'created_at'],
    },
    consent_records: {
      purpose: 'Proves which cookie choice a visitor made on a site, and when.',
      personal: {
        id: consentProof('identifier', "the record's id, also the visitor's c_id cookie, to look up their choice"),
        created_at: consentProof('usage', 'when the visitor chose'),
        functional: consentProof('usage', 'whether the visitor allowed functional cookies and content'),
        analytics: consentProof('usage', 'whether the visitor allowed analytics'),
        marketing: consentProof('usage', 'whether the visitor allowed marketing'),
        providers: consentProof('usage', 'embed providers the visitor always allows'),
        gpc: consentProof('usage', "whether the visitor's browser sent Global Privacy Control"),
        replaces: consentProof('identifier', "the same visitor's previous record, to follow one visitor's changes"),
      },
      // The chain's bookkeeping and which banner was shown: nothing about the visitor.
      notPersonal: ['site_id', 'seq', 'banner_version', 'prev_hash', 'hash'],
    },
    // Where a site's consent chain continues after retention pruned its oldest records: a sequence number and a hash.
    consent_chain_anchors: {
      purpose: 'Lets a site’s chain of consent records still be checked after its oldest records are deleted.',
      personal: {},
      notPersonal: ['site_id', 'through_seq', 'hash', 'pruned_at'],
    },
    // The exact banner texts and settings a site showed, stored once per version.
    consent_banners: {
      purpose: 'Keeps the exact banner wording each consent record was given in answer to.',
      personal: {},
      notPersonal: ['site_id', 'version', 'text', 'created_at'],
    },
    // Random nonces of spent form tokens: nothing about the visitor. Kept until the token would have expired.
    form_token_uses: { purpose: 'Stops the same form from being sent twice with one token.', personal: {}, notPersonal: ['nonce', 'site_id', 'expires_at'] },
    region_info: {
      purpose: 'Records which data region the database belongs to, so a database set up for the wrong region is caught.',
      personal: {},
      notPersonal: ['id', 'region', 'created_at'],
    },
    analytics_events: {
      purpose: 'Counts the visits and page views of a site for its statistics, without cookies or IP addresses.',
      personal: {
        time: visit('usage', 'when a page was viewed or an event happened'),
        visitor: visit('identifier', 'count unique visitors of one day (salted daily hash of network, browser and site)'),
        visit_id: visit('identifier', 'group the events of one visit (random, per visit)'),
        name: visit('usage', 'which custom event, link, download or form goal'),
        path: visit('usage', 'which page was viewed'),
        source: visit('usage', 'where the visit came from (search engine, social network, campaign, site)'),
        referrer_host: visit('usage', 'the referring site (host name only)'),
        utm_source: visit('usage', 'campaign tag of the link followed'),
        utm_medium: visit('usage', 'campaign tag of the link followed'),
        utm_campaign: visit('usage', 'campaign tag of the link followed'),
        utm_content: visit('usage', 'campaign tag of the link followed'),
        utm_term: visit('usage', 'campaign tag of the link followed'),
        country: visit('usage', 'country, from the IP address looked up in memory (the address is never stored)'),
        region: visit('usage', 'region, from the IP address looked up in memory'),
        city: visit('usage', 'city, from the IP address looked up in memory'),
        device: visit('usage', 'device type, from the user agent (which is never stored)'),
        os: visit('usage', 'operating system, from the user agent'),
        browser: visit('usage', 'browser, from the user agent'),
        language: visit('usage', 'preferred language (Accept-Language)'),
        screen: visit('usage', 'screen size class (mobile, tablet, laptop, desktop) from the optional beacon'),
        duration: visit('usage', 'time on page from the optional beacon'),
        returning: visit('usage', 'returning visitor, only with analytics consent (usr cookie)', 'consent'),
        props: visit('usage', 'properties of a custom event the site sends'),
      },
      notPersonal: ['site_id', 'kind'],
    },
    analytics_daily: {
      purpose: 'Keeps a site’s visit totals per day, after the detailed events are deleted.',
      personal: {},
      notPersonal: [...ROLLUP_COLUMNS, 'day'],
    },
    analytics_hourly: {
      purpose: 'Keeps a site’s visit totals per hour, for its charts of recent days.',
      personal: {},
      notPersonal: [...ROLLUP_COLUMNS, 'hour'],
    },
    // Counts of requests not counted (bots, visitors who refused analytics) per site and day.
    analytics_uncounted: {
      purpose: 'Counts the requests that were not counted as visits (robots, visitors who refused), so the figures can be explained.',
      personal: {},
      notPersonal: ['site_id', 'day', 'reason', 'count'],
    },
    ...requestTables('end_user'),
    disclosures: disclosureTable('end_user'),
    kysely_migration: { purpose: 'Records which database upgrades have been applied.', personal: {}, notPersonal: ['name', 'timestamp'] },
    kysely_migration_lock: { purpose: 'Makes sure only one process upgrades the database at a time.', personal: {}, notPersonal: ['id', 'is_locked'] },
  },
};

/** Columns of a live table the map does not classify (empty when covered). */
export function unclassifiedColumns(kind: DatabaseKind, table: string, columns: string[]): string[] {
  // Monthly partitions of a partitioned table (PostgreSQL) share their parent's columns: analytics_events_p202612.
  const entry = DATA_MAP[kind][table] ?? DATA_MAP[kind][table.replace(/_p\d{6}$/, '')];
  if (!entry) return columns.map((c) => `${table}.${c}`);
  return columns.filter((c) => !(c in entry.personal) && !entry.notPersonal.includes(c)).map((c) => `${table}.${c}`);
}
