// Entry point of `npm start`.
import { startServer } from './server.js';
import { loadConfig } from './config/config.js';

const config = loadConfig();
const running = await startServer(config);
const log = running.app.log;
log.info(`data in ${config.dataDir} (${config.databaseUrl ? 'PostgreSQL' : 'SQLite'}); mail to ${running.ctx.mailer.describe()}`);
console.log(`\n  Atrium is running at ${running.url}\n  Published sites answer at http://<slug>.${config.sitesDomain}:${config.port}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
