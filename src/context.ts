// What core modules need from the outside world, passed in explicitly so the
// same core serves HTTP, the CLI and tests.
import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import type { Databases } from './db/connect.js';
import type { EventBus } from './events/bus.js';
import type { Clock } from './lib/clock.js';
import type { Mailer } from './mail/mailer.js';
import type { ReleaseStore } from './storage/release-store.js';

export interface Context {
  config: Config;
  dbs: Databases;
  mailer: Mailer;
  /** Content-addressed files of published releases. */
  releases: ReleaseStore;
  /** Domain events: core modules announce changes here; hosting, queues and re-rendering subscribe. */
  bus: EventBus;
  log: Logger;
  /** The time for deadlines, schedules and retention; tests move it. */
  clock: Clock;
}
