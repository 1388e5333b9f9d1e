// The embed provider registry: every third party a site can embed with the
// Embed block, declared once (the origins its frame loads from, the cookies it
// may set in the visitor's browser, its consent category and its policy).
// The renderer, the page's CSP, the consent placeholder and the cookie table
// are generated from here; a provider not declared here cannot be embedded.
import type { OptionalCategory } from '../site-document/schema.js';

export type ProviderId = 'youtube' | 'vimeo' | 'google-maps' | 'calendly' | 'typeform' | 'loom' | 'spotify' | 'iframe';

export interface ProviderCookie {
  name: string;
  purpose: string;
  /** Lifetime in days; 0 ends with the browser session. */
  days: number;
}

export interface EmbedProvider {
  id: ProviderId;
  /** As shown to visitors: "YouTube". */
  name: string;
  category: OptionalCategory;
  /** Where the provider explains its processing; generic iframes have none. */
  policyUrl?: string;
  /** Cookies the provider's frame may set on its own domain once it loads. */
  cookies: ProviderCookie[];
  /** What the placeholder's load button says, e.g. "Load video". */
  noun: 'video' | 'map' | 'calendar' | 'form' | 'audio' | 'content';
  /**
   * The address the frame loads, from what the subscriber pasted (a share link
   * or an embed link), or an error sentence. Only https addresses on the
   * provider's own hosts are accepted.
   */
  embedUrl(input: string): { url: string } | { error: string };
}

