import type { BlockComponent } from './types.js';
import { Img, cx } from './ui.js';

export const ImageBlock: BlockComponent<'image'> = (p) => (
  <section id={p.id} className={cx('section', `tone-${p.tone ?? 'default'}`, 'image-block', `image-${p.width ?? 'wide'}`)}>
    <figure className={cx(p.width !== 'full' && 'container', p.width === 'narrow' && 'container-narrow', 'image-figure')}>
      <Img image={p.image} eager={p.first} className="image-img" />
      {p.caption && <figcaption className="image-caption">{p.caption}</figcaption>}
    </figure>
  </section>
);
