// The job thread's entry (see src/jobs/thread.ts): opens its own connections
// to the region databases, runs their jobs (deliveries) and answers the
// process. Wiring, like server.ts: it is where jobs meet the delivery handlers.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabases } from './db/connect.js';
import { registerDeliveries } from './forms/deliveries.js';
import { MovableClock } from './lib/clock.js';
import { createLogger } from './logging/logger.js';
import { createMailer } from './mail/mailer.js';
import { JobRunner } from './jobs/runner.js';
import { recordIn } from './privacy/disclosure-log.js';
import type { FromThread, JobThreadData, ToThread } from './jobs/thread.js';

const port = parentPort!;
const { config, clock } = workerData as JobThreadData;
const send = (message: FromThread) => port.postMessage(message);
// Lines go to the process, which writes them with its own logger.
const log = createLogger(config, { pretty: false, destination: { write: (line: string) => send({ t: 'log', line }) } });
// Up to `jobConcurrency` deliveries at once look up their webhook; a few connections serve them (PostgreSQL).
const dbs = await openDatabases(config, log, { migrate: false, poolMax: 4 });
const sharedClock = new MovableClock(clock);
const runner = new JobRunner({
  databases: { ...dbs.regions },
  dialect: dbs.dialect,
  log,
  clock: sharedClock,
  retryBaseMs: config.retryBaseMs,
  concurrency: config.jobConcurrency,
  ownThread: true,
});
// Disclosures of deliveries are written with their job's outcome; any other straight to their database.
const mailer = createMailer(config, { clock: sharedClock, record: recordIn(dbs), log: (msg) => log.info(msg) });
registerDeliveries(runner, { config, dbs, mailer, clock: sharedClock });

port.on('message', (m: ToThread) => {
  if (m.t === 'start') runner.start().catch((err) => log.error({ err }, 'the job thread cannot start its runner'));
  else if (m.t === 'wake') for (const database of m.databases) runner.wake(database);
  else if (m.t === 'idle') runner.idle().then(() => send({ t: 'idle', id: m.id }));
  else if (m.t === 'stop')
    runner
      .stop()
      .then(() => dbs.close())
      .catch((err) => log.error({ err }, 'the job thread did not stop cleanly'))
      .finally(() => send({ t: 'stopped' }));
});
send({ t: 'ready' });
