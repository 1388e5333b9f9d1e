// A build's record of what it was made from: dist/<part>/.inputs.json holds a
// hash of every source file that went into it, so a later run rebuilds only when
// one of them changed (or the output is missing).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export function hashFile(rel) {
  try {
    return createHash('sha256')
      .update(fs.readFileSync(path.join(root, rel)))
      .digest('base64url');
  } catch {
    return null;
  }
}

/** Why the output in outDir is stale, or null when it matches its sources. */
export function staleReason(outDir, mainFile) {
  const name = path.relative(root, outDir);
  if (!fs.existsSync(path.join(outDir, mainFile))) return `${name} is missing`;
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(path.join(outDir, '.inputs.json'), 'utf8')).inputs;
  } catch {
    return `${name} has no record of its sources`;
  }
  for (const [rel, hash] of Object.entries(inputs)) if (hashFile(rel) !== hash) return `${rel} changed`;
  return null;
}

/** Records the project files (relative paths or absolute paths inside the project) a build was made of. */
export function writeStamp(outDir, files) {
  const rels = new Set();
  for (const file of files) {
    if (file.includes(`${path.sep}node_modules${path.sep}`) || file.startsWith('node_modules/')) continue;
    const rel = path.isAbsolute(file) ? path.relative(root, file) : file;
    if (!rel.startsWith('..')) rels.add(rel.split(path.sep).join('/'));
  }
  const inputs = Object.fromEntries([...rels].sort().map((rel) => [rel, hashFile(rel)]));
  fs.writeFileSync(path.join(outDir, '.inputs.json'), JSON.stringify({ builtAt: new Date().toISOString(), inputs }, null, 2) + '\n');
}

/** Imports a build tool, or explains that a production install (npm ci --omit=dev) has none. */
export async function importBuildTool(name) {
  try {
    return await import(name);
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
    throw new Error(
      `${name} is not installed: building needs the dev dependencies. Run \`npm ci && npm run build\` first; ` +
        'a production install (npm ci --omit=dev) only runs what was built (npm run serve).',
    );
  }
}

/** Runs build() when staleReason() names a reason (or when forced), saying what and why; returns what it did. */
export async function ensureBuilt(what, { staleReason, build }, { force = false, log = console.log } = {}) {
  const reason = force ? 'forced' : staleReason();
  if (!reason) return 'fresh';
  const started = performance.now();
  log(`Building ${what} (${reason})...`);
  await build();
  log(`Built ${what} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 'built';
}
