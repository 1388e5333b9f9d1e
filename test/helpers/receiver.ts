// A webhook receiver on loopback that records what it gets and answers with a
// status the test chooses.
import http from 'node:http';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export async function startReceiver(port = 0) {
  const received: Received[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const actualPort = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${actualPort}/hook`,
    received,
    answer: (s: number) => {
      status = s;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
