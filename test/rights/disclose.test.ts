// disclose() refuses what the sub-processor registry and the configuration do
// not allow, before anything is sent or recorded; and the low-level senders
// (SMTP, webhook posts, DNS look-ups) send nothing without a live receipt of
// disclose(): a forged one, or one kept after its sending, is refused. Real
// SMTP, HTTP and DNS servers on loopback show that nothing reached them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { lookupTxt } from '../../src/domains/dns-lookup.js';
import { postWebhook } from '../../src/forms/webhook-post.js';
import { MovableClock } from '../../src/lib/clock.js';
import { createMailer } from '../../src/mail/mailer.js';
import { smtpTransport } from '../../src/mail/smtp.js';
import { disclose, DisclosureRefused, type DisclosureRow, type Receipt } from '../../src/privacy/disclose.js';
import { startDns } from '../helpers/dns.js';
import { startReceiver } from '../helpers/receiver.js';
import { startSmtp } from '../helpers/smtp.js';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let dns: Awaited<ReturnType<typeof startDns>>;
beforeAll(async () => {
  [smtp, receiver, dns] = await Promise.all([startSmtp(), startReceiver(), startDns()]);
  dns.setTxt('_atrium-verify.shop.example', ['atrium-verify=abc']);
});
afterAll(async () => {
  await Promise.all([smtp?.close(), receiver?.close()]);
  dns?.close();
});

/** disclose()'s dependencies with the log kept in memory, and a sender that notes each call. */
function scene(env: Record<string, string> = {}) {
  const rows: { row: DisclosureRow; database: string }[] = [];
  const config = loadConfig({ ATRIUM_SMTP_URL: smtp.url, ...env });
  const sent: string[] = [];
  return {
    rows,
    sent,
    deps: { config, clock: new MovableClock(), record: (row: DisclosureRow, database: string) => void rows.push({ row, database }) },
    send: async (receipt: Receipt) => {
      sent.push(receipt.party);
      return 'ok';
    },
  };
}

const subscriber = { type: 'subscriber' as const, subscriberId: 'sub_1' };

describe('disclose() refuses', () => {
  it('a party this installation’s configuration does not enable: mail without an SMTP server, the HTTPS front without a trusted proxy', async () => {
    const s = scene({ ATRIUM_SMTP_URL: '' });
    await expect(disclose(s.deps, { party: 'mail', category: 'account', subject: subscriber }, s.send)).rejects.toThrow(
      /mail is not enabled in this installation's configuration/,
    );
    await expect(disclose(s.deps, { party: 'tls-front', category: 'traffic', subject: subscriber }, s.send)).rejects.toThrow(DisclosureRefused);
    expect(s.sent).toEqual([]);
    expect(s.rows).toEqual([]);
  });

  it('a party not in the registry, a category the registry does not declare for the party, an unknown kind of subject', async () => {
    const s = scene();
    await expect(disclose(s.deps, { party: 'ad-network' as 'mail', category: 'account', subject: subscriber }, s.send)).rejects.toThrow(
      /ad-network is not in the sub-processor registry/,
    );
    await expect(disclose(s.deps, { party: 'webhooks', category: 'account' as 'form-message', subject: subscriber }, s.send)).rejects.toThrow(
      /webhooks is not declared to receive account/,
    );
    await expect(disclose(s.deps, { party: 'mail', category: 'account', subject: { type: 'advertiser' as 'operator' } }, s.send)).rejects.toThrow(
      /unknown kind of data subject/,
    );
    expect(s.sent).toEqual([]);
    expect(s.rows).toEqual([]);
  });
});

