// A browser context's own HTTP proxy that presents it to Atrium as a distinct
// visitor: every request it forwards carries the visitor's address (as a
// trusted proxy's X-Forwarded-For), user agent and language. Playwright's own
// per-page overrides are lost on requests a page sends while it unloads (the
// beacon's time on page), so tests that need the same visitor throughout go
// through one of these. HTTPS (other sites) is refused: those addresses do not
// resolve here anyway.
import http from 'node:http';
import type net from 'node:net';

export interface VisitorProxy {
  /** For Playwright's newContext({ proxy: { server } }). */
  server: string;
  close(): Promise<void>;
}

export async function visitorProxy(targetPort: number, headers: Record<string, string>): Promise<VisitorProxy> {
  const srv = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const forward = http.request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: url.pathname + url.search, headers: { ...req.headers, ...headers } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  srv.on('connect', (_req, socket: net.Socket) => socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  return {
    server: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        srv.closeAllConnections();
        srv.close(() => r());
      }),
  };
}
