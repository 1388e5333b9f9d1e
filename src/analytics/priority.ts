// Lowers the CPU priority of the calling thread (Linux: a thread has its own
// nice value, set through its thread id). The analytics worker runs at a low
// priority so that, when the machine is busy, the CPU goes to answering
// requests first; the worker catches up on what waits once load drops.
import fs from 'node:fs';
import os from 'node:os';

/** Sets this thread's nice value (0-19; higher yields more); false where the platform cannot. */
export function lowerThreadPriority(nice: number): boolean {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    os.setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
