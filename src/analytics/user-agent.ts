// Device type, operating system and browser from a user agent, with
// ua-parser-js 1.x (MIT; version 2 changed its licence to AGPL, so it is not used).
import UAParser from 'ua-parser-js';
import { Lru } from './lru.js';

export interface Client {
  device: string;
  os: string | null;
  browser: string | null;
}

const cache = new Lru<string, Client>(5000);

/** Desktop, Mobile, Tablet or another type ua-parser-js names; null fields when unknown. Cached (LRU): user agents repeat. */
export function parseUserAgent(ua: string): Client {
  let c = cache.get(ua);
  if (c) return c;
  const r = new UAParser(ua).getResult();
  const type = r.device.type;
  c = {
    device: type === 'mobile' ? 'Mobile' : type === 'tablet' ? 'Tablet' : type ? type.charAt(0).toUpperCase() + type.slice(1) : 'Desktop',
    os: r.os.name ?? null,
    browser: r.browser.name ? r.browser.name.replace(/^Mobile /, '') : null,
  };
  cache.set(ua, c);
  return c;
}
