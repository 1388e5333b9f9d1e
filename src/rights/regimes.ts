// Which law's deadlines apply to a request, from where the requester lives.
// Each regime states how long there is to answer, how much longer an extension
// may add (announced in writing, with reasons, before the first deadline), and
// whether receipt must be acknowledged first. The clock starts when the
// requester confirms their email address: until then nothing has been asked.
export const REGIMES = ['eea', 'uk', 'canada', 'california', 'default'] as const;
export type Regime = (typeof REGIMES)[number];

/** A period: whole calendar months, calendar days or business days (Monday to Friday). */
export type Period = { months: number } | { days: number } | { businessDays: number };

export interface RegimeRules {
  name: string;
  /** Time to answer a verified request. */
  respond: Period;
  /** What one extension adds to the first deadline. */
  extension: Period;
  /** Receipt must be acknowledged within this period (California). */
  acknowledge?: Period;
  /** Where a refused requester can complain; named in refusal mails. */
  authority: string;
}

export const RULES: Record<Regime, RegimeRules> = {
  eea: {
    name: 'European Economic Area (GDPR)',
    respond: { months: 1 },
    extension: { months: 2 },
    authority: 'the data protection supervisory authority of the EEA country where you live, work or where the matter arose',
  },
  uk: {
    name: 'United Kingdom (UK GDPR)',
    respond: { months: 1 },
    extension: { months: 2 },
    authority: "the Information Commissioner's Office (ico.org.uk)",
  },
  canada: {
    name: 'Canada (PIPEDA)',
    respond: { days: 30 },
    extension: { days: 30 },
    authority: 'the Office of the Privacy Commissioner of Canada (priv.gc.ca)',
  },
  california: {
    name: 'California (CCPA)',
    respond: { days: 45 },
    extension: { days: 45 },
    acknowledge: { businessDays: 10 },
    authority: 'the California Privacy Protection Agency (cppa.ca.gov) or the California Attorney General',
  },
  default: {
    name: 'Elsewhere (our own commitment)',
    respond: { days: 45 },
    extension: { days: 45 },
    authority: 'the data protection authority where you live, if there is one',
  },
};

/** EU member states plus Iceland, Liechtenstein and Norway (ISO 3166-1 alpha-2). */
const EEA = new Set('AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' '));

/** `country`: ISO 3166-1 alpha-2; `subdivision`: the state or province code where it matters (US). */
export function regimeFor(country: string, subdivision?: string | null): Regime {
  const c = country.toUpperCase();
  if (EEA.has(c)) return 'eea';
  if (c === 'GB') return 'uk';
  if (c === 'CA') return 'canada';
  if (c === 'US' && subdivision?.toUpperCase() === 'CA') return 'california';
  return 'default';
}
