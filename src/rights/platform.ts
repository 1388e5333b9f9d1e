// The platform as the controller of its own privacy requests: who answers them
// (operators: platform staff named by ATRIUM_OPERATORS) and how its mails sign.
import type { Context } from '../context.js';
import { platformStore, type Controller, type RequestStore } from './store.js';

export const platformController = (ctx: Context): Controller => ({ name: 'Atrium', replyTo: ctx.config.mailFrom });

export const platformRequests = (ctx: Context): RequestStore => platformStore(ctx.dbs.control);

/** The link in a platform request's confirmation mail (the dashboard's public request page confirms it). */
export const platformConfirmLink = (ctx: Context) => (token: string) => new URL(`/app/privacy-request/confirm?token=${token}`, ctx.config.publicUrl).href;

/** Platform staff: a verified account whose email ATRIUM_OPERATORS names. */
export function isOperator(ctx: Context, subscriber: { email: string; emailVerified: boolean }): boolean {
  return subscriber.emailVerified && ctx.config.operatorEmails.includes(subscriber.email.toLowerCase());
}
