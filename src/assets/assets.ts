// Uploaded images: decoded and checked by sharp (never trusting the declared
// type), stripped of metadata (EXIF can carry GPS positions and camera serials),
// auto-rotated, and resized into WebP variants for srcset. Variants are stored
// content-addressed beside published files and ship inside releases.
import sharp, { type Metadata } from 'sharp';
import type { Context } from '../context.js';
import { DomainError } from '../lib/errors.js';
import { newId, nowIso } from '../lib/ids.js';
import { requireSite } from '../tenancy/tenancy.js';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif'] as const;
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
const WIDTHS = [320, 640, 960, 1280, 1920, 2560];
const MAX_PIXELS = 50_000_000;

export const assetPath = (hash: string) => `/_atrium/img/${hash}.webp`;
export const ASSET_PATH = /\/_atrium\/img\/([0-9a-f]{64})\.webp/g;

export interface AssetView {
  id: string;
  src: string;
  width: number;
  height: number;
  srcset: { src: string; width: number }[];
  bytes: number;
  createdAt: string;
}

const unreadable = (message: string) => new DomainError('invalid_input', message, { issues: [{ path: '(body)', message: 'unreadable image' }] });

export async function uploadImage(ctx: Context, subscriberId: string, siteId: string, body: unknown): Promise<AssetView> {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new DomainError('invalid_input', `send the image bytes as the body with Content-Type ${IMAGE_TYPES.join(', ')}`, {
      issues: [{ path: '(body)', message: 'is not an image' }],
    });
  let meta: Metadata;
  try {
    meta = await sharp(body, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw unreadable('this file is not an image we can read; upload a PNG, JPEG, WebP, GIF or AVIF');
  }
  if (!meta.width || !meta.height) throw new DomainError('invalid_input', 'the image has no size', { issues: [{ path: '(body)', message: 'no dimensions' }] });
  // EXIF orientations 5-8 swap width and height once rotated.
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = rotated ? meta.height : meta.width;
  const height = rotated ? meta.width : meta.height;
  const frames = meta.pages ?? 1;
  const animated = frames > 1;
  // An animation is decoded whole: its frames together must fit the pixel budget.
  if (meta.width * (meta.pageHeight ?? meta.height) * frames > MAX_PIXELS)
    throw unreadable(`the image is too large to process (over ${MAX_PIXELS / 1_000_000} million pixels${animated ? ' across its frames' : ''})`);
  // Each standard width below the image's own, then the image's width (capped): no width twice.
  const widths = [...new Set([...WIDTHS.filter((w) => w < width), Math.min(width, WIDTHS[WIDTHS.length - 1]!)])];

  let encoded: { width: number; out: Buffer }[];
  try {
    encoded = await Promise.all(
      widths.map(async (width) => ({
        width,
        out: await sharp(body, { limitInputPixels: MAX_PIXELS, animated })
          .rotate()
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: 80, effort: 4 })
          .toBuffer(), // sharp drops EXIF/XMP/ICC metadata unless asked to keep it
      })),
    );
  } catch {
    // A header that reads fine can hide a truncated or corrupt body: decoding fails only here.
    throw unreadable('this image is damaged or incomplete; export it again and upload the new file');
  }
  const variants = await Promise.all(
    encoded.map(async ({ width: w, out }) => ({ hash: (await ctx.releases.put(out, { compress: false })).hash, width: w, bytes: out.length })),
  );
  const id = newId('img');
  const createdAt = nowIso();
  await ctx.dbs.control.transaction().execute(async (trx) => {
    await trx
      .insertInto('assets')
      .values({
        id,
        site_id: site.id,
        width,
        height,
        original_type: meta.format ?? 'unknown',
        original_bytes: body.length,
        created_by: subscriberId,
        created_at: createdAt,
      })
      .execute();
    await trx
      .insertInto('asset_variants')
      .values(variants.map((v) => ({ asset_id: id, hash: v.hash, width: v.width, bytes: v.bytes })))
      .execute();
  });
  return view({ id, width, height, created_at: createdAt }, variants);
}

function view(a: { id: string; width: number; height: number; created_at: string }, variants: { hash: string; width: number; bytes: number }[]): AssetView {
  const sorted = [...variants].sort((x, y) => x.width - y.width);
  // The fallback src: the variant closest to a typical 1280 px layout.
  const fallback = sorted.find((v) => v.width >= 1280) ?? sorted[sorted.length - 1]!;
  return {
    id: a.id,
    src: assetPath(fallback.hash),
    width: a.width,
    height: a.height,
    srcset: sorted.map((v) => ({ src: assetPath(v.hash), width: v.width })),
    bytes: sorted.reduce((n, v) => n + v.bytes, 0),
    createdAt: a.created_at,
  };
}

export async function listImages(ctx: Context, subscriberId: string, siteId: string): Promise<AssetView[]> {
  const site = await requireSite(ctx.dbs.control, subscriberId, siteId);
  const assets = await ctx.dbs.control.selectFrom('assets').selectAll().where('site_id', '=', site.id).orderBy('created_at', 'desc').execute();
  if (!assets.length) return [];
  const variants = await ctx.dbs.control
    .selectFrom('asset_variants')
    .selectAll()
    .where(
      'asset_id',
      'in',
      assets.map((a) => a.id),
    )
    .execute();
  return assets.map((a) =>
    view(
      a,
      variants.filter((v) => v.asset_id === a.id),
    ),
  );
}

/** The variant files of this site's images that a document refers to, for a release's manifest. */
export async function imagesReferenced(ctx: Context, siteId: string, documentJson: string) {
  const hashes = [...new Set([...documentJson.matchAll(ASSET_PATH)].map((m) => m[1]!))];
  if (!hashes.length) return [];
  return ctx.dbs.control
    .selectFrom('asset_variants')
    .innerJoin('assets', 'assets.id', 'asset_variants.asset_id')
    .select(['asset_variants.hash', 'asset_variants.bytes'])
    .where('assets.site_id', '=', siteId)
    .where('asset_variants.hash', 'in', hashes)
    .execute();
}

/** Whether a variant exists at all (the editor previews drafts on the app host). */
export async function isImageVariant(ctx: Context, hash: string): Promise<boolean> {
  return !!(await ctx.dbs.control.selectFrom('asset_variants').select('hash').where('hash', '=', hash).executeTakeFirst());
}