describe('disclose() records', () => {
  it('a sending that went through, with the time of the clock and never the content', async () => {
    const s = scene();
    s.deps.clock.advance(86_400_000);
    const mailer = createMailer({ ...s.deps.config, dataDir: os.tmpdir() }, { clock: s.deps.clock, record: s.deps.record });
    await mailer.send({ to: 'ada@example.com', subject: 'Confirm', text: 'Your secret link' }, { category: 'account', subject: subscriber });
    await smtp.waitFor('ada@example.com', /Your secret link/);
    expect(s.rows).toEqual([
      {
        database: 'control',
        row: expect.objectContaining({ party: 'mail', category: 'account', subject_type: 'subscriber', subscriber_id: 'sub_1', outcome: 'sent' }),
      },
    ]);
    expect(Date.parse(s.rows[0]!.row.at) - Date.now()).toBeGreaterThan(86_000_000);
    expect(JSON.stringify(s.rows)).not.toMatch(/ada@|secret/);
  });

  it('a sending that failed as failed (it may have reached the party), in the region of the site whose visitor it was about', async () => {
    const s = scene();
    const visitor = { type: 'visitor' as const, site: { id: 'site_1', region: 'ca-toronto' }, ref: 'sub_9' };
    await expect(
      disclose(s.deps, { party: 'webhooks', category: 'form-message', subject: visitor }, async () => {
        throw new Error('connection reset');
      }),
    ).rejects.toThrow('connection reset');
    expect(s.rows).toEqual([
      { database: 'ca-toronto', row: expect.objectContaining({ party: 'webhooks', site_id: 'site_1', ref: 'sub_9', subscriber_id: null, outcome: 'failed' }) },
    ]);
  });

  it('nothing for mail that stays on the server (the outbox folder of the embedded default)', async () => {
    const s = scene({ ATRIUM_SMTP_URL: '' });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-disclose-'));
    try {
      const before = smtp.mails.length;
      const mailer = createMailer({ ...s.deps.config, dataDir }, { clock: s.deps.clock, record: s.deps.record });
      await mailer.send({ to: 'a@example.com', subject: 'Hi', text: 'Hello' }, { category: 'account', subject: subscriber });
      expect(fs.readdirSync(path.join(dataDir, 'outbox'))).toHaveLength(1);
      expect(smtp.mails.length).toBe(before);
      expect(s.rows).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the low-level senders', () => {
  const forged = (party: string) => ({ party, category: 'form-message' }) as unknown as Receipt<never>;

  it('post no webhook without a live receipt', async () => {
    const before = receiver.received.length;
    await expect(postWebhook(forged('webhooks'), receiver.url, '{"leak":true}', {}, 2000)).rejects.toThrow(/only through disclose\(\)/);
    // A receipt kept after its sending ended is no longer good.
    const s = scene();
    let kept: Receipt<'webhooks'> | undefined;
    const status = await disclose(
      s.deps,
      { party: 'webhooks', category: 'form-message', subject: { type: 'visitor', site: { id: 'site_1', region: 'ca-toronto' } } },
      async (receipt) => {
        kept = receipt;
        return postWebhook(receipt, receiver.url, '{"ok":true}', { 'content-type': 'application/json' }, 2000);
      },
    );
    expect(status).toBe(200);
    expect(receiver.received.length).toBe(before + 1);
    await expect(postWebhook(kept!, receiver.url, '{"again":true}', {}, 2000)).rejects.toThrow(DisclosureRefused);
    // A receipt for another party does not do either.
    await expect(postWebhook(forged('mail'), receiver.url, '{"leak":true}', {}, 2000)).rejects.toThrow(DisclosureRefused);
    expect(receiver.received.length).toBe(before + 1);
  });

  it('send no mail and look up no domain without one', async () => {
    const before = smtp.mails.length;
    await expect(smtpTransport(smtp.url, 'Atrium <no-reply@localhost>').send(forged('mail'), { to: 'x@example.com', subject: 's', text: 't' })).rejects.toThrow(
      DisclosureRefused,
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.mails.length).toBe(before);
    await expect(lookupTxt(forged('dns'), [dns.server], '_atrium-verify.shop.example')).rejects.toThrow(DisclosureRefused);
    const s = scene();
    const values = await disclose(s.deps, { party: 'dns', category: 'domain-name', subject: subscriber }, (r) =>
      lookupTxt(r, [dns.server], '_atrium-verify.shop.example'),
    );
    expect(values).toEqual(['atrium-verify=abc']);
  });
});
