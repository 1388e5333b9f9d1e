import type { BlockComponent } from './types.js';
import { Img, cx } from './ui.js';

// A draft's image block may still wait for its picture; publishing refuses that, so nothing renders here for it.
export const ImageBlock: BlockComponent<'image'> = (p) =>
  p.image ? (
    <section id={p.id} className={cx('section', `tone-${p.tone ?? 'default'}`, 'image-block', `image-${p.width ?? 'wide'}`)}>
      <figure className={cx(p.width !== 'full' && 'container', p.width === 'narrow' && 'container-narrow', 'image-figure')}>
        <Img image={p.image} eager={p.first} className="image-img" />
        {p.caption && <figcaption className="image-caption">{p.caption}</figcaption>}
      </figure>
    </section>
  ) : null;
