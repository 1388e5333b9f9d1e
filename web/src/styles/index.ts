// The dashboard stylesheet, in cascade order: each file is one part of the app.
import './base.css'; // Base: colours, type and the logo.
import './controls.css'; // Buttons, spinners, form fields, alerts, the sign-in screens and the boot screen.
import './shell.css'; // The app shell, the sites list, empty states and drawn site thumbnails.
import './new-site.css'; // The new-site screen, toasts, small-screen adjustments and the account menu.
import './site-pages.css'; // Site pages: settings, region, domains, images, danger zone and dialogs.
import './releases.css'; // Releases, their preview and the site-card and template-picker details after them.
import './inbox.css'; // Unread counts, the inbox and the message reader.
import './webhooks.css'; // Webhooks, and the inbox and webhooks on small screens.
import './consent.css'; // Consent: chain check, choices per category, record lookup and exports.
import './privacy.css'; // Privacy and cookies, and custom code, in site settings (also the snippet form in the editor).
import './account-choices.css'; // Account settings: mail & privacy choices; the sign-up's consent box; the unsubscribe page.
import './rights.css'; // Privacy requests of a site and the operator console: list, request, timeline, a visitor's data.
import './rights-public.css'; // The public privacy request pages, Account → Your data and Sites → Import.
import './seo.css'; // Site settings: search engines and redirects.
import './dpa.css'; // The data processing agreement (accept dialog, account section) and the privacy policy notice banner.
import './protection.css'; // Password protection: site settings and the editor's page setting.
