// Styles of the consent banner, the embed placeholders and the footer's
// "Cookie settings" row. Only sites with something to consent to get them
// (see buildCss), and they count in the consent budget (test/rendering/consent-budget.test.ts).
// Like base-css.ts: colours, fonts and radii come only from the theme's custom
// properties, so the banner wears the site's theme.
export const CONSENT_CSS = /* css */ `
/* Banner: fixed to the viewport, so showing it moves nothing on the page. */
.consent{position:fixed;z-index:90;left:1.5rem;bottom:1.5rem;display:grid;gap:1rem;width:min(35rem,calc(100% - 3rem));max-height:calc(100dvh - 3rem);overflow:auto;overscroll-behavior:contain;padding:1.5rem;border:1px solid var(--border);border-radius:var(--r-xl);background:var(--bg);color:var(--text);box-shadow:var(--shadow-xl);font-size:.9375rem;line-height:1.55;animation:consent-in .25s ease-out}
@keyframes consent-in{from{opacity:0;transform:translateY(.75rem)}}
.consent[hidden],.consent [hidden]{display:none}
.consent-title{padding-right:2.5rem;font-size:1.1875rem;line-height:1.3}
.consent-close{position:absolute;top:1.125rem;right:1.125rem;width:2.5rem;height:2.5rem;padding:0;border:0;border-radius:var(--r-btn);background:none;color:var(--muted);font:inherit;font-size:1.5rem;line-height:1;cursor:pointer}
.consent-close:hover{background:var(--hover-bg);color:var(--heading)}
.consent-body{color:var(--muted)}
.consent-gpc{padding:.625rem .875rem;border-left:3px solid var(--accent);border-radius:var(--r-sm);background:var(--accent-soft);color:var(--heading);font-size:.875rem}
/* Views: the first question, or the choices per category. */
.consent-choices{display:grid;padding:0;border-block:1px solid var(--border);list-style:none}
.consent-choice{display:grid;grid-template-columns:minmax(0,1fr) auto;align-items:center;gap:.125rem 1rem;padding-block:.875rem}
.consent-choice+.consent-choice{border-top:1px solid var(--border)}
.consent-name{color:var(--heading);font-weight:600;cursor:pointer}
.consent-desc{grid-column:1/-1;color:var(--muted);font-size:.875rem;line-height:1.5}
.consent-on{color:var(--accent-text);font-size:.8125rem;font-weight:600}
.consent-switch{position:relative;width:2.75rem;height:1.5rem;margin:0;border-radius:999px;background:var(--muted);-webkit-appearance:none;appearance:none;cursor:pointer;transition:background-color .15s}
.consent-switch::before{content:"";position:absolute;top:.1875rem;left:.1875rem;width:1.125rem;height:1.125rem;border-radius:999px;background:var(--bg);box-shadow:var(--shadow-sm);transition:transform .15s}
.consent-switch:checked{background:var(--btn-bg)}
.consent-switch:checked::before{background:var(--btn-text);transform:translateX(1.25rem)}
.consent-switch:disabled{cursor:not-allowed;opacity:.55}
.consent:not([data-view=choices]) :is(.consent-choices,.consent-in-choices),.consent[data-view=choices] .consent-in-main,.consent:not([data-closable]) .consent-close{display:none}
.consent-buttons{position:sticky;bottom:-1.5rem;display:flex;flex-wrap:wrap;gap:.625rem;margin:-.5rem 0 -1.5rem;padding:.5rem 0 1.5rem;background:var(--bg)}
.consent-buttons .btn{min-height:2.75rem;padding-inline:1rem}
/* Reject and accept: the same size and the same look, in both views. */
/* No transition: they change look with the view, and text and background must change together. */
.consent-decide{flex:1 1 8rem;background:var(--btn-bg);color:var(--btn-text);transition:none}
.consent-decide:hover{background:var(--btn-bg-hover)}
.consent-choose{flex:0 1 auto;border-color:var(--border-strong);background:none;color:var(--heading)}
.consent-choose:hover,.consent[data-view=choices] .consent-decide:hover{background:var(--hover-bg)}
.consent[data-view=choices] .consent-decide{border-color:var(--border-strong);background:none;color:var(--heading)}
.consent-save{flex:1 1 100%;background:var(--btn-bg);color:var(--btn-text)}
.consent-save:hover{background:var(--btn-bg-hover)}
@media (max-width:40rem){.consent{left:.75rem;bottom:.75rem;gap:.875rem;width:calc(100% - 1.5rem);max-height:calc(100dvh - 1.5rem);padding:1.25rem;font-size:.875rem}.consent-buttons{bottom:-1.25rem;margin-bottom:-1.25rem;padding-bottom:1.25rem}.consent-buttons .btn{padding-inline:.75rem;font-size:.9375rem}.consent-choose{flex-basis:100%}.consent[data-view=choices] .consent-body{display:none}}

/* Embeds: a placeholder naming the provider until the visitor allows it. */
.embed{max-width:56rem;margin-inline:auto}
.embed-frame{position:relative;display:grid;border:1px solid var(--border);border-radius:var(--r-lg);background:radial-gradient(80% 100% at 50% 0%,var(--accent-glow),transparent 70%),var(--card);box-shadow:var(--shadow-md)}
.embed-16x9{aspect-ratio:16/9}
.embed-4x3{aspect-ratio:4/3}
.embed-1x1{max-width:36rem;margin-inline:auto;aspect-ratio:1}
.embed-3x4{max-width:30rem;margin-inline:auto;aspect-ratio:3/4}
.embed-tall{min-height:44rem}
.embed-frame iframe{position:absolute;inset:0;width:100%;height:100%;border:0;border-radius:inherit}
.embed-placeholder{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:.75rem;padding:clamp(1.25rem,.75rem + 2.5vw,2.5rem);text-align:center}
/* Nothing here changes height when the runtime starts: its buttons have their place before they show, and a granted frame covers the placeholder. */
.embed-placeholder[hidden],.embed-actions[hidden]{visibility:hidden}
.embed-icon{display:grid;place-items:center;width:3rem;height:3rem;border:1px solid var(--accent-border);border-radius:999px;background:var(--accent-soft);color:var(--accent)}
.embed-provider{color:var(--heading);font-family:var(--font-heading);font-size:1.125rem;font-weight:700;letter-spacing:-.01em}
.embed-note{max-width:32rem;color:var(--muted);font-size:.9375rem;line-height:1.55}
.embed-actions{display:flex;flex-wrap:wrap;justify-content:center;gap:.625rem;margin-top:.25rem}
.embed-links{color:var(--muted);font-size:.875rem}
.embed-caption{margin-top:1rem;color:var(--muted);font-size:.9375rem;text-align:center}
@media (max-width:30rem){.embed-actions{align-self:stretch;flex-direction:column}.embed-note{font-size:.875rem}}

@media (prefers-reduced-motion:reduce){.consent{animation:none}}
`;
