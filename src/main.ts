// Entry point of `npm start` (built to dist/server/main.js): one process, or with
// ATRIUM_WORKERS > 1 a primary that migrates the databases once and forks that many
// HTTP workers sharing the port. Start-up prints a short summary, once per server.
import cluster from 'node:cluster';
import { isCommand, runCli } from './cli/main.js';
import { loadConfig, siteSubdomainUrl } from './config/config.js';
import { openDatabases } from './db/connect.js';
import { relayClusterWakeups } from './events/cluster-wakeup.js';
import { ConfigError } from './lib/config-error.js';
import { createLogger } from './logging/logger.js';
import { describeMail } from './mail/mailer.js';
import { startServer } from './server.js';

// `node dist/server/main.js retention --dry-run` and other commands run and exit (src/cli).
if (cluster.isPrimary && isCommand(process.argv[2])) process.exit(await runCli(process.argv.slice(2)).catch(stopOnConfigError));

/** A configuration Atrium cannot start with: say which variable and why, without a stack trace, and stop. */
function stopOnConfigError(e: unknown): never {
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(`Atrium cannot start: ${e.message}\n`);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (e) {
  stopOnConfigError(e);
}

function summary(url: string, workers: number): [string, string] {
  const sites = siteSubdomainUrl({ ...config, publicUrl: new URL(url) }, '<slug>');
  const storage = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  return [
    `Atrium listening at ${url}; published sites answer at ${sites}${workers > 1 ? ` (${workers} workers)` : ''}`,
    `Data: ${storage}. Mail: ${describeMail(config)}`,
  ];
}

if (config.workers > 1 && cluster.isPrimary) {
  const log = createLogger(config);
  await (await openDatabases(config, log).catch(stopOnConfigError)).close(); // migrations run once, before any worker starts
  let stopping = false;
  let ready = 0;
  relayClusterWakeups(); // a publish in one worker reaches the others at once
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on('listening', () => {
    if (++ready === config.workers) for (const line of summary(config.publicUrl.origin, config.workers)) log.info(line);
  });
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    log.error(`worker ${worker.process.pid} exited (${code}); starting another`);
    cluster.fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    });
} else {
  const running = await startServer(config).catch(stopOnConfigError);
  if (cluster.isPrimary) for (const line of summary(running.url, 1)) running.app.log.info(line);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
}
