// Throttling password guesses without handing attackers a way to lock owners
// out. Failures count per (account, address): one address guessing gets
// stopped after a few tries, while the owner elsewhere is unaffected. Across
// all addresses an account under a distributed attack refuses addresses it has
// not seen succeed, but an address the owner signed in from recently still gets
// in. Everything is in this process's memory: addresses are hashed, never
// stored, and forgotten when their window passes.
import { createHash } from 'node:crypto';
import type { Clock } from '../lib/clock.js';

const WINDOW_MS = 15 * 60_000;
/** Failures one address may make against one account per window. */
export const PAIR_LIMIT = 10;
/** Failures from all addresses after which only known addresses may try. */
export const ACCOUNT_LIMIT = 50;
/** How long a successful sign-in makes an address "known" for the account. */
const KNOWN_MS = 30 * 24 * 3600_000;
const MAX_ENTRIES = 100_000;

type Window = { count: number; resetAt: number };
export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number; scope: 'address' | 'account' };

const key = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 22);

export class LoginThrottle {
  private readonly failures = new Map<string, Window>();
  private readonly known = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /** Whether this address may try a password for this account now. */
  check(email: string, address: string): Verdict {
    const now = this.clock.now().getTime();
    const pair = this.current(key('pair', email, address), now);
    if (pair && pair.count >= PAIR_LIMIT) return { ok: false, retryAfterSeconds: Math.ceil((pair.resetAt - now) / 1000), scope: 'address' };
    const account = this.current(key('account', email), now);
    if (account && account.count >= ACCOUNT_LIMIT && !this.isKnown(email, address, now))
      return { ok: false, retryAfterSeconds: Math.ceil((account.resetAt - now) / 1000), scope: 'account' };
    return { ok: true };
  }

  failed(email: string, address: string): void {
    const now = this.clock.now().getTime();
    for (const k of [key('pair', email, address), key('account', email)]) {
      const w = this.current(k, now) ?? { count: 0, resetAt: now + WINDOW_MS };
      w.count++;
      this.remember(this.failures, k, w);
    }
  }

  succeeded(email: string, address: string): void {
    const now = this.clock.now().getTime();
    this.failures.delete(key('pair', email, address));
    this.remember(this.known, key('known', email, address), now + KNOWN_MS);
  }

  private isKnown(email: string, address: string, now: number) {
    return (this.known.get(key('known', email, address)) ?? 0) > now;
  }

  private current(k: string, now: number): Window | undefined {
    const w = this.failures.get(k);
    if (w && w.resetAt <= now) {
      this.failures.delete(k);
      return undefined;
    }
    return w;
  }

  /** Bounded: the oldest entries go first when a flood of keys arrives. */
  private remember<V>(map: Map<string, V>, k: string, v: V) {
    map.delete(k);
    map.set(k, v);
    if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
  }
}
