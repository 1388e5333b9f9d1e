// Parse input with a zod schema; failures become one 'invalid_input' error
// naming every bad field by its dotted path.
import type { z } from 'zod';
import { DomainError, type FieldIssue } from './errors.js';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: i.message,
  }));
  const summary = issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  throw new DomainError('invalid_input', `invalid input: ${summary}`, { issues });
}
