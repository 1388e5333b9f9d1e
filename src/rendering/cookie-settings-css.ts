// The styles of the no-JavaScript cookie settings page (/_atrium/cookies),
// linked after the site's own stylesheet and served at a content-hashed path,
// so published pages do not carry them. Theme colours and radii only.
import { createHash } from 'node:crypto';

const CSS = `
.section.prefs{padding-block:clamp(2.5rem,1.5rem + 4vw,5rem)}
.prefs .container{max-width:60rem}
.prefs-head,.prefs-form,.prefs-note,.prefs-block-narrow{max-width:46rem}
.prefs-head{display:grid;gap:.875rem;margin-bottom:2rem}
.prefs-title{font-size:clamp(2rem,1.5rem + 2vw,2.75rem)}
.prefs-note{display:flex;gap:.625rem;align-items:flex-start;margin-bottom:1.5rem;padding:.875rem 1.125rem;border:1px solid var(--border);border-radius:var(--r);background:var(--card);color:var(--heading);font-weight:500;line-height:1.5}
.prefs-note::before{content:"";flex:none;width:.5rem;height:.5rem;margin-top:.5rem;border-radius:999px;background:var(--accent)}
.prefs-note-ok{border-color:var(--accent-border);background:var(--accent-soft)}
.prefs-note-error{border-color:var(--danger)}
.prefs-note-error::before{background:var(--danger)}
.prefs-form{display:grid;gap:1.5rem;margin-bottom:3rem}
.prefs-fieldset{margin:0;padding:0;border:0;min-width:0}
.prefs-legend{margin-bottom:.75rem;padding:0;color:var(--heading);font-family:var(--font-heading);font-size:1.125rem;font-weight:var(--heading-weight)}
.prefs-list{margin:0;padding:0;list-style:none;border:1px solid var(--border);border-radius:var(--r-lg);background:var(--card);box-shadow:var(--shadow-sm);overflow:hidden}
.prefs-item{display:grid;grid-template-columns:auto minmax(0,1fr);column-gap:.875rem;row-gap:.25rem;padding:1.125rem 1.25rem}
.prefs-item+.prefs-item{border-top:1px solid var(--border)}
.prefs-item .field-checkbox{margin-top:.1875rem}
.prefs-item .field-checkbox:disabled{opacity:.6;cursor:not-allowed}
.prefs-label{display:flex;flex-wrap:wrap;align-items:baseline;gap:.375rem .75rem;color:var(--heading);font-weight:600;cursor:pointer}
.prefs-desc{grid-column:2;color:var(--muted);font-size:.9375rem;line-height:1.55}
.prefs-badge{padding:.0625rem .5rem;border:1px solid var(--border);border-radius:999px;color:var(--muted);font-size:.75rem;font-weight:600;letter-spacing:.01em}
.prefs-actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}
.prefs-block{margin-bottom:3rem}
.prefs-rights{margin-bottom:1rem}
.prefs-h2{margin-bottom:1rem;font-size:clamp(1.25rem,1.1rem + .6vw,1.5rem)}
.prefs-record{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.5rem 1.5rem;margin:0;padding:1.125rem 1.25rem;border:1px solid var(--border);border-radius:var(--r-lg);background:var(--card)}
.prefs-record dt{color:var(--muted);font-size:.9375rem}
.prefs-record dd{margin:0;color:var(--heading);overflow-wrap:anywhere}
.prefs-record code{font-family:var(--font-mono);font-size:.875rem}
.prefs-choices{display:flex;flex-wrap:wrap;gap:.375rem .5rem;margin:0;padding:0;list-style:none}
.prefs-choice{padding:.0625rem .625rem;border:1px solid var(--border);border-radius:999px;font-size:.875rem}
.prefs-choice-on{border-color:var(--accent-border);background:var(--accent-soft);color:var(--accent-text)}
.prefs-choice-off{color:var(--muted)}
.prefs-table-wrap{overflow-x:auto;border:1px solid var(--border);border-radius:var(--r-lg);background:var(--card)}
.prefs-table{width:100%;border-collapse:collapse;font-size:.9375rem;line-height:1.5}
.prefs-table th,.prefs-table td{padding:.75rem 1rem;text-align:left;vertical-align:baseline}
.prefs-table thead th{color:var(--muted);font-size:.8125rem;font-weight:600;border-bottom:1px solid var(--border);white-space:nowrap}
.prefs-table tbody tr+tr{border-top:1px solid var(--border)}
.prefs-table tbody th{color:var(--heading);font-family:var(--font-mono);font-size:.8125rem;font-weight:600;white-space:nowrap}
.prefs-table td:nth-child(3){width:48%;min-width:14rem}
.prefs-table td:nth-child(2){white-space:nowrap}
.prefs-table td:nth-child(4){min-width:7rem}
.prefs-table td{color:var(--text)}
.prefs-table .prefs-muted{color:var(--muted)}
@media (max-width:40rem){
.prefs-table td:nth-child(2){white-space:normal}
.prefs-table td:nth-child(3),.prefs-table td:nth-child(4){width:auto;min-width:0}
.prefs-table thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.prefs-table,.prefs-table tbody,.prefs-table tr,.prefs-table th,.prefs-table td{display:block}
.prefs-table tbody tr{padding:.875rem 1rem}
.prefs-table th,.prefs-table td{padding:.125rem 0}
.prefs-table td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.8125rem;font-weight:600}
.prefs-record{grid-template-columns:minmax(0,1fr);gap:.125rem}
.prefs-record dd+dt{margin-top:.625rem}
}
`
  .replace(/\s*\n\s*/g, '')
  .trim();

export const COOKIE_SETTINGS_CSS = {
  path: `/_atrium/cookies.${createHash('sha256').update(CSS).digest('hex').slice(0, 12)}.css`,
  body: CSS,
};
