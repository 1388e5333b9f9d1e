// A fake third party on loopback for consent tests: HTTPS servers (a
// self-signed certificate, so browser contexts need ignoreHTTPSErrors), one per
// name and so one origin each, serving the scripts a site's snippets load.
//   /analytics.js  sets the first-party cookie _fa_id, marks <html data-analytics-ran="1">
//   /marketing.js  sets the first-party cookie _fm_id, marks <html data-marketing-ran="1">
//   /functional.js sets the first-party cookie _fw_lang, marks <html data-functional-ran="1">
// `requests` lists every request that reached any of them, as full URLs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

export interface ThirdParty {
  /** The origin of one of the fake parties, e.g. https://127.0.0.1:40123 */
  origin(name: ThirdPartyName): string;
  requests: string[];
  close(): Promise<void>;
}

export type ThirdPartyName = 'analytics' | 'ads' | 'widgets';

const SCRIPTS: Record<string, string> = {
  '/analytics.js': "document.cookie = '_fa_id=fa1; path=/; max-age=34560000; samesite=lax'; document.documentElement.setAttribute('data-analytics-ran', '1');",
  '/marketing.js': "document.cookie = '_fm_id=fm1; path=/; max-age=7776000; samesite=lax'; document.documentElement.setAttribute('data-marketing-ran', '1');",
  '/functional.js':
    "document.cookie = '_fw_lang=en; path=/; max-age=15552000; samesite=lax'; document.documentElement.setAttribute('data-functional-ran', '1');",
};

function certificate(): { key: Buffer; cert: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-third-party-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    {
      stdio: 'ignore',
    },
  );
  const out = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

export async function startThirdParty(): Promise<ThirdParty> {
  const tls = certificate();
  const requests: string[] = [];
  const origins = new Map<ThirdPartyName, string>();
  const servers: https.Server[] = [];
  for (const name of ['analytics', 'ads', 'widgets'] as const) {
    const server = https.createServer(tls, (req, res) => {
      const url = `${origins.get(name)}${req.url ?? '/'}`;
      requests.push(url);
      const script = SCRIPTS[(req.url ?? '/').split('?')[0]!];
      if (!script) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end(script);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origins.set(name, `https://127.0.0.1:${(server.address() as { port: number }).port}`);
    servers.push(server);
  }
  return {
    origin: (name) => origins.get(name)!,
    requests,
    close: async () => {
      await Promise.all(
        servers.map((s) => {
          s.closeAllConnections();
          return new Promise((r) => s.close(r));
        }),
      );
    },
  };
}
