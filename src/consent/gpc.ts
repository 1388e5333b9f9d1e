// Global Privacy Control: a browser's standing "do not sell or share". It
// refuses marketing without asking, and analytics too when the site's setting
// says so. The server applies it to every recorded choice (Sec-GPC: 1); the
// consent runtime applies the same rule in the browser. Providers the visitor
// explicitly allows ("Always allow YouTube", clicked on the embed itself) stay
// allowed: that is a choice made for that provider, after the signal.
import type { SiteDocument } from '../site-document/schema.js';
import type { ConsentChoices } from './choices.js';

/** The categories GPC refuses on this site. */
export const gpcRefuses = (doc: SiteDocument): ('analytics' | 'marketing')[] => (doc.consent.gpcRefusesAnalytics ? ['analytics', 'marketing'] : ['marketing']);

/** The choices with the categories GPC refuses switched off. */
export function applyGpc(doc: SiteDocument, choices: ConsentChoices, gpc: boolean): ConsentChoices {
  if (!gpc) return choices;
  const out = { ...choices };
  for (const c of gpcRefuses(doc)) out[c] = false;
  return out;
}
