// Where a visit came from. Campaign tags in the landing URL take precedence
// (utm_source, or ref / source as Plausible also reads them); otherwise the
// Referer header names the source: known search engines, social networks and
// mail apps by name (Ghost's maintained table, @tryghost/referrer-parser, MIT),
// any other site by its host name. No referrer and no tag: Direct / none (null).
import { parse } from '@tryghost/referrer-parser';

export const DIRECT = 'Direct / none';

export interface Origin {
  /** Source name, or null for direct visits. */
  source: string | null;
  /** The referring site's host (never its path or query), or null. */
  referrerHost: string | null;
  utm: { source: string | null; medium: string | null; campaign: string | null; content: string | null; term: string | null };
}

const clip = (v: string | null, max = 100) => {
  const t = v?.trim();
  return t ? t.slice(0, max) : null;
};

/** Hosts the table does not list under their mobile or app names. */
const ALIASES: Record<string, string> = {
  'm.youtube.com': 'YouTube',
  'youtube.com': 'YouTube',
  'youtu.be': 'YouTube',
  'chatgpt.com': 'ChatGPT',
  'chat.openai.com': 'ChatGPT',
  'perplexity.ai': 'Perplexity',
  'www.perplexity.ai': 'Perplexity',
  'x.com': 'Twitter',
  'm.facebook.com': 'Facebook',
  'lm.facebook.com': 'Facebook',
  'mastodon.social': 'Mastodon',
  'bsky.app': 'Bluesky',
};

const known = new Map<string, string | null>();

/** A referrer host's source name, or null when it is no known source. Memoised per host. */
export function knownSource(host: string): string | null {
  const hit = known.get(host);
  if (hit !== undefined) return hit;
  let name: string | null = ALIASES[host] ?? null;
  if (!name) {
    const r = parse(`https://${host}/`);
    name = r.referrerMedium ? (r.referrerSource ?? null) : null;
  }
  if (known.size >= 10_000) known.clear();
  known.set(host, name);
  return name;
}

/** The origin of a visit that landed on `url` (path and query) of `ownHost`, with this Referer. */
export function visitOrigin(url: string, referer: string | undefined, ownHost: string): Origin {
  const q = url.indexOf('?');
  const params = q === -1 ? null : new URLSearchParams(url.slice(q + 1));
  const utm = {
    source: clip(params?.get('utm_source') ?? params?.get('ref') ?? params?.get('source') ?? null),
    medium: clip(params?.get('utm_medium') ?? null),
    campaign: clip(params?.get('utm_campaign') ?? null),
    content: clip(params?.get('utm_content') ?? null),
    term: clip(params?.get('utm_term') ?? null),
  };
  let referrerHost: string | null = null;
  if (referer) {
    try {
      const u = new URL(referer);
      const h = u.protocol === 'android-app:' ? u.hostname : u.hostname.toLowerCase().replace(/^www\./, '');
      // Moving between pages of the same site is not a source.
      if (h && h !== ownHost.replace(/^www\./, '')) referrerHost = h.slice(0, 253);
    } catch {
      /* not a URL: no referrer */
    }
  }
  if (utm.source) return { source: knownSource(utm.source.toLowerCase()) ?? utm.source, referrerHost, utm };
  if (!referrerHost) return { source: null, referrerHost, utm };
  return { source: knownSource(referrerHost) ?? knownSource(`www.${referrerHost}`) ?? referrerHost, referrerHost, utm };
}
