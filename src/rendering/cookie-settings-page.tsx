// The no-JavaScript cookie settings page of a published site (/_atrium/cookies):
// in the site's language and theme, a plain form with one checkbox per
// category the site uses (the visitor's current choices checked), the
// visitor's consent record, and the site's cookie table generated from the
// registries. Rendered on request (it shows the visitor's own choices); no script.
import { renderToStaticMarkup } from 'react-dom/server';
import { bannerVersion } from '../consent/banner-version.js';
import type { ConsentChoices } from '../consent/choices.js';
import { cookieTable, durationInWords } from '../consent/cookie-table.js';
import { gpcRefuses } from '../consent/gpc.js';
import { siteCategories, siteConsentItems } from '../consent/page-needs.js';
import { prefsStrings } from '../consent/prefs-strings.js';
import { PROVIDERS } from '../consent/providers.js';
import type { ConsentRecord } from '../consent/record-view.js';
import { consentStrings, fill } from '../consent/strings.js';
import type { OptionalCategory, SiteDocument } from '../site-document/schema.js';
import { COOKIE_SETTINGS_CSS } from './cookie-settings-css.js';
import { HtmlDocument } from './document.js';
import { privacyPageStrings } from './privacy/strings.js';
import type { RenderContext } from './render-site.js';
import { siteSheet } from './site-sheet.js';

export interface CookieSettingsInput {
  /** The visitor's choices from their cookie_consent cookie; null before any choice. */
  current: ConsentChoices | null;
  /** The request came with Sec-GPC: 1. */
  gpc: boolean;
  /** The record their c_id cookie names, if it is one of this site's. */
  record: ConsentRecord | null;
  saved: boolean;
  error?: 'outdated' | 'tooMany';
  /** The site or a page of it asks for a password (the u_sp cookie). */
  protected?: boolean;
}

