// Assembles a running Atrium from configuration: databases, mail, HTTP.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { ReleaseStore } from './publishing/release-store.js';
import { startJobWorker } from './forms/queue.js';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config/config.js';
import { openDatabases } from './db/connect.js';
import { createMailer } from './mail/mailer.js';
import { buildApp } from './http/app.js';
import type { Context } from './context.js';

export interface Running {
  app: FastifyInstance;
  ctx: Context;
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config = loadConfig()): Promise<Running> {
  const dbs = await openDatabases(config);
  // The mailer reports where outbox files go through the app's logger, once it exists.
  let mailLog = (_msg: string) => {};
  const ctx: Context = {
    config,
    dbs,
    mailer: createMailer(config, (msg) => mailLog(msg)),
    releases: new ReleaseStore(path.join(config.dataDir, 'releases')),
    events: new EventEmitter(),
  };
  ctx.events.setMaxListeners(100);
  const app = await buildApp(ctx);
  mailLog = (msg) => app.log.info(msg);
  await app.listen({ port: config.port, host: config.host });
  // Deliveries queued before a restart (or by another process) go out from here too.
  const stopJobs = startJobWorker(ctx);
  const port = (app.server.address() as { port: number }).port;
  const url = new URL(config.publicUrl.href);
  if (config.port === 0) url.port = String(port);
  return {
    app,
    ctx,
    url: url.origin,
    async close() {
      await stopJobs();
      await app.close();
      await dbs.close();
    },
  };
}
