// Custom code as the forms edit it: a snippet of the site document turned
// into text fields and back, the checks made before saving, and the server's
// refusals (issue paths like document.snippets.2.cookies.0.days) turned into
// one message per field. Shared by site settings (site-wide code) and the
// editor's page settings (code for one page).
import type { ConsentCategory, Snippet } from '../../../../src/site-document/schema';

export type { Snippet };

export interface CookieDraft {
  name: string;
  purpose: string;
  days: string;
}

export interface SnippetDraft {
  id: string;
  name: string;
  placement: 'head' | 'body';
  /** Empty until the subscriber chooses: there is no default category. */
  category: ConsentCategory | '';
  code: string;
  /** One origin per line. */
  origins: string;
  cookies: CookieDraft[];
  policyUrl: string;
}

/** Field key -> message: name, placement, category, code, origins, policyUrl, cookies.N.name|purpose|days, and `form` for the rest. */
export type SnippetErrors = Record<string, string>;

export const CATEGORY_INFO: Record<ConsentCategory, { label: string; text: string }> = {
  necessary: {
    label: 'Necessary',
    text: 'The site cannot work without it, like a payment form’s fraud check. Runs on every visit; visitors cannot turn it off, so use it for nothing else.',
  },
  functional: {
    label: 'Functional',
    text: 'Features visitors use, like a chat widget or a booking tool. Waits until the visitor allows functional cookies.',
  },
  analytics: {
    label: 'Analytics',
    text: 'Counting visits and measuring how pages are used, like a web analytics tag. Waits until the visitor allows analytics.',
  },
  marketing: {
    label: 'Marketing',
    text: 'Advertising, conversion tracking, or anything that follows visitors to other sites. Waits until the visitor allows marketing.',
  },
};

export const CATEGORIES = Object.keys(CATEGORY_INFO) as ConsentCategory[];

export function newSnippetId(): string {
  const r = crypto.getRandomValues(new Uint32Array(2));
  return `code-${r[0]!.toString(36)}${r[1]!.toString(36)}`;
}

export function toDraft(s?: Snippet): SnippetDraft {
  return {
    id: s?.id ?? newSnippetId(),
    name: s?.name ?? '',
    placement: s?.placement ?? 'body',
    category: s?.category ?? '',
    code: s?.code ?? '',
    origins: (s?.origins ?? []).join('\n'),
    cookies: (s?.cookies ?? []).map((c) => ({ name: c.name, purpose: c.purpose, days: String(c.days) })),
    policyUrl: s?.policyUrl ?? '',
  };
}

/** A pasted address keeps only its origin: "https://cdn.example.com/tag.js" -> "https://cdn.example.com". Anything else stays as typed for the server to name. */
function originOf(line: string): string {
  const v = line.trim();
  try {
    const u = new URL(v);
    if (u.protocol === 'https:' && !v.includes('*')) return u.origin;
  } catch {
    // not an address: the server says what is wrong with it
  }
  return v.replace(/\/+$/, '');
}

export const originLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The snippet to store. Call after checkDraft found nothing. */
export function fromDraft(d: SnippetDraft): Snippet {
  const s: Snippet = {
    id: d.id,
    name: d.name.trim(),
    placement: d.placement,
    category: d.category as ConsentCategory,
    code: d.code,
    origins: [...new Set(originLines(d.origins).map(originOf))],
    cookies: d.cookies
      .filter((c) => c.name.trim() || c.purpose.trim())
      .map((c) => ({ name: c.name.trim(), purpose: c.purpose.trim(), days: c.days.trim() === '' ? 0 : Number(c.days) })),
  };
  if (d.policyUrl.trim()) s.policyUrl = d.policyUrl.trim();
  return s;
}

/** What can be told before asking the server: the required fields. Everything else the server checks and names. */
export function checkDraft(d: SnippetDraft): SnippetErrors {
  const e: SnippetErrors = {};
  if (!d.name.trim()) e.name = 'is needed, so you can tell your snippets apart';
  if (!d.category) e.category = 'Choose a category: it decides whether this code waits for the visitor’s consent.';
  if (!d.code.trim()) e.code = 'is empty: paste the code the provider gave you';
  d.cookies.forEach((c, i) => {
    if (!c.name.trim() && !c.purpose.trim()) return;
    if (!c.name.trim()) e[`cookies.${i}.name`] = 'is needed';
    if (!c.purpose.trim()) e[`cookies.${i}.purpose`] = 'is needed: say what the cookie is for';
    const days = c.days.trim();
    if (days !== '' && !/^\d{1,4}$/.test(days)) e[`cookies.${i}.days`] = 'must be a whole number of days (0 for one visit)';
    else if (Number(days) > 3650) e[`cookies.${i}.days`] = 'must be at most 3650 (ten years)';
  });
  return e;
}

const KEYS = new Set(['name', 'placement', 'category', 'code', 'policyUrl']);

/**
 * The server's issues under one snippet (prefix "document.snippets.2." or
 * "document.pages.0.snippets.1.") as messages per field. An origin is named
 * by its value, since the field holds them all; what no field shows goes to `form`.
 */
export function issueErrors(issues: readonly { path: string; message: string }[], prefix: string, sent?: Snippet): SnippetErrors {
  const e: SnippetErrors = {};
  for (const issue of issues) {
    if (!issue.path.startsWith(prefix)) continue;
    const rest = issue.path.slice(prefix.length).split('.');
    const [key, index, sub] = rest;
    if (key && KEYS.has(key)) e[key] ??= issue.message;
    else if (key === 'origins' && index !== undefined) {
      const origin = sent?.origins[Number(index)];
      e.origins ??= origin ? `“${origin}” ${issue.message}` : issue.message;
    } else if (key === 'cookies' && index !== undefined && sub) e[`cookies.${index}.${sub}`] ??= issue.message;
    else e.form ??= issue.message;
  }
  return e;
}

/** Whether any issue belongs to the snippet at this prefix. */
export const hasIssues = (issues: readonly { path: string }[], prefix: string) => issues.some((i) => i.path.startsWith(prefix));
