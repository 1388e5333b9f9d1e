// A miniature of a site drawn from its document: the theme's colours, fonts
// and corner radius, the brand, and the home page's hero. Published sites
// forbid being framed (frame-ancestors), so this is drawn, not embedded.
import type { CSSProperties } from 'react';
import type { Palette, Theme } from './api';

export interface ThumbModel {
  palette: Palette;
  headingFont: string;
  radius: string;
  brand: string;
  logo?: string;
  heading: string;
  sub?: string;
  layout: 'centered' | 'split';
  image?: string;
  links: number;
}

/**
 * Images the dashboard may show: inline data URLs, https, and uploaded images
 * (/_atrium/img/, also served on the app host). Other site paths live on the site's own host.
 */
export const displayable = (src: unknown): string | undefined =>
  typeof src === 'string' && /^(data:image\/|https:\/\/|\/_atrium\/img\/[0-9a-f]{64}\.webp$)/.test(src) ? src : undefined;

interface DocLike {
  theme: Theme;
  navigation?: { brand?: string; logo?: { src?: string }; links?: unknown[] };
  pages?: { path: string; blocks?: { type: string; props: Record<string, unknown> }[] }[];
}

export function thumbFromDocument(doc: DocLike, siteName: string): ThumbModel {
  const home = doc.pages?.find((p) => p.path === '/') ?? doc.pages?.[0];
  const hero = home?.blocks?.find((b) => b.type === 'hero')?.props;
  const image = hero?.image as { src?: string } | undefined;
  return {
    palette: doc.theme.palette,
    headingFont: doc.theme.fonts.heading,
    radius: doc.theme.radius,
    brand: doc.navigation?.brand || siteName,
    logo: displayable(doc.navigation?.logo?.src),
    heading: typeof hero?.heading === 'string' ? hero.heading : siteName,
    sub: typeof hero?.subheading === 'string' ? hero.subheading : undefined,
    layout: hero?.layout === 'split' ? 'split' : 'centered',
    image: displayable(image?.src),
    links: Math.min(doc.navigation?.links?.length ?? 3, 4),
  };
}

export function thumbFromTheme(theme: Theme, name: string, heading: string): ThumbModel {
  return { palette: theme.palette, headingFont: theme.fonts.heading, radius: theme.radius, brand: name, heading, layout: 'centered', links: 3 };
}

const RADIUS: Record<string, string> = { none: '0', small: '2px', medium: '4px', large: '6px', pill: '999px' };

export function SiteThumb({ model }: { model: ThumbModel }) {
  const p = model.palette;
  // Custom properties set through the CSSOM (allowed by the app's style-src 'self').
  const vars = {
    '--t-bg': p.background,
    '--t-surface': p.surface,
    '--t-text': p.text,
    '--t-muted': p.muted,
    '--t-primary': p.primary,
    '--t-on-primary': p.primaryText,
    '--t-border': p.border,
    '--t-radius': RADIUS[model.radius] ?? '4px',
  } as CSSProperties;
  return (
    <div className={`thumb thumb-${model.layout} thumb-font-${model.headingFont}`} style={vars} aria-hidden="true">
      <div className="thumb-nav">
        <span className="thumb-brand">
          {model.logo ? <img src={model.logo} alt="" /> : <span className="thumb-brand-dot" />}
          <span className="thumb-brand-name">{model.brand}</span>
        </span>
        <span className="thumb-links">
          {Array.from({ length: model.links }, (_, i) => (
            <i key={i} />
          ))}
        </span>
        <span className="thumb-cta" />
      </div>
      <div className={`thumb-hero${model.image ? ' has-art' : ''}`}>
        <div className="thumb-copy">
          <span className="thumb-heading">{model.heading}</span>
          <span className="thumb-lines">
            <i />
            <i />
          </span>
          <span className="thumb-buttons">
            <i className="thumb-btn-primary" />
            <i className="thumb-btn-secondary" />
          </span>
        </div>
        {(model.layout === 'split' || model.image) && <div className="thumb-art">{model.image ? <img src={model.image} alt="" /> : null}</div>}
      </div>
      {!(model.layout === 'centered' && model.image) && (
        <div className="thumb-cards">
          <i />
          <i />
          <i />
        </div>
      )}
    </div>
  );
}
