// The short pages around a privacy request on a site's host: "check your
// email" after filing, the confirmation link's page (a button that posts: a
// link opened by a mail scanner confirms nothing), the confirmed request with
// its due date in words, a link that does not work, and too many requests.
import type { ReactNode } from 'react';
import type { SiteDocument } from '../../site-document/schema.js';
import type { RenderContext } from '../render-site.js';
import { fillNodes, pageWords, privacyPage } from './frame.js';
import type { RequestKind } from './strings.js';

const ICONS = { ok: 'form-status-icon', mail: 'pr-icon-mail', warn: 'pr-icon-warn' };

function Message({ icon, title, children }: { icon: keyof typeof ICONS; title: string; children: ReactNode }) {
  return (
    <div className="cta-panel">
      <span className={ICONS[icon]} aria-hidden="true" />
      <h1 className="cta-title">{title}</h1>
      {children}
    </div>
  );
}

const page = (doc: SiteDocument, ctx: RenderContext, title: string, body: ReactNode) => privacyPage(doc, ctx, title, 'pr pr-message', body);

export function renderPrivacySentPage(doc: SiteDocument, ctx: RenderContext, email: string): string {
  const { s, site, back } = pageWords(doc, ctx);
  return page(
    doc,
    ctx,
    s.sentTitle,
    <Message icon="mail" title={s.sentTitle}>
      <p className="lead cta-body" role="status">
        {fillNodes(s.sentBody, { email: <strong>{email}</strong>, site })}
      </p>
      <p className="pr-note">{s.sentNote}</p>
      <div className="buttons cta-buttons">
        <a className="btn btn-secondary" href="/">
          {back}
        </a>
      </div>
    </Message>,
  );
}

export function renderPrivacyConfirmPage(doc: SiteDocument, ctx: RenderContext, token: string, type: RequestKind): string {
  const { s, site } = pageWords(doc, ctx);
  return page(
    doc,
    ctx,
    s.confirmTitle,
    <Message icon="mail" title={s.confirmTitle}>
      <p className="lead cta-body">{fillNodes(s.confirmBody, { site, type: <strong>{s.types[type].name}</strong> })}</p>
      <p className="pr-note">{s.confirmNote}</p>
      <form method="post" action="/_atrium/privacy/confirm" acceptCharset="utf-8">
        <input type="hidden" name="token" value={token} />
        <div className="buttons cta-buttons">
          <button className="btn btn-primary" type="submit">
            {s.confirmButton}
          </button>
        </div>
      </form>
    </Message>,
  );
}

export function renderPrivacyConfirmedPage(doc: SiteDocument, ctx: RenderContext, input: { email: string; dueAt: Date }): string {
  const { s, lang, site, back } = pageWords(doc, ctx);
  const date = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(input.dueAt);
  return page(
    doc,
    ctx,
    s.confirmedTitle,
    <Message icon="ok" title={s.confirmedTitle}>
      <p className="lead cta-body" role="status">
        {fillNodes(s.confirmedBody, {
          site,
          date: (
            <time className="pr-due" dateTime={input.dueAt.toISOString().slice(0, 10)}>
              {date}
            </time>
          ),
        })}
      </p>
      <p className="pr-note">{fillNodes(s.confirmedNote, { email: <strong>{input.email}</strong> })}</p>
      <div className="buttons cta-buttons">
        <a className="btn btn-secondary" href="/">
          {back}
        </a>
      </div>
    </Message>,
  );
}

export function renderPrivacyInvalidLinkPage(doc: SiteDocument, ctx: RenderContext): string {
  const { s } = pageWords(doc, ctx);
  return page(
    doc,
    ctx,
    s.invalidTitle,
    <Message icon="warn" title={s.invalidTitle}>
      <p className="lead cta-body">{s.invalidBody}</p>
      <div className="buttons cta-buttons">
        <a className="btn btn-primary" href="/_atrium/privacy">
          {s.fileAgain}
        </a>
      </div>
    </Message>,
  );
}

export function renderPrivacyTooManyPage(doc: SiteDocument, ctx: RenderContext, retryAfterSeconds: number): string {
  const { s, back } = pageWords(doc, ctx);
  const minutes = String(Math.max(1, Math.ceil(retryAfterSeconds / 60)));
  return page(
    doc,
    ctx,
    s.tooManyTitle,
    <Message icon="warn" title={s.tooManyTitle}>
      <p className="lead cta-body" role="alert">
        {fillNodes(s.tooManyBody, { minutes })}
      </p>
      <div className="buttons cta-buttons">
        <a className="btn btn-secondary" href="/">
          {back}
        </a>
      </div>
    </Message>,
  );
}
