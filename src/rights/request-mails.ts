// The mails a requester receives. Our own wording: what happened, what happens
// next, by when, and who to turn to. Each is stored with the request.
import type { Message } from '../mail/mailer.js';
import { RULES, type Regime } from './regimes.js';
import { REQUEST_TYPE_NAMES, REQUEST_TYPE_SHORT, type RequestType } from './request-types.js';
import type { Controller } from './store.js';

export interface MailRequest {
  id: string;
  type: RequestType;
  email: string;
  name: string | null;
  regime: Regime;
}

const day = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const hello = (r: MailRequest) => (r.name ? `Hello ${r.name},` : 'Hello,');
const signature = (c: Controller) => `\n\n${c.name}${c.replyTo ? `\n${c.replyTo}` : ''}`;
const reference = (r: MailRequest) => `Reference: ${r.id}`;

function mail(c: Controller, r: MailRequest, subject: string, body: string): Message {
  return { to: r.email, subject, text: `${hello(r)}\n\n${body}\n\n${reference(r)}${signature(c)}\n`, replyTo: c.replyTo };
}

export function verificationMail(c: Controller, r: MailRequest, link: string, expiresAt: Date): Message {
  return mail(
    c,
    r,
    `Confirm your privacy request to ${c.name}`,
    `Someone, hopefully you, asked ${c.name} for the following about the personal data held under this address:\n\n  ${REQUEST_TYPE_NAMES[r.type]}\n\n` +
      `To go ahead, confirm that this address is yours by opening this link before ${day(expiresAt)}:\n\n${link}\n\n` +
      `Nothing happens until you do. If you did not ask for this, ignore this mail and the request lapses.`,
  );
}

export function acknowledgementMail(c: Controller, r: MailRequest, dueAt: Date): Message {
  return mail(
    c,
    r,
    `We received your ${REQUEST_TYPE_SHORT[r.type]} request`,
    `Thank you for confirming your address. ${c.name} has received your request:\n\n  ${REQUEST_TYPE_NAMES[r.type]}\n\n` +
      `We will answer by ${day(dueAt)} at the latest (${RULES[r.regime].name}). If we need more time, we will write to you before that date and say why.`,
  );
}

export function extensionMail(c: Controller, r: MailRequest, reason: string, newDue: Date): Message {
  return mail(
    c,
    r,
    `Your ${REQUEST_TYPE_SHORT[r.type]} request: we need more time`,
    `We are working on your request but cannot complete it by the original date. The reason:\n\n${indent(reason)}\n\n` +
      `We will answer by ${day(newDue)} at the latest.`,
  );
}

export function refusalMail(c: Controller, r: MailRequest, reasons: string): Message {
  return mail(
    c,
    r,
    `Your ${REQUEST_TYPE_SHORT[r.type]} request: our answer`,
    `We cannot do what you asked, in full or in part. Our reasons:\n\n${indent(reasons)}\n\n` +
      `If you disagree, you may complain to ${RULES[r.regime].authority}, and you may also seek a remedy before a court. ` +
      `You can reply to this mail to ask us to reconsider.`,
  );
}

export function completionMail(c: Controller, r: MailRequest, summary: string): Message {
  return mail(c, r, `Your ${REQUEST_TYPE_SHORT[r.type]} request is complete`, `We have completed your request. What we did:\n\n${indent(summary)}`);
}

const indent = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
