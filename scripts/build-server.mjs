// Bundles the server (src/main.ts -> dist/server/main.js, its analytics worker
// thread -> dist/server/analytics-worker.js and the job thread's
// dist/server/job-thread.js) with esbuild, only when
// one of its sources changed (dist/server/.inputs.json, see build-stamp.mjs).
// Every npm package stays external and loads from node_modules at run time
// (native modules such as better-sqlite3 and sharp cannot be bundled), so a
// production install needs only the dependencies, not the dev dependencies.
// The published sites' runtime scripts (src/runtime/*.js: forms, consent, beacon) are
// minified here, once each, and inlined into the bundle.
//   node scripts/build-server.mjs          build if stale
//   node scripts/build-server.mjs --force  always build
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, importBuildTool, root, staleReason as staleOutput, writeStamp } from './build-stamp.mjs';

const outDir = path.join(root, 'dist/server');
// The same list as RUNTIME_SOURCES in src/runtime/index.ts.
const RUNTIMES = { forms: 'src/runtime/forms.js', consent: 'src/runtime/consent.js', beacon: 'src/runtime/beacon.js' };
const ALWAYS = [...Object.values(RUNTIMES), 'tsconfig.json', 'package-lock.json', 'scripts/build-server.mjs', 'scripts/build-stamp.mjs'];

export function staleReason() {
  return staleOutput(outDir, 'main.js');
}

export async function buildServer() {
  const esbuild = await importBuildTool('esbuild');
  // The same options as src/runtime/index.ts uses when run from source.
  const minify = (file) =>
    esbuild.transformSync(fs.readFileSync(path.join(root, file), 'utf8'), { minify: true, target: 'es2019', loader: 'js', legalComments: 'none' }).code;
  const runtimes = Object.fromEntries(Object.entries(RUNTIMES).map(([name, file]) => [name, minify(file)]));
  fs.rmSync(outDir, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    // The worker threads are bundles of their own beside the server: the analytics worker (src/analytics/collector.ts
    // starts it) and the job thread (src/jobs/thread.ts starts it).
    entryPoints: { main: 'src/main.ts', 'analytics-worker': 'src/analytics/worker.ts', 'job-thread': 'src/job-thread.ts' },
    outdir: 'dist/server',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    define: { ATRIUM_RUNTIME_SCRIPTS: JSON.stringify(runtimes), ATRIUM_ANALYTICS_WORKER: JSON.stringify('./analytics-worker.js') },
    metafile: true,
    logLevel: 'warning',
  });
  writeStamp(outDir, [...ALWAYS, ...Object.keys(result.metafile.inputs)]);
}

/** Builds when stale (or when forced); returns what it did. */
export function ensureServerBuilt(options) {
  return ensureBuilt('the server', { staleReason, build: buildServer }, options);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await ensureServerBuilt({ force: process.argv.includes('--force') });
}
