// Worker processes of one Atrium (ATRIUM_WORKERS > 1) wake each other through
// the cluster primary: a worker that wrote to the change log tells the primary,
// which tells every other worker to read the log now.
import cluster from 'node:cluster';
import type { Wakeup } from './change-log.js';

const MESSAGE = 'atrium:change-log';

/** In a worker: the wake-up through the primary. */
export function clusterWakeup(): Wakeup {
  let listener: ((msg: unknown) => void) | undefined;
  return {
    async notify() {
      process.send?.(MESSAGE);
    },
    async subscribe(onWake) {
      listener = (msg) => msg === MESSAGE && onWake();
      process.on('message', listener);
    },
    async close() {
      if (listener) process.off('message', listener);
    },
  };
}

/** In the primary: passes each worker's wake-up on to the other workers. */
export function relayClusterWakeups(): void {
  cluster.on('message', (from, msg) => {
    if (msg !== MESSAGE) return;
    for (const worker of Object.values(cluster.workers ?? {})) if (worker && worker !== from && worker.isConnected()) worker.send(MESSAGE);
  });
}
