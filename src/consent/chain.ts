// The hash chain of a site's consent records: each record's hash covers its
// own fields and the previous record's hash, so editing, removing or
// reordering a stored record breaks every hash after it. Verification walks
// the chain in order and names the first record (by seq) that does not fit.
import type { Kysely } from 'kysely';
import type { RegionDatabase } from '../db/schema.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { sha256 } from '../lib/ids.js';

export type RecordRow = RegionDatabase['consent_records'];

/** The prev_hash of a site's first record. */
export const GENESIS = '0'.repeat(64);

/** The fields a record's hash covers: every column except the hashes themselves. */
export function recordHash(prevHash: string, r: Omit<RecordRow, 'prev_hash' | 'hash'>): string {
  const fields = {
    id: r.id,
    site_id: r.site_id,
    seq: Number(r.seq),
    created_at: r.created_at,
    functional: Number(r.functional),
    analytics: Number(r.analytics),
    marketing: Number(r.marketing),
    providers: r.providers,
    gpc: Number(r.gpc),
    banner_version: r.banner_version,
    replaces: r.replaces,
  };
  return sha256(prevHash + canonicalJson(fields));
}

export interface ChainStatus {
  ok: boolean;
  /** Records checked. */
  records: number;
  /** The first record that does not fit the chain (or the first missing seq), null when the chain holds. */
  firstBrokenSeq: number | null;
  /** Why it broke, in a sentence; null when it holds. */
  problem: string | null;
  /** Banner versions whose stored text no longer hashes to the version. */
  alteredBanners: string[];
  /** The hash of the last record: publish or keep it elsewhere to detect removal of the newest records too. */
  headHash: string | null;
}

const BATCH = 1000;

/** Walks a site's whole chain, a batch at a time, and checks the stored banner texts. */
export async function verifyChain(db: Kysely<RegionDatabase>, siteId: string): Promise<ChainStatus> {
  // Records older than the proof period were pruned (retention): the chain continues from the anchor they left.
  const anchor = await db.selectFrom('consent_chain_anchors').selectAll().where('site_id', '=', siteId).executeTakeFirst();
  let prev = anchor?.hash ?? GENESIS;
  let expected = Number(anchor?.through_seq ?? 0) + 1;
  let after = Number(anchor?.through_seq ?? 0);
  let count = 0;
  let broken: { seq: number; problem: string } | null = null;
  for (;;) {
    const rows = await db
      .selectFrom('consent_records')
      .selectAll()
      .where('site_id', '=', siteId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      count++;
      after = seq;
      if (broken) continue;
      if (seq !== expected) broken = { seq: expected, problem: `record ${expected} is missing` };
      else if (r.prev_hash !== prev) broken = { seq, problem: `record ${seq} does not follow record ${seq - 1}` };
      else if (recordHash(r.prev_hash, r) !== r.hash) broken = { seq, problem: `record ${seq} was changed after it was stored` };
      prev = r.hash;
      expected = seq + 1;
    }
    if (rows.length < BATCH) break;
  }
  const alteredBanners = (await db.selectFrom('consent_banners').select(['version', 'text']).where('site_id', '=', siteId).execute())
    .filter((b) => sha256(b.text) !== b.version)
    .map((b) => b.version);
  const ok = !broken && alteredBanners.length === 0;
  return {
    ok,
    records: count,
    firstBrokenSeq: broken?.seq ?? null,
    problem: broken?.problem ?? (alteredBanners.length ? `the stored text of banner ${alteredBanners[0]!.slice(0, 12)} was changed` : null),
    alteredBanners,
    headHash: count ? prev : null,
  };
}

/**
 * Retention: deletes a site's records made before `before`, oldest first, and moves the site's anchor to the
 * last one deleted (its seq and hash), in one transaction, so the records that remain still verify and a record
 * removed any other way is still detected. Returns how many were deleted.
 */
export async function pruneChain(db: Kysely<RegionDatabase>, siteId: string, before: string, now: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('consent_records')
      .select(['seq', 'hash'])
      .where('site_id', '=', siteId)
      .where('created_at', '<', before)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!last) return 0;
    const r = await trx.deleteFrom('consent_records').where('site_id', '=', siteId).where('seq', '<=', last.seq).executeTakeFirst();
    await trx
      .insertInto('consent_chain_anchors')
      .values({ site_id: siteId, through_seq: Number(last.seq), hash: last.hash, pruned_at: now })
      .onConflict((oc) => oc.column('site_id').doUpdateSet({ through_seq: Number(last.seq), hash: last.hash, pruned_at: now }))
      .execute();
    return Number(r.numDeletedRows);
  });
}
