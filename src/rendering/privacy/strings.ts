// The words of a published site's privacy request page (/_atrium/privacy), its
// confirmation pages and the footer link to it, in the languages Atrium ships:
// English here, the others in ./languages. Our own wording, plain. `{site}`,
// `{email}`, `{type}`, `{date}` and `{minutes}` are filled in where shown.
import { de } from './languages/de.js';
import { es } from './languages/es.js';
import { fr } from './languages/fr.js';
import { it } from './languages/it.js';
import { nl } from './languages/nl.js';
import { pt } from './languages/pt.js';
import type { PrivacyPageStrings } from './strings-shape.js';

export type { PrivacyPageStrings, RequestKind } from './strings-shape.js';
export { REQUEST_KINDS } from './strings-shape.js';

export const en: PrivacyPageStrings = {
  link: 'Privacy requests',
  cookiePageHeading: 'Your other rights',
  cookiePageNote: 'You can also ask this site for a copy of the personal data it holds about you, or have it corrected or erased.',
  title: 'Ask about your personal data',
  intro: 'Ask {site} for a copy of the personal data it holds about you, have it corrected or erased, or stop a use of it.',
  typesLegend: 'What would you like to ask?',
  types: {
    access: { name: 'See my data', description: 'A copy of the personal data the site holds about you, what it is used for and who it was shared with.' },
    rectification: { name: 'Correct my data', description: 'Something about you is wrong or incomplete. Say below what should change.' },
    erasure: { name: 'Erase my data', description: 'Your personal data is deleted. If the law obliges the site to keep a part, it tells you which and why.' },
    restriction: { name: 'Pause the use of my data', description: 'The site keeps your data but stops using it, for example while a correction is checked.' },
    portability: {
      name: 'Take my data elsewhere',
      description: 'The data you gave the site, in a common machine-readable format, to move it to another service.',
    },
    objection: { name: 'Object to a use of my data', description: 'The site stops using your data for a purpose you name, such as marketing.' },
    withdraw_consent: {
      name: 'Withdraw my consent',
      description: 'Take back a permission you gave, such as for a newsletter. It stops what comes next, not what was done before.',
    },
    minor_removal: { name: 'Remove what I posted as a minor', description: 'For residents of California under 18: content you posted on the site is removed.' },
  },
  email: 'Your email address',
  emailHint: 'We send a link to this address to check that it is yours. Nothing happens until you open it.',
  name: 'Your name',
  optional: 'Optional',
  country: 'Country where you live',
  countryHint: 'This decides how long the site has to answer.',
  countryChoose: 'Choose a country',
  state: 'State',
  stateOnlyUs: 'Only for the United States',
  stateNone: 'Not in the United States',
  details: 'Your request',
  detailsHint: 'Which data is it about? For a correction, say what should change. Never send passwords or card numbers.',
  submit: 'Send request',
  stepsTitle: 'What happens next',
  steps: [
    'We email you a link. Open it within 7 days to confirm that the request is yours.',
    'From then, {site} has the time the law where you live allows: one month in the EEA (the EU, Iceland, Liechtenstein and Norway) and the UK, 30 days in Canada, 45 days elsewhere.',
    'The answer comes by email. If the site needs more time, it must tell you why before the deadline.',
  ],
  who: 'Your request goes to the people who run {site}. They decide on it and answer you themselves.',
  errorTitle: 'Error: {title}',
  errorSummary: 'Please check the following',
  errors: {
    type: 'Choose what you would like to ask.',
    email: 'Enter your email address, like name@example.com.',
    name: 'Keep your name under 120 characters.',
    country: 'Choose the country where you live.',
    subdivision: 'Choose a state from the list.',
    details: 'Say what your request is about.',
    detailsLong: 'Keep your request under 5,000 characters.',
  },
  sentTitle: 'Check your email',
  sentBody: 'We sent a link to {email}. Open it to confirm your request to {site}.',
  sentNote: 'The link works for 7 days, and nothing happens until you open it. No email after a few minutes? Look in your spam folder, or send the form again.',
  confirmTitle: 'Confirm your request',
  confirmBody: 'You are asking {site} for the following: {type}.',
  confirmNote: 'Once you confirm, the request is sent and the time to answer starts.',
  confirmButton: 'Confirm my request',
  confirmedTitle: 'Your request is confirmed',
  confirmedBody: '{site} has received your request and must answer by {date}.',
  confirmedNote: 'We sent a receipt to {email}. If the site needs more time, it must write to you before that date and say why.',
  invalidTitle: 'This link does not work',
  invalidBody: 'It was used already, or it is more than 7 days old. If you have not confirmed your request yet, please send it again.',
  fileAgain: 'Make a new request',
  tooManyTitle: 'Too many requests',
  tooManyBody: 'Too many requests came from your network in the last hour. Please try again in {minutes} minutes.',
};

/** Languages with the page's own words; any other language falls back to English. */
export const PRIVACY_PAGE_LANGUAGES = { en, fr, de, es, it, nl, pt } as const satisfies Record<string, PrivacyPageStrings>;

/** The language the page's words are in: the site's ("pt-BR" uses "pt"), or English when Atrium does not ship it. */
export function privacyPageLanguage(lang: string): keyof typeof PRIVACY_PAGE_LANGUAGES {
  const base = lang.toLowerCase().split('-')[0]!;
  return base in PRIVACY_PAGE_LANGUAGES ? (base as keyof typeof PRIVACY_PAGE_LANGUAGES) : 'en';
}

export const privacyPageStrings = (lang: string): PrivacyPageStrings => PRIVACY_PAGE_LANGUAGES[privacyPageLanguage(lang)];
