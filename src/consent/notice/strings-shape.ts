// The shape of a site's privacy notice words in every shipped language
// (English in strings.ts, the others in ./languages). Kept apart so the
// language files do not import strings.ts back.
import type { COOKIES } from '../../cookies/registry.js';

/** Atrium's own cookies on published sites: the notice explains each in the site's language. */
export type SiteCookieName = { [K in keyof typeof COOKIES]: (typeof COOKIES)[K]['scope'] extends 'site' ? K : never }[keyof typeof COOKIES];

export interface NoticeStrings {
  /** {site} */
  title: string;
  who: {
    title: string;
    /** {site}, {email} */
    responsibleEmail: string;
    /** {site}, {page}: the site's privacy request page. */
    responsiblePage: string;
    /** {region}: the data region's name. */
    hosted: string;
    /** {region}, {location}: where the region stores its data. */
    hostedAt: string;
  };
  forms: {
    title: string;
    use: string;
    /** When webhooks pass messages on to the subscriber's tools. */
    useTools: string;
    /** {n} months */
    keptMonths: string;
    keptUntilDeleted: string;
    head: { form: string; page: string; asks: string };
    /** What a consent checkbox asks, in the table's list of fields. */
    agreement: string;
    none: string;
  };
  analytics: {
    title: string;
    counted: string;
    /** With the optional beacon. */
    countedBeacon: string;
    /** {days} raw events are kept, {months} the totals. */
    grouping: string;
    returning: string;
    none: string;
  };
  services: {
    title: string;
    intro: string;
    head: { service: string; what: string; category: string; policy: string };
    embed: string;
    snippet: string;
    none: string;
  };
  cookies: {
    title: string;
    /** {settings}: the footer link that reopens the choices. */
    change: string;
    purposes: Record<SiteCookieName, string>;
    /** The embed providers' cookies (src/consent/providers.ts), by `<provider id>.<cookie name>`; a test checks every one is here. */
    providers: Record<string, string>;
  };
  rights: {
    title: string;
    /** {page}: the site's privacy request page. */
    text: string;
  };
}
