// How hits travel from the serving thread to the analytics worker: the few
// request facts analytics reads, in a batch of numbers plus a table of the
// distinct strings in it. A site's hits repeat the same few values (site,
// host, user agents, languages, paths), so each distinct string is copied
// to the worker once per batch, not once per hit; the numbers travel in a
// buffer that is handed over, not copied (and handed back once read, to be
// filled again: HitBuffer.recycle). On the worker side repeated values
// are the same string objects, whose hashes V8 computes once, which keeps
// the worker's look-ups keyed by them cheap. Nothing is parsed here; the
// address and user agent stay in memory and are dropped by the worker once
// the hit is processed.
import type { IncomingHttpHeaders } from 'node:http';
import type { BeaconEvent } from './beacon.js';
import type { HitSite } from './hit.js';

/** Numbers per hit: flags, time (ms after the batch's base) and 14 string references. */
export const SLOTS = 16;
const STRINGS = [
  'siteId',
  'region',
  'path',
  'url',
  'userAgent',
  'referer',
  'acceptLanguage',
  'cookie',
  'purpose',
  'secGpc',
  'host',
  'forwardedFor',
  'peer',
  'beacon',
] as const;

/** A batch as it crosses to the worker. */
export interface WireBatch {
  /** Date.now() the hits' times count from. */
  base: number;
  hits: number;
  /** SLOTS numbers per hit (handed over with the message). */
  slots: Int32Array;
  strings: string[];
}

/** One hit as the worker reads it. */
export interface RawHit {
  siteId: string;
  region: string;
  gpcRefusesAnalytics: boolean;
  /** A 304 answer to a revalidation. */
  revalidation: boolean;
  /** Date.now() when the request came in. */
  at: number;
  path: string;
  url: string;
  userAgent: string;
  referer: string;
  acceptLanguage: string;
  cookie: string;
  /** Sec-Purpose (or Purpose, X-Purpose, X-Moz): prefetches and previews. */
  purpose: string;
  secGpc: string;
  host: string;
  forwardedFor: string;
  peer: string;
  beacon: BeaconEvent | undefined;
}

const one = (v: string | string[] | undefined): string => (v === undefined ? '' : typeof v === 'string' ? v : (v[0] ?? ''));

/**
 * Spare buffers kept for reuse (8 MB at most, as batches of 500): a fresh buffer's pages fault on first write, on
 * the serving thread (8 faults a batch), and while a burst holds hits back, the worker frees hundreds at once
 * after it. Kept, they are filled again with no fault.
 */
const SPARES = 256;

/** Collects hits on the serving thread: a few property reads and map look-ups per hit. */
export class HitBuffer {
  private slots: Int32Array;
  /** Buffers the worker handed back (recycle()), filled again before a new one is allocated. */
  private readonly spares: Int32Array[] = [];
  private strings: string[] = [''];
  private index = new Map<string, number>([['', 0]]);
  private base = 0;
  /** Hits in the buffer. */
  length = 0;

  constructor(private readonly capacity: number) {
    this.slots = new Int32Array(capacity * SLOTS);
  }

  get full() {
    return this.length >= this.capacity;
  }

  /** Per slot, the last string and its index: consecutive hits often repeat a value (a compare is cheaper than a hash). */
  private readonly lastString: string[] = Array<string>(SLOTS).fill('');
  private readonly lastIndex = new Int32Array(SLOTS);

