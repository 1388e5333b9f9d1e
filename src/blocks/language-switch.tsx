// The language switcher of a multi-language site's navbar and footer: plain
// links, no JavaScript. Each leads through /_atrium/lang, which remembers the
// visitor's pick (the `lang` cookie) and sends them to the same page in that
// language.
export interface LanguageLink {
  lang: string;
  /** The language's own name ("Français"). */
  name: string;
  href: string;
  current: boolean;
}

export function LanguageSwitch({ links, label, short = false }: { links: LanguageLink[]; label: string; short?: boolean }) {
  if (links.length < 2) return null;
  return (
    <nav className={short ? 'lang-switch lang-switch-short' : 'lang-switch'} aria-label={label}>
      <ul>
        {links.map((l) => (
          <li key={l.lang}>
            <a href={l.href} lang={l.lang} hrefLang={l.lang} aria-current={l.current ? 'true' : undefined}>
              {short ? (
                <>
                  <span aria-hidden="true">{l.lang.split('-')[0]!.toUpperCase()}</span>
                  <span className="sr-only">{l.name}</span>
                </>
              ) : (
                l.name
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
