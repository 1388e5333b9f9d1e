// Data leaves Atrium only through disclose() (src/privacy/disclose.ts). This
// scans every source file of src for a way to send data out (a mail library,
// an HTTP, TCP, TLS, UDP or DNS client, fetch, a database or Redis driver) and
// fails unless the file is on the allow-list below, each entry with its reason.
// The senders that reach outside parties are allowed only because each of
// their exported functions takes a receipt of disclose() and checks it; the
// test checks that too (and test/rights/disclose.test.ts that a forged or
// spent receipt sends nothing).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');

/** Modules that can send data off the machine, and the names of theirs that cannot (checks and parsers). */
const NETWORK_MODULES: Record<string, readonly string[]> = {
  nodemailer: [],
  http: ['IncomingMessage', 'ServerResponse', 'IncomingHttpHeaders', 'OutgoingHttpHeaders', 'STATUS_CODES', 'METHODS'],
  https: [],
  http2: [],
  net: ['isIP', 'isIPv4', 'isIPv6', 'BlockList', 'SocketAddress'],
  tls: ['TLSSocket'],
  dgram: [],
  dns: [],
  'dns/promises': [],
  undici: [],
  axios: [],
  got: [],
  'node-fetch': [],
  ws: [],
  pg: [],
  redis: [],
  ioredis: [],
};

/**
 * Where a way out is allowed, and why. `receipt`: the module sends to that party of the sub-processor registry,
 * and every function it exports requires a receipt of disclose() for it.
 */
