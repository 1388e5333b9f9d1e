// Every cookie Atrium can set, declared once. The cookie helper refuses any
// other name, and the cookie tables shown to people are generated from here.
export type CookieCategory = 'essential' | 'functional' | 'analytics' | 'marketing' | 'security';

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
} as const satisfies Record<string, CookieDeclaration>;

export type CookieName = keyof typeof COOKIES;

export function cookieDeclaration(name: string): CookieDeclaration | undefined {
  return (COOKIES as Record<string, CookieDeclaration>)[name];
}
