// Limits password guesses on protected sites, in this process's memory only.
// Wrong passwords count per site and address, per site (all addresses) and
// per address (all sites) within a fixed window. The address is never kept:
// it is keyed by an HMAC under a random key made fresh for every window and
// dropped with the window's counts, so even this process cannot tell later
// which address made a guess, or link one window's guesses to another's.
import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../lib/clock.js';

export const GUESS_WINDOW_MS = 15 * 60_000;
/** Wrong passwords one address may try on one site per window. */
export const GUESSES_PER_SITE_AND_ADDRESS = 10;
/** Wrong passwords one address may try across all sites per window. */
export const GUESSES_PER_ADDRESS = 30;
/** Wrong passwords one site takes from all addresses per window. */
export const GUESSES_PER_SITE = 300;
const MAX_KEYS = 100_000;

export type GuessVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export class GuessLimit {
  private windowStart = -1;
  private key = randomBytes(32);
  private counts = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  private keys(siteId: string, address: string): [string, number][] {
    const now = this.clock.now().getTime();
    const start = now - (now % GUESS_WINDOW_MS);
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.key = randomBytes(32);
      this.counts.clear();
    }
    const who = createHmac('sha256', this.key).update(address).digest('base64url').slice(0, 22);
    return [
      [`s\n${siteId}\n${who}`, GUESSES_PER_SITE_AND_ADDRESS],
      [`a\n${who}`, GUESSES_PER_ADDRESS],
      [`s\n${siteId}`, GUESSES_PER_SITE],
    ];
  }

  /** Whether the address may try a password on the site now. */
  check(siteId: string, address: string): GuessVerdict {
    const full = this.keys(siteId, address).some(([k, max]) => (this.counts.get(k) ?? 0) >= max);
    if (!full) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((this.windowStart + GUESS_WINDOW_MS - this.clock.now().getTime()) / 1000)) };
  }

  /** A wrong password. */
  failed(siteId: string, address: string): void {
    for (const [k] of this.keys(siteId, address)) {
      if (!this.counts.has(k) && this.counts.size >= MAX_KEYS) this.counts.delete(this.counts.keys().next().value!);
      this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    }
  }
}
