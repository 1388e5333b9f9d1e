// `npm run build`: the server bundle (dist/server) and the dashboard (dist/app),
// each rebuilt only when its sources changed; --force rebuilds both.
import { ensureAppBuilt } from './build-app.mjs';
import { ensureServerBuilt } from './build-server.mjs';

const force = process.argv.includes('--force');
try {
  await ensureServerBuilt({ force });
  await ensureAppBuilt({ force });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
