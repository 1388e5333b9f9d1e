// What the editor's panels, fields and preview share: the document beside
// Puck's page, the site, and the actions that change them.
import { createContext, useContext } from 'react';
import type { UploadedImage } from '../api';
import type { Doc, Page } from './model';

/** An image as the API answers an upload: its address, size and resized variants. */
export type { UploadedImage } from '../api';

export interface EditorEnv {
  siteId: string;
  siteName: string;
  doc: Doc;
  page: Page;
  /** Replaces the document outside Puck (theme, navigation, footer, page settings). */
  updateDoc(fn: (doc: Doc) => Doc): void;
  switchPage(pageId: string): void;
  /** The language being edited: the default language edits the page, a further one translates it (translate.tsx). */
  lang: string;
  setLang(lang: string): void;
  uploadImage(file: File): Promise<UploadedImage>;
  /** What the server refused in the last save (paths like document.pages.0.snippets.1.code); empty once a save succeeds. */
  saveIssues: readonly { path: string; message: string }[];
  /** What the last refused publish named (full sentences), until the next edit. */
  publishIssues: readonly { path: string; message: string }[];
  /** Saves the draft now and answers the refused fields, for forms that stay open until their input is accepted. */
  saveNow(): Promise<readonly { path: string; message: string }[]>;
  /** One history for the whole document (Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z). */
  undo(): void;
  redo(): void;
}

export const EditorEnvContext = createContext<EditorEnv | null>(null);

export function useEditorEnv(): EditorEnv {
  const env = useContext(EditorEnvContext);
  if (!env) throw new Error('useEditorEnv outside the editor');
  return env;
}
