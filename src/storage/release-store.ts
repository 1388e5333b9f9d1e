// Immutable, content-addressed storage of published files: each file is stored
// once by its SHA-256 with brotli and gzip variants beside it, so identical
// pages across releases cost nothing and a CDN could serve the folder as is.
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { sha256 } from '../lib/ids.js';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export interface StoredFile {
  identity: Buffer;
  /** Absent for files that do not compress (images). */
  br?: Buffer;
  gz?: Buffer;
}

// Publishing compresses quickly so a site goes live at once; afterwards each
// new file is recompressed at brotli's best quality (about 12% smaller pages,
// but ~70x slower), one at a time in the background.
const FAST_BROTLI = 5;
const BEST_BROTLI = 11;

const brotliAt = (body: Buffer, quality: number) =>
  brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });

export class ReleaseStore {
  private upgrades: Promise<void> = Promise.resolve();

  constructor(private readonly dir: string) {}

  private file(hash: string, suffix = '') {
    return path.join(this.dir, hash.slice(0, 2), hash + suffix);
  }

  /** Stores a file (if new) and returns its content hash and whether it was new. */
  async put(body: Buffer, opts: { compress?: boolean } = {}): Promise<{ hash: string; created: boolean }> {
    const hash = sha256(body);
    const target = this.file(hash);
    if (await exists(target)) {
      // Marks the file as in use now, so a clean-up that started earlier leaves it alone (see removeUnused).
      const now = new Date();
      await fs.utimes(target, now, now).catch(() => undefined);
      return { hash, created: false };
    }
    if (opts.compress === false) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await writeAtomic(target, body);
      return { hash, created: false }; // nothing to recompress later
    }
    const [br, gz] = await Promise.all([brotliAt(body, FAST_BROTLI), gzip(body, { level: 9 })]);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Variants first and the identity file last: its presence means all three are complete.
    await writeAtomic(target + '.br', br);
    await writeAtomic(target + '.gz', gz);
    await writeAtomic(target, body);
    return { hash, created: true };
  }

  /**
   * Recompresses files at the best brotli quality, sequentially so serving
   * keeps the CPU; calls done() when all are replaced. Same bytes once decoded.
   */
  upgradeCompression(hashes: string[], done: () => Promise<void> | void): Promise<void> {
    const run = async () => {
      for (const hash of hashes) {
        // A file can be gone by now: its site was deleted meanwhile (removeUnused). Nothing to upgrade then.
        const body = await readIfExists(this.file(hash));
        if (!body) continue;
        await writeAtomic(this.file(hash, '.br'), await brotliAt(body, BEST_BROTLI));
      }
      if (hashes.length) await done();
    };
    // Runs after the previous upgrade whatever its outcome; the caller hears of this one's failure.
    this.upgrades = this.upgrades.then(run, run);
    return this.upgrades;
  }

  /** Resolves when background recompression queued so far has finished (for tests and shutdown). */
  idle(): Promise<void> {
    return this.upgrades.catch(() => undefined);
  }

  async get(hash: string): Promise<StoredFile> {
    const [identity, br, gz] = await Promise.all([fs.readFile(this.file(hash)), readIfExists(this.file(hash, '.br')), readIfExists(this.file(hash, '.gz'))]);
    return { identity, br, gz };
  }

  async has(hash: string): Promise<boolean> {
    return exists(this.file(hash));
  }

  /**
   * Deletes files (and their compressed variants) that nothing refers to any more. `since`: files stored or
   * reused after this time are kept, as a publish running meanwhile may have just referred to them.
   */
  async removeUnused(hashes: Iterable<string>, since: Date): Promise<number> {
    let n = 0;
    for (const hash of hashes) {
      const identity = this.file(hash);
      const stat = await fs.stat(identity).catch(() => undefined);
      if (!stat || stat.mtime >= since) continue;
      await Promise.all(['', '.br', '.gz'].map((suffix) => fs.rm(this.file(hash, suffix), { force: true })));
      n++;
    }
    return n;
  }
}

async function readIfExists(p: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

async function exists(p: string) {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

async function writeAtomic(p: string, data: Buffer) {
  const tmp = `${p}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, p);
}
