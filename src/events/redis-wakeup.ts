// Redis pub/sub as the change log's wake-up (ATRIUM_REDIS_URL): a publish in
// one process makes every other process read the log at once.
import type { Logger } from 'pino';
import type { Wakeup } from './change-log.js';

const CHANNEL = 'atrium:change-log';

export async function redisWakeup(url: string, log: Logger): Promise<Wakeup> {
  const { createClient } = await import('redis');
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const [name, client] of [
    ['publisher', pub],
    ['subscriber', sub],
  ] as const)
    client.on('error', (err: Error) => log.warn({ err: err.message }, `Redis ${name} connection error; the change log poll keeps working`));
  await Promise.all([pub.connect(), sub.connect()]);
  return {
    async notify() {
      await pub.publish(CHANNEL, '1');
    },
    async subscribe(onWake) {
      await sub.subscribe(CHANNEL, () => onWake());
    },
    async close() {
      await Promise.allSettled([sub.close(), pub.close()]);
    },
  };
}
