// Whether every database answers: the control database and each region's.
import { sql } from 'kysely';
import type { Databases } from './connect.js';

export interface DatabaseHealth {
  name: string;
  ok: boolean;
  error?: string;
}

export async function checkDatabases(dbs: Databases, timeoutMs = 2000): Promise<DatabaseHealth[]> {
  const all = [['control', dbs.control] as const, ...Object.entries(dbs.regions)];
  return Promise.all(
    all.map(async ([name, db]) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        });
        await Promise.race([sql`select 1`.execute(db), timeout]);
        return { name, ok: true };
      } catch (e) {
        return { name, ok: false, error: e instanceof Error ? e.message : String(e) };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}
