// Third-party content (a video, a map, a booking calendar): rendered as a
// placeholder that names the provider. No frame exists in the HTML; the
// consent runtime (src/runtime/consent.js) creates it from data-atrium-src once
// the visitor allows the provider or its category, and removes it again when
// they withdraw. Without JavaScript the visitor gets a link to the provider.
import { PROVIDERS, providerName } from '../consent/providers.js';
import { consentStrings, fill } from '../consent/strings.js';
import type { BlockComponent } from './types.js';
import { Section, cx } from './ui.js';

export const Embed: BlockComponent<'embed'> = (p) => {
  const provider = PROVIDERS[p.provider];
  const checked = p.url ? provider.embedUrl(p.url) : null;
  // A draft's embed may still wait for its address; publishing refuses that, so nothing renders here for it.
  if (!checked || 'error' in checked) return null;
  const t = consentStrings(p.lang ?? 'en');
  const name = providerName(provider.id, p.url);
  const category = provider.id === 'iframe' ? p.category : provider.category;
  return (
    <Section id={p.id} tone={p.tone} className="embed-block">
      <figure className="embed">
        <div
          className={cx('embed-frame', `embed-${p.aspect.replace(':', 'x')}`)}
          data-atrium-embed={provider.id}
          data-atrium-category={category}
          data-atrium-src={checked.url}
          data-atrium-title={p.title}
        >
          <div className="embed-placeholder">
            <p className="embed-provider">{name}</p>
            <p className="embed-note">{fill(t.embedNote, { noun: t.load[provider.noun].replace(/^\S+\s/, '').toLowerCase(), provider: name })}</p>
            <div className="embed-actions" hidden>
              <button type="button" className="btn btn-primary" data-atrium-load="">
                {t.load[provider.noun]}
              </button>
              <button type="button" className="btn btn-secondary" data-atrium-allow="">
                {fill(t.alwaysAllow, { provider: name })}
              </button>
            </div>
            <p className="embed-links">
              <a href={p.url} rel="noopener noreferrer" target="_blank">
                {fill(t.openAt, { provider: name })}
              </a>
              {provider.policyUrl && (
                <>
                  {' · '}
                  <a href={provider.policyUrl} rel="noopener noreferrer" target="_blank">
                    {fill(t.providerPolicy, { provider: name })}
                  </a>
                </>
              )}
            </p>
          </div>
        </div>
        {p.caption && <figcaption className="embed-caption">{p.caption}</figcaption>}
      </figure>
    </Section>
  );
};
