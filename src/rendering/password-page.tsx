// The password page of a protected site or page: in the page's language and
// theme, naming the site, one password field in a plain form (no script, so
// it works without JavaScript), noindex. It shows no navigation or footer:
// those would name pages the visitor may not see.
import { renderToStaticMarkup } from 'react-dom/server';
import { passwordPageStrings } from '../protection/strings.js';
import type { SiteDocument } from '../site-document/schema.js';
import { localizedPath } from '../site-document/translations.js';
import { PASSWORD_PAGE_CSS } from './password-css.js';
import { siteSheet } from './site-sheet.js';

export const PROTECT_PATH = '/_atrium/protect';

export interface PasswordPageInput {
  /** site: the site password is asked for; page: the page's own. */
  kind: 'site' | 'page';
  /** Where the visitor goes once in (a path of the site, with its query). */
  next: string;
  error?: 'wrong' | 'empty' | 'tooMany';
  /** Offer a link to the home page (it does not ask for this password). */
  homeLink?: boolean;
  /** The page's language (a multi-language site's /fr/ pages: fr); the site's default otherwise. */
  lang?: string;
}

const fill = (s: string, site: string) => s.replace('{site}', site);

export function renderPasswordPage(doc: SiteDocument, siteName: string, input: PasswordPageInput): string {
  const lang = input.lang ?? doc.defaultLanguage;
  const s = passwordPageStrings(lang);
  const { css, fonts } = siteSheet(doc);
  const heading = input.kind === 'site' ? s.siteHeading : s.pageHeading;
  const brand = doc.navigation.brand || siteName;
  const logo = doc.navigation.logo;
  const html = renderToStaticMarkup(
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${heading} · ${siteName}`}</title>
        <meta name="robots" content="noindex" />
        <meta name="theme-color" content={doc.theme.palette.background} />
        {doc.favicon && <link rel="icon" href={doc.favicon} />}
        {fonts.map((href) => (
          <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossOrigin="" />
        ))}
        <link rel="stylesheet" href={css} />
        <link rel="stylesheet" href={PASSWORD_PAGE_CSS.path} />
      </head>
      <body>
        <main id="main" className="pw">
          <div className="pw-card">
            <p className="pw-brand">
              {logo && <img src={logo.src} alt="" width={logo.width} height={logo.height} />}
              <span>{brand}</span>
            </p>
            <div className="pw-icon" aria-hidden="true">
              <svg viewBox="0 0 24 24">
                <rect x="4.5" y="10.5" width="15" height="10" rx="2.5" />
                <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
              </svg>
            </div>
            <h1 className="pw-title">{heading}</h1>
            <p className="pw-intro">{fill(input.kind === 'site' ? s.siteIntro : s.pageIntro, siteName)}</p>
            <form className="pw-form" method="post" action={PROTECT_PATH}>
              <input type="hidden" name="next" value={input.next} />
              {input.error && (
                <p className="pw-error" id="pw-error" role="alert">
                  {s[input.error]}
                </p>
              )}
              <div className="field">
                <label className="field-label" htmlFor="pw-password">
                  {s.label}
                </label>
                <input
                  className="field-input"
                  id="pw-password"
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  required
                  autoFocus
                  aria-invalid={input.error === 'wrong' || input.error === 'empty' ? true : undefined}
                  aria-describedby={input.error ? 'pw-error' : undefined}
                />
              </div>
              <button className="btn btn-primary" type="submit">
                {s.submit}
              </button>
            </form>
            <p className="pw-note">{s.cookieNote}</p>
            {input.homeLink && (
              <a className="pw-home" href={localizedPath(doc, '/', lang)}>
                {s.home}
              </a>
            )}
          </div>
        </main>
      </body>
    </html>,
  );
  return `<!doctype html>${html}`;
}
