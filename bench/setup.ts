// Shared bench set-up: a data dir with one verified subscriber and a site,
// created through the same core modules the API uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signUp } from '../src/accounts/accounts.js';
import { loadConfig } from '../src/config/config.js';
import type { Context } from '../src/context.js';
import { openDatabases } from '../src/db/connect.js';
import { EventBus } from '../src/events/bus.js';
import { MovableClock } from '../src/lib/clock.js';
import { createLogger } from '../src/logging/logger.js';
import { createMailer } from '../src/mail/mailer.js';
import { recordIn } from '../src/privacy/disclosure-log.js';
import { ReleaseStore } from '../src/storage/release-store.js';
import { createSite } from '../src/sites/sites.js';
import { recordVersion } from '../src/agreements/versions.js';
import { acceptDpa, dpaStatus } from '../src/agreements/dpa-acceptance.js';
import { dataProcessingAgreement } from '../src/policy/dpa.js';

/** A browser's user agent (a request without one counts as a bot's, which analytics only tallies). */
export const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export async function benchContext(env: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-bench-'));
  const config = loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: env.PORT ?? '3999', ...env });
  const log = createLogger({ logLevel: 'warn' });
  const dbs = await openDatabases(config, log);
  const store = new ReleaseStore(path.join(dataDir, 'releases'));
  const clock = new MovableClock();
  const ctx: Context = { config, dbs, mailer: createMailer(config, { clock, record: recordIn(dbs) }), releases: store, bus: new EventBus(log), log, clock };
  const { subscriberId } = await signUp(ctx, { name: 'Bench', email: 'bench@example.com', password: 'benchmark password' });
  await dbs.control.updateTable('subscribers').set({ email_verified_at: new Date().toISOString() }).execute();
  // Publishing needs the data processing agreement accepted, as in the dashboard.
  await recordVersion(ctx, 'dpa', dataProcessingAgreement(config));
  await acceptDpa(ctx, subscriberId, (await dpaStatus(ctx, subscriberId)).current.version);
  const subscriber = { id: subscriberId, emailVerified: true };
  return {
    ctx,
    store,
    subscriber,
    dataDir,
    newSite: (slug: string, template = 'saas') => createSite(ctx, subscriberId, { name: 'Bench Co', slug, template, region: 'us-oregon' }),
  };
}
