// The embedded default's mail: .eml files in an outbox folder under the data
// directory, so Atrium needs no mail server. Nothing leaves the server: the
// message is built by nodemailer's stream transport (bytes only, no network)
// and written as a file.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Message } from './message.js';

/** Reports a line worth a person's attention (where an outbox file was written). */
export type MailLog = (message: string) => void;

/** "2026-12-02T23-59-01Z-confirm-your-email-for-atrium-to-ada@example.com": sortable, readable, safe on every file system. */
export function outboxName(m: Pick<Message, 'to' | 'subject'>, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  const subject = m.subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${stamp}-${subject || 'message'}-to-${outboxRecipientPart(m.to)}`;
}

/** The recipient as it appears in outbox file names (to find a person's mail copies). */
export const outboxRecipientPart = (to: string) =>
  to
    .toLowerCase()
    .replace(/[^a-z0-9@._+-]+/g, '_')
    .slice(0, 80);

/**
 * nodemailer quoted-printable-encodes text with a line over 76 characters,
 * which breaks links with "=" soft line breaks. Outbox files are read by people
 * in a text editor, so a plain-text message is written as it is (8bit): the
 * same headers, the text unchanged, every link on one line.
 */
function readable(eml: Buffer, m: Message): Buffer {
  if (m.html || m.text.split('\n').some((line) => Buffer.byteLength(line) > 998)) return eml;
  const s = eml.toString('utf8');
  const end = s.indexOf('\n\n');
  const headers = s.slice(0, end);
  if (!/^Content-Transfer-Encoding: /im.test(headers)) return eml;
  return Buffer.from(`${headers.replace(/^Content-Transfer-Encoding: .*$/im, 'Content-Transfer-Encoding: 8bit')}\n\n${m.text.replace(/\r\n/g, '\n')}`);
}

/** The next free suffix per file name, so a burst of alike messages (same second, subject and address) costs one write each. */
const nextSuffix = new Map<string, number>();

/**
 * Writes a new file, adding "-2", "-3"... when two messages share a name. Each number is taken before the
 * write, so messages sent at once never try the same name (a burst of alike mails would otherwise retry each
 * other's names, quadratically). A message is a few kilobytes: one synchronous write costs less than the three
 * trips through the thread pool of an asynchronous one (open, write, close).
 */
function writeNew(dir: string, base: string, body: Buffer): string {
  if (nextSuffix.size > 1000) nextSuffix.clear(); // names carry the second: old ones never come back
  for (let tries = 0; ; tries++) {
    const n = nextSuffix.get(base) ?? 1;
    nextSuffix.set(base, n + 1);
    const file = path.join(dir, `${base}${n > 1 ? `-${n}` : ''}.eml`);
    try {
      fs.writeFileSync(file, body, { flag: 'wx' });
      return file;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (tries >= 10_000 || (code !== 'EEXIST' && code !== 'ENOENT')) throw e;
      // The folder is missing (first message, or removed meanwhile): make it. EEXIST: another process may be
      // writing alike messages into the same folder; take the next number.
      if (code === 'ENOENT') {
        fs.mkdirSync(dir, { recursive: true });
        nextSuffix.set(base, n);
      }
    }
  }
}

export const outboxDir = (dataDir: string) => path.join(dataDir, 'outbox');

/** Writes each message as a file in <dataDir>/outbox; returns the function that does it. */
export function outboxWriter(dataDir: string, mailFrom: string, log: MailLog): { dir: string; write(m: Message): Promise<void> } {
  const outbox = outboxDir(dataDir);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  // nodemailer would draw five random numbers per message for its id; one UUID does (notifications come in bursts).
  const domain = /@([^\s>]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'localhost';
  return {
    dir: outbox,
    async write(m) {
      const info = await transport.sendMail({ from: mailFrom, messageId: `<${randomUUID()}@${domain}>`, ...m });
      const file = writeNew(outbox, outboxName(m, new Date()), readable(info.message as Buffer, m));
      log(`mail to ${m.to} ("${m.subject}") written to ${file}`);
    },
  };
}
