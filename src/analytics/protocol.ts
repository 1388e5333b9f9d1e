// The messages between the serving thread (collector.ts) and the analytics
// worker thread (worker.ts). Requests that expect an answer carry an id.
import type { Location } from '../db/connect.js';
import type { TrustProxy } from '../lib/trust-proxy.js';
import type { IngestResult } from './ingest.js';
import type { EventRow } from './store.js';
import type { AnalyticsPriority } from './priority.js';
import type { WireBatch } from './wire.js';

/** What the worker is started with: where the databases are and which proxies to trust. */
export interface WorkerSetup {
  control: Location;
  regions: Record<string, Location>;
  trustProxy: TrustProxy;
  /** Other processes may count visitors in the same databases (several workers, or PostgreSQL). */
  shared: boolean;
  /** The thread's CPU priority (priority.ts). */
  priority: AnalyticsPriority;
  /** How long hits may wait while the cores are busy (ms; 0: never; pacing.ts). */
  maxDelayMs: number;
}

export type ToWorker =
  /** Hits to process; `offset` maps their Date.now() stamps to the server's clock. */
  | { t: 'hits'; batch: WireBatch; offset: number }
  /** An event with no request behind it (a form goal), stored as is. */
  | { t: 'event'; region: string; row: EventRow }
  /** Answers once everything sent before is stored. */
  | { t: 'flush'; id: number }
  | { t: 'forget-salts'; before: string }
  | { t: 'roll-up'; id: number; now: number }
  /** Finishes what was sent before, closes the databases and ends the thread. */
  | { t: 'close'; id: number };

export type FromWorker =
  /** `buffers`: the read batches' buffers, handed back to be filled again. */
  | { t: 'processed'; hits: number; result: IngestResult; buffers: ArrayBuffer[] }
  | { t: 'done'; id: number; value?: unknown; error?: string }
  | { t: 'log'; level: 'warn' | 'error'; msg: string; data: Record<string, unknown> };
