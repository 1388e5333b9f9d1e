// The one way personal data leaves Atrium for an outside party. disclose()
// checks the party is in the sub-processor registry, enabled by this
// installation's configuration, and that the kind of data is one the registry
// declares for it; only then does it hand the sender a receipt, and it records
// the disclosure (party, category, whose data, when, the outcome; never the
// content) in the disclosure log, which access requests read.
//
// The low-level senders (SMTP in src/mail/smtp.ts, webhook posts in
// src/forms/webhook-post.ts, DNS look-ups in src/domains/dns-lookup.ts) take a
// receipt and check it with assertReceipt(): only disclose() makes one, it is
// good for one party and only while its send runs. A structural test
// (test/architecture/outbound.test.ts) fails when any other module of src
// imports a way to send data out.
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { subProcessor, type CategoryOf, type PartyId, type RegistryConfig } from './sub-processors.js';

export const SUBJECT_TYPES = ['subscriber', 'visitor', 'requester', 'operator'] as const;

/**
 * Whose data it is. A site visitor's data is recorded in the site's region (beside the data); the others in the
 * control database, with the subscriber account it concerns so the account's access export finds it.
 */
export type DisclosureSubject =
  | { type: 'visitor'; site: { id: string; region: string }; ref?: string | null }
  | { type: Exclude<(typeof SUBJECT_TYPES)[number], 'visitor'>; subscriberId?: string | null; siteId?: string | null; ref?: string | null };

export interface Disclosure<P extends PartyId> {
  party: P;
  category: CategoryOf<P>;
  subject: DisclosureSubject;
}

/** A row of the disclosure log, as written to the control database (region rows have no subscriber_id). */
export interface DisclosureRow {
  id: string;
  party: string;
  category: string;
  subject_type: string;
  subscriber_id: string | null;
  site_id: string | null;
  ref: string | null;
  outcome: 'sent' | 'failed';
  at: string;
}

/** Where a row goes: 'control', or the name of the site's region database. */
export type DisclosureRecorder = (row: DisclosureRow, database: string) => void | Promise<void>;

export interface DiscloseDeps {
  config: RegistryConfig;
  clock: Clock;
  record: DisclosureRecorder;
}

declare const issued: unique symbol;

/** Proof that disclose() allowed this sending: the low-level senders require one. Only disclose() makes them. */
export interface Receipt<P extends PartyId = PartyId> {
  readonly party: P;
  readonly category: string;
  readonly [issued]: true;
}

/** Receipts disclose() issued whose send is still running. */
const live = new WeakSet<object>();

export class DisclosureRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DisclosureRefused';
  }
}

/** For the low-level senders: throws unless `receipt` is a live receipt of disclose() for `party`. */
export function assertReceipt(receipt: Receipt | undefined, party: PartyId): void {
  if (!receipt || typeof receipt !== 'object' || !live.has(receipt) || receipt.party !== party)
    throw new DisclosureRefused(`data may go to ${party} only through disclose() (src/privacy/disclose.ts), which logs it`);
}

/** The database a disclosure is recorded in: a visitor's in their site's region, others in the control database. */
export const disclosureDatabase = (subject: DisclosureSubject): string => (subject.type === 'visitor' ? subject.site.region : 'control');

/**
 * Sends data to `party` through `send`, which gets the receipt the low-level sender requires. Refuses (throws
 * DisclosureRefused, sends nothing, records nothing) a party not in the registry or not enabled by the
 * configuration, a category the registry does not declare for it, or an unknown kind of subject. Records the
 * disclosure once `send` settles: 'sent', or 'failed' when it threw (part of the data may have reached the party).
 */
export async function disclose<P extends PartyId, T>(deps: DiscloseDeps, d: Disclosure<P>, send: (receipt: Receipt<P>) => Promise<T>): Promise<T> {
  const party = subProcessor(d.party);
  if (!party) throw new DisclosureRefused(`${String(d.party)} is not in the sub-processor registry (src/privacy/sub-processors.ts)`);
  if (!party.enabled(deps.config)) throw new DisclosureRefused(`${party.id} is not enabled in this installation's configuration`);
  if (!Object.hasOwn(party.categories, d.category))
    throw new DisclosureRefused(`${party.id} is not declared to receive ${String(d.category)} (declared: ${Object.keys(party.categories).join(', ')})`);
  const subject = d.subject;
  if (!SUBJECT_TYPES.includes(subject.type)) throw new DisclosureRefused(`unknown kind of data subject: ${String(subject.type)}`);
  if (subject.type === 'visitor' && !subject.site?.id) throw new DisclosureRefused('a visitor’s data is disclosed for a site: name it');

  const receipt = { party: party.id, category: d.category } as unknown as Receipt<P>;
  live.add(receipt);
  let outcome: DisclosureRow['outcome'] = 'failed';
  try {
    const result = await send(receipt);
    outcome = 'sent';
    return result;
  } finally {
    live.delete(receipt);
    await deps.record(
      {
        id: newId('dsc'),
        party: party.id,
        category: d.category,
        subject_type: subject.type,
        subscriber_id: subject.type === 'visitor' ? null : (subject.subscriberId ?? null),
        site_id: subject.type === 'visitor' ? subject.site.id : (subject.siteId ?? null),
        ref: subject.ref ?? null,
        outcome,
        at: deps.clock.now().toISOString(),
      },
      disclosureDatabase(subject),
    );
  }
}
