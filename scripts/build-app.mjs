// Builds the dashboard SPA (web/ -> dist/app) only when something it was built
// from changed, so `npm start` stays fast on restarts. The last build records
// a hash of every source file the bundle was made of (plus the config and the
// lock file) in dist/app/.inputs.json; a build is due when any of them differs,
// or dist/app has no index.html.
//   node scripts/build-app.mjs          build if stale
//   node scripts/build-app.mjs --force  always build
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, importBuildTool, root, staleReason as staleOutput, writeStamp } from './build-stamp.mjs';

const outDir = path.join(root, 'dist/app');
const ALWAYS = ['web/index.html', 'web/favicon.svg', 'web/vite.config.ts', 'package-lock.json', 'scripts/build-app.mjs', 'scripts/build-stamp.mjs'];

/** Why the build is stale, or null when dist/app matches its sources. */
export function staleReason() {
  return staleOutput(outDir, 'index.html');
}

export async function buildApp() {
  // Always a production bundle, even when called from a test runner (NODE_ENV=test would ship dev React).
  process.env.NODE_ENV = 'production';
  const { build } = await importBuildTool('vite');
  const result = await build({
    configFile: path.join(root, 'web/vite.config.ts'),
    logLevel: 'warn',
    // Rolldown's note that plugins took a while depends on the machine's load, not the sources: not a warning here.
    build: { rolldownOptions: { checks: { bundlerTimings: false } } },
  });
  const files = [...ALWAYS];
  for (const output of [result].flat())
    for (const item of 'output' in output ? output.output : [])
      for (const id of item.type === 'chunk' ? item.moduleIds : []) if (path.isAbsolute(id.split('?')[0])) files.push(id.split('?')[0]);
  writeStamp(outDir, files);
}

/** Builds when stale (or when forced); returns what it did. */
export function ensureAppBuilt(options) {
  return ensureBuilt('the dashboard', { staleReason, build: buildApp }, options);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await ensureAppBuilt({ force: process.argv.includes('--force') });
}
