// The HTTP request of a webhook delivery: one POST, never following a redirect,
// given up after a deadline that covers the whole exchange. Connections to a
// receiver are kept open between deliveries (most sites send to one or two
// receivers, many times), which saves a TCP (and TLS) handshake per delivery;
// idle ones close after 4 s, before a receiver's own keep-alive timeout (often
// 5 s) could close one under a new delivery. A post requires a receipt of
// disclose() (src/privacy/disclose.ts): what goes to a webhook is checked against
// the sub-processor registry and logged.
import http from 'node:http';
import https from 'node:https';
import { assertReceipt, type Receipt } from '../privacy/disclose.js';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 16, maxFreeSockets: 16, timeout: 4000 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 16, maxFreeSockets: 16, timeout: 4000 }),
};

/** POSTs `body` to `url`; resolves with the status code, rejects when no answer came within `timeoutMs`. */
export function postWebhook(receipt: Receipt<'webhooks'>, url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  try {
    assertReceipt(receipt, 'webhooks');
  } catch (e) {
    return Promise.reject(e);
  }
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const agent = agents[target.protocol as keyof typeof agents];
  if (!agent) return Promise.reject(new Error(`cannot deliver to a ${target.protocol} URL`));
  return new Promise<number>((resolve, reject) => {
    const req = client.request(target, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      resolve(res.statusCode ?? 0);
      res.on('end', () => clearTimeout(timer));
      res.resume(); // the answer's body is not needed; reading it frees the connection for the next delivery
    });
    // Until the answer's last byte: a receiver that stalls in its body does not hold a connection for long either.
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.on('close', () => clearTimeout(timer));
    req.end(body);
  });
}
