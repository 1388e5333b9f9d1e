// The one stylesheet for every block and the site chrome. Colours, fonts and
// radii come only from the theme's custom properties (see themes/theme-css.ts),
// so this text is identical for every site.
export const BASE_CSS = /* css */ `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%;scroll-behavior:smooth;scroll-padding-top:5rem}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;background:var(--bg);color:var(--text);font-family:var(--font-body);font-size:1.0625rem;line-height:1.65;-webkit-font-smoothing:antialiased;-moz-osx-font-smoothing:grayscale;text-rendering:optimizeLegibility}
main{flex:1 0 auto}
main:focus{outline:none}
h1,h2,h3,h4,p,figure,blockquote,ul,ol,dl{margin:0}
img,svg{display:block;max-width:100%}
img{height:auto}
h1,h2,h3,h4{font-family:var(--font-heading);font-weight:var(--heading-weight);letter-spacing:var(--heading-tracking);line-height:1.15;color:var(--heading);overflow-wrap:break-word}
h1,h2{text-wrap:balance}
p,li{overflow-wrap:break-word}
.lead{text-wrap:pretty}
a{color:var(--link);text-decoration-thickness:1px;text-underline-offset:.2em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:3px;border-radius:var(--r-sm)}
::selection{background:var(--accent-soft);color:var(--heading)}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip-link{position:absolute;left:1rem;top:.75rem;z-index:100;transform:translateY(-200%);padding:.75rem 1.125rem;border-radius:var(--r-btn);background:var(--btn-bg);color:var(--btn-text);font-weight:600;text-decoration:none;box-shadow:var(--shadow-lg)}
.skip-link:not(:focus){box-shadow:none}
.skip-link:focus{transform:none}
.icon{width:1.25rem;height:1.25rem;flex:none}

/* Layout */
.container{width:100%;max-width:76rem;margin-inline:auto;padding-inline:clamp(1.25rem,5vw,2.5rem)}
.container-narrow{max-width:48rem}
.section{background-color:var(--bg);color:var(--text);padding-block:clamp(4rem,2.75rem + 5vw,7.5rem)}
/* Consecutive sections on the same background share one gap, not two. */
.tone-default:not(.logos)+.tone-default,.tone-surface:not(.logos)+.tone-surface{padding-top:0}
.tone-primary{background-image:radial-gradient(90% 140% at 100% 0%,rgb(255 255 255 / .16),transparent 60%)}
.tone-dark{background-image:radial-gradient(70% 120% at 50% 0%,var(--accent-glow),transparent 65%)}
.section-header{display:grid;gap:1rem;max-width:46rem;margin:0 auto clamp(2.5rem,1.75rem + 2.5vw,4rem);text-align:center}
.section-header .lead{max-width:38rem;margin-inline:auto}
.section-header-start{margin-inline:0;text-align:left}
.section-header-start .lead{margin-inline:0}
.section-title{font-size:clamp(1.875rem,1.35rem + 2.1vw,2.875rem)}
.lead{font-size:clamp(1.0625rem,1rem + .35vw,1.25rem);line-height:1.6;color:var(--muted)}
.eyebrow{display:inline-flex;align-items:center;gap:.5rem;padding:.3125rem .875rem;border:1px solid var(--accent-border);border-radius:999px;background:var(--accent-soft);color:var(--accent-text);font-size:.875rem;font-weight:600;line-height:1.4}
.grid{display:grid;grid-template-columns:minmax(0,1fr);gap:clamp(1rem,.75rem + 1vw,1.5rem);padding:0;list-style:none}
@media (min-width:40rem){.cols-2,.cols-3,.cols-4{grid-template-columns:repeat(2,minmax(0,1fr))}}
@media (min-width:62rem){.cols-3{grid-template-columns:repeat(3,minmax(0,1fr))}.cols-4{grid-template-columns:repeat(4,minmax(0,1fr))}}
.cols-1{max-width:46rem;margin-inline:auto}
.card{padding:clamp(1.5rem,1.25rem + .75vw,2rem);border:1px solid var(--border);border-radius:var(--r-lg);background:var(--card);box-shadow:var(--shadow-sm)}

/* Buttons */
.buttons{display:flex;flex-wrap:wrap;gap:.75rem}
.btn{display:inline-flex;align-items:center;justify-content:center;gap:.5rem;min-height:2.875rem;padding:.6875rem 1.375rem;border:1px solid transparent;border-radius:var(--r-btn);font:inherit;font-size:1rem;font-weight:600;line-height:1.25;text-align:center;text-decoration:none;cursor:pointer;transition:background-color .15s,border-color .15s,box-shadow .15s,transform .15s}
.btn-primary{background:var(--btn-bg);color:var(--btn-text);box-shadow:var(--shadow-md)}
.btn-primary:hover{background:var(--btn-bg-hover);transform:translateY(-1px);box-shadow:var(--shadow-lg)}
.btn-secondary{background:var(--card);color:var(--heading);border-color:var(--border-strong)}
.btn-secondary:hover{background:var(--hover-bg)}
.btn-small{min-height:2.375rem;padding:.4375rem 1rem;font-size:.9375rem}
.btn:hover{text-decoration:none}

/* Header and navigation */
.site-header{position:sticky;top:0;z-index:50;border-bottom:1px solid var(--border);background:var(--bg);background:var(--header-bg);-webkit-backdrop-filter:saturate(180%) blur(14px);backdrop-filter:saturate(180%) blur(14px)}
.nav-bar{display:flex;align-items:center;gap:1.5rem;min-height:4.25rem}
.brand{display:inline-flex;align-items:center;gap:.625rem;min-width:0;color:var(--heading);font-family:var(--font-heading);font-size:1.1875rem;font-weight:700;letter-spacing:-.015em;text-decoration:none}
.brand-name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.brand-logo{width:auto;height:2rem}
.nav-desktop{margin-left:auto}
.nav-links{display:flex;gap:.25rem;padding:0;list-style:none}
.nav-link{display:block;padding:.5rem .8125rem;border-radius:var(--r-sm);color:var(--muted);font-size:.9375rem;font-weight:500;text-decoration:none;transition:color .15s,background-color .15s}
.nav-link:hover,.nav-link[aria-current=page]{background:var(--hover-bg);color:var(--heading)}
.nav-actions{display:flex;gap:.5rem;margin-left:auto}
.nav-desktop~.nav-actions{margin-left:0}
.nav-mobile{display:none;margin-left:auto}
.nav-toggle{display:grid;place-items:center;width:2.75rem;height:2.75rem;border:1px solid var(--border);border-radius:var(--r);color:var(--heading);list-style:none;cursor:pointer}
.nav-toggle::-webkit-details-marker{display:none}
.nav-toggle::marker{content:""}
.nav-icon-close,.nav-mobile[open] .nav-icon-open{display:none}
.nav-mobile[open] .nav-icon-close{display:block}
.nav-panel{position:absolute;top:100%;left:0;right:0;display:grid;gap:1.25rem;padding:.5rem clamp(1.25rem,5vw,2.5rem) 1.5rem;border-bottom:1px solid var(--border);background:var(--bg);box-shadow:var(--shadow-lg)}
.nav-panel-links{display:grid;padding:0;list-style:none}
.nav-panel .nav-link{padding:.9375rem .25rem;border-bottom:1px solid var(--border);border-radius:0;background:none;color:var(--heading);font-size:1.0625rem}
.nav-panel .btn{width:100%}
@media (max-width:52rem){.nav-desktop,.nav-actions{display:none}.nav-mobile{display:block}}

/* Hero */
.hero{position:relative;overflow:hidden;padding-block:clamp(4.5rem,3rem + 6vw,8.5rem)}
.hero::before{content:"";position:absolute;inset:0;background:radial-gradient(60% 65% at 50% -12%,var(--accent-glow),transparent 72%);pointer-events:none}
.hero-first::after{content:"";position:absolute;inset:0;background-image:linear-gradient(var(--border) 1px,transparent 1px),linear-gradient(90deg,var(--border) 1px,transparent 1px);background-size:56px 56px;background-position:center top;opacity:.55;-webkit-mask-image:radial-gradient(70% 60% at 50% 0%,#000,transparent 75%);mask-image:radial-gradient(70% 60% at 50% 0%,#000,transparent 75%);pointer-events:none}
.hero>.container{position:relative;z-index:1}
.hero-copy{display:flex;flex-direction:column;align-items:flex-start;gap:1.5rem}
.hero-title{font-size:clamp(2.375rem,1.4rem + 4.2vw,4.5rem);line-height:1.04;letter-spacing:calc(var(--heading-tracking) * 1.5)}
.hero-lead{max-width:40rem}
.hero-buttons{margin-top:.5rem}
@media (max-width:30rem){.hero-buttons,.cta-buttons{width:100%}.hero-buttons .btn,.cta-buttons .btn{flex:1 1 100%}}
.hero-centered .hero-copy{align-items:center;max-width:62rem;margin-inline:auto;text-align:center}
.hero-centered .hero-buttons{justify-content:center}
.hero-centered .hero-media{margin-top:clamp(3rem,2rem + 4vw,5rem)}
.hero-image{margin-inline:auto;border-radius:var(--r-lg);filter:drop-shadow(0 24px 48px rgb(0 0 0 / .14))}
.hero-split>.container{display:grid;grid-template-columns:minmax(0,1fr);gap:clamp(3rem,2rem + 3vw,4.5rem);align-items:center}
.hero-split .hero-title{font-size:clamp(2.25rem,1.4rem + 3.3vw,3.875rem)}
@media (min-width:60rem){.hero-split>.container{grid-template-columns:minmax(0,1.05fr) minmax(0,1fr)}}

/* Features */
.feature{display:flex;flex-direction:column;gap:.625rem}
.feature-icon{display:grid;place-items:center;width:3rem;height:3rem;margin-bottom:.625rem;border:1px solid var(--accent-border);border-radius:var(--r);background:var(--accent-soft);color:var(--accent)}
.feature-icon .icon{width:1.375rem;height:1.375rem}
.feature-title{font-size:1.1875rem;line-height:1.3;letter-spacing:-.01em}
.feature-body{color:var(--muted);font-size:1rem}

/* Logos */
.logos{padding-block:clamp(2.5rem,2rem + 2vw,4rem)}
.logos-title{margin-bottom:1.75rem;color:var(--muted);font-family:var(--font-body);font-size:.8125rem;font-weight:600;letter-spacing:.1em;text-align:center;text-transform:uppercase}
.logo-row{display:flex;flex-wrap:wrap;align-items:center;justify-content:center;gap:1.25rem clamp(2rem,1rem + 4vw,4rem);padding:0;list-style:none}
.logo-wordmark{color:var(--muted);font-family:var(--font-heading);font-size:clamp(1.125rem,1rem + .5vw,1.375rem);font-weight:700;letter-spacing:-.02em;white-space:nowrap}
.logo-image{width:auto;height:2rem;filter:grayscale(1);opacity:.8}

/* Testimonials */
.testimonial figure{display:flex;flex-direction:column;gap:1.5rem;height:100%}
.testimonial-quote{flex:1;color:var(--text);font-size:1.0625rem;line-height:1.7}
.testimonial-quote p::before{content:"\\201C"}
.testimonial-quote p::after{content:"\\201D"}
.testimonial-author{display:flex;align-items:center;gap:.875rem;padding-top:1.25rem;border-top:1px solid var(--border)}
.avatar{width:2.75rem;height:2.75rem;flex:none;border-radius:999px;object-fit:cover}
.avatar-initials{display:grid;place-items:center;background:var(--accent-soft);color:var(--accent-text);font-size:.9375rem;font-weight:700}
.testimonial-name{display:block;color:var(--heading);font-weight:600;line-height:1.4}
.testimonial-role{display:block;color:var(--muted);font-size:.9375rem;line-height:1.4}

/* Pricing */
.plan-grid{align-items:stretch}
.plan-grid.cols-2{max-width:56rem;margin-inline:auto}
.plan{position:relative;display:flex;flex-direction:column;gap:1rem}
.plan-highlighted{border-color:var(--accent);box-shadow:0 0 0 1px var(--accent),var(--shadow-xl)}
.plan-name{font-size:1.125rem;letter-spacing:-.005em}
.plan-highlighted .plan-name{color:var(--accent-text)}
.plan-price{display:flex;flex-wrap:wrap;align-items:baseline;gap:.375rem}
.plan-amount{color:var(--heading);font-family:var(--font-heading);font-size:clamp(2.25rem,2rem + 1vw,2.875rem);font-weight:var(--heading-weight);letter-spacing:-.03em;line-height:1.1}
.plan-period{color:var(--muted);font-size:.9375rem}
.plan-description{color:var(--muted);font-size:.96875rem}
.plan-cta{width:100%;margin-block:.25rem .5rem}
.plan-features{display:grid;gap:.75rem;padding:1.25rem 0 0;border-top:1px solid var(--border);font-size:.96875rem;list-style:none}
.plan-features li{display:flex;align-items:flex-start;gap:.625rem}
.plan-check{width:1.125rem;height:1.125rem;margin-top:.25rem;color:var(--accent)}

/* FAQ */
.faq-layout{display:grid;gap:2rem}
.faq .section-header{margin:0}
@media (min-width:60rem){.faq-with-header{grid-template-columns:minmax(0,1fr) minmax(0,1.8fr);gap:4rem}.faq-with-header .section-header{position:sticky;top:7rem;align-self:start}}
.faq-layout:not(.faq-with-header){max-width:48rem;margin-inline:auto}
.faq-list{border-top:1px solid var(--border)}
.faq-item{border-bottom:1px solid var(--border)}
.faq-question{display:flex;align-items:flex-start;justify-content:space-between;gap:1.5rem;padding:1.25rem 0;color:var(--heading);font-size:1.0625rem;font-weight:600;line-height:1.5;list-style:none;cursor:pointer}
.faq-question::-webkit-details-marker{display:none}
.faq-question::marker{content:""}
.faq-question:hover{color:var(--link)}
.faq-toggle{margin-top:.125rem;color:var(--muted);transition:transform .2s}
.faq-item[open] .faq-toggle{transform:rotate(45deg)}
.faq-answer{display:grid;gap:.75rem;padding:0 2.75rem 1.5rem 0;color:var(--muted)}

/* Call to action */
.cta-panel{display:flex;flex-direction:column;align-items:center;gap:1.25rem;max-width:46rem;margin-inline:auto;text-align:center}
.cta-title{font-size:clamp(2rem,1.45rem + 2.4vw,3.125rem)}
.cta-body{max-width:36rem}
.cta-buttons{justify-content:center;margin-top:.75rem}
.cta.tone-default .cta-panel,.cta.tone-surface .cta-panel{max-width:none;padding:clamp(3rem,2rem + 4vw,5.5rem) clamp(1.5rem,1rem + 4vw,4rem);border:1px solid var(--border);border-radius:var(--r-xl);background:radial-gradient(70% 100% at 50% 0%,var(--accent-glow),transparent 70%),var(--card);box-shadow:var(--shadow-md)}

/* Rich text */
.prose{max-width:44rem;margin-inline:auto;font-size:1.0625rem;line-height:1.75}
.prose-wide{max-width:none}
.prose>*+*{margin-top:1.25em}
.prose h2{margin-top:2em;font-size:clamp(1.625rem,1.3rem + 1.2vw,2.125rem)}
.prose h3{margin-top:1.75em;font-size:1.375rem}
.prose h4{margin-top:1.5em;font-size:1.125rem}
.prose h2+*,.prose h3+*,.prose h4+*{margin-top:.75em}
.prose>:first-child{margin-top:0}
.policy section>*+*{margin-top:1em}.policy-table{overflow-x:auto}.policy-table table{width:100%;border-collapse:collapse;font-size:.9375rem;line-height:1.5}.policy-table th,.policy-table td{text-align:left;vertical-align:top;padding:.5rem .625rem;border-bottom:1px solid var(--border)}.policy-table th{font-weight:600}@media (max-width:40rem){.policy-table thead{position:absolute;left:-9999px}.policy-table tr,.policy-table td{display:block}.policy-table tr{padding:.5rem 0;border-bottom:1px solid var(--border)}.policy-table td{border:0;padding:.2rem 0}.policy-table td::before{content:attr(data-label);display:block;font-size:.8125rem;font-weight:600}}
.prose ul,.prose ol{padding-left:1.375em}
.prose li+li{margin-top:.5em}
.prose li::marker{color:var(--accent)}
.prose strong{color:var(--heading)}
.prose a{font-weight:500}
.prose blockquote{padding-left:1.25em;border-left:3px solid var(--accent);color:var(--heading);font-size:1.125em;font-style:italic}
.prose code{padding:.125em .375em;border-radius:var(--r-sm);background:var(--hover-bg);font-family:var(--font-mono);font-size:.875em}
.prose pre{padding:1.25rem 1.5rem;overflow-x:auto;border-radius:var(--r);background:var(--code-bg);color:var(--code-text);font-size:.875rem;line-height:1.6}
.prose pre code{padding:0;background:none;color:inherit;font-size:inherit}
.prose img{border-radius:var(--r)}

/* Image */
.image-img{margin-inline:auto;border-radius:var(--r-lg);box-shadow:var(--shadow-lg)}
.image-full{padding-block:0}
.image-full .image-img{width:100%;border-radius:0;box-shadow:none}
.image-caption{margin-top:1rem;padding-inline:1.25rem;color:var(--muted);font-size:.9375rem;text-align:center}

/* Form */
.form-layout{display:grid;gap:clamp(2rem,1.5rem + 2vw,3rem);max-width:40rem;margin-inline:auto}
.form-layout .section-header{margin:0}
@media (min-width:60rem){.form-with-header{grid-template-columns:minmax(0,1fr) minmax(0,1.3fr);gap:clamp(3rem,1rem + 5vw,6rem);max-width:none}.form-with-header .section-header{position:sticky;top:7rem;align-self:start;padding-top:1rem}}
.form-card{position:relative;display:grid;gap:1.5rem;padding:clamp(1.25rem,.75rem + 2vw,2.5rem);border:1px solid var(--border);border-radius:var(--r-xl);background:var(--card);box-shadow:var(--shadow-lg)}
.form-fields{display:grid;grid-template-columns:minmax(0,1fr);gap:1.25rem}
@media (min-width:40rem){.form-fields{grid-template-columns:repeat(2,minmax(0,1fr))}.form-fields>.field{grid-column:1/-1}.form-fields>.field-half{grid-column:auto}}
.field{display:grid;gap:.4375rem;align-content:start;min-width:0}
.field-label{display:flex;align-items:baseline;justify-content:space-between;gap:.75rem;color:var(--heading);font-size:.9375rem;font-weight:600;line-height:1.4}
.field-optional{color:var(--muted);font-size:.8125rem;font-weight:400}
.field-input{display:block;width:100%;min-height:2.875rem;margin:0;padding:.6875rem .875rem;border:1px solid var(--border-strong);border-radius:var(--r);background:var(--bg);color:var(--text);font:inherit;font-size:1rem;line-height:1.4;box-shadow:var(--shadow-sm);-webkit-appearance:none;appearance:none;transition:border-color .15s,box-shadow .15s}
.field-input::placeholder{color:var(--muted);opacity:.8}
.field-input:hover{border-color:var(--muted)}
.field-input:focus,.field-input:focus-visible{border-color:var(--accent);outline:none;box-shadow:0 0 0 1px var(--accent),0 0 0 4px var(--accent-glow)}
.field-input:user-invalid,.field-input[aria-invalid=true]{border-color:var(--danger)}
.field-input[aria-invalid=true]:focus{box-shadow:0 0 0 1px var(--danger)}
.field-textarea{min-height:8.5rem;resize:vertical}
.field-select-wrap{position:relative}
.field-select-wrap::after{content:"";position:absolute;top:50%;right:1.0625rem;width:.4375rem;height:.4375rem;margin-top:-.3125rem;border:solid var(--muted);border-width:0 2px 2px 0;transform:rotate(45deg);pointer-events:none}
.field-select-wrap .field-input{padding-right:2.75rem;cursor:pointer}
.field-check{grid-template-columns:auto minmax(0,1fr);column-gap:.75rem;row-gap:.25rem}
.field-check .field-label{display:block;color:var(--text);font-weight:500;cursor:pointer}
.field-consent .field-label{color:var(--muted);font-weight:400}
.field-check .field-error{grid-column:2}
.field-checkbox{display:grid;place-content:center;width:1.25rem;height:1.25rem;margin:.0625rem 0 0;border:1px solid var(--border-strong);border-radius:min(var(--r-sm),6px);background:var(--bg);box-shadow:var(--shadow-sm);-webkit-appearance:none;appearance:none;cursor:pointer;transition:background-color .15s,border-color .15s}
.field-checkbox::before{content:"";width:.375rem;height:.6875rem;margin-top:-.125rem;border:solid var(--btn-text);border-width:0 2px 2px 0;transform:rotate(45deg) scale(0);transition:transform .1s}
.field-checkbox:checked{border-color:var(--btn-bg);background:var(--btn-bg)}
.field-checkbox:checked::before{transform:rotate(45deg) scale(1)}
.field-checkbox:hover{border-color:var(--muted)}
.field-checkbox:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.field-checkbox:user-invalid,.field-checkbox[aria-invalid=true]{border-color:var(--danger)}
.field-error{display:flex;align-items:flex-start;gap:.4375rem;color:var(--danger);font-size:.875rem;font-weight:500;line-height:1.45}
.field-error::before{content:"!";display:grid;place-items:center;flex:none;width:1rem;height:1rem;margin-top:.0625rem;border-radius:999px;background:var(--danger);color:var(--bg);font-size:.6875rem;font-weight:800;line-height:1}
.form-status{display:flex;align-items:flex-start;gap:.625rem;padding:.875rem 1rem;border:1px solid var(--border);border-left:3px solid var(--accent);border-radius:var(--r);background:var(--hover-bg);color:var(--heading);font-size:.9375rem;line-height:1.5}
.form-status:focus{outline:none}
.form-status.is-error{border-color:var(--border);border-left-color:var(--danger)}
.form-status.is-success{flex-direction:column;align-items:center;gap:1rem;padding:clamp(1.5rem,1rem + 3vw,3rem) .5rem;border:0;background:none;font-size:1.0625rem;text-align:center}
.form-status-icon{display:grid;place-items:center;flex:none;width:3.25rem;height:3.25rem;border:1px solid var(--accent-border);border-radius:999px;background:var(--accent-soft);box-shadow:0 0 0 8px var(--accent-glow)}
.form-status-icon::after{content:"";width:.625rem;height:1.125rem;margin-top:-.25rem;border:solid var(--accent-text);border-width:0 2.5px 2.5px 0;transform:rotate(45deg)}
.form-status.is-error::before{content:"!";display:grid;place-items:center;flex:none;width:1.125rem;height:1.125rem;margin-top:.125rem;border-radius:999px;background:var(--danger);color:var(--bg);font-size:.75rem;font-weight:800;line-height:1}
.form-done .form-fields,.form-done .form-actions{display:none}
.form-actions{display:flex;flex-wrap:wrap;align-items:center;gap:1rem}
.form-submit{min-width:11rem}
.form-submit:disabled{cursor:progress;opacity:.75;transform:none}
.form-submit:disabled::before{content:"";width:1rem;height:1rem;border:2px solid currentColor;border-right-color:transparent;border-radius:999px;animation:form-spin .7s linear infinite}
@keyframes form-spin{to{transform:rotate(360deg)}}
@media (max-width:30rem){.form-submit{width:100%}}
.form-hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.field-error[hidden],.form-status[hidden]{display:none}
.form-section .section-header-start .lead{max-width:30rem}

/* Form result pages (no-JavaScript submissions) */
.form-result .cta-panel{padding-block:clamp(2rem,1rem + 5vw,5rem)}
.form-result .form-status-icon{margin-bottom:.75rem}
.form-issues{display:grid;gap:.75rem;width:100%;max-width:32rem;padding:1.25rem 1.5rem;border:1px solid var(--border);border-left:3px solid var(--danger);border-radius:var(--r);background:var(--card);list-style:none;text-align:left}
.form-issues li{display:grid;gap:.125rem}
.form-issue-field{color:var(--heading);font-size:.9375rem}
.form-issues span{color:var(--danger);font-size:.9375rem}

/* Footer */
.site-footer{padding-block:clamp(3rem,2.5rem + 2vw,4.5rem) 2rem;border-top:1px solid var(--border);background:var(--bg);color:var(--text);font-size:.9375rem}
.footer-top{display:grid;gap:2.5rem}
@media (min-width:48rem){.footer-top{grid-template-columns:minmax(0,1fr) minmax(0,2fr);gap:4rem}}
.footer-tagline{max-width:22rem;margin-top:.75rem;color:var(--muted)}
.footer-columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,12rem));justify-content:end;gap:2rem}
@media (max-width:48rem){.footer-columns{grid-template-columns:repeat(2,minmax(0,1fr))}}
.footer-heading{margin-bottom:1rem;color:var(--heading);font-family:var(--font-body);font-size:.8125rem;font-weight:600;letter-spacing:.08em;text-transform:uppercase}
.footer-column ul{display:grid;gap:.625rem;padding:0;list-style:none}
.footer-column a{color:var(--muted);text-decoration:none}
.footer-column a:hover{color:var(--heading);text-decoration:underline}
.footer-legal{margin-top:3rem;padding-top:1.5rem;border-top:1px solid var(--border);color:var(--muted);font-size:.875rem}
/* The legal line, then "Cookie settings" (sites that ask for consent) and "Privacy requests" (every site). */
.footer-bottom{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem 1.75rem;margin-top:3rem;padding-top:1.5rem;border-top:1px solid var(--border);font-size:.875rem}
.footer-bottom .footer-legal{margin:0 auto 0 0;padding:0;border:0}
.footer-bottom a{color:var(--muted)}
.footer-bottom a:hover{color:var(--heading)}

/* Not found page */
.not-found{text-align:center}
.not-found .cta-panel{padding-block:clamp(2rem,1rem + 6vw,6rem)}
.not-found-code{color:var(--accent-text);font-family:var(--font-mono);font-size:.9375rem;font-weight:600;letter-spacing:.1em}

@media (prefers-reduced-motion:reduce){html{scroll-behavior:auto}*,*::before,*::after{transition:none!important}}
`;
