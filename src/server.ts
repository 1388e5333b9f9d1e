// Assembles a running Atrium from configuration: databases, mail, the event
// bus and its cross-process log, the job runner, HTTP. The one place where
// modules are wired to each other's events.
import cluster from 'node:cluster';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config/config.js';
import type { Context } from './context.js';
import { Collector } from './analytics/collector.js';
import { recordFormGoals } from './analytics/goals.js';
import { rollUpRecent } from './analytics/rollup.js';
import { deleteExpiredSalts } from './analytics/salts.js';
import { openDatabases } from './db/connect.js';
import { expirePendingClaims } from './domains/domains.js';
import { EventBus } from './events/bus.js';
import { allWakeups, ChangeLog } from './events/change-log.js';
import { clusterWakeup } from './events/cluster-wakeup.js';
import { postgresWakeup } from './events/postgres-wakeup.js';
import { redisWakeup } from './events/redis-wakeup.js';
import { registerDeliveries } from './forms/deliveries.js';
import { expireTokenUses } from './forms/submissions.js';
import { buildApp } from './http/app.js';
import { JobRunner } from './jobs/runner.js';
import { allJobs, JobThread, type Jobs } from './jobs/thread.js';
import { MovableClock } from './lib/clock.js';
import { createLogger, type LoggerSettings } from './logging/logger.js';
import { createMailer } from './mail/mailer.js';
import { recordIn } from './privacy/disclosure-log.js';
import { followAddressChanges } from './publishing/publishing.js';
import { notifyOperatorsOfNew, remindOperators } from './rights/operator-mail.js';
import { remindSiteOwners } from './rights/site-reminders.js';
import { notifySiteOwner } from './rights/site-requests.js';
import { sweep } from './retention/sweep.js';
import { platformPolicy } from './policy/platform-policy.js';
import { dataProcessingAgreement } from './policy/dpa.js';
import { mailPolicyChange } from './policy/notice.js';
import { recordVersion } from './agreements/versions.js';
import { ReleaseStore } from './storage/release-store.js';

export interface Running {
  app: FastifyInstance;
  ctx: Context;
  /** Background jobs: the process's runner and, by default, the job thread that runs deliveries. */
  jobs: Jobs;
  /** The pageview collector; undefined when analytics is off. */
  analytics: Collector | undefined;
  url: string;
  close(): Promise<void>;
}

/** `logging`: where log lines go (tests read them to prove no address is logged). */
export async function startServer(config: Config = loadConfig(), logging: LoggerSettings = {}): Promise<Running> {
  const log = createLogger(config, logging);
  const dbs = await openDatabases(config, log);
  const clock = new MovableClock();
  // Deliveries (the region databases' jobs) run in a thread of their own; it opens its connections meanwhile.
  const thread = config.jobThread ? new JobThread(config, Object.keys(dbs.regions), clock, log) : undefined;
  const ctx: Context = {
    config,
    dbs,
    mailer: createMailer(config, { clock, record: recordIn(dbs), log: (msg) => log.info(msg) }),
    releases: new ReleaseStore(path.join(config.dataDir, 'releases')),
    bus: new EventBus(log),
    log,
    clock,
  };

  // Other processes hear of cross-process events through the change log, polled as a safety net and woken at
  // once through the cluster primary (sibling workers), PostgreSQL NOTIFY and Redis (other machines) when present.
  const wakeups = [
    ...(cluster.isWorker ? [clusterWakeup()] : []),
    ...(config.databaseUrl ? [await postgresWakeup(config.databaseUrl, log)] : []),
    ...(config.redisUrl ? [await redisWakeup(config.redisUrl, log)] : []),
  ];
  const changeLog = new ChangeLog(dbs.control, log, allWakeups(wakeups));
  ctx.bus.connect(changeLog);
  const stopFollowing = await changeLog.follow(ctx.bus, config.changePollMs);

  const runner = new JobRunner({
    databases: thread ? { control: dbs.control } : { control: dbs.control, ...dbs.regions },
    dialect: dbs.dialect,
    log,
    clock: ctx.clock,
    retryBaseMs: config.retryBaseMs,
    concurrency: config.jobConcurrency,
  });
  // Mails queued in the control database (platform notices) run here, a site's deliveries where its region's jobs do.
  registerDeliveries(runner, ctx);
  const jobs = allJobs(runner, thread);
  runner.every('change-log.prune', 15 * 60_000, (now) => changeLog.prune(now));
  runner.every('domains.expire-claims', 3600_000, (now) => expirePendingClaims(ctx, now));
  runner.every('forms.expire-token-uses', 3600_000, (now) => expireTokenUses(ctx, now));
  // Retention: every rule of src/retention (the data map names one for each personal column), hourly.
  runner.every('retention.sweep', 3600_000, (now) => sweep(ctx, now));
  ctx.bus.on('jobs.queued', (e) => jobs.wake(e.database));
  // Privacy requests: staff hear of each confirmed one to the platform, a site's owner of their visitors' ones;
  // and both of those due soon or overdue.
  ctx.bus.on('privacy_request.verified', (e) => (e.siteId === null ? notifyOperatorsOfNew(ctx, e.requestId) : notifySiteOwner(ctx, e.siteId, e.requestId)));
  runner.every('privacy-requests.remind', 3600_000, async () => (await remindOperators(ctx)) + (await remindSiteOwners(ctx)));
  followAddressChanges(ctx);

  // Visitor analytics: counted while serving, processed in batches off the request path, rolled up and swept.
  const analytics = config.analytics ? new Collector({ control: dbs.control, regions: dbs.regions, config, clock: ctx.clock, log }) : undefined;
  if (analytics) recordFormGoals(ctx, analytics);
  // In the analytics worker thread once it runs (off the serving thread).
  runner.every('analytics.roll-up', 5 * 60_000, (now) => (analytics ? analytics.rollUp(now) : rollUpRecent(dbs.control, dbs.regions, now)));
  runner.every('analytics.delete-salts', 3600_000, async (now) => {
    const n = await deleteExpiredSalts(dbs.control, now);
    analytics?.forgetSaltsBefore(new Date(now.getTime() - 24 * 3600_000).toISOString().slice(0, 10));
    return n;
  });

  // The privacy policy is generated from this configuration: a change to it becomes a new, kept version, and
  // subscribers hear of a material one before it takes effect.
  ctx.bus.on('policy.changed', async (e) => void (await mailPolicyChange(ctx, e.kind, e.version)));
  await recordVersion(ctx, 'platform', platformPolicy(config));
  await recordVersion(ctx, 'dpa', dataProcessingAgreement(config));
  const app = await buildApp(ctx, analytics);
  // Fastify logs one "Server listening" line per interface (0.0.0.0 means each one); the start-up
  // summary names the public URL instead (src/main.ts), so those lines are muted.
  await app.ready();
  const level = app.log.level;
  if (['trace', 'debug', 'info'].includes(level)) app.log.level = 'warn';
  try {
    await app.listen({ port: config.port, host: config.host });
  } finally {
    app.log.level = level;
  }
  // Jobs queued before a restart (or by another process) run from here too.
  await runner.start();
  await thread?.start();
  const port = (app.server.address() as { port: number }).port;
  const url = new URL(config.publicUrl.href);
  if (config.port === 0) url.port = String(port);
  return {
    app,
    ctx,
    jobs,
    analytics,
    url: url.origin,
    async close() {
      await jobs.stop();
      await app.close();
      await analytics?.close();
      await stopFollowing();
      await dbs.close();
    },
  };
}
