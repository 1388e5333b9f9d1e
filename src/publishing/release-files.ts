// Which stored files a set of sites uses (their releases' files and their
// images), and removing the ones no other site uses once those sites are gone.
// Files are content-addressed, so two sites with an identical file share it.
import type { Context } from '../context.js';
import type { Manifest } from './publishing.js';

/** Hashes of every file of the sites' releases and image variants. */
export async function filesOfSites(ctx: Context, siteIds: string[]): Promise<Set<string>> {
  const hashes = new Set<string>();
  if (!siteIds.length) return hashes;
  const releases = await ctx.dbs.control.selectFrom('releases').select('manifest').where('site_id', 'in', siteIds).execute();
  for (const r of releases) for (const f of Object.values((JSON.parse(r.manifest) as Manifest).files)) hashes.add(f.hash);
  const variants = await ctx.dbs.control
    .selectFrom('asset_variants')
    .innerJoin('assets', 'assets.id', 'asset_variants.asset_id')
    .select('asset_variants.hash')
    .where('assets.site_id', 'in', siteIds)
    .execute();
  for (const v of variants) hashes.add(v.hash);
  return hashes;
}

/** After sites were deleted: removes those of `candidates` that no remaining release or image uses. */
export async function removeUnusedFiles(ctx: Context, candidates: Set<string>, since: Date): Promise<number> {
  if (!candidates.size) return 0;
  const left = new Set(candidates);
  const PAGE = 500;
  for (let offset = 0; left.size; offset += PAGE) {
    const page = await ctx.dbs.control.selectFrom('releases').select(['id', 'manifest']).orderBy('id').limit(PAGE).offset(offset).execute();
    for (const r of page) for (const f of Object.values((JSON.parse(r.manifest) as Manifest).files)) left.delete(f.hash);
    if (page.length < PAGE) break;
  }
  const used = left.size
    ? await ctx.dbs.control
        .selectFrom('asset_variants')
        .select('hash')
        .where('hash', 'in', [...left])
        .execute()
    : [];
  for (const u of used) left.delete(u.hash);
  return ctx.releases.removeUnused(left, since);
}
