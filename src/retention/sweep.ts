// The retention sweep: runs every scheduled rule, records what each removed
// (the report operators see; kept 90 days), and a dry run that only counts.
import type { Context } from '../context.js';
import { newId } from '../lib/ids.js';
import { scheduledRules } from './rules.js';

export interface RuleOutcome {
  rule: string;
  what: string;
  keptFor: string;
  removed: number;
  error: string | null;
}

export async function sweep(ctx: Context, now: Date, opts: { dryRun?: boolean } = {}): Promise<RuleOutcome[]> {
  const out: RuleOutcome[] = [];
  for (const rule of scheduledRules()) {
    let removed = 0;
    let error: string | null = null;
    try {
      removed = opts.dryRun ? await rule.due(ctx, now) : await rule.apply(ctx, now);
    } catch (e) {
      // One failing rule must not stop the others; it is reported and retried next hour.
      error = e instanceof Error ? e.message : String(e);
      ctx.log.error({ rule: rule.id, err: error }, 'retention rule failed');
    }
    out.push({ rule: rule.id, what: rule.what, keptFor: rule.keptFor(ctx.config), removed, error });
  }
  if (!opts.dryRun)
    await ctx.dbs.control
      .insertInto('retention_runs')
      .values(out.map((o) => ({ id: newId('ret'), rule: o.rule, ran_at: now.toISOString(), removed: o.removed, error: o.error })))
      .execute();
  if (!opts.dryRun)
    await ctx.dbs.control
      .deleteFrom('retention_runs')
      .where('ran_at', '<', new Date(now.getTime() - 90 * 86_400_000).toISOString())
      .execute();
  return out;
}

/** The last sweep's outcome per rule, for operators. */
export async function lastSweep(ctx: Context): Promise<{ ranAt: string | null; rules: RuleOutcome[] }> {
  const last = await ctx.dbs.control.selectFrom('retention_runs').select('ran_at').orderBy('ran_at', 'desc').limit(1).executeTakeFirst();
  const rows = last ? await ctx.dbs.control.selectFrom('retention_runs').selectAll().where('ran_at', '=', last.ran_at).execute() : [];
  return {
    ranAt: last?.ran_at ?? null,
    rules: scheduledRules().map((rule) => {
      const r = rows.find((x) => x.rule === rule.id);
      return { rule: rule.id, what: rule.what, keptFor: rule.keptFor(ctx.config), removed: r?.removed ?? 0, error: r?.error ?? null };
    }),
  };
}
