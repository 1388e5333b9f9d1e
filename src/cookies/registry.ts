// Every cookie Atrium can set, declared once. The cookie helper refuses any
// other name, and the cookie tables shown to people are generated from here.
/**
 * preferences: remembers something the visitor explicitly asked for (a language picked in the switcher). Set only
 * on that request, it needs no consent: the banner never gates or deletes it, and cookie tables list it with the
 * necessary ones.
 */
export type CookieCategory = 'essential' | 'preferences' | 'functional' | 'analytics' | 'marketing' | 'security';

export interface CookieDeclaration {
  name: string;
  /** platform: the dashboard/API origin; site: published sites of subscribers */
  scope: 'platform' | 'site';
  purpose: string;
  maxAgeSeconds: number | null; // null: ends with the browser session
  category: CookieCategory;
  httpOnly: boolean;
  sameSite: 'lax' | 'strict';
}

const DAY = 24 * 60 * 60;

export const COOKIES = {
  atrium_session: {
    name: 'atrium_session',
    scope: 'platform',
    purpose: 'Keeps a subscriber signed in to the dashboard; the server stores only its hash and can revoke it.',
    maxAgeSeconds: 365 * DAY,
    category: 'essential',
    httpOnly: true,
    sameSite: 'lax',
  },
  c_r_id_: {
    name: 'c_r_id_',
    scope: 'site',
    purpose: 'Verifies that a form submission comes from a visitor who loaded the page, to keep spam out. Holds no personal data.',
    maxAgeSeconds: 24 * 60 * 60,
    category: 'security',
    httpOnly: true,
    sameSite: 'strict',
  },
  cookie_consent: {
    name: 'cookie_consent',
    scope: 'site',
    purpose: "Remembers the visitor's cookie choices on this site (which categories and providers they allowed), so the banner does not ask on every page.",
    maxAgeSeconds: 365 * DAY,
    category: 'essential',
    // The consent runtime reads it to start what was allowed, without a request.
    httpOnly: false,
    sameSite: 'lax',
  },
  c_id: {
    name: 'c_id',
    scope: 'site',
    purpose: "The id of the visitor's latest consent record, so they can look it up and the site can prove the choice. Holds no personal data.",
    maxAgeSeconds: 365 * DAY,
    category: 'essential',
    httpOnly: true,
    sameSite: 'lax',
  },
  u_sp: {
    name: 'u_sp',
    scope: 'site',
    purpose:
      'Set when you enter the password of a protected site or page, so you are not asked again. It proves which password you entered and holds nothing about you; it stops working as soon as the site changes that password.',
    maxAgeSeconds: 365 * DAY,
    category: 'essential',
    httpOnly: true,
    sameSite: 'lax',
  },
  usr: {
    name: 'usr',
    scope: 'site',
    purpose:
      'Set only with analytics consent: the date of your first visit and a random number, so the site can count returning visitors. Nothing about it is stored on the server.',
    maxAgeSeconds: 365 * DAY,
    category: 'analytics',
    httpOnly: true,
    sameSite: 'lax',
  },
  lang: {
    name: 'lang',
    scope: 'site',
    purpose:
      'Set only when you pick a language in the site’s language switcher: it remembers that language, so the home page opens in it next time. It holds the language code and nothing else. You asked for it by picking, so it needs no cookie consent.',
    maxAgeSeconds: 365 * DAY,
    category: 'preferences',
    httpOnly: true,
    sameSite: 'lax',
  },
} as const satisfies Record<string, CookieDeclaration>;

/** A Set-Cookie header value for a declared cookie, for code that writes raw responses (the serving hot path). */
export function cookieHeader(name: CookieName, value: string, opts: { secure: boolean; path?: string }): string {
  const d: CookieDeclaration = COOKIES[name];
  const parts = [`${d.name}=${value}`, `Path=${opts.path ?? '/'}`];
  if (d.maxAgeSeconds !== null) parts.push(`Max-Age=${d.maxAgeSeconds}`);
  if (d.httpOnly) parts.push('HttpOnly');
  parts.push(`SameSite=${d.sameSite === 'strict' ? 'Strict' : 'Lax'}`);
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}

export type CookieName = keyof typeof COOKIES;

export function cookieDeclaration(name: string): CookieDeclaration | undefined {
  return (COOKIES as Record<string, CookieDeclaration>)[name];
}
