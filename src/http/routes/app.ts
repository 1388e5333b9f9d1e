// Serves the dashboard SPA built by Vite into dist/app (scripts/build-app.mjs):
// hashed files under /app/assets/ with immutable caching and precompressed
// variants, and index.html for /app and every client route below it.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROJECT_ROOT } from '../../lib/project-root.js';

export const DEFAULT_APP_DIR = path.join(PROJECT_ROOT, 'dist/app');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json', '.map', '.txt']);
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

interface Asset {
  type: string;
  raw: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Atrium</title></head>
<body><main><h1>The dashboard is not built</h1><p>Run <code>npm start</code> (it builds the dashboard before starting), or <code>npm run build</code>.</p></main></body></html>`;

function pickEncoding(req: FastifyRequest, asset: Asset): { body: Buffer; encoding?: 'br' | 'gzip' } {
  const accept = String(req.headers['accept-encoding'] ?? '');
  if (asset.br && /\bbr\b/.test(accept)) return { body: asset.br, encoding: 'br' };
  if (asset.gzip && /\bgzip\b/.test(accept)) return { body: asset.gzip, encoding: 'gzip' };
  return { body: asset.raw };
}

export async function appRoutes(app: FastifyInstance, opts: { dir?: string } = {}) {
  const dir = opts.dir ?? DEFAULT_APP_DIR;
  // Asset names are content hashes, so a loaded (and compressed) file never goes stale.
  const assets = new Map<string, Asset | null>();

  function loadAsset(name: string): Asset | null {
    if (assets.has(name)) return assets.get(name)!;
    let asset: Asset | null = null;
    try {
      const raw = fs.readFileSync(path.join(dir, 'assets', name));
      const ext = path.extname(name);
      asset = { type: TYPES[ext] ?? 'application/octet-stream', raw };
      if (COMPRESSIBLE.has(ext) && raw.length > 1024) {
        asset.br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
        asset.gzip = zlib.gzipSync(raw, { level: 9 });
      }
    } catch {
      asset = null;
    }
    // Remember hits only: a missing file may appear with the next build.
    if (asset) assets.set(name, asset);
    return asset;
  }

  // index.html is small and changes with every build; read it per request so a rebuild needs no restart.
  async function sendIndex(_req: FastifyRequest, reply: FastifyReply) {
    let html: Buffer;
    try {
      html = await fs.promises.readFile(path.join(dir, 'index.html'));
    } catch {
      return reply.code(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(NOT_BUILT);
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  }

  // The dashboard's own files: not part of the API document.
  app.get('/app', { config: { doc: false } }, sendIndex);
  app.get<{ Params: { '*': string } }>('/app/*', { config: { doc: false } }, async (req, reply) => {
    const rest = req.params['*'];
    if (!rest.startsWith('assets/')) return sendIndex(req, reply);
    const name = rest.slice('assets/'.length);
    const asset = ASSET_NAME.test(name) ? loadAsset(name) : null;
    if (!asset) return reply.code(404).send({ error: 'not_found', message: `no asset ${name}` });
    const { body, encoding } = pickEncoding(req, asset);
    if (encoding) reply.header('content-encoding', encoding);
    if (asset.br || asset.gzip) reply.header('vary', 'accept-encoding');
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type(asset.type).send(body);
  });
}

export default appRoutes;