const ALLOWED: Record<string, { reason: string; receipt?: 'mail' | 'webhooks' | 'dns'; factories?: string[] }> = {
  'mail/smtp.ts': {
    receipt: 'mail',
    // Making the transport sends nothing; its send() takes the receipt.
    factories: ['smtpTransport'],
    reason: 'The SMTP transport: the "mail" sub-processor.',
  },
  'forms/webhook-post.ts': { receipt: 'webhooks', reason: 'Webhook posts to the endpoints subscribers chose: the "webhooks" sub-processor.' },
  'domains/dns-lookup.ts': { receipt: 'dns', reason: 'Look-ups of custom domains’ verification records: the "dns" sub-processor.' },
  'mail/outbox.ts': {
    reason: 'nodemailer’s stream transport only builds the bytes of the .eml files written to the outbox folder on this server; it opens no connection.',
  },
  'forms/webhook-target.ts': {
    reason:
      'Resolves a webhook URL’s host name (the subscriber’s configuration, not personal data) to refuse private addresses, before disclose() is asked to post.',
  },
  'http/app.ts': { reason: 'Atrium’s own HTTP server: it answers requests and sends none.' },
  'db/connect.ts': { reason: 'The installation’s own PostgreSQL databases: where its data is kept, not an outside party.' },
  'events/postgres-wakeup.ts': { reason: 'LISTEN/NOTIFY on the installation’s own PostgreSQL: site ids and event names between its processes.' },
  'events/redis-wakeup.ts': { reason: 'The installation’s own Redis: site ids and event names between its processes, no personal data.' },
  'runtime/consent.js': { reason: 'Runs in the visitor’s browser: posts their cookie choice to the site’s own address.' },
  'runtime/forms.js': { reason: 'Runs in the visitor’s browser: posts the form to the site’s own address.' },
  'runtime/beacon.js': { reason: 'Runs in the visitor’s browser: sends analytics events to the site’s own address.' },
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

const bare = (specifier: string) => specifier.replace(/^node:/, '');

/** The ways out a source text uses: "imports nodemailer", "calls fetch()"... Type-only imports send nothing. */
export function waysOut(text: string): string[] {
  const found: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  // import x from 'm'; import { a, b } from 'm'; import * as m from 'm'; export ... from 'm'
  for (const m of code.matchAll(/\b(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    const [, , typeOnly, clause, specifier] = m;
    const mod = bare(specifier!);
    if (typeOnly || !(mod in NETWORK_MODULES)) continue;
    const safe = NETWORK_MODULES[mod]!;
    const named = /\{([^}]*)\}/.exec(clause!)?.[1];
    const outsideBraces = clause!
      .replace(/\{[^}]*\}/, '')
      .replace(/,/g, '')
      .trim();
    const names = (named ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith('type '))
      .map((n) => n.split(/\s+as\s+/)[0]!.trim());
    if (outsideBraces || names.some((n) => !safe.includes(n))) found.push(`imports ${mod}`);
  }
  // import 'm' (side effects), import('m'), require('m')
  for (const m of code.matchAll(/\bimport\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const mod = bare((m[1] ?? m[2] ?? m[3])!);
    if (mod in NETWORK_MODULES) found.push(`imports ${mod}`);
  }
  // A call of the global fetch, not a method of that name (this.fetch(...), or its definition).
  if (/(?<![\w.$])(?<!(?:async|private|public|protected|static|function)\s+)fetch\s*\(/.test(code)) found.push('calls fetch()');
  if (/\bnavigator\.sendBeacon\s*\(/.test(code)) found.push('calls navigator.sendBeacon()');
  if (/\bnew\s+(WebSocket|XMLHttpRequest|EventSource)\b/.test(code)) found.push('opens a WebSocket, XMLHttpRequest or EventSource');
  return [...new Set(found)];
}

describe('the ways data can leave', () => {
  const files = sourceFiles(SRC).map((f) => ({ rel: path.relative(SRC, f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') }));

  it('are used only where the allow-list says, each with its reason', () => {
    expect(files.length).toBeGreaterThan(100);
    const unexpected = files.flatMap((f) => (ALLOWED[f.rel] ? [] : waysOut(f.text).map((w) => `src/${f.rel} ${w}`)));
    expect(unexpected, 'send through disclose() (src/privacy/disclose.ts), or add the file to ALLOWED with the reason it may').toEqual([]);
    for (const [rel, entry] of Object.entries(ALLOWED)) expect(entry.reason.length, rel).toBeGreaterThan(20);
  });

  it('lists no file that no longer needs it', () => {
    const stale = Object.keys(ALLOWED).filter((rel) => {
      const f = files.find((x) => x.rel === rel);
      return !f || waysOut(f.text).length === 0;
    });
    expect(stale).toEqual([]);
  });

  it('reach an outside party only with a receipt of disclose(), checked by every exported function', () => {
    for (const [rel, entry] of Object.entries(ALLOWED)) {
      if (!entry.receipt) continue;
      const text = files.find((f) => f.rel === rel)!.text;
      expect(text, rel).toMatch(/import \{[^}]*\bassertReceipt\b[^}]*\} from '\.\.\/privacy\/disclose\.js'/);
      // Every exported function takes the receipt first (factories excepted: what they make does).
      let takers = 0;
      for (const [, name, params] of text.matchAll(/export (?:async )?function (\w+)\(([^)]*)\)/g)) {
        if (entry.factories?.includes(name!)) continue;
        expect(params, `${rel} ${name}`).toMatch(new RegExp(`^receipt: Receipt<'${entry.receipt}'>`));
        takers++;
      }
      // So do the methods of what they return (the SMTP transport's send).
      for (const [, method, params] of text.matchAll(/^\s+(?:async )?(\w+)\(([^)]*)\)\s*\{/gm)) {
        if (['if', 'for', 'while', 'catch', 'switch'].includes(method!)) continue;
        expect(params, `${rel} ${method}`).toMatch(/^receipt\b/);
        takers++;
      }
      // And each checks it.
      const checks = text.split(`assertReceipt(receipt, '${entry.receipt}')`).length - 1;
      expect(takers, rel).toBeGreaterThan(0);
      expect(checks, `${rel}: each function that takes a receipt checks it`).toBe(takers);
    }
  });

  it('are found by the scan (it can fail)', () => {
    expect(waysOut(`import nodemailer from 'nodemailer';`)).toEqual(['imports nodemailer']);
    expect(waysOut(`import { request } from 'node:https';`)).toEqual(['imports https']);
    expect(waysOut(`import * as net from 'node:net';`)).toEqual(['imports net']);
    expect(waysOut(`import { connect } from 'node:net';`)).toEqual(['imports net']);
    expect(waysOut(`import { isIP, BlockList } from 'node:net';`)).toEqual([]);
    expect(waysOut(`import type { IncomingMessage } from 'node:http';`)).toEqual([]);
    expect(waysOut(`import { lookup } from 'node:dns/promises';`)).toEqual(['imports dns/promises']);
    expect(waysOut(`const { createClient } = await import('redis');`)).toEqual(['imports redis']);
    expect(waysOut(`const r = await fetch('https://tracker.example/', { method: 'POST' });`)).toEqual(['calls fetch()']);
    expect(waysOut(`await this.fetch(host); // fetch( in a comment`)).toEqual([]);
    expect(waysOut(`class A { private async fetch(host: string) {} }`)).toEqual([]);
    expect(waysOut(`const send = () => fetch(url);`)).toEqual(['calls fetch()']);
    expect(waysOut(`navigator.sendBeacon('https://x.example', body)`)).toEqual(['calls navigator.sendBeacon()']);
  });
});
