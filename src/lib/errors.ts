// Domain errors: core modules throw these; the HTTP layer maps them to statuses.
export type ErrorCode =
  'invalid_input' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'email_not_verified' | 'rate_limited' | 'unavailable' | 'dpa_required';

export interface FieldIssue {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);

/** Too many requests: the HTTP layer answers 429 with a Retry-After header. */
export const rateLimited = (message: string, retryAfterSeconds: number) => new DomainError('rate_limited', message, { retryAfterSeconds });

export function invalid(path: string, message: string): DomainError {
  return new DomainError('invalid_input', `${path}: ${message}`, { issues: [{ path, message }] satisfies FieldIssue[] });
}
