// The consent banner, rendered on the server into every page that holds
// something to consent to (pageNeedsConsent), in the page's language with the
// subscriber's wording. It starts `hidden`: the consent runtime
// (src/runtime/consent.js) shows it when the visitor has not chosen yet, and
// reopens its choices from the footer's "Cookie settings" link. It is a
// labelled region, fixed to the bottom of the viewport (no layout shift), that
// never traps focus. Its words are exactly the banner version's text, so a
// consent record proves what the visitor answered.
import { bannerVersion } from '../consent/banner-version.js';
import { siteConsentItems } from '../consent/page-needs.js';
import { consentStrings, fill } from '../consent/strings.js';
import type { OptionalCategory, SiteDocument } from '../site-document/schema.js';

/** Whether the site asks for consent at all: the footer gets "Cookie settings" on every page and the stylesheet the banner's styles. */
export const siteAsksConsent = (doc: SiteDocument) => doc.consent.mode !== 'off' && siteConsentItems(doc).length > 0;

/** The footer link's words in the page's language. */
export const cookieSettingsLabel = (lang: string) => consentStrings(lang).settingsLink;

/**
 * The first-party cookies the site's snippets declare, by category: the
 * runtime deletes those of a category the visitor withdraws (names ending in *
 * are prefixes). Provider cookies live on the provider's domain: not ours to delete.
 */
export function declaredCookies(doc: SiteDocument): Partial<Record<OptionalCategory, string[]>> {
  const out: Partial<Record<OptionalCategory, string[]>> = {};
  for (const item of siteConsentItems(doc)) {
    if (item.kind !== 'snippet' || item.cookies.length === 0) continue;
    const names = (out[item.category] ??= []);
    for (const c of item.cookies) if (!names.includes(c.name)) names.push(c.name);
  }
  return out;
}

/** JSON for a <script type="application/json"> element: nothing in it can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const listOf = (lang: string, names: string[]) => {
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
};

export function ConsentBanner({ doc, siteName, lang = doc.defaultLanguage }: { doc: SiteDocument; siteName: string; lang?: string }) {
  const { version, text } = bannerVersion(doc, lang);
  const s = text.strings;
  const notice = text.mode === 'notice';
  // What Global Privacy Control refuses here: shown (by the runtime) only to browsers that send it.
  const gpcRefuses = text.categories.filter((c) => c === 'marketing' || (c === 'analytics' && text.gpcRefusesAnalytics));
  const cookies = declaredCookies(doc);
  const category = (c: 'necessary' | OptionalCategory) => s.categories[c]!;
  return (
    <div
      id="atrium-consent"
      className="consent"
      role="region"
      aria-labelledby="atrium-consent-title"
      hidden
      data-mode={text.mode}
      data-version={version}
      data-categories={text.categories.join(' ')}
      data-gpc-analytics={text.gpcRefusesAnalytics ? '1' : '0'}
    >
      <h2 className="consent-title" id="atrium-consent-title">
        {fill(s.title, { site: siteName })}
      </h2>
      <button type="button" className="consent-close" data-atrium-close="" aria-label={s.close}>
        <span aria-hidden="true">×</span>
      </button>
      <p className="consent-body">{s.body}</p>
      {gpcRefuses.length > 0 && (
        <p className="consent-gpc" data-atrium-gpc="" hidden>
          {fill(s.gpcHonoured, {
            categories: listOf(
              text.lang,
              gpcRefuses.map((c) => category(c).name),
            ),
          })}
        </p>
      )}
      <ul className="consent-choices">
        <li className="consent-choice">
          <span className="consent-name">{category('necessary').name}</span>
          <span className="consent-on">{s.alwaysOn}</span>
          <p className="consent-desc">{category('necessary').description}</p>
        </li>
        {text.categories.map((c) => (
          <li className="consent-choice" key={c}>
            <label className="consent-name" htmlFor={`atrium-consent-${c}`}>
              {category(c).name}
            </label>
            <input type="checkbox" role="switch" className="consent-switch" id={`atrium-consent-${c}`} name={c} aria-describedby={`atrium-consent-${c}-desc`} />
            <p className="consent-desc" id={`atrium-consent-${c}-desc`}>
              {category(c).description}
            </p>
          </li>
        ))}
      </ul>
      <div className="consent-buttons">
        {/* Reject and accept: side by side, the same size and the same style. */}
        <button type="button" className={notice ? 'btn consent-decide consent-in-choices' : 'btn consent-decide'} data-atrium-reject="">
          {s.rejectAll}
        </button>
        <button type="button" className={notice ? 'btn consent-decide consent-in-main' : 'btn consent-decide'} data-atrium-accept="">
          {notice ? s.ok : s.acceptAll}
        </button>
        <button type="button" className="btn consent-choose consent-in-main" data-atrium-choose="">
          {s.choose}
        </button>
        <button type="button" className="btn consent-save consent-in-choices" data-atrium-save="">
          {s.save}
        </button>
      </div>
      {Object.keys(cookies).length > 0 && (
        <script type="application/json" id="atrium-consent-data" dangerouslySetInnerHTML={{ __html: scriptJson({ cookies }) }} />
      )}
    </div>
  );
}
