// Autosave of the draft with the server's revision check. Edits are saved a
// moment after the person stops typing; a save that finds a newer revision
// (another tab or person saved first) stops autosaving and reports a conflict
// instead of overwriting or dropping anything. Offline, the draft is kept and
// saved when the connection returns.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
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

/** PUT the draft through the shared client; the answer is inspected here, not thrown (conflicts carry the current draft). */
const saveDraft = (siteId: string, revision: number, document: Doc) =>
  api.PUT('/api/sites/{siteId}/draft', { params: { path: { siteId } }, body: { revision, document } });

/** onSaved: after each save, with what publishing would still refuse in the saved draft (`current`: nothing was edited meanwhile, so its paths hold). */
export function useAutosave(siteId: string, initialRevision: number, onSaved: (warnings: { path: string; message: string }[], current: boolean) => void) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const revision = useRef(initialRevision);
  const latest = useRef<Doc | null>(null);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const blocked = useRef(false); // conflict: wait for the person's decision
  const issues = useRef<{ path: string; message: string }[]>([]); // what the server refused in the last save
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
      let r: Awaited<ReturnType<typeof saveDraft>>;
      try {
        r = await saveDraft(siteId, revision.current, doc);
      } catch {
        dirty.current = true;
        setState({ kind: 'offline' });
        return;
      }
      const { data, error, response } = r;
      if (data) {
        issues.current = [];
        revision.current = data.revision;
        onSavedRef.current(data.warnings ?? [], !dirty.current);
        setState(dirty.current ? { kind: 'pending' } : { kind: 'saved', at: data.savedAt });
      } else if (response.status === 409 && error && 'document' in error) {
        dirty.current = true;
        blocked.current = true;
        setState({ kind: 'conflict', theirs: error.document as Doc, theirRevision: Number(error.currentRevision) });
      } else if (response.status === 400) {
        // Kept dirty: the next edit (which may fix it) saves again.
        dirty.current = true;
        issues.current = error?.issues ?? [{ path: '', message: String(error?.message ?? 'invalid') }];
        setState({ kind: 'invalid', issues: issues.current });
      } else if (response.status === 401) {
        dirty.current = true;
        setState({ kind: 'error', message: 'Your session ended. Log in again in another tab, then come back: your changes are still here.' });
      } else {
        dirty.current = true;
        setState({
          kind: 'error',
          message: response.status >= 500 ? 'Saving failed on our side. Retrying…' : String(error?.message ?? `Saving failed (${response.status}).`),
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

  /** Saves now and answers what the server refused (none when it saved, or when it could not be asked). */
  const saveNow = useCallback(async () => {
    await save();
    return issues.current;
  }, [save]);

  return { state, change, flush, saveNow, acceptTheirs, overwrite, hasUnsaved: () => dirty.current };
}
