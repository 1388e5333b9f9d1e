// Outgoing mail through nodemailer: SMTP when configured, otherwise .eml files
// in an outbox folder so the embedded default needs no mail server.
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config/config.js';

export interface Message {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
}

export interface Mailer {
  send(message: Message): Promise<void>;
  /** Where mail goes, for the start-up log. */
  describe(): string;
}

export function createMailer(config: Config): Mailer {
  if (config.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(config.smtpUrl);
    const target = new URL(config.smtpUrl);
    return {
      async send(m) {
        await transport.sendMail({ from: config.mailFrom, ...m });
      },
      describe: () => `SMTP ${target.hostname}:${target.port || 25}`,
    };
  }
  const outbox = path.join(config.dataDir, 'outbox');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(m) {
      const info = await transport.sendMail({ from: config.mailFrom, ...m });
      await fs.mkdir(outbox, { recursive: true });
      const file = path.join(outbox, `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^A-Za-z0-9.-]/g, '')}.eml`);
      await fs.writeFile(file, info.message as Buffer);
    },
    describe: () => `outbox folder ${outbox}`,
  };
}
