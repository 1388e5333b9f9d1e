// Importing a zip into Atrium: a site archive (site.json at its root) or a
// whole account export (sites/<address>/site.json for each site). Each site
// becomes a new site of the subscriber's workspace.
import { unzipSync } from 'fflate';
import type { Context } from '../context.js';
import { invalid } from '../lib/errors.js';
import { importSiteArchive, readSiteArchive } from '../sites/site-archive.js';

/** The largest archive accepted, and the most bytes it may unpack to. */
export const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

export async function importArchive(ctx: Context, subscriberId: string, zip: Buffer, workspaceId?: string) {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    files = unzipSync(zip, {
      // A zip bomb stops here: sizes are checked before anything is inflated.
      filter: (f) => {
        unpacked += f.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new Error('too large');
        return /^(sites\/[^/]+\/)?(site|submissions)\.json$/.test(f.name) || /(^|\/)images\/[0-9a-f]{64}\.webp$/.test(f.name);
      },
    });
  } catch {
    throw invalid('(body)', 'this is not a zip Atrium can read (or it unpacks to more than 1 GB)');
  }
  const prefixes =
    'site.json' in files
      ? ['']
      : Object.keys(files)
          .filter((n) => n.endsWith('/site.json'))
          .map((n) => n.slice(0, -'site.json'.length));
  if (!prefixes.length) throw invalid('(body)', 'this zip holds no site: upload a site archive or an account export from Atrium');
  // Every site is checked before the first is stored: a damaged archive imports nothing.
  const checked = prefixes.sort().map((prefix) => readSiteArchive(files, prefix, ctx.config.regions));
  const sites = [];
  for (const archive of checked) sites.push(await importSiteArchive(ctx, subscriberId, archive, workspaceId));
  return sites;
}
