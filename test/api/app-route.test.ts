// The dashboard's static route, on a fake build: works without building the SPA.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { appRoutes } from '../../src/http/routes/app.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-app-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function serve(root: string) {
  const app = Fastify();
  await app.register(appRoutes, { dir: root });
  return app;
}

describe('GET /app', () => {
  it('answers index.html for /app and every client route, revalidated on each load', async () => {
    fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Atrium</title><script type="module" src="/app/assets/index-abc.js"></script>');
    const js = 'console.log("hello");'.repeat(200);
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), js);
    const app = await serve(dir);
    for (const url of ['/app', '/app/', '/app/login', '/app/sites/new', '/app/verify-email?token=abc']) {
      const r = await app.inject({ url });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.body).toContain('index-abc.js');
    }

    const br = await app.inject({ url: '/app/assets/index-abc.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(js);

    const gz = await app.inject({ url: '/app/assets/index-abc.js', headers: { 'accept-encoding': 'gzip' } });
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(js);
    const plain = await app.inject({ url: '/app/assets/index-abc.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
    await app.close();
  });

  it('answers 404 for unknown or unsafe asset names, never a file outside the build', async () => {
    const app = await serve(dir);
    for (const url of ['/app/assets/missing.js', '/app/assets/..%2Findex.html', '/app/assets/.hidden', '/app/assets/a/b.js']) {
      const r = await app.inject({ url });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error).toBe('not_found');
    }
    await app.close();
  });

  it('explains how to build the dashboard when it is not built', async () => {
    const app = await serve(path.join(dir, 'nothing-here'));
    const r = await app.inject({ url: '/app/login' });
    expect(r.statusCode).toBe(503);
    expect(r.body).toContain('npm start');
    await app.close();
  });
});
