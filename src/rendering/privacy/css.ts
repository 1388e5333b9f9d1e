// The styles of a published site's privacy request pages (/_atrium/privacy),
// linked after the site's own stylesheet and served at a content-hashed path
// under /_atrium/privacy/, so published pages do not carry them. Fields,
// buttons and panels come from the site's stylesheet; only theme variables here.
// React hoists this link before the site's stylesheet: a rule that overrides
// one of the site's needs the higher specificity (.pr .pr-form).
import { createHash } from 'node:crypto';

const CSS = `
.section.pr{padding-block:clamp(2.5rem,1.5rem + 4vw,5rem)}
.pr .container{max-width:68rem}
.pr-head{display:grid;gap:.875rem;max-width:44rem;margin-bottom:clamp(1.75rem,1.25rem + 2vw,2.75rem)}
.pr-title{font-size:clamp(2rem,1.5rem + 2vw,2.75rem)}
.pr-layout{display:grid;gap:2rem;align-items:start}
@media (min-width:62rem){.pr-layout{grid-template-columns:minmax(0,1fr) 19rem;gap:3.5rem}.pr-aside{position:sticky;top:6rem}}
.pr .pr-form{gap:1.75rem}
.pr-fields{display:grid;gap:1.5rem}
.pr-pair{display:grid;gap:1.5rem}
/* Side by side, the two fields share rows (subgrid): their controls line up whatever their labels' length. */
@media (min-width:40rem){.pr-pair{grid-template-columns:repeat(2,minmax(0,1fr));row-gap:0}.pr-pair>.field{grid-row:span 4;grid-template-rows:subgrid;row-gap:.4375rem}}
.pr-hint{color:var(--muted);font-size:.875rem;line-height:1.5}
.pr-summary{display:grid;gap:.625rem;padding:1.125rem 1.25rem;border:2px solid var(--danger);border-radius:var(--r);background:var(--bg)}
.pr-summary:focus{outline:3px solid var(--focus);outline-offset:3px}
.pr-summary-title{color:var(--heading);font-family:var(--font-body);font-size:1.0625rem;font-weight:700}
.pr-summary ul{display:grid;gap:.375rem;margin:0;padding-left:1.125rem}
.pr-summary a{color:var(--danger);font-weight:600}
.pr-fieldset{display:grid;gap:.75rem;min-width:0;margin:0;padding:0;border:0}
.pr-legend{float:left;width:100%;margin-bottom:.75rem;padding:0;color:var(--heading);font-size:.9375rem;font-weight:600}
.pr-legend+*{clear:both}
.pr-types{margin:0;padding:0;list-style:none;border:1px solid var(--border-strong);border-radius:var(--r-lg);background:var(--bg);overflow:hidden}
.pr-type{position:relative;display:grid;grid-template-columns:auto minmax(0,1fr);column-gap:.875rem;row-gap:.125rem;padding:.875rem 1.125rem;transition:background-color .15s}
.pr-type+.pr-type{border-top:1px solid var(--border)}
.pr-type:hover{background:var(--hover-bg)}
.pr-type:has(.pr-radio:checked){background:var(--accent-soft)}
.pr-radio{display:grid;place-content:center;width:1.25rem;height:1.25rem;margin:.1875rem 0 0;border:1px solid var(--border-strong);border-radius:999px;background:var(--bg);box-shadow:var(--shadow-sm);-webkit-appearance:none;appearance:none;cursor:pointer}
.pr-radio::before{content:"";width:.5rem;height:.5rem;border-radius:999px;background:var(--btn-text);transform:scale(0);transition:transform .1s}
.pr-radio:checked{border-color:var(--btn-bg);background:var(--btn-bg)}
.pr-radio:checked::before{transform:scale(1)}
.pr-radio:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.pr-radio[aria-invalid=true]{border-color:var(--danger)}
.pr-type-label{color:var(--heading);font-weight:600;line-height:1.5;cursor:pointer}
.pr-type-label::after{content:"";position:absolute;inset:0}
.pr-type-desc{grid-column:2;color:var(--muted);font-size:.9375rem;line-height:1.5}
.pr-actions{display:flex;flex-wrap:wrap;align-items:center;gap:1rem}
.pr-aside{display:grid;gap:1.25rem;padding:1.5rem;border:1px solid var(--border);border-radius:var(--r-lg);background:var(--card)}
.pr-aside-title{font-size:1.125rem}
.pr-steps{display:grid;gap:1rem;margin:0;padding:0;list-style:none;counter-reset:pr}
.pr-steps li{display:grid;grid-template-columns:auto minmax(0,1fr);gap:.75rem;color:var(--text);font-size:.9375rem;line-height:1.55;counter-increment:pr}
.pr-steps li::before{content:counter(pr);display:grid;place-items:center;width:1.625rem;height:1.625rem;border:1px solid var(--accent-border);border-radius:999px;background:var(--accent-soft);color:var(--accent-text);font-size:.8125rem;font-weight:700}
.pr-who{padding-top:1.25rem;border-top:1px solid var(--border);color:var(--muted);font-size:.9375rem;line-height:1.55}
.pr-message .cta-panel{max-width:40rem;padding:clamp(2rem,1.25rem + 4vw,4rem) clamp(1.25rem,.75rem + 3vw,3rem);border:1px solid var(--border);border-radius:var(--r-xl);background:var(--card);box-shadow:var(--shadow-md)}
.pr-message .cta-title{font-size:clamp(1.75rem,1.35rem + 1.8vw,2.5rem)}
.pr-message .lead{overflow-wrap:anywhere}
.pr-note{max-width:32rem;color:var(--muted);font-size:.9375rem;line-height:1.55}
.pr-icon-warn{display:grid;place-items:center;width:3.25rem;height:3.25rem;border-radius:999px;background:var(--danger);color:var(--bg);font-size:1.5rem;font-weight:800;line-height:1}
.pr-icon-warn::before{content:"!"}
.pr-icon-mail{display:grid;place-items:center;width:3.25rem;height:3.25rem;border:1px solid var(--accent-border);border-radius:999px;background:var(--accent-soft);box-shadow:0 0 0 8px var(--accent-glow)}
.pr-icon-mail::after{content:"";width:1.375rem;height:1rem;border:2px solid var(--accent-text);border-radius:3px;background:linear-gradient(to top right,transparent calc(50% - 1px),var(--accent-text) calc(50% - 1px) calc(50% + 1px),transparent calc(50% + 1px)) right top/50% 70% no-repeat,linear-gradient(to top left,transparent calc(50% - 1px),var(--accent-text) calc(50% - 1px) calc(50% + 1px),transparent calc(50% + 1px)) left top/50% 70% no-repeat}
.pr-message form{display:contents}
.pr-due{color:var(--heading);font-weight:700;white-space:nowrap}
@media (max-width:40rem){.pr .pr-form{padding:0;border:0;background:none;box-shadow:none}}
@media (max-width:30rem){.pr-actions .btn,.pr-message .btn{width:100%}.pr-type{padding:.875rem 1rem}.pr-aside{padding:1.25rem}}
`
  .replace(/\s*\n\s*/g, '')
  .trim();

export const PRIVACY_PAGE_CSS = {
  path: `/_atrium/privacy/styles.${createHash('sha256').update(CSS).digest('hex').slice(0, 12)}.css`,
  body: CSS,
};
