// A separate OS process that appends consent records to a site's chain, as
// another Atrium process would: it opens the same databases (the env it is
// started with) and, at START_AT (epoch ms), records COUNT choices at once.
// Prints how many it stored.
import { loadConfig } from '../../src/config/config.js';
import { recordChoice, currentBannerVersion } from '../../src/consent/records.js';
import { openDatabases } from '../../src/db/connect.js';
import { SiteDocument } from '../../src/site-document/schema.js';

const siteId = process.env.SITE_ID!;
const count = Number(process.env.COUNT ?? 10);
const dbs = await openDatabases(loadConfig(process.env), console);
try {
  const site = await dbs.control.selectFrom('sites').select(['id', 'region', 'live_release_id']).where('id', '=', siteId).executeTakeFirstOrThrow();
  const release = await dbs.control.selectFrom('releases').select('document').where('id', '=', site.live_release_id!).executeTakeFirstOrThrow();
  const doc = SiteDocument.parse(JSON.parse(release.document));
  const version = currentBannerVersion(doc);
  const ctx = { dbs, clock: { now: () => new Date() } };
  // Every process starts appending at the same moment, so they really contend.
  await new Promise((r) => setTimeout(r, Math.max(0, Number(process.env.START_AT ?? 0) - Date.now())));
  const stored = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      recordChoice(ctx, site, doc, { version, choices: { functional: false, analytics: i % 2 === 0, marketing: false, providers: [] } }, { gpcHeader: false }),
    ),
  );
  process.stdout.write(JSON.stringify({ stored: stored.length }) + '\n');
} finally {
  await dbs.close();
}
