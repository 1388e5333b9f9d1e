// Starts a real Atrium on a free port with its own data dir, databases and a
// loopback SMTP server, for tests that talk to it over HTTP.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type Running } from '../../src/server.js';
import { dropPostgres, freshPostgresEnv } from './databases.js';
import { startSmtp } from './smtp.js';
import { HttpClient } from './http.js';

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

export interface TestServer {
  running: Running;
  port: number;
  baseUrl: string;
  smtp: Awaited<ReturnType<typeof startSmtp>>;
  dataDir: string;
  env: Record<string, string>;
  client(): HttpClient;
  /** Stops the server (keeping data) and starts it again on the same port and databases. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** `logs`: collects the server's log lines (JSON), to check what is and is not logged. */
export async function startTestServer(extraEnv: Record<string, string> = {}, opts: { logs?: string[] } = {}): Promise<TestServer> {
  const smtp = await startSmtp();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-test-'));
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_SMTP_URL: smtp.url,
    LOG_LEVEL: 'warn',
    ...(await freshPostgresEnv(undefined, extraEnv.ATRIUM_REGIONS || undefined)),
    ...extraEnv,
  };
  const logs = opts.logs;
  const logging = logs ? { pretty: false, destination: { write: (line: string) => void logs.push(line) } } : {};
  const start = () => startServer(loadConfig(env), logging);
  const t: TestServer = {
    running: await start(),
    port,
    baseUrl: `http://localhost:${port}`,
    smtp,
    dataDir,
    env,
    client: () => new HttpClient(port),
    async restart() {
      await t.running.close();
      t.running = await start();
    },
    async close() {
      await t.running.close();
      await smtp.close();
      await dropPostgres(env);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}
