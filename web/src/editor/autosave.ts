// Autosave of the draft with the server's revision check. Edits are saved a
// moment after the person stops typing; a save that finds a newer revision
// (another tab or person saved first) stops autosaving and reports a conflict
// instead of overwriting or dropping anything. Offline, the draft is kept and
// saved when the connection returns.
import { useCallback, useEffect, useRef, useState } from 'react';
import { getSession } from '../api';
import type { Doc } from './model';

export type SaveState =
  | { kind: 'saved'; at?: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'offline' }
  | { kind: 'invalid'; issues: { path: string; message: string }[] }
  | { kind: 'conflict'; theirs: Doc; theirRevision: number }
  | { kind: 'error'; message: string };

const DELAY = 800;

let csrf: string | null = null;
async function csrfToken(refresh = false): Promise<string> {
  if (!csrf || refresh) {
    const r = await fetch('/api/session', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    if (!r.ok) throw new Error('session');
    csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
  }
  return csrf;
}

/** A state-changing request with the CSRF token, retried once when the token went stale. */
export async function sendWithCsrf(method: string, path: string, body: BodyInit | undefined, contentType: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const token = await csrfToken(attempt > 0);
    const r = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { 'content-type': contentType, accept: 'application/json', 'x-csrf-token': token },
      body,
    });
    if (r.status === 403 && attempt === 0) {
      const data = await r
        .clone()
        .json()
        .catch(() => null);
      if (/csrf/i.test(String(data?.message))) {
        // Also refreshes the shared client's token.
        await getSession().catch(() => undefined);
        continue;
      }
    }
    return r;
  }
}

export function useAutosave(siteId: string, initialRevision: number, onSaved: () => void) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const revision = useRef(initialRevision);
  const latest = useRef<Doc | null>(null);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const blocked = useRef(false); // conflict: wait for the person's decision
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const save = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    if (inFlight.current) {
      await inFlight.current;
      if (dirty.current && !blocked.current) return save();
      return;
    }
    if (!dirty.current || blocked.current || !latest.current) return;
    const doc = latest.current;
    dirty.current = false;
    setState({ kind: 'saving' });
    const run = (async () => {
      let r: Response;
      try {
        r = await sendWithCsrf('PUT', `/api/sites/${siteId}/draft`, JSON.stringify({ revision: revision.current, document: doc }), 'application/json');
      } catch {
        dirty.current = true;
        setState({ kind: 'offline' });
        return;
      }
      const data = await r.json().catch(() => null);
      if (r.ok) {
        revision.current = data.revision;
        onSavedRef.current();
        setState(dirty.current ? { kind: 'pending' } : { kind: 'saved', at: data.savedAt });
      } else if (r.status === 409 && data?.document) {
        dirty.current = true;
        blocked.current = true;
        setState({ kind: 'conflict', theirs: data.document as Doc, theirRevision: Number(data.currentRevision) });
      } else if (r.status === 400) {
        // Kept dirty: the next edit (which may fix it) saves again.
        dirty.current = true;
        setState({ kind: 'invalid', issues: Array.isArray(data?.issues) ? data.issues : [{ path: '', message: String(data?.message ?? 'invalid') }] });
      } else if (r.status === 401) {
        dirty.current = true;
        setState({ kind: 'error', message: 'Your session ended. Log in again in another tab, then come back: your changes are still here.' });
      } else {
        dirty.current = true;
        setState({
          kind: 'error',
          message: r.status >= 500 ? 'Saving failed on our side. Retrying…' : String(data?.message ?? `Saving failed (${r.status}).`),
        });
      }
    })();
    inFlight.current = run;
    try {
      await run;
    } finally {
      inFlight.current = null;
    }
    // Edits that arrived while saving were scheduled by change(); nothing more to do here.
  }, [siteId]);

  const change = useCallback(
    (doc: Doc) => {
      latest.current = doc;
      dirty.current = true;
      if (blocked.current) return;
      setState((s) => (s.kind === 'saving' || s.kind === 'offline' || s.kind === 'invalid' || s.kind === 'error' ? s : { kind: 'pending' }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), DELAY);
    },
    [save],
  );

  // Offline or failing: retry when the browser is back online, and every few seconds meanwhile.
  useEffect(() => {
    if (state.kind !== 'offline' && state.kind !== 'error') return;
    const retry = () => void save();
    const t = window.setInterval(retry, state.kind === 'offline' ? 4000 : 8000);
    window.addEventListener('online', retry);
    return () => {
      window.clearInterval(t);
      window.removeEventListener('online', retry);
    };
  }, [state.kind, save]);

  // Leaving with unsaved edits asks first; hiding the tab saves at once.
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) e.preventDefault();
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden' && dirty.current) void save();
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [save]);

  /** Saves now (before publishing); resolves to whether the draft on the server is current. */
  const flush = useCallback(async () => {
    await save();
    return !dirty.current && !blocked.current;
  }, [save]);

  /** Conflict, "use theirs": adopt their revision and drop the local pending edits (the caller reloads the document). */
  const acceptTheirs = useCallback((rev: number) => {
    revision.current = rev;
    dirty.current = false;
    blocked.current = false;
    latest.current = null;
    setState({ kind: 'saved' });
  }, []);

  /** Conflict, "keep mine": save this document over theirs. */
  const overwrite = useCallback(
    async (rev: number) => {
      revision.current = rev;
      blocked.current = false;
      dirty.current = true;
      await save();
    },
    [save],
  );

  return { state, change, flush, acceptTheirs, overwrite, hasUnsaved: () => dirty.current };
}
