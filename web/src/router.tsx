// A tiny history router: the app lives under /app and every path below it is
// a client route (the server answers index.html for all of them).
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export const BASE = '/app';
const listeners = new Set<() => void>();

function notify() {
  for (const l of listeners) l();
}

if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Path below /app ("/" for /app itself) plus the search string. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, () => location.pathname + location.search);
  const url = new URL(href, location.origin);
  const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) || '/' : url.pathname;
  return { path: path.length > 1 ? path.replace(/\/$/, '') : path, query: url.searchParams };
}

export function href(to: string) {
  return BASE + (to === '/' ? '' : to);
}

/** Goes to a dashboard path; `keepScroll` for a change of the same screen's view (a filter, a period). */
export function navigate(to: string, opts: { replace?: boolean; keepScroll?: boolean } = {}) {
  history[opts.replace ? 'replaceState' : 'pushState'](null, '', href(to));
  if (!opts.keepScroll) window.scrollTo(0, 0);
  notify();
}

export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={href(to)} onClick={handle} {...rest} />;
}
