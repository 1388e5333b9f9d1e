// Mail to the SMTP server configured for this installation: the "mail"
// sub-processor. Sending requires a receipt of disclose() (src/privacy/disclose.ts),
// so no mail leaves without being checked against the registry and logged.
import nodemailer, { type Transporter } from 'nodemailer';
import { assertReceipt, type Receipt } from '../privacy/disclose.js';
import type { Message } from './message.js';

export interface SmtpTransport {
  send(receipt: Receipt<'mail'>, message: Message): Promise<void>;
  describe(): string;
}

export const describeSmtp = (smtpUrl: string) => {
  const target = new URL(smtpUrl);
  return `SMTP ${target.hostname}:${target.port || 25}`;
};

export function smtpTransport(smtpUrl: string, mailFrom: string): SmtpTransport {
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(receipt, m) {
      assertReceipt(receipt, 'mail');
      await transport.sendMail({ from: mailFrom, ...m });
    },
    describe: () => describeSmtp(smtpUrl),
  };
}
