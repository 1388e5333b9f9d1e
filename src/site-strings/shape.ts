// The words Atrium itself puts on a published site's pages (around the
// subscriber's own text): skip link, menu, language switcher, form chrome,
// form answers and errors, the 404 and form result pages. One set per shipped
// language (./strings.ts). `{site}`, `{page}`, `{label}`, `{name}`, `{max}`,
// `{n}` are filled in where the text is shown.
export interface SiteStrings {
  skipToContent: string;
  menu: string;
  /** Accessible name of the language switchers. */
  language: string;
  optional: string;
  chooseOne: string;
  send: string;
  honeypot: string;
  success: string;
  notFoundTitle: string;
  notFoundHeading: string;
  notFoundBody: string;
  goHome: string;
  thanksTitle: string;
  backHome: string;
  backTo: string;
  checkForm: string;
  notSent: string;
  notSentYet: string;
  goBack: string;
  /** Shown by the form runtime when the request fails. */
  network: string;
  failed: string;
  /** Answers of the form endpoint. */
  form: {
    required: string;
    tick: string;
    tickConsent: string;
    single: string;
    unknownField: string;
    tooLong: string;
    email: string;
    phone: string;
    option: string;
    checkFields: string;
    alreadySent: string;
    noSuchForm: string;
    rateIp: string;
    rateSite: string;
    tokenMissing: string;
    tokenInvalid: string;
    tokenExpired: string;
    tooFast: string;
  };
}
