// The published site's runtime script: the only JavaScript a published page
// loads, and only pages that need it (today: pages with a form block). The
// source is plain browser JS in this folder; it is minified once per process.
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

let cached: string | undefined;

/** The minified runtime script (ES2019, no dependencies). */
export function runtimeScript(): string {
  if (cached === undefined) {
    const source = readFileSync(new URL('./forms.js', import.meta.url), 'utf8');
    cached = transformSync(source, { minify: true, target: 'es2019', loader: 'js', legalComments: 'none' }).code;
  }
  return cached;
}
