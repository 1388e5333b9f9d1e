// The published sites' runtime scripts: the only JavaScript a published page
// loads, and only on pages that need it. `forms` enhances form blocks; `consent`
// runs the consent banner, embeds and snippets (pages with something to consent
// to); `beacon` is the optional analytics beacon (every page of a site that
// turns it on). The sources are plain browser JS in this folder. The server build
// (scripts/build-server.mjs) minifies each once and inlines the results as
// ATRIUM_RUNTIME_SCRIPTS; run from source (tests, tsx), each is minified with
// esbuild (a dev dependency) once per process.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

declare const ATRIUM_RUNTIME_SCRIPTS: Record<RuntimeName, string> | undefined;

/** Each script and its source file, relative to this folder. scripts/build-server.mjs reads the same list. */
export const RUNTIME_SOURCES = { forms: 'forms.js', consent: 'consent.js', beacon: 'beacon.js' } as const;
export type RuntimeName = keyof typeof RUNTIME_SOURCES;

// The same options as scripts/build-server.mjs.
const MINIFY = { minify: true, target: 'es2019', loader: 'js', legalComments: 'none' } as const;

const cached = new Map<RuntimeName, string>();

/** A minified runtime script (ES2019, no dependencies). */
export function runtimeScript(name: RuntimeName): string {
  let code = cached.get(name);
  if (code === undefined) {
    if (typeof ATRIUM_RUNTIME_SCRIPTS === 'object') code = ATRIUM_RUNTIME_SCRIPTS[name];
    else {
      const { transformSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
      code = transformSync(readFileSync(new URL(`./${RUNTIME_SOURCES[name]}`, import.meta.url), 'utf8'), MINIFY).code;
    }
    cached.set(name, code);
  }
  return code;
}

/** Where a release serves a runtime script: content-hashed, so pages can cache it forever (/_atrium/consent.<hash>.js). */
export function runtimePath(name: RuntimeName): string {
  // The forms script kept its first name, so its cached copies stay valid.
  const base = name === 'forms' ? 'runtime' : name;
  return `/_atrium/${base}.${createHash('sha256').update(runtimeScript(name)).digest('hex').slice(0, 12)}.js`;
}
