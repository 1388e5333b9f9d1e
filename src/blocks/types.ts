import type { ReactElement } from 'react';
import type { BlockProps, BlockType } from '../site-document/schema.js';

/** Where a block sits on its page. Everything else a block needs comes from its own props. */
export interface BlockContext {
  /** The page's first block: its heading is the page's h1 and its images load eagerly. */
  first?: boolean;
  /** The page's language: words a block adds itself (an embed's placeholder) come out in it. */
  lang?: string;
}

export type BlockComponent<T extends BlockType> = (props: BlockProps<T> & BlockContext) => ReactElement | null;
