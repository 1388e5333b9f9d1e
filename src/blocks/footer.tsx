import type { SiteDocument } from '../site-document/schema.js';
import { LanguageSwitch, type LanguageLink } from './language-switch.js';
import { safeHref } from './ui.js';

export interface FooterProps {
  footer: SiteDocument['footer'];
  brand: string;
  /**
   * The "Cookie settings" link's words, on every page of a site that asks for
   * consent. The consent runtime reopens the banner's choices from it; without
   * the runtime it leads to the preferences page, which works without JavaScript.
   */
  cookieSettings?: string;
  /** The words of the link to the site's privacy request page (/_atrium/privacy), which every published site has. */
  privacyRequests?: string;
  /** Where the brand links to: the home page in the page's language. */
  homeHref?: string;
  /** A multi-language site's switcher, and its accessible name. */
  languages?: LanguageLink[];
  languageLabel?: string;
}

export function Footer({ footer, brand, cookieSettings, privacyRequests, homeHref = '/', languages = [], languageLabel = 'Language' }: FooterProps) {
  return (
    <footer className="site-footer tone-surface">
      <div className="container">
        <div className="footer-top">
          <div className="footer-brand">
            <a className="brand" href={homeHref}>
              <span className="brand-name">{brand}</span>
            </a>
            {footer.tagline && <p className="footer-tagline">{footer.tagline}</p>}
            <LanguageSwitch links={languages} label={languageLabel} />
          </div>
          {footer.columns.length > 0 && (
            <div className="footer-columns">
              {footer.columns.map((col, i) => (
                <nav key={i} className="footer-column" aria-label={col.heading}>
                  <h2 className="footer-heading">{col.heading}</h2>
                  <ul>
                    {col.links.map((link, j) => (
                      <li key={j}>
                        <a href={safeHref(link.href)}>{link.label}</a>
                      </li>
                    ))}
                  </ul>
                </nav>
              ))}
            </div>
          )}
        </div>
        {cookieSettings || privacyRequests ? (
          <div className="footer-bottom">
            {footer.legal && <p className="footer-legal">{footer.legal}</p>}
            {cookieSettings && (
              <a className="footer-cookies" href="/_atrium/cookies" data-atrium-cookie-settings="">
                {cookieSettings}
              </a>
            )}
            {privacyRequests && <a href="/_atrium/privacy">{privacyRequests}</a>}
          </div>
        ) : (
          footer.legal && <p className="footer-legal">{footer.legal}</p>
        )}
      </div>
    </footer>
  );
}
