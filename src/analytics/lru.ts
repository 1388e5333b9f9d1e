// A bounded cache for the analytics worker's look-ups (user agents, places,
// visitor hashes): the same few keys come again and again. Two generations
// approximate least-recently-used at the cost of a Map look-up: a key used
// since the last turnover stays, the others go at the next one.
export class Lru<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  /** Holds between `size` and 2 × `size` entries. */
  constructor(private readonly size: number) {}

  get(key: K): V | undefined {
    const v = this.current.get(key);
    if (v !== undefined) return v;
    const old = this.previous.get(key);
    if (old !== undefined) this.put(key, old);
    return old;
  }

  set(key: K, value: V): void {
    this.put(key, value);
  }

  /** The cached value, or `make(key)` cached. */
  of(key: K, make: (key: K) => V): V {
    let v = this.get(key);
    if (v === undefined) this.put(key, (v = make(key)));
    return v;
  }

  clear() {
    this.current.clear();
    this.previous.clear();
  }

  private put(key: K, value: V) {
    if (this.current.size >= this.size) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }
}
