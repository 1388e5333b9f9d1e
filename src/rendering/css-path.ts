import { createHash } from 'node:crypto';

/** The content-hashed path of a site's stylesheet, so it can be cached forever. */
export function cssPath(css: string): string {
  return `/_atrium/site.${createHash('sha256').update(css).digest('hex').slice(0, 12)}.css`;
}
