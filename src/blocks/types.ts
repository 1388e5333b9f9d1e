import type { ReactElement } from 'react';
import type { PolicyDocument } from '../lib/policy-document.js';
import type { BlockProps, BlockType } from '../site-document/schema.js';

/** Where a block sits on its page. Everything else a block needs comes from its own props. */
export interface BlockContext {
  /** The page's first block: its heading is the page's h1 and its images load eagerly. */
  first?: boolean;
  /** The page's language: words a block adds itself (an embed's placeholder) come out in it. */
  lang?: string;
  /**
   * The page is a further language's (not the site's default): forms post with `?lang=` so their answers and
   * error pages come out in it, and carry the runtime's messages in it.
   */
  translated?: boolean;
  /** The site's generated privacy notice, for the Privacy notice block (absent in the editor). */
  sitePolicy?: PolicyDocument;
}

export type BlockComponent<T extends BlockType> = (props: BlockProps<T> & BlockContext) => ReactElement | null;
