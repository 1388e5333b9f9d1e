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
  uploadImage(file: File): Promise<UploadedImage>;
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
