// Old addresses keep working when a page moves: saving a draft in which a
// page (known by its id) has a new path leaves a redirect from the old path to
// the new one. Redirects that led to the old path follow the page, and a
// redirect whose start is a page's address again is dropped (the page wins).
// It reads the incoming document before validation, defensively: anything
// not shaped like a site document passes through unchanged and is refused by
// the schema with the usual field-named error.
import type { Redirect } from '../site-document/schema.js';

type Shaped = { pages: { id?: unknown; path?: unknown }[]; redirects?: unknown };

const isShaped = (d: unknown): d is Shaped => typeof d === 'object' && d !== null && Array.isArray((d as Shaped).pages);
const isRedirect = (r: unknown): r is Redirect =>
  typeof r === 'object' && r !== null && typeof (r as Redirect).from === 'string' && typeof (r as Redirect).to === 'string';

/** `next` with the redirects its page moves need, relative to `previous` (the stored draft). */
export function followMovedPages(previous: unknown, next: unknown): unknown {
  if (!isShaped(previous) || !isShaped(next)) return next;
  const before = new Map(previous.pages.filter((p) => typeof p.id === 'string' && typeof p.path === 'string').map((p) => [p.id as string, p.path as string]));
  const moves = new Map<string, string>();
  for (const p of next.pages) {
    const old = typeof p.id === 'string' ? before.get(p.id) : undefined;
    if (old !== undefined && typeof p.path === 'string' && p.path !== old) moves.set(old, p.path);
  }
  if (!moves.size) return next;
  const pagePaths = new Set(next.pages.map((p) => p.path));
  const given = Array.isArray(next.redirects) ? next.redirects : [];
  const kept: unknown[] = given
    .map((r) => (isRedirect(r) && moves.has(r.to) ? { ...r, to: moves.get(r.to)! } : r))
    .filter((r) => !isRedirect(r) || (!pagePaths.has(r.from) && !moves.has(r.from) && r.from !== r.to));
  for (const [from, to] of moves) if (!pagePaths.has(from)) kept.push({ from, to });
  return { ...next, redirects: kept };
}
