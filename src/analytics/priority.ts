// The analytics worker's CPU priority. Serving comes first: at `idle` (the
// default) the thread runs under Linux's SCHED_IDLE policy, only when a core
// has nothing else to do, and gives the core back the moment a request
// arrives; at `low` it runs with nice 19 (a small share when the cores are
// busy); at `normal` it competes like any thread. Either way it catches up
// on what waits once load drops. Node has no call for a thread's scheduling
// policy, so `idle` asks util-linux's chrt (present on every Debian-based
// system) once, at start; where that is not possible it falls back to `low`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { Config } from '../config/config.js';

export type AnalyticsPriority = Config['analyticsPriority'];

/** This thread's id (Linux), or undefined elsewhere. */
function threadId(): number | undefined {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

/** Sets the calling thread's priority; returns what it could set. */
export function setThreadPriority(priority: AnalyticsPriority): AnalyticsPriority {
  const tid = threadId();
  if (priority === 'normal' || tid === undefined) return 'normal';
  if (priority === 'idle' && spawnSync('chrt', ['--idle', '--pid', '0', String(tid)], { stdio: 'ignore', timeout: 5000 }).status === 0) return 'idle';
  try {
    os.setPriority(tid, 19);
    return 'low';
  } catch {
    return 'normal';
  }
}
