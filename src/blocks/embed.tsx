// Third-party content (a video, a map, a booking calendar): rendered as a
// placeholder that names the provider. No frame exists in the HTML; the
// consent runtime (src/runtime/consent.js) creates it from data-atrium-src once
// the visitor allows the provider or its category, and removes it again when
// they withdraw. Without JavaScript the visitor gets a link to the provider.
import { PROVIDERS, providerName } from '../consent/providers.js';
import { consentStrings, fill } from '../consent/strings.js';
import type { EmbedProvider } from '../consent/providers.js';
import type { BlockComponent } from './types.js';
import { Section, cx } from './ui.js';

/** What kind of content waits behind the placeholder, drawn as a small stroke icon (24x24, currentColor). */
const NOUN_ICONS: Record<EmbedProvider['noun'], string> = {
  video: 'M8 5.5v13l10.5-6.5z',
  audio: 'M9 18V5l11-2v13M9 18a3 3 0 1 1-6 0 3 3 0 0 1 6 0zm11-2a3 3 0 1 1-6 0 3 3 0 0 1 6 0z',
  map: 'M12 21s-7-6.1-7-11.5a7 7 0 0 1 14 0C19 14.9 12 21 12 21zm0-9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
  calendar: 'M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm11-2v4M8 3v4m-4 4h16',
  form: 'M5 4h14v16H5zM8.5 9h7m-7 3.5h7m-7 3.5h4',
  content: 'M4 5h16v14H4zm0 4h16M7 7h.01',
};

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
            <span className="embed-icon" aria-hidden="true">
              <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                <path d={NOUN_ICONS[provider.noun]} />
              </svg>
            </span>
            <p className="embed-provider">{name}</p>
            <p className="embed-note">{fill(t.embedNote, { provider: name })}</p>
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