const parse = (input: string): URL | null => {
  try {
    const u = new URL(input.trim());
    return u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
};

const hostIs = (u: URL, ...hosts: string[]) => hosts.includes(u.hostname.toLowerCase());
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function youtube(input: string) {
  const u = parse(input);
  if (!u) return { error: 'must be an https:// YouTube address' };
  let id: string | null = null;
  if (hostIs(u, 'youtu.be')) id = u.pathname.slice(1);
  else if (hostIs(u, 'www.youtube.com', 'youtube.com', 'm.youtube.com', 'www.youtube-nocookie.com')) {
    const m = /^\/(?:embed|shorts|live)\/([^/]+)/.exec(u.pathname);
    id = m ? m[1]! : u.pathname === '/watch' ? u.searchParams.get('v') : null;
  }
  if (!id || !ID.test(id)) return { error: 'must be a YouTube video link, like https://www.youtube.com/watch?v=…' };
  const start = Number.parseInt((u.searchParams.get('t') ?? u.searchParams.get('start') ?? '').replace(/s$/, ''), 10);
  // The privacy-enhanced host: no cookies until the visitor plays the video.
  return { url: `https://www.youtube-nocookie.com/embed/${id}${start > 0 ? `?start=${start}` : ''}` };
}

function vimeo(input: string) {
  const u = parse(input);
  const m = u && hostIs(u, 'vimeo.com', 'www.vimeo.com', 'player.vimeo.com') ? /^\/(?:video\/)?(\d{1,12})(?:\/([0-9a-f]{6,20}))?/.exec(u.pathname) : null;
  if (!u || !m) return { error: 'must be a Vimeo video link, like https://vimeo.com/123456789' };
  const hash = m[2] ?? u.searchParams.get('h');
  // dnt=1: Vimeo's player does not track the session.
  return { url: `https://player.vimeo.com/video/${m[1]}?dnt=1${hash && /^[0-9a-f]{6,20}$/.test(hash) ? `&h=${hash}` : ''}` };
}

function googleMaps(input: string) {
  const u = parse(input);
  if (!u || !hostIs(u, 'www.google.com', 'google.com', 'maps.google.com') || !u.pathname.startsWith('/maps/embed'))
    return { error: 'must be a Google Maps embed link (Share → Embed a map → copy the address in src="…"), like https://www.google.com/maps/embed?pb=…' };
  return { url: `https://www.google.com${u.pathname}${u.search}` };
}

function calendly(input: string) {
  const u = parse(input);
  if (!u || !hostIs(u, 'calendly.com', 'www.calendly.com') || !/^\/[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)?\/?$/.test(u.pathname))
    return { error: 'must be a Calendly scheduling link, like https://calendly.com/your-name/30min' };
  return { url: `https://calendly.com${u.pathname.replace(/\/$/, '')}?hide_gdpr_banner=1` };
}

function typeform(input: string) {
  const u = parse(input);
  const m = u && (hostIs(u, 'form.typeform.com') || /^[a-z0-9-]+\.typeform\.com$/i.test(u.hostname)) ? /^\/to\/([A-Za-z0-9]{4,32})/.exec(u.pathname) : null;
  if (!m) return { error: 'must be a Typeform link, like https://form.typeform.com/to/AbCd1234' };
  return { url: `https://form.typeform.com/to/${m[1]}` };
}

function loom(input: string) {
  const u = parse(input);
  const m = u && hostIs(u, 'www.loom.com', 'loom.com') ? /^\/(?:share|embed)\/([0-9a-f]{16,64})/.exec(u.pathname) : null;
  if (!m) return { error: 'must be a Loom video link, like https://www.loom.com/share/…' };
  return { url: `https://www.loom.com/embed/${m[1]}` };
}

function spotify(input: string) {
  const u = parse(input);
  const m = u && hostIs(u, 'open.spotify.com') ? /^\/(?:embed\/)?(track|album|playlist|episode|show|artist)\/([A-Za-z0-9]{10,40})/.exec(u.pathname) : null;
  if (!m) return { error: 'must be a Spotify link, like https://open.spotify.com/playlist/…' };
  return { url: `https://open.spotify.com/embed/${m[1]}/${m[2]}` };
}

function iframe(input: string) {
  const u = parse(input);
  if (!u || !u.hostname.includes('.')) return { error: 'must be an https:// address' };
  return { url: u.href };
}

export const PROVIDERS: Record<ProviderId, EmbedProvider> = {
  youtube: {
    id: 'youtube',
    name: 'YouTube',
    category: 'marketing',
    policyUrl: 'https://policies.google.com/privacy',
    noun: 'video',
    cookies: [
      { name: 'YSC', purpose: 'YouTube: remembers playback within a visit once the video plays.', days: 0 },
      { name: 'VISITOR_INFO1_LIVE', purpose: 'YouTube: estimates bandwidth and may be used for advertising.', days: 180 },
      { name: 'VISITOR_PRIVACY_METADATA', purpose: "YouTube: stores the visitor's cookie choices on YouTube.", days: 180 },
    ],
    embedUrl: youtube,
  },
  vimeo: {
    id: 'vimeo',
    name: 'Vimeo',
    category: 'functional',
    policyUrl: 'https://vimeo.com/privacy',
    noun: 'video',
    cookies: [{ name: '__cf_bm', purpose: "Vimeo's network provider: tells people from bots.", days: 0 }],
    embedUrl: vimeo,
  },
  'google-maps': {
    id: 'google-maps',
    name: 'Google Maps',
    category: 'marketing',
    policyUrl: 'https://policies.google.com/privacy',
    noun: 'map',
    cookies: [{ name: 'NID', purpose: 'Google: remembers preferences and may be used for advertising.', days: 180 }],
    embedUrl: googleMaps,
  },
  calendly: {
    id: 'calendly',
    name: 'Calendly',
    category: 'functional',
    policyUrl: 'https://calendly.com/privacy',
    noun: 'calendar',
    cookies: [{ name: '__cf_bm', purpose: "Calendly's network provider: tells people from bots.", days: 0 }],
    embedUrl: calendly,
  },
  typeform: {
    id: 'typeform',
    name: 'Typeform',
    category: 'functional',
    policyUrl: 'https://www.typeform.com/help/a/typeform-privacy-policy-360060169152/',
    noun: 'form',
    cookies: [],
    embedUrl: typeform,
  },
  loom: {
    id: 'loom',
    name: 'Loom',
    category: 'analytics',
    policyUrl: 'https://www.atlassian.com/legal/privacy-policy',
    noun: 'video',
    cookies: [{ name: 'loom_anon_comment', purpose: 'Loom: counts anonymous views and comments.', days: 365 }],
    embedUrl: loom,
  },
  spotify: {
    id: 'spotify',
    name: 'Spotify',
    category: 'marketing',
    policyUrl: 'https://www.spotify.com/legal/privacy-policy/',
    noun: 'audio',
    cookies: [{ name: 'sp_t', purpose: 'Spotify: identifies the listener for playback and advertising.', days: 365 }],
    embedUrl: spotify,
  },
  iframe: {
    id: 'iframe',
    name: 'Embedded page',
    category: 'marketing', // the block's own category replaces this
    noun: 'content',
    cookies: [],
    embedUrl: iframe,
  },
};

/** The origin an embed's frame loads from (for frame-src in the page's CSP). */
export const originOf = (url: string) => new URL(url).origin;

/** A generic iframe is named by its host ("maps.example.com"), a provider by its name. */
export function providerName(provider: ProviderId, url: string | undefined): string {
  if (provider !== 'iframe' || !url) return PROVIDERS[provider].name;
  try {
    return new URL(url).hostname;
  } catch {
    return PROVIDERS.iframe.name;
  }
}
