// What each route tells the OpenAPI document about itself. Routes pass it as
// `config: { doc }` when they register, so the document is made from the route
// table itself (see document.ts); a route without one fails the OpenAPI test.
import type { z } from 'zod';

type Schema = z.ZodType;

/** A response: a JSON body schema, a body of another media type, or no body at all (null). */
export type ResponseDoc = Schema | null | { description?: string; content: Record<string, Schema> };

export interface RouteDoc {
  summary: string;
  tag: string;
  description?: string;
  /** No session needed (sign-up, log-in, public catalogues, published-site endpoints). */
  public?: boolean;
  /** Path parameters; by default each :name in the URL is a string. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON request body. */
  body?: Schema;
  /** Request bodies of other media types (image uploads, url-encoded forms), by media type. */
  content?: Record<string, Schema>;
  /** Success responses by status. */
  responses: Record<number, ResponseDoc>;
  /**
   * Error statuses this route answers beyond the ones its shape implies (400 with a body or query, 401 and 403
   * unless public, 404 with path parameters): a description of an error body, or a response of its own.
   */
  errors?: Partial<Record<number, string | ResponseDoc>>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's OpenAPI description, or `false` for routes the API document leaves out on purpose. */
    doc?: RouteDoc | false;
  }
}

/** Identity with the type spelled out, so route files get completion and checks on their docs. */
export const doc = (d: RouteDoc): { doc: RouteDoc } => ({ doc: d });
