// Who a subscriber's data goes to because of how they use Atrium, as the access
// export lists it: read from this installation's configuration (mail, DNS) and
// the subscriber's own settings (webhook endpoints). What was actually sent,
// and when, is the disclosure log's (src/privacy/disclose.ts; disclosures.csv
// of the export).
import type { Context } from '../context.js';

export interface Recipient {
  party: string;
  purpose: string;
  data: string;
  where: string;
}

export async function recipientsOf(ctx: Context, siteIds: string[]): Promise<Recipient[]> {
  const out: Recipient[] = [];
  if (ctx.config.smtpUrl)
    out.push({
      party: `Mail service at ${new URL(ctx.config.smtpUrl).hostname}`,
      purpose: 'delivers mail to you (confirmations, notifications of form messages, privacy request mails)',
      data: 'your email address and name; the text of each mail',
      where: 'as operated by this Atrium installation’s mail provider',
    });
  else
    out.push({
      party: 'None for mail',
      purpose: 'this installation writes mail to a folder on its own server instead of sending it',
      data: 'your email address and name; the text of each mail',
      where: 'this server',
    });
  out.push({
    party: ctx.config.dnsServers.length ? `DNS resolvers ${ctx.config.dnsServers.join(', ')}` : 'The DNS resolvers of this server',
    purpose: 'check that a custom domain you connect points to Atrium',
    data: 'the domain names you connect (no personal data unless the name is one)',
    where: 'as configured on this server',
  });
  const hooks = siteIds.length
    ? await ctx.dbs.control
        .selectFrom('webhooks')
        .innerJoin('sites', 'sites.id', 'webhooks.site_id')
        .select(['webhooks.url', 'sites.name'])
        .where('webhooks.site_id', 'in', siteIds)
        .execute()
    : [];
  for (const h of hooks)
    out.push({
      party: `Webhook endpoint ${new URL(h.url).host}`,
      purpose: `you added it to ${h.name}: each form message of that site is sent to it`,
      data: 'the form messages of that site (your visitors’ data, not yours)',
      where: h.url,
    });
  return out;
}
