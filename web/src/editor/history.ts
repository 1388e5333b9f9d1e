// One undo history for the whole document: blocks on any page, page settings,
// theme, navigation and footer. Each entry is a snapshot of the document and
// the page being edited when it changed; typing into one text field is one
// step, not one per keystroke.
import { useCallback, useRef, useState } from 'react';
import type { Doc } from './model';

export interface Snapshot {
  doc: Doc;
  pageId: string;
}

/** Edits of the same text within this long of each other are one step. */
const COALESCE_MS = 1000;
const LIMIT = 200;

/**
 * The path of the only value that differs between a and b when it is a
 * string (someone typing), undefined when nothing differs, null otherwise.
 */
export function textChangePath(a: unknown, b: unknown, path = ''): string | null | undefined {
  if (a === b) return undefined;
  if (typeof a === 'string' && typeof b === 'string') return path;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return null;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return null;
  let found: string | undefined;
  for (const k of keys) {
    if (!(k in rb)) return null;
    const r = textChangePath(ra[k], rb[k], `${path}.${k}`);
    if (r === null) return null;
    if (r !== undefined) {
      if (found !== undefined) return null;
      found = r;
    }
  }
  return found;
}

export function useDocHistory() {
  const past = useRef<Snapshot[]>([]);
  const future = useRef<Snapshot[]>([]);
  const group = useRef<{ path: string; at: number } | null>(null);
  const [flags, setFlags] = useState({ canUndo: false, canRedo: false });
  const sync = () => setFlags({ canUndo: past.current.length > 0, canRedo: future.current.length > 0 });

  /** Records the state before an edit to `next`. */
  const record = useCallback((before: Snapshot, next: Doc) => {
    const path = textChangePath(before.doc, next);
    if (path === undefined) return;
    const now = Date.now();
    if (path !== null && group.current?.path === path && now - group.current.at < COALESCE_MS) {
      group.current.at = now; // still typing: the step already holds the text before it began
    } else {
      past.current.push(before);
      if (past.current.length > LIMIT) past.current.shift();
      group.current = path === null ? null : { path, at: now };
    }
    future.current = [];
    sync();
  }, []);

  /** The snapshot to go back to, given the current one; null when there is none. */
  const undo = useCallback((current: Snapshot): Snapshot | null => {
    const s = past.current.pop();
    if (!s) return null;
    future.current.push(current);
    group.current = null;
    sync();
    return s;
  }, []);

  const redo = useCallback((current: Snapshot): Snapshot | null => {
    const s = future.current.pop();
    if (!s) return null;
    past.current.push(current);
    group.current = null;
    sync();
    return s;
  }, []);

  const reset = useCallback(() => {
    past.current = [];
    future.current = [];
    group.current = null;
    sync();
  }, []);

  return { ...flags, record, undo, redo, reset };
}

/** Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y redo; returns the handler for keydown (capture phase). */
export function historyKeys(undo: () => void, redo: () => void) {
  return (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.code === 'KeyZ' || e.key.toLowerCase() === 'z' ? 'z' : e.code === 'KeyY' || e.key.toLowerCase() === 'y' ? 'y' : null;
    if (!key) return;
    // Ahead of Puck's own hotkeys (page blocks only) and the browser's per-field undo.
    e.preventDefault();
    e.stopImmediatePropagation();
    if (key === 'z' && !e.shiftKey) undo();
    else redo();
  };
}
