// Site header. The mobile menu is a native <details> disclosure, so it opens
// and closes without JavaScript; CSS swaps it for the inline link list on wide screens.
import type { SiteDocument } from '../site-document/schema.js';
import { Icon } from './icons.js';
import { LanguageSwitch, type LanguageLink } from './language-switch.js';
import { Img, safeHref } from './ui.js';

export interface NavbarProps {
  navigation: SiteDocument['navigation'];
  siteName: string;
  /** Path of the page being rendered, to mark its link with aria-current. */
  currentPath?: string;
  /** Accessible name of the mobile menu button. */
  menuLabel?: string;
  /** Where the brand links to: the home page in the page's language. */
  homeHref?: string;
  /** A multi-language site's switcher, and its accessible name. */
  languages?: LanguageLink[];
  languageLabel?: string;
}

export function Navbar({ navigation, siteName, currentPath, menuLabel = 'Menu', homeHref = '/', languages = [], languageLabel = 'Language' }: NavbarProps) {
  const brand = navigation.brand || siteName;
  const links = navigation.links.map((link, i) => (
    <li key={i}>
      <a className="nav-link" href={safeHref(link.href)} aria-current={link.href === currentPath ? 'page' : undefined}>
        {link.label}
      </a>
    </li>
  ));
  const cta = navigation.cta && (
    <a className="btn btn-primary btn-small nav-cta" href={safeHref(navigation.cta.href)}>
      {navigation.cta.label}
    </a>
  );
  return (
    <header className="site-header">
      <div className="container nav-bar">
        <a className="brand" href={homeHref}>
          {navigation.logo && <Img image={{ ...navigation.logo, alt: '' }} eager className="brand-logo" />}
          <span className="brand-name">{brand}</span>
        </a>
        {links.length > 0 && (
          <nav className="nav-desktop" aria-label={brand}>
            <ul className="nav-links">{links}</ul>
          </nav>
        )}
        {(cta || languages.length > 1) && (
          <div className="nav-actions">
            <LanguageSwitch links={languages} label={languageLabel} short />
            {cta}
          </div>
        )}
        {(links.length > 0 || cta || languages.length > 1) && (
          <details className="nav-mobile">
            <summary className="nav-toggle" aria-label={menuLabel}>
              <Icon name="menu" className="nav-icon-open" />
              <Icon name="close" className="nav-icon-close" />
            </summary>
            <nav className="nav-panel" aria-label={brand}>
              <ul className="nav-panel-links">{links}</ul>
              {cta}
              <LanguageSwitch links={languages} label={languageLabel} />
            </nav>
          </details>
        )}
      </div>
    </header>
  );
}
