// The raw analytics event, column by column: the one list that the writer
// (insert order and SQL types), the readers (which columns figures need) and
// the dashboard's dimensions (which column each one is read from) all derive
// from. Its order is the insert order and the order of the dimensions.
import type { AnalyticsEventsTable } from '../db/schema.js';

interface ColumnSpec {
  type: 'text' | 'int';
  /** Read to compute figures (rollups and filtered views). */
  figures?: true;
  /** The dimensions read from this column. */
  dimensions?: readonly string[];
}

export const COLUMN_SPECS = {
  site_id: { type: 'text' },
  time: { type: 'text', figures: true },
  visitor: { type: 'text', figures: true },
  visit_id: { type: 'text', figures: true },
  kind: { type: 'text', figures: true },
  path: { type: 'text', figures: true, dimensions: ['page', 'entry', 'exit'] },
  source: { type: 'text', figures: true, dimensions: ['source'] },
  referrer_host: { type: 'text', figures: true, dimensions: ['referrer'] },
  utm_source: { type: 'text', figures: true, dimensions: ['utm_source'] },
  utm_medium: { type: 'text', figures: true, dimensions: ['utm_medium'] },
  utm_campaign: { type: 'text', figures: true, dimensions: ['utm_campaign'] },
  utm_content: { type: 'text', figures: true, dimensions: ['utm_content'] },
  utm_term: { type: 'text', figures: true, dimensions: ['utm_term'] },
  country: { type: 'text', figures: true, dimensions: ['country'] },
  region: { type: 'text', figures: true, dimensions: ['region'] },
  city: { type: 'text', figures: true, dimensions: ['city'] },
  device: { type: 'text', figures: true, dimensions: ['device'] },
  os: { type: 'text', figures: true, dimensions: ['os'] },
  browser: { type: 'text', figures: true, dimensions: ['browser'] },
  language: { type: 'text', figures: true, dimensions: ['language'] },
  screen: { type: 'text', figures: true, dimensions: ['screen'] },
  name: { type: 'text', figures: true, dimensions: ['goal'] },
  returning: { type: 'int', figures: true, dimensions: ['returning'] },
  duration: { type: 'int' },
  props: { type: 'text' },
} as const satisfies Record<keyof AnalyticsEventsTable, ColumnSpec>;

type Specs = typeof COLUMN_SPECS;
export type EventColumn = keyof Specs;

/** Every column, in insert order. */
export const COLUMNS = Object.keys(COLUMN_SPECS) as EventColumn[];

/** The columns figures are computed from. */
export type FigureColumn = { [K in EventColumn]: Specs[K] extends { figures: true } ? K : never }[EventColumn];
export const FIGURE_COLUMNS = COLUMNS.filter((c): c is FigureColumn => 'figures' in COLUMN_SPECS[c]);

/** The dimensions figures are broken down by. */
export type Dimension = { [K in EventColumn]: Specs[K] extends { dimensions: readonly (infer D)[] } ? D : never }[EventColumn];

/** The column each dimension is read from (entry and exit pages are refined per visit). */
export const COLUMN = Object.fromEntries(COLUMNS.flatMap((c) => ((COLUMN_SPECS[c] as ColumnSpec).dimensions ?? []).map((d) => [d, c]))) as Record<
  Dimension,
  EventColumn
>;

export const DIMENSIONS = Object.keys(COLUMN) as unknown as readonly [Dimension, ...Dimension[]];
