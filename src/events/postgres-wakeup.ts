// PostgreSQL LISTEN/NOTIFY as the change log's wake-up: every Atrium process
// on the same control database, on any machine, reads the log at once.
import pg from 'pg';
import type { Logger } from 'pino';
import type { Wakeup } from './change-log.js';

const CHANNEL = 'atrium_change_log';

export async function postgresWakeup(url: string, log: Logger): Promise<Wakeup> {
  const notifier = new pg.Pool({ connectionString: url, max: 1 });
  let listener: pg.Client | undefined;
  let closed = false;
  notifier.on('error', (err) => log.warn({ err: err.message }, 'PostgreSQL notify connection lost; reconnecting on next use'));
  return {
    async notify() {
      await notifier.query(`NOTIFY ${CHANNEL}`);
    },
    async subscribe(onWake) {
      const connect = async () => {
        const client = new pg.Client({ connectionString: url });
        client.on('notification', () => onWake());
        client.on('error', (err) => {
          log.warn({ err: err.message }, 'PostgreSQL listen connection lost; the change log poll keeps working while it reconnects');
          client.end().catch(() => undefined);
          if (!closed) setTimeout(() => connect().catch(() => undefined), 1000).unref();
        });
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
        listener = client;
        onWake(); // anything missed while disconnected
      };
      await connect();
    },
    async close() {
      closed = true;
      await Promise.allSettled([listener?.end(), notifier.end()]);
    },
  };
}
