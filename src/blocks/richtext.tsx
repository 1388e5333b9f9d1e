import { sanitizeRichText } from './sanitize.js';
import type { BlockComponent } from './types.js';
import { Section, cx } from './ui.js';

export const RichText: BlockComponent<'richtext'> = (p) => (
  <Section id={p.id} tone={p.tone} className="richtext" wide={p.width === 'wide'}>
    <div className={cx('prose', p.width === 'wide' && 'prose-wide')} dangerouslySetInnerHTML={{ __html: sanitizeRichText(p.html) }} />
  </Section>
);
