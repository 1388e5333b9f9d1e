// The shape of the consent strings every shipped language provides (src/consent/languages/*,
// English in strings.ts). Kept apart so the language files do not import strings.ts back.
import type { OptionalCategory } from '../site-document/schema.js';

export interface ConsentStrings {
  /** Banner */
  title: string;
  body: string;
  /** Body of a notice-only banner (mode 'notice'). */
  noticeBody: string;
  acceptAll: string;
  rejectAll: string;
  choose: string;
  save: string;
  ok: string;
  close: string;
  /** Shown when Global Privacy Control refused categories without asking; {categories} lists their names. */
  gpcHonoured: string;
  categories: Record<'necessary' | OptionalCategory, { name: string; description: string }>;
  alwaysOn: string;
  /** Footer link that reopens the choices. */
  settingsLink: string;
  /** Embed placeholder: what loading it means ({provider}). */
  embedNote: string;
  load: Record<'video' | 'map' | 'calendar' | 'form' | 'audio' | 'content', string>;
  alwaysAllow: string;
  openAt: string;
  providerPolicy: string;
  /** Preferences page (/_atrium/cookies) */
  prefsTitle: string;
  prefsIntro: string;
  prefsSaved: string;
  recordId: string;
  cookieTable: {
    name: string;
    provider: string;
    purpose: string;
    duration: string;
    category: string;
    session: string;
    day: string;
    days: string;
    year: string;
    years: string;
  };
  backToSite: string;
}
