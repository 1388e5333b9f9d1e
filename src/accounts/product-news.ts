// Product news: the only marketing mail Atrium sends, to subscribers who
// consented, have a confirmed address and have not restricted processing.
// Every such mail carries RFC 8058 one-click unsubscribe headers (and the same
// link in its text), so any mail client can withdraw the consent in one step.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from '../context.js';
import { DomainError } from '../lib/errors.js';
import { serverSecret } from '../secrets/secrets.js';
import { withdrawConsent, type ConsentPurpose } from './consents.js';

const SECRET = 'unsubscribe-links';

/** "<subscriber id>.<purpose>.<signature>": no expiry, as an unsubscribe link must keep working. */
export async function unsubscribeToken(ctx: Context, subscriberId: string, purpose: ConsentPurpose): Promise<string> {
  const mac = createHmac('sha256', await serverSecret(ctx, SECRET))
    .update(`${subscriberId}.${purpose}`)
    .digest('base64url');
  return `${subscriberId}.${purpose}.${mac}`;
}

/** One-click unsubscribe: withdraws the consent the token names. Answers the same for a repeat. */
export async function unsubscribe(ctx: Context, token: string): Promise<{ purpose: ConsentPurpose }> {
  const [subscriberId, purpose, mac] = token.split('.');
  const bad = () => new DomainError('invalid_input', 'this unsubscribe link is not valid', { issues: [{ path: 'token', message: 'invalid' }] });
  if (!subscriberId || !purpose || !mac) throw bad();
  const expected = Buffer.from((await unsubscribeToken(ctx, subscriberId, purpose as ConsentPurpose)).split('.')[2]!);
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw bad();
  await withdrawConsent(ctx, subscriberId, purpose as ConsentPurpose, 'one-click');
  return { purpose: purpose as ConsentPurpose };
}

/** Sends one product news mail to every subscriber who may receive it; returns how many. */
export async function sendProductNews(ctx: Context, subject: string, text: string): Promise<number> {
  const recipients = await ctx.dbs.control
    .selectFrom('subscribers')
    .innerJoin('subscriber_consents', 'subscriber_consents.subscriber_id', 'subscribers.id')
    .select(['subscribers.id', 'subscribers.email', 'subscribers.name'])
    .where('subscriber_consents.purpose', '=', 'product_news')
    .where('subscriber_consents.withdrawn_at', 'is', null)
    .where('subscribers.email_verified_at', 'is not', null)
    .where('subscribers.processing_restricted_at', 'is', null)
    .execute();
  for (const r of recipients) {
    const token = await unsubscribeToken(ctx, r.id, 'product_news');
    const oneClick = new URL(`/api/mail/unsubscribe?token=${token}`, ctx.config.publicUrl).href;
    const page = new URL(`/app/unsubscribe?token=${token}`, ctx.config.publicUrl).href;
    await ctx.mailer.send(
      {
        to: r.email,
        subject,
        text: `Hello ${r.name},\n\n${text.trim()}\n\n--\nYou get this because you asked for Atrium's product news. Stop them with one click: ${page}\nor in your account settings.\n`,
        headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      },
      { category: 'product-news', subject: { type: 'subscriber', subscriberId: r.id } },
    );
  }
  return recipients.length;
}
