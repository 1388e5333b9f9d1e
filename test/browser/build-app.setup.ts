// Global setup of the browser suite: the test server serves dist/app, so build
// the dashboard first when its sources changed (a no-op when it is fresh).
import { execFileSync } from 'node:child_process';

export default function setup() {
  execFileSync(process.execPath, ['scripts/build-app.mjs'], { stdio: 'inherit' });
}
