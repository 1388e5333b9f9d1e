// Entry point of `npm start`: one process, or with ATRIUM_WORKERS > 1 a primary
// that migrates the databases once and forks that many HTTP workers sharing the port.
import cluster from 'node:cluster';
import { loadConfig } from './config/config.js';
import { openDatabases } from './db/connect.js';
import { startServer } from './server.js';

const config = loadConfig();
const banner = () =>
  console.log(
    `\n  Atrium is running at ${config.publicUrl.origin}\n  Published sites answer at ${config.publicUrl.protocol}//<slug>.${config.sitesDomain}:${config.port}\n`,
  );

if (config.workers > 1 && cluster.isPrimary) {
  await (await openDatabases(config)).close(); // migrations run once, before any worker starts
  let stopping = false;
  let ready = 0;
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on('listening', () => ++ready === config.workers && banner());
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} exited (${code}); starting another`);
    cluster.fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    });
} else {
  const running = await startServer(config);
  running.app.log.info(`data in ${config.dataDir} (${config.databaseUrl ? 'PostgreSQL' : 'SQLite'}); mail to ${running.ctx.mailer.describe()}`);
  if (cluster.isPrimary) banner();
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
}
