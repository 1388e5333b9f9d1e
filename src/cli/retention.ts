// `atrium retention [--dry-run] [--at <date>]`: runs the retention sweep now on
// this installation's databases (the same configuration as the server), or
// with --dry-run only prints what it would remove. --at counts as if it were
// that date (to see what a longer wait would remove).
import type { Context } from '../context.js';
import { sweep } from '../retention/sweep.js';

export async function retentionCommand(ctx: Context, args: string[], print: (line: string) => void): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const atIndex = args.indexOf('--at');
  const at = atIndex >= 0 ? new Date(args[atIndex + 1] ?? '') : ctx.clock.now();
  if (Number.isNaN(at.getTime())) {
    print('--at needs a date, like 2027-06-01 or 2027-06-01T12:00:00Z');
    return 2;
  }
  const outcome = await sweep(ctx, at, { dryRun });
  const width = Math.max(...outcome.map((o) => o.rule.length));
  print(dryRun ? `Retention, dry run at ${at.toISOString()}: what the sweep would remove` : `Retention sweep at ${at.toISOString()}`);
  for (const o of outcome) print(`  ${o.rule.padEnd(width)}  ${String(o.removed).padStart(7)}  ${o.error ? `FAILED: ${o.error}` : o.keptFor}`);
  const total = outcome.reduce((n, o) => n + o.removed, 0);
  print(dryRun ? `${total} row(s) or file(s) would be removed; nothing was changed.` : `${total} row(s) or file(s) removed.`);
  return outcome.some((o) => o.error) ? 1 : 0;
}
