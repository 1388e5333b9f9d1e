// The published site's runtime script: the only JavaScript a published page
// loads, and only pages that need it (today: pages with a form block). The
// source is plain browser JS in this folder. The server build (scripts/build-server.mjs)
// minifies it once and inlines the result as ATRIUM_RUNTIME_SCRIPT; run from
// source (tests, tsx), it is minified with esbuild (a dev dependency) once per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

declare const ATRIUM_RUNTIME_SCRIPT: string | undefined;

// The same options as scripts/build-server.mjs.
const MINIFY = { minify: true, target: 'es2019', loader: 'js', legalComments: 'none' } as const;

let cached: string | undefined;

/** The minified runtime script (ES2019, no dependencies). */
export function runtimeScript(): string {
  if (cached === undefined) {
    if (typeof ATRIUM_RUNTIME_SCRIPT === 'string') cached = ATRIUM_RUNTIME_SCRIPT;
    else {
      const { transformSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
      cached = transformSync(readFileSync(new URL('./forms.js', import.meta.url), 'utf8'), MINIFY).code;
    }
  }
  return cached;
}
