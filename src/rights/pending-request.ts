// The unconfirmed request a confirmation link names, while the link still
// works (not used, not expired). Reading it changes nothing, so the link's page
// can say what is about to be confirmed: mail scanners open links, and only
// the requester's own confirmation (verify-request.ts) starts the request.
import type { Context } from '../context.js';
import { sha256 } from '../lib/ids.js';
import type { RequestRow } from './request-row.js';
import { inScope, type RequestStore } from './store.js';

export async function pendingRequest(ctx: Context, store: RequestStore, token: string): Promise<RequestRow | undefined> {
  const row = await store.db
    .selectFrom('privacy_requests')
    .selectAll()
    .where(inScope(store))
    .where('verify_token', '=', sha256(token))
    .where('status', '=', 'unverified')
    .executeTakeFirst();
  return row && row.verify_expires_at > ctx.clock.now().toISOString() ? row : undefined;
}
