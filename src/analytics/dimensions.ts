// The dimensions analytics breaks figures down by (derived from the event
// columns, columns.ts) and the special values of the rollups.
export { COLUMN, DIMENSIONS, type Dimension } from './columns.js';

/** The whole site, in rollups: dimension '' and value ''. */
export const TOTAL = '';

/** Values of the returning dimension (the usr cookie, set only with analytics consent, tells returning visitors apart). */
export const RETURNING = 'Returning';
export const NEW_OR_UNKNOWN = 'New or unknown';
