// Installs dependencies when node_modules is missing or older than the lock
// file, so `npm start` and `npm test` work on a fresh clone by themselves.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const stamp = 'node_modules/.package-lock.json';
const stale = !fs.existsSync(stamp) || fs.statSync(stamp).mtimeMs < fs.statSync('package-lock.json').mtimeMs;
if (stale) {
  console.log('Installing dependencies (first run)...');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
