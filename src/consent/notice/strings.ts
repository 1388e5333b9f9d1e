// The words of a site's generated privacy notice (src/consent/site-policy.ts),
// in the languages Atrium ships: English here, the others in ./languages. Our
// own wording, plain and accurate; the notice is legal-ish text, so every
// language says exactly what English says and no more. `{site}`, `{email}`,
// `{page}`, `{region}`, `{location}`, `{n}`, `{days}`, `{months}` and
// `{settings}` are filled in where the text is shown.
import { de } from './languages/de.js';
import { es } from './languages/es.js';
import { fr } from './languages/fr.js';
import { it } from './languages/it.js';
import { nl } from './languages/nl.js';
import { pt } from './languages/pt.js';
import type { NoticeStrings } from './strings-shape.js';

export type { NoticeStrings, SiteCookieName } from './strings-shape.js';

export const en: NoticeStrings = {
  title: 'Privacy on {site}',
  who: {
    title: 'Who is responsible',
    responsibleEmail: '{site} is responsible for the personal data this website handles. Write to {email} with any question about it.',
    responsiblePage:
      '{site} is responsible for the personal data this website handles. Use this site’s privacy request page ({page}) for any question about it.',
    hosted: 'The site is built and hosted with Atrium, which handles visitors’ data only on our behalf and stores it in its {region} data region.',
    hostedAt:
      'The site is built and hosted with Atrium, which handles visitors’ data only on our behalf and stores it in its {region} data region, in {location}.',
  },
  forms: {
    title: 'Messages you send us',
    use: 'When you send one of the forms below, we receive what you type. We use it only to answer you.',
    useTools: 'When you send one of the forms below, we receive what you type. We use it only to answer you, and pass it to the tools we answer messages with.',
    keptMonths: 'We keep messages for {n} months, then they are deleted automatically.',
    keptUntilDeleted: 'We keep messages until we delete them.',
    head: { form: 'Form', page: 'Page', asks: 'What it asks' },
    agreement: 'your agreement',
    none: 'This site has no forms: it receives nothing you type.',
  },
  analytics: {
    title: 'Visit statistics',
    counted:
      'We count visits without cookies and without storing your IP address: the page, where you came from, your country and city (looked up from your IP address, which is then forgotten), your type of device, browser, operating system and language.',
    countedBeacon:
      'We count visits without cookies and without storing your IP address: the page, where you came from, your country and city (looked up from your IP address, which is then forgotten), your type of device, browser, operating system and language, and, through a small script, your screen size, how long you stay, and clicks on links to other sites and on downloads.',
    grouping:
      'Visits are grouped under a code that changes every day, so no one can follow you from one day to the next. Details are kept for {days} days, totals for {months} months.',
    returning: 'Only if you allow analytics cookies does a cookie remember that you came before.',
    none: 'This site counts no visits.',
  },
  services: {
    title: 'Content from other services',
    intro:
      'These parts of the site come from other services. Unless they are needed for the site to work, they load only after you allow their category in the cookie banner; until then, nothing is sent to them.',
    head: { service: 'Service', what: 'What it is', category: 'Category', policy: 'Their privacy policy' },
    embed: 'content shown on our pages',
    snippet: 'code we added to the site',
    none: 'The site loads nothing from other services.',
  },
  cookies: {
    title: 'Cookies',
    change: 'You can change your choice at any time with “{settings}” at the bottom of every page.',
    purposes: {
      c_r_id_: 'Checks that a form was sent by someone who loaded the page, to keep spam out. It holds nothing about you.',
      cookie_consent: 'Remembers your cookie choices on this site (which categories and services you allowed), so the banner does not ask again on every page.',
      c_id: 'The reference of your latest consent record, so you can look it up and we can prove what you chose.',
      usr: 'Set only if you allow analytics: the date of your first visit and a random number, so we can count returning visitors. Nothing about it is stored on the server.',
      u_sp: 'Set when you enter the password of a protected page or of the whole site, so you are not asked again. It proves which password you entered, holds nothing about you, and stops working when the password changes.',
      lang: 'Set only when you pick a language in the site’s language menu, so the site opens in that language next time. It holds only the language code.',
    },
    providers: {
      'youtube.YSC': 'YouTube: remembers playback within a visit once the video plays.',
      'youtube.VISITOR_INFO1_LIVE': 'YouTube: estimates bandwidth and may be used for advertising.',
      'youtube.VISITOR_PRIVACY_METADATA': 'YouTube: stores your cookie choices on YouTube.',
      'vimeo.__cf_bm': 'Vimeo’s network provider: tells people from bots.',
      'google-maps.NID': 'Google: remembers preferences and may be used for advertising.',
      'calendly.__cf_bm': 'Calendly’s network provider: tells people from bots.',
      'loom.loom_anon_comment': 'Loom: counts anonymous views and comments.',
      'spotify.sp_t': 'Spotify: identifies the listener for playback and advertising.',
    },
  },
  rights: {
    title: 'Your rights',
    text: 'You can ask what we hold about you, have it corrected or deleted, restrict or object to its use, and take it elsewhere. File a request on this site’s privacy request page ({page}); we confirm your address first, then answer within the time the law where you live gives us. You may also complain to a data protection authority.',
  },
};

/** Languages with a full set of strings; any other language falls back to English. */
export const NOTICE_LANGUAGES = { en, fr, de, es, it, nl, pt } as const satisfies Record<string, NoticeStrings>;

/** The strings for a language tag ("pt-BR" uses "pt"), English when the language is not shipped. */
export function noticeStrings(lang: string): NoticeStrings {
  const base = lang.toLowerCase().split('-')[0]!;
  return (NOTICE_LANGUAGES as Record<string, NoticeStrings>)[base] ?? en;
}
