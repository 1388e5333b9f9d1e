// The shape of the privacy request page's words in every shipped language
// (English in strings.ts, the others in ./languages). Kept apart so the
// language files do not import strings.ts back.

/**
 * The kinds of request the page offers, in the order it lists them. The same
 * list as src/rights/request-types.ts, which rendering may not import (rights
 * reaches rendering through sites and publishing); the HTTP layer checks at
 * compile time that the two agree.
 */
export const REQUEST_KINDS = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'withdraw_consent', 'minor_removal'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export interface PrivacyPageStrings {
  /** The footer link on every page, and the link from the cookie settings page. */
  link: string;
  cookiePageHeading: string;
  cookiePageNote: string;
  /** The form page. */
  title: string;
  intro: string;
  typesLegend: string;
  types: Record<RequestKind, { name: string; description: string }>;
  email: string;
  emailHint: string;
  name: string;
  optional: string;
  country: string;
  countryHint: string;
  countryChoose: string;
  state: string;
  stateOnlyUs: string;
  stateNone: string;
  details: string;
  detailsHint: string;
  submit: string;
  stepsTitle: string;
  steps: [string, string, string];
  who: string;
  /** The page title when the form comes back with errors ({title}: the usual one). */
  errorTitle: string;
  errorSummary: string;
  errors: Record<'type' | 'email' | 'name' | 'country' | 'subdivision' | 'details' | 'detailsLong', string>;
  /** After filing: check your mail. */
  sentTitle: string;
  sentBody: string;
  sentNote: string;
  /** The confirmation link's page, and after confirming. */
  confirmTitle: string;
  confirmBody: string;
  confirmNote: string;
  confirmButton: string;
  confirmedTitle: string;
  confirmedBody: string;
  confirmedNote: string;
  invalidTitle: string;
  invalidBody: string;
  fileAgain: string;
  tooManyTitle: string;
  tooManyBody: string;
}
