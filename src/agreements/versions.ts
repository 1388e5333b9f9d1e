// Versions of the documents people agree to or are told about (the privacy policy, the data processing
// agreement) and the acceptances of the agreement: small and free of what generates the documents, so
// publishing can check an acceptance without depending on src/policy.
//
// Every version of a generated policy is kept: when what the system would
// generate differs from the latest stored version, it becomes a new version.
// Whether a change is material (a new purpose, a new recipient, a longer
// period) is read off the facts of the two versions.
import type { Context } from '../context.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { sha256 } from '../lib/ids.js';
import type { PolicyDocument, PolicyFacts } from '../lib/policy-document.js';

/** The platform's privacy policy (/privacy) and the data processing agreement for subscribers (/dpa). */
export type PolicyKind = 'platform' | 'dpa';

export interface StoredPolicy {
  version: number;
  createdAt: string;
  /** When it applies: at once, or after the notice period for a material change. */
  effectiveAt: string;
  document: PolicyDocument;
  material: string[];
}

/** What makes a change material: new purposes, new recipients, new cookies, or a retention text that changed. */
export function materialChanges(before: PolicyFacts | undefined, after: PolicyFacts): string[] {
  if (!before) return [];
  const added = (a: string[], b: string[]) => b.filter((x) => !a.includes(x));
  return [
    ...added(before.purposes, after.purposes).map((x) => `new purpose: ${x}`),
    ...added(before.subProcessors, after.subProcessors).map((x) => `new recipient: ${x}`),
    ...added(before.cookies, after.cookies).map((x) => `new cookie: ${x}`),
    ...Object.entries(after.retention)
      .filter(([rule, kept]) => before.retention[rule] !== undefined && before.retention[rule] !== kept)
      .map(([rule, kept]) => `retention of ${rule} is now: ${kept}`),
  ];
}

/** Stores the document as a new version if it differs from the latest one; returns the latest version. */
export async function recordVersion(ctx: Context, kind: PolicyKind, document: PolicyDocument): Promise<StoredPolicy> {
  const hash = sha256(canonicalJson(document));
  for (let attempt = 0; ; attempt++) {
    const latest = await ctx.dbs.control
      .selectFrom('policy_versions')
      .selectAll()
      .where('kind', '=', kind)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest?.hash === hash) return stored(latest);
    const previous = latest ? (JSON.parse(latest.body) as PolicyDocument) : undefined;
    const material = materialChanges(previous?.facts, document.facts);
    const now = ctx.clock.now();
    const row = {
      kind,
      version: (latest?.version ?? 0) + 1,
      hash,
      body: JSON.stringify(document),
      material: JSON.stringify(material),
      created_at: now.toISOString(),
      effective_at: new Date(now.getTime() + (material.length ? ctx.config.policyNoticeDays * 86_400_000 : 0)).toISOString(),
    };
    try {
      await ctx.dbs.control.insertInto('policy_versions').values(row).execute();
      // Only the process whose insert won tells subscribers, once.
      if (material.length) await ctx.bus.emit({ type: 'policy.changed', kind, version: row.version });
      return stored(row);
    } catch (e) {
      if (attempt > 3) throw e; // another process stored the same version first: read again
    }
  }
}

function stored(r: { version: number; created_at: string; effective_at: string; body: string; material: string }): StoredPolicy {
  return {
    version: r.version,
    createdAt: r.created_at,
    effectiveAt: r.effective_at,
    document: JSON.parse(r.body) as PolicyDocument,
    material: JSON.parse(r.material) as string[],
  };
}

/** The version in effect now, and the next one if a material change is waiting out its notice period. */
export async function policyInEffect(ctx: Context, kind: PolicyKind): Promise<{ current: StoredPolicy | undefined; upcoming: StoredPolicy | undefined }> {
  const now = ctx.clock.now().toISOString();
  const rows = await ctx.dbs.control.selectFrom('policy_versions').selectAll().where('kind', '=', kind).orderBy('version', 'desc').limit(20).execute();
  const current = rows.find((r) => r.effective_at <= now);
  const upcoming = rows.find((r) => r.effective_at > now && (!current || r.version > current.version));
  return { current: current && stored(current), upcoming: upcoming && stored(upcoming) };
}

export async function policyVersion(ctx: Context, kind: PolicyKind, version: number): Promise<StoredPolicy | undefined> {
  const row = await ctx.dbs.control.selectFrom('policy_versions').selectAll().where('kind', '=', kind).where('version', '=', version).executeTakeFirst();
  return row ? stored(row) : undefined;
}

export async function policyVersions(ctx: Context, kind: PolicyKind) {
  const rows = await ctx.dbs.control
    .selectFrom('policy_versions')
    .select(['version', 'created_at', 'effective_at', 'material'])
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ version: r.version, createdAt: r.created_at, effectiveAt: r.effective_at, material: JSON.parse(r.material) as string[] }));
}
