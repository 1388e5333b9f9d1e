// The visitor hash: sha256(daily salt + site id + anonymised address + user
// agent), truncated. The address keeps only its network (IPv4 /24, IPv6 /48)
// before it is hashed, and neither the address nor the user agent is stored.
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/** An address without its host part: 203.0.113.7 -> 203.0.113.0, 2001:db8:1:2::1 -> 2001:db8:1::. */
export function anonymiseAddress(address: string): string {
  const a = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
  if (isIPv4(a)) return a.slice(0, a.lastIndexOf('.')) + '.0';
  if (!isIPv6(a)) return '';
  const [head = '', tail = ''] = a.split('::');
  const groups = head ? head.split(':') : [];
  // Groups before '::' are the leading ones; when '::' comes within the first three, the rest of the /48 is zeros.
  const lead = [...groups, ...(a.includes('::') ? Array(8 - groups.length - (tail ? tail.split(':').length : 0)).fill('0') : [])].slice(0, 3);
  return `${lead.map((g) => g || '0').join(':')}::`;
}

/** An IPv4-mapped IPv6 address as plain IPv4 (Node reports dual-stack peers that way). */
export const plainAddress = (address: string) => (address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address);

export function visitorHash(salt: Buffer, siteId: string, address: string, userAgent: string): string {
  return createHash('sha256')
    .update(salt)
    .update('\0')
    .update(siteId)
    .update('\0')
    .update(anonymiseAddress(address))
    .update('\0')
    .update(userAgent)
    .digest('base64url')
    .slice(0, 22);
}
