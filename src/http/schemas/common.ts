// Shapes shared by every route's documentation: the error body (src/http/errors.ts)
// and small building blocks of response schemas.
import { z } from 'zod';

export const Timestamp = z.string().meta({ description: 'An ISO 8601 date and time, like 2026-05-01T12:00:00.000Z' });

export const FieldIssue = z.object({ path: z.string(), message: z.string() }).meta({ id: 'FieldIssue' });

/** Every error answer: a machine-readable code, a sentence for people, and the bad fields when input was refused. */
export const ErrorBody = z
  .object({
    error: z.string().meta({ description: 'A stable code, like invalid_input, unauthenticated, not_found, conflict or rate_limited' }),
    message: z.string(),
    issues: z.array(FieldIssue).optional(),
    retryAfterSeconds: z.number().int().optional(),
  })
  .meta({ id: 'Error' });

/** A plain acknowledgement that names what happened. */
export const Message = z.object({ message: z.string() });
