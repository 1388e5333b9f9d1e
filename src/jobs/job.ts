// A job: one unit of background work kept as a row in a database, so it
// survives crashes and restarts. Data-bearing jobs (a notification that holds
// a form submission) live in the region database of their site; platform jobs
// and periodic schedules live in the control database.
import type { JobsTable } from '../db/schema.js';
import { newId } from '../lib/ids.js';

export type JobRow = JobsTable;

/** Thrown by a handler when retrying cannot help (the webhook was removed, the address is invalid...). */
export class PermanentError extends Error {}

export const MAX_ATTEMPTS = 12;

/** Delay before the next attempt: base, 2x base, 4x base... capped at six hours. */
export const backoffMs = (attempts: number, baseMs: number) => Math.min(baseMs * 2 ** (attempts - 1), 6 * 3600_000);

export function newJob(
  now: Date,
  job: { kind: string; target: string; payload: unknown; siteId: string | null; submissionId?: string | null; id?: string },
): JobRow {
  const at = now.toISOString();
  return {
    id: job.id ?? newId('job'),
    site_id: job.siteId,
    submission_id: job.submissionId ?? null,
    kind: job.kind,
    target: job.target,
    payload: JSON.stringify(job.payload),
    status: 'pending',
    attempts: 0,
    next_attempt_at: at,
    locked_until: null,
    last_error: null,
    created_at: at,
    updated_at: at,
  };
}

/** Finished jobs (done or failed for good) are kept this long, e.g. to show a delivery's outcome, then deleted. */
export const KEEP_FINISHED_MS = 30 * 24 * 3600_000;
