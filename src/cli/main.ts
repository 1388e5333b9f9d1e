// The command line: `node dist/server/main.js <command>` (or `npm run atrium -- <command>`)
// runs a command against this installation's databases and exits.
import path from 'node:path';
import { loadConfig } from '../config/config.js';
import type { Context } from '../context.js';
import { openDatabases } from '../db/connect.js';
import { EventBus } from '../events/bus.js';
import { MovableClock } from '../lib/clock.js';
import { createLogger } from '../logging/logger.js';
import { createMailer } from '../mail/mailer.js';
import { recordIn } from '../privacy/disclosure-log.js';
import { ReleaseStore } from '../storage/release-store.js';
import { retentionCommand } from './retention.js';

const COMMANDS: Record<string, { help: string; run: (ctx: Context, args: string[], print: (l: string) => void) => Promise<number> }> = {
  retention: { help: 'retention [--dry-run] [--at <date>]   run the retention sweep now, or print what it would remove', run: retentionCommand },
};

export const isCommand = (arg: string | undefined) => arg !== undefined && (arg in COMMANDS || arg === 'help' || arg === '--help');

export async function runCli(args: string[], print: (line: string) => void = (l) => console.log(l)): Promise<number> {
  const command = COMMANDS[args[0] ?? ''];
  if (!command) {
    print('Commands:');
    for (const c of Object.values(COMMANDS)) print(`  ${c.help}`);
    return args[0] === 'help' || args[0] === '--help' ? 0 : 2;
  }
  const config = loadConfig();
  const log = createLogger({ ...config, logLevel: 'warn' });
  const dbs = await openDatabases(config, log);
  const clock = new MovableClock();
  const ctx: Context = {
    config,
    dbs,
    mailer: createMailer(config, { clock, record: recordIn(dbs) }),
    releases: new ReleaseStore(path.join(config.dataDir, 'releases')),
    bus: new EventBus(log),
    log,
    clock,
  };
  try {
    return await command.run(ctx, args.slice(1), print);
  } finally {
    await dbs.close();
  }
}