export function renderCookieSettingsPage(doc: SiteDocument, ctx: RenderContext, input: CookieSettingsInput): string {
  const lang = doc.defaultLanguage;
  const s = consentStrings(lang);
  const p = prefsStrings(lang);
  const rights = privacyPageStrings(lang);
  const banner = bannerVersion(doc, lang);
  const words = banner.text.strings;
  const categories = siteCategories(doc);
  const asks = doc.consent.mode !== 'off' && siteConsentItems(doc).length > 0;
  const refusedByGpc = new Set<OptionalCategory>(input.gpc ? gpcRefuses(doc) : []);
  const nameOf = (c: OptionalCategory | 'necessary') => s.categories[c].name;
  const list = new Intl.ListFormat(lang, { type: 'conjunction' });
  // Before any choice: nothing is on in mode categories; everything but what GPC refuses in mode notice.
  const isOn = (c: OptionalCategory) => !refusedByGpc.has(c) && (input.current ? input.current[c] : doc.consent.mode === 'notice');
  const when = new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  const rows = cookieTable(doc, { protected: input.protected });
  const { css, fonts } = siteSheet(doc);
  const refusedNames = [...refusedByGpc].filter((c) => categories.includes(c)).map((c) => nameOf(c).toLowerCase());

  const html = renderToStaticMarkup(
    <HtmlDocument
      doc={doc}
      siteName={ctx.siteName}
      cssHref={css}
      fontHrefs={fonts}
      meta={{ title: `${s.prefsTitle} · ${ctx.siteName}`, description: '', noindex: true }}
    >
      {/* Hoisted into <head> by React (precedence). */}
      <link rel="stylesheet" href={COOKIE_SETTINGS_CSS.path} precedence="default" />
      <section className="section tone-default prefs">
        <div className="container">
          <div className="prefs-head">
            <h1 className="prefs-title">{s.prefsTitle}</h1>
            <p className="lead">{asks ? s.prefsIntro : p.nothingToChoose}</p>
          </div>
          {input.saved && (
            <p className="prefs-note prefs-note-ok" role="status">
              {s.prefsSaved}
            </p>
          )}
          {input.error && (
            <p className="prefs-note prefs-note-error" role="alert">
              {p[input.error]}
            </p>
          )}
          {asks && refusedNames.length > 0 && <p className="prefs-note">{fill(s.gpcHonoured, { categories: list.format(refusedNames) })}</p>}

          {asks && (
            <form className="prefs-form" method="post" action="/_atrium/consent">
              <input type="hidden" name="version" value={banner.version} />
              <input type="hidden" name="return" value="/_atrium/cookies?saved=1" />
              <fieldset className="prefs-fieldset">
                <legend className="prefs-legend">{p.categoriesLegend}</legend>
                <ul className="prefs-list">
                  <li className="prefs-item">
                    <input className="field-checkbox" type="checkbox" id="prefs-necessary" checked disabled aria-describedby="prefs-necessary-desc" />
                    <label className="prefs-label" htmlFor="prefs-necessary">
                      {words.categories.necessary?.name ?? nameOf('necessary')}
                      <span className="prefs-badge">{words.alwaysOn}</span>
                    </label>
                    <p className="prefs-desc" id="prefs-necessary-desc">
                      {words.categories.necessary?.description ?? s.categories.necessary.description}
                    </p>
                  </li>
                  {categories.map((c) => (
                    <li className="prefs-item" key={c}>
                      <input
                        className="field-checkbox"
                        type="checkbox"
                        id={`prefs-${c}`}
                        name={c}
                        defaultChecked={isOn(c)}
                        disabled={refusedByGpc.has(c)}
                        aria-describedby={`prefs-${c}-desc`}
                      />
                      <label className="prefs-label" htmlFor={`prefs-${c}`}>
                        {nameOf(c)}
                      </label>
                      <p className="prefs-desc" id={`prefs-${c}-desc`}>
                        {s.categories[c].description}
                      </p>
                    </li>
                  ))}
                  {(input.current?.providers ?? []).map((id) => (
                    <li className="prefs-item" key={id}>
                      <input className="field-checkbox" type="checkbox" id={`prefs-provider-${id}`} name="provider" value={id} defaultChecked />
                      <label className="prefs-label" htmlFor={`prefs-provider-${id}`}>
                        {fill(s.alwaysAllow, { provider: PROVIDERS[id].name })}
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <div className="prefs-actions">
                <button className="btn btn-primary" type="submit">
                  {words.save}
                </button>
                <a className="btn btn-secondary" href="/">
                  {s.backToSite}
                </a>
              </div>
            </form>
          )}

          {asks && (
            <section className="prefs-block prefs-block-narrow" aria-labelledby="prefs-record-title">
              <h2 className="prefs-h2" id="prefs-record-title">
                {s.recordId}
              </h2>
              {input.record ? (
                <dl className="prefs-record">
                  <dt>{p.recordIdLabel}</dt>
                  <dd>
                    <code>{input.record.id}</code>
                  </dd>
                  <dt>{p.recordedAt}</dt>
                  <dd>
                    <time dateTime={input.record.createdAt}>{when.format(new Date(input.record.createdAt))}</time>
                  </dd>
                  <dt>{p.choicesLabel}</dt>
                  <dd>
                    <ul className="prefs-choices">
                      {categories.map((c) => {
                        const on = input.record!.choices[c];
                        return (
                          <li key={c} className={`prefs-choice ${on ? 'prefs-choice-on' : 'prefs-choice-off'}`}>
                            {nameOf(c)}: {on ? p.allowed : p.refused}
                          </li>
                        );
                      })}
                      {input.record.choices.providers.map((id) => (
                        <li key={id} className="prefs-choice prefs-choice-on">
                          {fill(s.alwaysAllow, { provider: PROVIDERS[id].name })}
                        </li>
                      ))}
                    </ul>
                    {input.record.gpc && <p className="prefs-desc">{p.gpcRecorded}</p>}
                  </dd>
                </dl>
              ) : (
                <p className="prefs-desc">{p.noChoiceYet}</p>
              )}
            </section>
          )}

          <section className="prefs-block" aria-labelledby="prefs-table-title">
            <h2 className="prefs-h2" id="prefs-table-title">
              {p.cookiesHeading}
            </h2>
            {rows.length ? (
              <div className="prefs-table-wrap">
                <table className="prefs-table">
                  <thead>
                    <tr>
                      <th scope="col">{s.cookieTable.name}</th>
                      <th scope="col">{s.cookieTable.provider}</th>
                      <th scope="col">{s.cookieTable.purpose}</th>
                      <th scope="col">{s.cookieTable.duration}</th>
                      <th scope="col">{s.cookieTable.category}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r, i) => (
                      <tr key={i}>
                        <th scope="row">{r.name}</th>
                        <td data-label={s.cookieTable.provider}>{r.setBy === 'site' ? p.thisSite : r.setBy}</td>
                        <td data-label={s.cookieTable.purpose}>{r.snippet && !r.purpose.startsWith(r.snippet) ? `${r.snippet}: ${r.purpose}` : r.purpose}</td>
                        <td data-label={s.cookieTable.duration}>{durationInWords(r.days, s.cookieTable, lang)}</td>
                        <td data-label={s.cookieTable.category}>{nameOf(r.category)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="prefs-desc">{p.noCookies}</p>
            )}
          </section>
          <section className="prefs-block prefs-block-narrow" aria-labelledby="prefs-rights-title">
            <h2 className="prefs-h2" id="prefs-rights-title">
              {rights.cookiePageHeading}
            </h2>
            <p className="prefs-desc prefs-rights">{rights.cookiePageNote}</p>
            <a className="btn btn-secondary" href="/_atrium/privacy">
              {rights.link}
            </a>
          </section>
          {!asks && (
            <a className="btn btn-secondary" href="/">
              {s.backToSite}
            </a>
          )}
        </div>
      </section>
    </HtmlDocument>,
  );
  return '<!doctype html>' + html;
}
