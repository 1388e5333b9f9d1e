// Without SMTP, mail goes to <data dir>/outbox as .eml files that a person opens
// in a text editor: readably named, links on one line, and each path logged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { MovableClock } from '../../src/lib/clock.js';
import { createMailer, type MailAbout } from '../../src/mail/mailer.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ ATRIUM_SMTP_URL: '' });
});
afterAll(async () => t?.close());

const outboxFiles = () => {
  const dir = path.join(t.dataDir, 'outbox');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

const about: MailAbout = { category: 'account', subject: { type: 'subscriber' } };

describe('the outbox', () => {
  it('writes the sign-up verification mail with its link on one line, under a readable name', async () => {
    const c = t.client();
    const r = await c.post('/api/auth/signup', { name: 'Ada Lovelace', email: 'Ada.Lovelace@Example.com', password: 'correct horse battery staple' });
    expect(r.status).toBe(201);
    await expect.poll(outboxFiles).toHaveLength(1);
    const [name] = outboxFiles();
    expect(name).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-confirm-your-email-for-atrium-to-ada\.lovelace@example\.com\.eml$/);
    const eml = fs.readFileSync(path.join(t.dataDir, 'outbox', name!), 'utf8');
    expect(eml).toMatch(/^To: ada\.lovelace@example\.com$/m);
    expect(eml).toMatch(/^Content-Transfer-Encoding: (7|8)bit$/m);
    expect(eml).not.toContain('=\n'); // no quoted-printable soft line breaks
    // The link as written in the file, copied whole, confirms the address.
    const link = /^(http:\/\/\S+\/app\/verify-email\?token=\S+)$/m.exec(eml)?.[1];
    expect(link).toBeDefined();
    const token = new URL(link!).searchParams.get('token');
    expect((await c.post('/api/auth/verify-email', { token })).status).toBe(200);
    expect((await c.get('/api/session')).json.subscriber.emailVerified).toBe(true);
  });

  it('keeps non-ASCII text readable, never overwrites a message, and logs each file it writes', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-outbox-'));
    try {
      const logged: string[] = [];
      // Nothing leaves the server, so nothing is recorded as a disclosure.
      const recorded: unknown[] = [];
      const mailer = createMailer(loadConfig({ ATRIUM_DATA_DIR: dataDir }), {
        clock: new MovableClock(),
        record: (row) => void recorded.push(row),
        log: (m) => logged.push(m),
      });
      expect(mailer.describe()).toBe(`outbox folder ${path.join(dataDir, 'outbox')}`);
      const message = {
        to: 'zoë@example.org',
        subject: 'Neue Nachricht — Café Olé',
        text: `Grüße! Über ${'a very long line '.repeat(8)}https://example.org/a/very/long/path?with=query&and=more#fragment\n`,
      };
      await mailer.send(message, about);
      await mailer.send(message, about);
      const files = fs.readdirSync(path.join(dataDir, 'outbox')).sort();
      expect(files).toHaveLength(2);
      // A burst of alike messages sent at once (notifications of a busy form): each gets its own file.
      await Promise.all(Array.from({ length: 20 }, () => mailer.send(message, about)));
      expect(fs.readdirSync(path.join(dataDir, 'outbox'))).toHaveLength(22);
      expect(logged).toHaveLength(22);
      expect(recorded).toEqual([]);
      logged.splice(2);
      expect(files[0]).toMatch(/-neue-nachricht-cafe-ole-to-zo_@example\.org(-2)?\.eml$/);
      expect(logged).toHaveLength(2);
      for (const file of files) expect(logged.some((l) => l.includes(path.join(dataDir, 'outbox', file)))).toBe(true);
      const eml = fs.readFileSync(path.join(dataDir, 'outbox', files[0]!), 'utf8');
      expect(eml).toContain(message.text);
      expect(eml).toMatch(/^Content-Transfer-Encoding: 8bit$/m);
      expect(eml).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
