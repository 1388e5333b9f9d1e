// Server-wide secrets, generated once and kept in the control database so
// every Atrium process (and every restart) signs and verifies with the same key.
import { randomBytes } from 'node:crypto';
import type { Context } from '../context.js';
import { nowIso } from '../lib/ids.js';

const cache = new WeakMap<Context, Map<string, Buffer>>();

export async function serverSecret(ctx: Context, name: string): Promise<Buffer> {
  let mine = cache.get(ctx);
  if (!mine) cache.set(ctx, (mine = new Map()));
  const hit = mine.get(name);
  if (hit) return hit;
  const db = ctx.dbs.control;
  // Insert-if-absent, then read: two processes racing end up with the same value.
  await db
    .insertInto('server_secrets')
    .values({ name, value: randomBytes(32).toString('base64url'), created_at: nowIso() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  const key = Buffer.from(row.value, 'base64url');
  mine.set(name, key);
  return key;
}
