import type { BlockComponent } from './types.js';
import { Buttons, Heading, Img, Section, cx } from './ui.js';

/** The page opener. Its heading is the page's h1 when it is the first block. */
export const Hero: BlockComponent<'hero'> = (p) => {
  const layout = p.image && p.layout === 'split' ? 'split' : 'centered';
  return (
    <Section id={p.id} tone={p.tone} className={cx('hero', `hero-${layout}`, p.first && 'hero-first')}>
      <div className="hero-copy">
        {p.eyebrow && <p className="eyebrow">{p.eyebrow}</p>}
        <Heading level={p.first ? 1 : 2} className="hero-title">
          {p.heading}
        </Heading>
        {p.subheading && <p className="lead hero-lead">{p.subheading}</p>}
        <Buttons primary={p.primary} secondary={p.secondary} className="hero-buttons" />
      </div>
      {p.image && (
        <div className="hero-media">
          <Img image={p.image} eager={p.first} className="hero-image" />
        </div>
      )}
    </Section>
  );
};
