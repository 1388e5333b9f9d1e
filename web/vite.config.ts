// The dashboard SPA: built to dist/app and served by Atrium at /app
// (src/http/routes/app.ts). `npm start` builds it when its sources changed
// (scripts/build-app.mjs); `npm run dev:app` serves it with live reload and
// forwards /api to an Atrium running on :3000.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const api = process.env.ATRIUM_DEV_API ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [
    {
      // The editor renders the publisher's block components (src/blocks); their rich text
      // sanitizer uses sanitize-html (Node only), so the browser gets a DOM-based twin.
      name: 'atrium-browser-sanitize',
      enforce: 'pre',
      resolveId(source, importer) {
        if (source === './sanitize.js' && importer && /[\\/]src[\\/]blocks[\\/]/.test(importer))
          return fileURLToPath(new URL('./src/editor/sanitize-browser.ts', import.meta.url));
      },
    },
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/app', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Every browser that runs the app supports modulepreload; skip the polyfill.
    modulePreload: { polyfill: false },
    // Keep the favicon and every asset a file: no data: URLs inlined into CSS/JS.
    assetsInlineLimit: 0,
    // The editor chunk is large by nature and loads only when a site is opened (see bench:editor).
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      // React "use client" directives mean nothing in a client-only bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    // The API refuses cross-origin writes, so the dev server presents Atrium's own origin.
    proxy: { '/api': { target: api, changeOrigin: true, headers: { origin: api } } },
  },
});
