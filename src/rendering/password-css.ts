// The styles of the password page of protected sites and pages, linked after
// the site's own stylesheet and served at a content-hashed path (so published
// pages do not carry them). Theme colours, fonts and radii only.
import { createHash } from 'node:crypto';

const CSS = `
.pw{flex:1;display:grid;place-items:center;padding:clamp(1.5rem,1rem + 5vw,5rem) 1.25rem}
.pw-card{width:100%;max-width:27rem;padding:clamp(1.5rem,1.125rem + 2vw,2.5rem);border:1px solid var(--border);border-radius:var(--r-xl);background:var(--card);box-shadow:var(--shadow-xl)}
.pw-brand{display:flex;align-items:center;gap:.625rem;margin-bottom:2rem;color:var(--heading);font-family:var(--font-heading);font-size:1.0625rem;font-weight:var(--heading-weight);letter-spacing:var(--heading-tracking);line-height:1.3}
.pw-brand img{display:block;width:auto;height:1.75rem}
.pw-icon{display:grid;place-items:center;width:2.75rem;height:2.75rem;margin-bottom:1.125rem;border:1px solid var(--accent-border);border-radius:999px;background:var(--accent-soft);color:var(--accent-text)}
.pw-icon svg{width:1.25rem;height:1.25rem;fill:none;stroke:currentColor;stroke-width:1.75;stroke-linecap:round;stroke-linejoin:round}
.pw-title{margin-bottom:.5rem;font-size:clamp(1.5rem,1.3rem + .8vw,1.875rem)}
.pw-intro{margin-bottom:1.5rem;color:var(--muted);line-height:1.55}
.pw-form{display:grid;gap:1.125rem}
.pw-form .btn{width:100%}
.pw-error{display:flex;gap:.625rem;align-items:flex-start;padding:.75rem 1rem;border:1px solid var(--danger);border-radius:var(--r);background:var(--bg);color:var(--heading);font-size:.9375rem;font-weight:500;line-height:1.5}
.pw-error::before{content:"";flex:none;width:.5rem;height:.5rem;margin-top:.4375rem;border-radius:999px;background:var(--danger)}
.pw-note{margin-top:1.5rem;padding-top:1.25rem;border-top:1px solid var(--border);color:var(--muted);font-size:.875rem;line-height:1.55}
.pw-home{display:inline-block;margin-top:.75rem;color:var(--link);font-size:.9375rem;font-weight:600}
`
  .replace(/\s*\n\s*/g, '')
  .trim();

export const PASSWORD_PAGE_CSS = {
  path: `/_atrium/protect.${createHash('sha256').update(CSS).digest('hex').slice(0, 12)}.css`,
  body: CSS,
};