  /** The index of `s` in the batch's string table, added if new (the caller checked lastString first). */
  private ref(slot: number, s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.push(s) - 1;
      this.index.set(s, i);
    }
    this.lastString[slot] = s;
    this.lastIndex[slot] = i;
    return i;
  }

  /**
   * Appends a hit (the buffer must not be full). It runs on every pageview, on the serving thread, so each slot
   * first compares with the slot's last string inline (one compare when it repeats, the common case) and calls
   * ref() only for a new value; V8 does not inline fourteen ref() calls into this function.
   */
  add(site: HitSite, at: number, path: string, url: string, h: IncomingHttpHeaders, cookie: string, peer: string, revalidation: boolean, beacon?: BeaconEvent) {
    if (this.length === 0) this.base = at;
    const s = this.slots;
    const last = this.lastString;
    const idx = this.lastIndex;
    const o = this.length++ * SLOTS;
    s[o] = (site.gpcRefusesAnalytics ? 1 : 0) | (revalidation ? 2 : 0);
    s[o + 1] = at - this.base;
    let v = site.siteId;
    s[o + 2] = v === last[2] ? idx[2]! : this.ref(2, v);
    v = site.region;
    s[o + 3] = v === last[3] ? idx[3]! : this.ref(3, v);
    s[o + 4] = path === last[4] ? idx[4]! : this.ref(4, path);
    s[o + 5] = url === last[5] ? idx[5]! : this.ref(5, url);
    v = h['user-agent'] ?? '';
    s[o + 6] = v === last[6] ? idx[6]! : this.ref(6, v);
    v = h.referer ?? '';
    s[o + 7] = v === last[7] ? idx[7]! : this.ref(7, v);
    v = h['accept-language'] ?? '';
    s[o + 8] = v === last[8] ? idx[8]! : this.ref(8, v);
    s[o + 9] = cookie === last[9] ? idx[9]! : this.ref(9, cookie);
    v = one(h['sec-purpose'] ?? h.purpose ?? h['x-purpose'] ?? h['x-moz']);
    s[o + 10] = v === last[10] ? idx[10]! : this.ref(10, v);
    v = one(h['sec-gpc']);
    s[o + 11] = v === last[11] ? idx[11]! : this.ref(11, v);
    v = h.host ?? '';
    s[o + 12] = v === last[12] ? idx[12]! : this.ref(12, v);
    v = one(h['x-forwarded-for']);
    s[o + 13] = v === last[13] ? idx[13]! : this.ref(13, v);
    s[o + 14] = peer === last[14] ? idx[14]! : this.ref(14, peer);
    s[o + 15] = beacon ? this.ref(15, JSON.stringify(beacon)) : 0;
  }

  /** The collected hits as a batch to send (its buffer is to be transferred), and an empty buffer again. */
  take(): WireBatch {
    const batch: WireBatch = { base: this.base, hits: this.length, slots: this.slots.subarray(0, this.length * SLOTS), strings: this.strings };
    // Every slot of a hit is written by add(), so a reused buffer needs no clearing.
    this.slots = this.spares.pop() ?? new Int32Array(this.capacity * SLOTS);
    this.strings = [''];
    this.index.clear();
    this.index.set('', 0);
    this.lastString.fill('');
    this.lastIndex.fill(0);
    this.length = 0;
    return batch;
  }

  /** A sent batch's buffer, back from the worker once it was read: kept to be filled again (up to SPARES). */
  recycle(buffer: ArrayBuffer) {
    if (this.spares.length < SPARES && buffer.byteLength === this.capacity * SLOTS * 4) this.spares.push(new Int32Array(buffer));
  }
}

/** Hits `from` to `to` (exclusive) of a batch. */
export function unpack(b: WireBatch, from = 0, to = b.hits): RawHit[] {
  const out: RawHit[] = [];
  const s = b.slots;
  const str = b.strings;
  for (let i = from; i < to; i++) {
    const o = i * SLOTS;
    const flags = s[o]!;
    const beacon = str[s[o + 15]!]!;
    out.push({
      gpcRefusesAnalytics: (flags & 1) !== 0,
      revalidation: (flags & 2) !== 0,
      at: b.base + s[o + 1]!,
      siteId: str[s[o + 2]!]!,
      region: str[s[o + 3]!]!,
      path: str[s[o + 4]!]!,
      url: str[s[o + 5]!]!,
      userAgent: str[s[o + 6]!]!,
      referer: str[s[o + 7]!]!,
      acceptLanguage: str[s[o + 8]!]!,
      cookie: str[s[o + 9]!]!,
      purpose: str[s[o + 10]!]!,
      secGpc: str[s[o + 11]!]!,
      host: str[s[o + 12]!]!,
      forwardedFor: str[s[o + 13]!]!,
      peer: str[s[o + 14]!]!,
      beacon: beacon ? (JSON.parse(beacon) as BeaconEvent) : undefined,
    });
  }
  return out;
}

if (STRINGS.length + 2 !== SLOTS) throw new Error('wire.ts: SLOTS must count every field');
