// Builds the dashboard SPA (web/ -> dist/app) only when something it was built
// from changed, so `npm start` stays fast on restarts. The last build records
// a hash of every source file the bundle was made of (plus the config and the
// lock file) in dist/app/.inputs.json; a build is due when any of them differs,
// or dist/app has no index.html.
//   node scripts/build-app.mjs          build if stale
//   node scripts/build-app.mjs --force  always build
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'dist/app');
const stampFile = path.join(outDir, '.inputs.json');
const ALWAYS = ['web/index.html', 'web/favicon.svg', 'web/vite.config.ts', 'package-lock.json', 'scripts/build-app.mjs'];

function hashFile(rel) {
  try {
    return createHash('sha256')
      .update(fs.readFileSync(path.join(root, rel)))
      .digest('base64url');
  } catch {
    return null;
  }
}

/** Why the build is stale, or null when dist/app matches its sources. */
export function staleReason() {
  if (!fs.existsSync(path.join(outDir, 'index.html'))) return 'dist/app is missing';
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(stampFile, 'utf8')).inputs;
  } catch {
    return 'dist/app has no record of its sources';
  }
  for (const [rel, hash] of Object.entries(inputs)) if (hashFile(rel) !== hash) return `${rel} changed`;
  return null;
}

export async function buildApp() {
  // Always a production bundle, even when called from a test runner (NODE_ENV=test would ship dev React).
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const result = await build({ configFile: path.join(root, 'web/vite.config.ts'), logLevel: 'warn' });
  const files = new Set(ALWAYS);
  for (const output of [result].flat()) {
    for (const item of 'output' in output ? output.output : []) {
      for (const id of item.type === 'chunk' ? item.moduleIds : []) {
        const file = id.split('?')[0];
        if (!path.isAbsolute(file) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
        const rel = path.relative(root, file);
        if (!rel.startsWith('..')) files.add(rel.split(path.sep).join('/'));
      }
    }
  }
  const inputs = Object.fromEntries([...files].sort().map((rel) => [rel, hashFile(rel)]));
  fs.writeFileSync(stampFile, JSON.stringify({ builtAt: new Date().toISOString(), inputs }, null, 2) + '\n');
}

/** Builds when stale (or when forced); returns what it did. */
export async function ensureAppBuilt({ force = false, log = console.log } = {}) {
  const reason = force ? 'forced' : staleReason();
  if (!reason) return 'fresh';
  const started = performance.now();
  log(`Building the dashboard (${reason})...`);
  await buildApp();
  log(`Built the dashboard in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 'built';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await ensureAppBuilt({ force: process.argv.includes('--force') });
}
