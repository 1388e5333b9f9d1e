// DNS look-ups of custom domains, through the resolvers this installation
// configures (ATRIUM_DNS_SERVERS) or the server's own: the "dns" sub-processor.
// A look-up requires a receipt of disclose() (src/privacy/disclose.ts).
import { Resolver } from 'node:dns/promises';
import { assertReceipt, type Receipt } from '../privacy/disclose.js';

/** The TXT records at `name`, each joined from its chunks. */
export async function lookupTxt(receipt: Receipt<'dns'>, servers: string[], name: string): Promise<string[]> {
  assertReceipt(receipt, 'dns');
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (servers.length) resolver.setServers(servers);
  const records = await resolver.resolveTxt(name);
  return records.map((chunks) => chunks.join(''));
}
