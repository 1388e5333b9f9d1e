// A published site's own words in the languages Atrium ships (the same ones as
// the consent banner, src/consent/strings.ts): English here, the others in
// ./languages. Any other language gets English.
import { fill } from '../consent/strings.js';
import { de } from './languages/de.js';
import { es } from './languages/es.js';
import { fr } from './languages/fr.js';
import { it } from './languages/it.js';
import { nl } from './languages/nl.js';
import { pt } from './languages/pt.js';
import type { SiteStrings } from './shape.js';

export type { SiteStrings };
export { fill };

export const en: SiteStrings = {
  skipToContent: 'Skip to content',
  menu: 'Menu',
  language: 'Language',
  optional: 'Optional',
  chooseOne: 'Choose one…',
  send: 'Send',
  honeypot: 'Leave this field empty',
  success: 'Thanks! We received your message and will get back to you soon.',
  notFoundTitle: 'Page not found',
  notFoundHeading: 'This page could not be found',
  notFoundBody: 'The link may be out of date, or the page may have moved. Everything else is still here.',
  goHome: 'Go to the {site} home page',
  thanksTitle: 'Thank you',
  backHome: 'Back to the {site} home page',
  backTo: 'Back to {page}',
  checkForm: 'Please check the form',
  notSent: 'Your message was not sent',
  notSentYet: 'Your message was not sent yet. Go back to the form and fix the following:',
  goBack: 'Go back to the form',
  network: 'Your message could not be sent because the connection failed. Check your connection and try again.',
  failed: 'Your message could not be sent. Please try again in a moment.',
  form: {
    required: '{label} is required.',
    tick: 'Tick this box to continue.',
    tickConsent: 'Tick this box to agree; without it we cannot accept your message.',
    single: 'Send a single value.',
    unknownField: 'This form has no field named {name}.',
    tooLong: 'Use at most {max} characters (now {n}).',
    email: 'Enter an email address, like name@example.com.',
    phone: 'Enter a phone number, like +1 555 010 0199.',
    option: 'Choose one of the offered options.',
    checkFields: 'Please check the highlighted fields.',
    alreadySent: 'This form was already sent from this page: reload the page to send another message.',
    noSuchForm: 'this form does not exist (any more); reload the page',
    rateIp: 'Too many messages from your network right now: try again in {n} seconds.',
    rateSite: 'Too many messages to this site right now: try again in {n} seconds.',
    tokenMissing: 'This form could not be verified: allow cookies for this site, reload the page and send again.',
    tokenInvalid: 'This form could not be verified: reload the page and send again.',
    tokenExpired: 'This page was opened more than 24 hours ago: reload it and send again.',
    tooFast: 'That was faster than a person can fill in a form: wait a moment, then send again.',
  },
};

export const SITE_LANGUAGES = { en, fr, de, es, it, nl, pt } as const satisfies Record<string, SiteStrings>;

/** The strings for a language tag ("pt-BR" uses "pt"), English when the language is not shipped. */
export function siteStrings(lang: string): SiteStrings {
  const base = lang.toLowerCase().split('-')[0]!;
  return (SITE_LANGUAGES as Record<string, SiteStrings>)[base] ?? en;
}

/**
 * A form's button and success message as shown in `lang`: the schema's English
 * defaults, left as they are, come out in the page's language; anything the
 * subscriber wrote (or translated) stays.
 */
export function formWords(props: { buttonLabel?: string; successMessage?: string }, lang: string): { buttonLabel: string; successMessage: string } {
  const s = siteStrings(lang);
  return {
    buttonLabel: !props.buttonLabel || props.buttonLabel === en.send ? s.send : props.buttonLabel,
    successMessage: !props.successMessage || props.successMessage === en.success ? s.success : props.successMessage,
  };
}
