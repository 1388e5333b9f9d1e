// Content heuristics for spam. Anything flagged goes to the spam folder with its
// reasons, never silently dropped: the subscriber can always mark it not spam.
import { HONEYPOT, type Values } from './validate.js';

const PATTERNS: [RegExp, string][] = [
  [/\b(viagra|cialis|casino|porn|escort|payday loan)\b/i, 'known spam words'],
  [/\b(seo|backlinks?|guest post|link building)\b.*\b(services?|offer|rank|traffic)\b/i, 'SEO pitch'],
  [/\b(crypto|bitcoin|forex|binary options?)\b.*\b(invest|profit|earn|trading)\b/i, 'investment pitch'],
  [/\[url=|<a\s+href=/i, 'markup links'],
];
const MAX_LINKS = 2;

export function spamReasons(raw: Record<string, unknown>, values: Values): string[] {
  const reasons: string[] = [];
  if (typeof raw[HONEYPOT] === 'string' && raw[HONEYPOT] !== '') reasons.push('filled the hidden field bots fill');
  const text = Object.values(values)
    .filter((v): v is string => typeof v === 'string')
    .join('\n');
  const links = text.match(/https?:\/\/|www\./gi)?.length ?? 0;
  if (links > MAX_LINKS) reasons.push(`${links} links`);
  for (const [re, why] of PATTERNS) if (re.test(text)) reasons.push(why);
  return reasons;
}
