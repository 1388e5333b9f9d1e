// What core modules need from the outside world, passed in explicitly so the
// same core serves HTTP, the CLI and tests.
import type { EventEmitter } from 'node:events';
import type { Config } from './config/config.js';
import type { Databases } from './db/connect.js';
import type { Mailer } from './mail/mailer.js';
import type { ReleaseStore } from './publishing/release-store.js';

export interface Context {
  config: Config;
  dbs: Databases;
  mailer: Mailer;
  /** Content-addressed files of published releases. */
  releases: ReleaseStore;
  /** In-process notifications, e.g. 'site-hosts-changed' (siteId) so the serving cache drops a site. */
  events: EventEmitter;
}
