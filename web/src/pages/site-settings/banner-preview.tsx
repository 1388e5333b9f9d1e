// A small picture of the banner as visitors will meet it, redrawn as the
// mode and wording change. Drawn with the site's colours; the live banner's
// exact look comes from the published stylesheet.
import type { ConsentStrings } from '../../../../src/consent/strings';
import type { ConsentSettings, OptionalCategory, Theme } from '../../../../src/site-document/schema';

export interface BannerText {
  title: string;
  body: string;
  acceptAll: string;
  rejectAll: string;
  choose: string;
}

export function BannerPreview({
  mode,
  text,
  strings,
  categories,
  theme,
}: {
  mode: ConsentSettings['mode'];
  text: BannerText;
  strings: ConsentStrings;
  categories: OptionalCategory[];
  theme: Theme;
}) {
  const style = {
    '--pv-bg': theme.palette.background,
    '--pv-surface': theme.palette.surface,
    '--pv-text': theme.palette.text,
    '--pv-muted': theme.palette.muted,
    '--pv-border': theme.palette.border,
    '--pv-primary': theme.palette.primary,
    '--pv-primary-text': theme.palette.primaryText,
  } as React.CSSProperties;
  return (
    <figure className="banner-preview" aria-labelledby="banner-preview-caption">
      <figcaption id="banner-preview-caption" className="banner-preview-caption">
        Preview
      </figcaption>
      <div className="banner-preview-page" style={style}>
        <span className="pv-bar pv-bar-wide" aria-hidden="true" />
        <span className="pv-bar" aria-hidden="true" />
        <span className="pv-bar pv-bar-short" aria-hidden="true" />
        {mode === 'off' ? (
          <p className="pv-none">No banner: visitors are never asked.</p>
        ) : (
          <div className="pv-banner">
            <p className="pv-title">{text.title}</p>
            <p className="pv-body">{text.body}</p>
            {mode === 'categories' && categories.length > 0 && (
              <p className="pv-categories">{[strings.categories.necessary.name, ...categories.map((c) => strings.categories[c].name)].join(' · ')}</p>
            )}
            <div className="pv-buttons">
              {mode === 'categories' ? (
                <>
                  <span className="pv-btn pv-btn-primary">{text.rejectAll}</span>
                  <span className="pv-btn pv-btn-primary">{text.acceptAll}</span>
                  <span className="pv-btn">{text.choose}</span>
                </>
              ) : (
                <>
                  <span className="pv-btn pv-btn-primary">{strings.ok}</span>
                  <span className="pv-btn">{text.choose}</span>
                </>
              )}
            </div>
          </div>
        )}
      </div>
    </figure>
  );
}
