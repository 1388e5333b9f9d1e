// Maps domain errors and framework errors to clear JSON answers; never a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, type ErrorCode } from '../lib/errors.js';

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  dpa_required: 409,
  email_not_verified: 403,
  rate_limited: 429,
  unavailable: 503,
};

export function errorHandler(error: FastifyError | DomainError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    const retry = error.details.retryAfterSeconds;
    if (typeof retry === 'number') reply.header('retry-after', String(retry));
    return reply.code(STATUS[error.code]).send({ error: error.code, message: error.message, ...error.details });
  }
  if (error instanceof ZodError) {
    // Core code validates its input with parseInput (a DomainError); a bare ZodError is data we derived that
    // did not fit. Still the caller's request is what produced it: answer 400 naming the fields, and log it.
    req.log.warn({ err: error }, 'derived data did not fit its schema');
    const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
    return reply.code(400).send({ error: 'invalid_input', message: `invalid input: ${issues[0]?.path}: ${issues[0]?.message}`, issues });
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.code(413).send({ error: 'payload_too_large', message: 'the request body is too large' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply.code(415).send({ error: 'unsupported_media_type', message: 'send JSON with Content-Type: application/json' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return reply.code(400).send({ error: 'invalid_json', message: 'the request body is not valid JSON' });
  }
  if (fe.statusCode === 429) {
    return reply.code(429).send({ error: 'rate_limited', message: fe.message || 'too many requests; try again later' });
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.code(fe.statusCode).send({ error: 'bad_request', message: fe.message });
  }
  if ((error as SyntaxError) instanceof SyntaxError && fe.statusCode === 400) {
    return reply.code(400).send({ error: 'invalid_json', message: 'the request body is not valid JSON' });
  }
  req.log.error({ err: error }, 'unhandled error');
  return reply.code(500).send({ error: 'internal_error', message: 'something went wrong on our side; it has been logged' });
}
