// A consent record as the API, the export and the preferences page show it.
import type { ConsentChoices } from './choices.js';
import type { RecordRow } from './chain.js';
import type { ProviderId } from './providers.js';

export interface ConsentRecord {
  id: string;
  seq: number;
  createdAt: string;
  choices: ConsentChoices;
  gpc: boolean;
  bannerVersion: string;
  replaces: string | null;
  prevHash: string;
  hash: string;
}

export function recordView(r: RecordRow): ConsentRecord {
  return {
    id: r.id,
    seq: Number(r.seq),
    createdAt: r.created_at,
    choices: {
      functional: Number(r.functional) === 1,
      analytics: Number(r.analytics) === 1,
      marketing: Number(r.marketing) === 1,
      providers: JSON.parse(r.providers) as ProviderId[],
    },
    gpc: Number(r.gpc) === 1,
    bannerVersion: r.banner_version,
    replaces: r.replaces,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
