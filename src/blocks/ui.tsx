// Shared building pieces for blocks. Blocks stay pure functions of their props:
// no context, no globals, so the Puck editor can render them unchanged.
import type { ReactNode } from 'react';

type Tone = 'default' | 'surface' | 'primary' | 'dark';
type Level = 1 | 2 | 3 | 4;

// The schema already validates these; the guards are defence in depth for
// editor previews, where props may not have been through the schema yet.
const SAFE_HREF = /^(\/(?!\/)|#|mailto:|tel:|https?:\/\/)/i;
const SAFE_SRC = /^(\/(?!\/)|https?:\/\/|data:image\/(svg\+xml|png|jpeg|webp)[;,])/i;
export const safeHref = (href: string) => (SAFE_HREF.test(href.trim()) ? href.trim() : '#');
export const safeSrc = (src: string) => (SAFE_SRC.test(src.trim()) ? src.trim() : '');

export const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

export function Section(props: { id: string; tone?: Tone; className: string; children: ReactNode; wide?: boolean }) {
  return (
    <section id={props.id} className={cx('section', `tone-${props.tone ?? 'default'}`, props.className)}>
      <div className={cx('container', props.wide === false && 'container-narrow')}>{props.children}</div>
    </section>
  );
}

export function Heading({ level, className, children }: { level: Level; className?: string; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return <Tag className={className}>{children}</Tag>;
}

/** Level of a block's own heading: the page's first block carries the h1. */
export const sectionLevel = (first?: boolean): Level => (first ? 1 : 2);
export const itemLevel = (first?: boolean): Level => (first ? 2 : 3);

export function SectionHeader(props: { heading?: string; subheading?: string; first?: boolean; align?: 'center' | 'start' }) {
  if (!props.heading && !props.subheading) return null;
  return (
    <div className={cx('section-header', props.align === 'start' && 'section-header-start')}>
      {props.heading && (
        <Heading level={sectionLevel(props.first)} className="section-title">
          {props.heading}
        </Heading>
      )}
      {props.subheading && <p className="lead">{props.subheading}</p>}
    </div>
  );
}

interface Button {
  label: string;
  href: string;
}

export function Buttons({ primary, secondary, className }: { primary?: Button; secondary?: Button; className?: string }) {
  if (!primary && !secondary) return null;
  return (
    <div className={cx('buttons', className)}>
      {primary && (
        <a className="btn btn-primary" href={safeHref(primary.href)}>
          {primary.label}
        </a>
      )}
      {secondary && (
        <a className="btn btn-secondary" href={safeHref(secondary.href)}>
          {secondary.label}
        </a>
      )}
    </div>
  );
}

export interface ImageValue {
  src: string;
  alt: string;
  width?: number;
  height?: number;
  srcset?: { src: string; width: number }[];
}

/**
 * An <img> with intrinsic size when known (no layout shift), resized variants
 * for uploaded images, and lazy loading below the fold. `sizes` says how wide
 * the image is laid out, so the browser picks the smallest sufficient variant.
 */
export function Img({
  image,
  eager,
  className,
  sizes = '(min-width: 1200px) 1200px, 100vw',
}: {
  image: ImageValue;
  eager?: boolean;
  className?: string;
  sizes?: string;
}) {
  const src = safeSrc(image.src);
  if (!src) return null;
  const variants = (image.srcset ?? []).filter((v) => safeSrc(v.src));
  return (
    <img
      className={className}
      src={src}
      srcSet={variants.length ? variants.map((v) => `${v.src} ${v.width}w`).join(', ') : undefined}
      sizes={variants.length ? sizes : undefined}
      alt={image.alt}
      width={image.width}
      height={image.height}
      loading={eager ? undefined : 'lazy'}
      decoding={eager ? undefined : 'async'}
    />
  );
}
