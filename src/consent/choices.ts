// A visitor's consent choices and their cookie form. The cookie_consent value
// is read by the consent runtime in the browser (src/runtime/consent.js keeps
// the same format) and by the server (preferences page, consent records):
//   1.f<0|1>a<0|1>m<0|1>[.<provider id>...]
// e.g. "1.f1a0m0.youtube" = functional granted, analytics and marketing
// refused, YouTube embeds always allowed.
import type { OptionalCategory } from '../site-document/schema.js';
import { PROVIDERS, type ProviderId } from './providers.js';

export interface ConsentChoices {
  functional: boolean;
  analytics: boolean;
  marketing: boolean;
  /** Providers the visitor chose to always allow ("Always allow YouTube"), whatever their category. */
  providers: ProviderId[];
}

export const OPTIONAL_CATEGORIES: readonly OptionalCategory[] = ['functional', 'analytics', 'marketing'];

export const NOTHING_GRANTED: ConsentChoices = { functional: false, analytics: false, marketing: false, providers: [] };

export function encodeChoices(c: ConsentChoices): string {
  const flags = `f${+c.functional}a${+c.analytics}m${+c.marketing}`;
  return ['1', flags, ...[...new Set(c.providers)].sort()].join('.');
}

/** The choices in a cookie value, or null when it is missing or not ours. */
export function decodeChoices(value: string | undefined): ConsentChoices | null {
  if (!value) return null;
  const [version, flags, ...providers] = value.split('.');
  const m = version === '1' ? /^f([01])a([01])m([01])$/.exec(flags ?? '') : null;
  if (!m) return null;
  return {
    functional: m[1] === '1',
    analytics: m[2] === '1',
    marketing: m[3] === '1',
    providers: providers.filter((p): p is ProviderId => Object.hasOwn(PROVIDERS, p)),
  };
}
