// Block registry: block type -> component. Shared by the publisher and the
// Puck editor config, so both render exactly the same markup.
import { createElement, type ReactElement } from 'react';
import type { Block, BlockType } from '../site-document/schema.js';
import { Cta } from './cta.js';
import { Embed } from './embed.js';
import { Faq } from './faq.js';
import { Features } from './features.js';
import { Form } from './form.js';
import { Hero } from './hero.js';
import { ImageBlock } from './image.js';
import { Logos } from './logos.js';
import { Pricing } from './pricing.js';
import { PrivacyPolicy } from './privacy-policy.js';
import { RichText } from './richtext.js';
import { Testimonials } from './testimonials.js';
import type { BlockComponent, BlockContext } from './types.js';

export type { BlockComponent, BlockContext } from './types.js';
export { Navbar, type NavbarProps } from './navbar.js';
export { Footer, type FooterProps } from './footer.js';
export { Icon, ICON_NAMES } from './icons.js';
export { sanitizeRichText } from './sanitize.js';

export const BLOCKS: { [T in BlockType]: BlockComponent<T> } = {
  hero: Hero,
  features: Features,
  logos: Logos,
  testimonials: Testimonials,
  pricing: Pricing,
  faq: Faq,
  cta: Cta,
  richtext: RichText,
  image: ImageBlock,
  form: Form,
  embed: Embed,
  privacy: PrivacyPolicy,
};

/** Whether the block renders its own section heading (which becomes the h1 when it is first). */
export function blockHasHeading(block: Block): boolean {
  switch (block.type) {
    case 'hero':
    case 'cta':
    case 'privacy':
      return true;
    case 'richtext':
    case 'image':
    case 'embed':
      return false;
    default:
      return Boolean(block.props.heading);
  }
}

export function renderBlock(block: Block, ctx: BlockContext = {}): ReactElement {
  // The union of components cannot be called with the union of props directly;
  // the discriminant guarantees they match.
  const Component = BLOCKS[block.type] as (props: Block['props'] & BlockContext) => ReactElement;
  return createElement(Component, { key: block.props.id, ...block.props, ...ctx });
}
