// Documents we derive from user input (a template filled with the site's name)
// must fit the schema: text that came out too long is shortened at a word
// boundary with an ellipsis, instead of failing the request.
import type { z } from 'zod';

export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Parses `value`, shortening any string the schema finds too long; other problems still throw. */
export function fitToSchema<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  for (let round = 0; round < 3; round++) {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    let changed = false;
    for (const issue of result.error.issues) {
      if (issue.code !== 'too_big' || issue.origin !== 'string' || issue.path.length === 0) continue;
      const parent = issue.path.slice(0, -1).reduce<any>((node, key) => node?.[key as string], value);
      const key = issue.path[issue.path.length - 1] as string;
      if (typeof parent?.[key] === 'string') {
        parent[key] = shorten(parent[key].trim(), Number(issue.maximum));
        changed = true;
      }
    }
    if (!changed) break;
  }
  return schema.parse(value);
}
