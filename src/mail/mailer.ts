// Outgoing mail. With SMTP configured, every mail goes through disclose()
// (src/privacy/disclose.ts) to the "mail" sub-processor, which logs whose data
// went and which kind of mail it was; otherwise mail is written to the outbox
// folder on this server (src/mail/outbox.ts), which discloses nothing.
import type { Config } from '../config/config.js';
import type { Clock } from '../lib/clock.js';
import { disclose, type DisclosureRecorder, type DisclosureSubject } from '../privacy/disclose.js';
import type { CategoryOf } from '../privacy/sub-processors.js';
import type { Message } from './message.js';
import { outboxDir, outboxWriter, type MailLog } from './outbox.js';
import { describeSmtp, smtpTransport } from './smtp.js';

export type { Message } from './message.js';
export { outboxName, outboxRecipientPart, type MailLog } from './outbox.js';

/** What a mail is and whose data it carries, for the disclosure log. */
export interface MailAbout {
  category: CategoryOf<'mail'>;
  subject: DisclosureSubject;
}

export interface Mailer {
  /** `record` writes the disclosure elsewhere than straight to the database (a job writes it with its outcome). */
  send(message: Message, about: MailAbout, opts?: { record?: DisclosureRecorder }): Promise<void>;
  /** Where mail goes, for the start-up log. */
  describe(): string;
}

export type MailerConfig = Pick<Config, 'smtpUrl' | 'dataDir' | 'mailFrom' | 'dnsServers' | 'trustProxy'>;

export interface MailerDeps {
  clock: Clock;
  /** Where disclosures are recorded (src/privacy/disclosure-log.ts recordIn). */
  record: DisclosureRecorder;
  log?: MailLog;
}

/** Where mail goes, in words (the start-up log), without making a mailer. */
export const describeMail = (config: Pick<Config, 'smtpUrl' | 'dataDir'>) =>
  config.smtpUrl ? describeSmtp(config.smtpUrl) : `outbox folder ${outboxDir(config.dataDir)}`;

export function createMailer(config: MailerConfig, deps: MailerDeps): Mailer {
  if (config.smtpUrl) {
    const smtp = smtpTransport(config.smtpUrl, config.mailFrom);
    return {
      send: (m, about, opts) =>
        disclose({ config, clock: deps.clock, record: opts?.record ?? deps.record }, { party: 'mail', ...about }, (receipt) => smtp.send(receipt, m)),
      describe: smtp.describe,
    };
  }
  const outbox = outboxWriter(config.dataDir, config.mailFrom, deps.log ?? (() => {}));
  return {
    send: (m) => outbox.write(m),
    describe: () => `outbox folder ${outbox.dir}`,
  };
}
