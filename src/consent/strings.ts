// The words visitors see around consent (banner, embed placeholders, the
// preferences page), in the languages Atrium ships: English here, the others in
// ./languages. Our own wording: plain and accurate. A site may override the
// banner's main strings per language (doc.consent.wording, applied in
// banner-version.ts); everything else comes from here. `{site}`, `{provider}`,
// `{categories}` and `{n}` are filled in where the text is shown.
import { de } from './languages/de.js';
import { es } from './languages/es.js';
import { fr } from './languages/fr.js';
import { it } from './languages/it.js';
import { nl } from './languages/nl.js';
import { pt } from './languages/pt.js';
import type { ConsentStrings } from './consent-strings.js';

export type { ConsentStrings };

export const en: ConsentStrings = {
  title: 'Cookies on {site}',
  body: 'Besides what the site needs to work, we would like to use cookies and similar tools for the purposes listed under “Choose”. None of them runs unless you allow it. You can change your choice at any time with “Cookie settings” at the bottom of every page.',
  noticeBody:
    'This site uses cookies and similar tools for the purposes listed under “Choose”. You can turn any of them off at any time with “Cookie settings” at the bottom of every page.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  choose: 'Choose',
  save: 'Save my choices',
  ok: 'OK',
  close: 'Close',
  gpcHonoured: 'Your browser sends a Global Privacy Control signal, so the following stay off: {categories}.',
  categories: {
    necessary: { name: 'Necessary', description: 'Needed for the site to work and to remember your choices.' },
    functional: { name: 'Functional', description: 'Embedded content and features you use, such as videos, maps or booking calendars.' },
    analytics: { name: 'Analytics', description: 'Counting visits and seeing how pages are used, to improve the site.' },
    marketing: { name: 'Marketing', description: 'Advertising, and content from providers that may recognise you on other sites.' },
  },
  alwaysOn: 'Always on',
  settingsLink: 'Cookie settings',
  embedNote: 'This content comes from {provider}, which may set cookies and learn that you visited this page. It loads only if you allow it.',
  load: { video: 'Load video', map: 'Load map', calendar: 'Load calendar', form: 'Load form', audio: 'Load player', content: 'Load content' },
  alwaysAllow: 'Always allow {provider}',
  openAt: 'Open on {provider}',
  providerPolicy: "{provider}'s privacy policy",
  prefsTitle: 'Cookie settings',
  prefsIntro: 'Choose what this site may use. Necessary cookies are always on. Your choice applies to this site only, and you can change it here at any time.',
  prefsSaved: 'Your choices were saved.',
  recordId: 'Your consent record',
  cookieTable: {
    name: 'Name',
    provider: 'Set by',
    purpose: 'Purpose',
    duration: 'Duration',
    category: 'Category',
    session: 'Until you close the browser',
    day: '1 day',
    days: '{n} days',
    year: '1 year',
    years: '{n} years',
  },
  backToSite: 'Back to the site',
};

/** Languages with a full set of strings; any other language falls back to English. */
export const CONSENT_LANGUAGES = { en, fr, de, es, it, nl, pt } as const satisfies Record<string, ConsentStrings>;

/** The strings for a language tag ("pt-BR" uses "pt"), English when the language is not shipped. */
export function consentStrings(lang: string): ConsentStrings {
  const base = lang.toLowerCase().split('-')[0]!;
  return (CONSENT_LANGUAGES as Record<string, ConsentStrings>)[base] ?? en;
}

/** Fills {name} placeholders. */
export const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
