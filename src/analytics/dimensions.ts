// The dimensions analytics breaks figures down by, and the raw event column
// each one is read from.
export const DIMENSIONS = [
  'page',
  'entry',
  'exit',
  'source',
  'referrer',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_content',
  'utm_term',
  'country',
  'region',
  'city',
  'device',
  'os',
  'browser',
  'language',
  'screen',
  'goal',
  'returning',
] as const;

export type Dimension = (typeof DIMENSIONS)[number];

/** The whole site, in rollups: dimension '' and value ''. */
export const TOTAL = '';

/** The raw column a filter on a dimension can be narrowed by in SQL (entry and exit pages are refined per visit). */
export const COLUMN = {
  page: 'path',
  entry: 'path',
  exit: 'path',
  source: 'source',
  referrer: 'referrer_host',
  utm_source: 'utm_source',
  utm_medium: 'utm_medium',
  utm_campaign: 'utm_campaign',
  utm_content: 'utm_content',
  utm_term: 'utm_term',
  country: 'country',
  region: 'region',
  city: 'city',
  device: 'device',
  os: 'os',
  browser: 'browser',
  language: 'language',
  screen: 'screen',
  goal: 'name',
  returning: 'returning',
} as const satisfies Record<Dimension, string>;

/** Values of the returning dimension (the usr cookie, set only with analytics consent, tells returning visitors apart). */
export const RETURNING = 'Returning';
export const NEW_OR_UNKNOWN = 'New or unknown';
