// A retention rule: which rows (or files) go, after how long, counted from
// which column, and how (delete, or the erasure engine). Every personal column
// of the data map names the rule that ends it (src/privacy/data-map.ts), and a
// test fails when one names none. Scheduled rules run in the hourly sweep
// (sweep.ts); event rules run when something happens (an account or a site is
// deleted) and name the code that does it.
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Config } from '../config/config.js';
import type { Context } from '../context.js';

export interface ScheduledRule {
  kind: 'scheduled';
  id: string;
  /** What goes, in words (the sweep report, the generated policy). */
  what: string;
  /** For how long it is kept, in words, from the live configuration. */
  keptFor: (config: Config) => string;
  /** How many rows or files the sweep would remove now (the dry run). */
  due(ctx: Context, now: Date): Promise<number>;
  /** Removes them; returns how many. */
  apply(ctx: Context, now: Date): Promise<number>;
}

export interface EventRule {
  kind: 'event';
  id: string;
  what: string;
  keptFor: (config: Config) => string;
  /** The code that runs it, for people reading the report. */
  by: string;
}

export type RetentionRule = ScheduledRule | EventRule;

export const DAY = 86_400_000;
export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY).toISOString();

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/**
 * A rule that deletes the rows of one table matching a condition, in the control database or in every region
 * database. The condition is computed from the sweep's time and the configuration.
 */
export function tableRule(spec: {
  id: string;
  what: string;
  keptFor: (config: Config) => string;
  database: 'control' | 'regions';
  table: string;
  where: (eb: ExpressionBuilder<any, any>, now: Date, config: Config) => Expression<SqlBool>;
}): ScheduledRule {
  const databases = (ctx: Context) => (spec.database === 'control' ? [ctx.dbs.control] : Object.values(ctx.dbs.regions)) as unknown as AnyDb[];
  return {
    kind: 'scheduled',
    id: spec.id,
    what: spec.what,
    keptFor: spec.keptFor,
    async due(ctx, now) {
      let n = 0;
      for (const db of databases(ctx)) {
        const r = await db
          .selectFrom(spec.table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where((eb) => spec.where(eb, now, ctx.config))
          .executeTakeFirst();
        n += Number(r?.n ?? 0);
      }
      return n;
    },
    async apply(ctx, now) {
      let n = 0;
      for (const db of databases(ctx)) {
        const r = await db
          .deleteFrom(spec.table)
          .where((eb) => spec.where(eb, now, ctx.config))
          .executeTakeFirst();
        n += Number(r.numDeletedRows);
      }
      return n;
    },
  };
}
