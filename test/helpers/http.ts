// A tiny HTTP client that can set the Host header (to reach <slug>.localhost)
// and keeps the session cookie and CSRF token like the dashboard would.
import http from 'node:http';

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json: any;
}

export interface RequestOptions {
  host?: string;
  headers?: Record<string, string>;
  raw?: string | Buffer;
}

export class HttpClient {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(readonly port: number) {}

  request(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<Response> {
    const payload = opts.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    const headers: Record<string, string> = { host: `${opts.host ?? 'localhost'}:${this.port}`, ...opts.headers };
    if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    // Node sends bodies of DELETE requests without a length unless told; browsers always send one.
    if (payload !== undefined && !headers['content-length'] && !headers['transfer-encoding']) headers['content-length'] = String(Buffer.byteLength(payload));
    if (this.cookie && !opts.host) headers.cookie = this.cookie;
    if (this.csrf && !opts.host && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: this.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          const text = buf.toString('utf8');
          const setCookie = res.headers['set-cookie'];
          for (const c of setCookie ?? []) {
            const pair = c.split(';')[0]!;
            if (pair.startsWith('atrium_session=')) this.cookie = pair.endsWith('=') ? undefined : pair;
          }
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          if (json && typeof json === 'object' && 'csrfToken' in json) this.csrf = (json as { csrfToken: string }).csrfToken;
          resolve({ status: res.statusCode!, headers: res.headers, body: buf, text, json });
        });
      });
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  get = (path: string, opts?: RequestOptions) => this.request('GET', path, undefined, opts);
  post = (path: string, body?: unknown, opts?: RequestOptions) => this.request('POST', path, body ?? {}, opts);
  put = (path: string, body?: unknown, opts?: RequestOptions) => this.request('PUT', path, body, opts);
  patch = (path: string, body?: unknown, opts?: RequestOptions) => this.request('PATCH', path, body, opts);
  delete = (path: string, opts?: RequestOptions) => this.request('DELETE', path, undefined, opts);
}

/**
 * Signs up and verifies a new subscriber through the API and their mailbox, then accepts the data processing
 * agreement in effect (publishing a site with forms or analytics needs it) unless `acceptDpa` is false.
 */
export async function signUpVerified(
  client: HttpClient,
  smtp: { waitFor(to: string, re: RegExp): Promise<string> },
  email: string,
  name = 'Ada Lovelace',
  opts: { acceptDpa?: boolean } = {},
) {
  const r = await client.post('/api/auth/signup', { name, email, password: 'correct horse battery staple' });
  if (r.status !== 201) throw new Error(`signup failed: ${r.status} ${r.text}`);
  const token = await smtp.waitFor(email, /verify-email\?token=([A-Za-z0-9_-]+)/);
  const v = await client.post('/api/auth/verify-email', { token });
  if (v.status !== 200) throw new Error(`verify failed: ${v.status} ${v.text}`);
  if (opts.acceptDpa !== false) await acceptCurrentDpa(client);
  return r.json as { subscriberId: string; workspaceId: string };
}

/** Accepts the data processing agreement in effect for the client's workspace, as the dashboard's dialog does. */
export async function acceptCurrentDpa(client: HttpClient) {
  const status = await client.get('/api/account/dpa');
  if (status.status !== 200) throw new Error(`dpa status failed: ${status.status} ${status.text}`);
  const a = await client.post('/api/account/dpa', { version: status.json.current.version });
  if (a.status !== 200) throw new Error(`accepting the dpa failed: ${a.status} ${a.text}`);
  return a.json;
}
