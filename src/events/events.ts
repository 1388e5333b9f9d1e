// The domain events core modules announce. Core code never calls hosting,
// publishing or delivery code of another module to say "something changed":
// it emits one of these, and whoever cares subscribes (see bus.ts).

export type DomainEvent =
  /** A release went live: a publish, a re-render after an address change, or a rollback. */
  | { type: 'site.published'; siteId: string; releaseId: string; reason: 'publish' | 'address_change' | 'rollback' }
  | { type: 'site.unpublished'; siteId: string }
  /** The site's slug or a verified custom domain changed: the live release may need re-rendering for the new address. */
  | { type: 'site.address_changed'; siteId: string }
  | { type: 'site.renamed'; siteId: string }
  /** A site or page password was set, changed or removed: serving checks the new one from the next request. */
  | { type: 'site.protection_changed'; siteId: string }
  | { type: 'site.deleted'; siteId: string; region: string }
  /** The files of a live release were replaced by smaller (better compressed) ones; the bytes decode the same. */
  | { type: 'release.recompressed'; siteId: string; /** Content hashes of the replaced files (absent: any of the release's). */ hashes?: string[] }
  /** A form submission was stored in its site's region (status: inbox or spam). */
  | { type: 'submission.stored'; siteId: string; region: string; submissionId: string; status: string }
  /** Rows were added to a job queue: runners wake up instead of waiting for their next poll. */
  | { type: 'jobs.queued'; database: string }
  /** A privacy request's requester confirmed their address: whoever answers it (operators, or the site's subscribers) is told. */
  | { type: 'privacy_request.verified'; siteId: string | null; region?: string; requestId: string }
  /** A generated policy changed materially: subscribers are told before it takes effect. */
  | { type: 'policy.changed'; kind: 'platform' | 'dpa'; version: number };

export type EventType = DomainEvent['type'];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

/** Events that change what a published site serves: its hosts, its live release or the release's bytes. */
export const SERVING_EVENTS = [
  'site.published',
  'site.unpublished',
  'site.address_changed',
  'site.renamed',
  'site.protection_changed',
  'site.deleted',
  'release.recompressed',
] as const satisfies readonly EventType[];

/**
 * Events other Atrium processes must hear about too, because they hold
 * per-process state the event makes stale (today: the serving cache). They
 * travel through the change log in the control database (see change-log.ts).
 */
export const CROSS_PROCESS: ReadonlySet<EventType> = new Set<EventType>(SERVING_EVENTS);
