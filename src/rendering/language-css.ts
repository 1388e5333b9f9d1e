// The language switcher's styles: only in the stylesheet of a site with further languages.
export const LANGUAGE_CSS = `
.lang-switch ul{display:flex;flex-wrap:wrap;gap:.25rem;margin:0;padding:0;list-style:none}
.lang-switch a{display:block;min-width:2.75rem;padding:.5rem .625rem;border-radius:var(--r-sm);color:var(--muted);font-size:.875rem;font-weight:500;text-align:center;text-decoration:none;transition:color .15s,background-color .15s}
.lang-switch a:hover{background:var(--hover-bg);color:var(--heading)}
.lang-switch a[aria-current]{background:var(--accent-soft);color:var(--accent-text);font-weight:600}
.lang-switch-short a{font-size:.8125rem;letter-spacing:.04em}
.nav-actions{align-items:center;gap:.75rem}
.nav-panel .lang-switch a{padding:.625rem .875rem;border:1px solid var(--border)}
.footer-brand .lang-switch{margin-top:1.25rem}
.footer-brand .lang-switch ul{margin-left:-.625rem}
`;
