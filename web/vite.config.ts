/**
 * @file Vite build of the web explorer: web/index.html → web/dist, served by the
 * paperscope server at `/`. Everything is bundled; nothing is fetched from the
 * internet at run time (no CDN, no web fonts), so it works offline and under
 * the server's `default-src 'self'` Content-Security-Policy.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // One JS and one CSS file; no inline <script> (CSP) and no modulepreload polyfill.
    modulePreload: false,
    assetsInlineLimit: 0,
  },
  // The map loader's worker (web/src/mapData) is an ES module, like the page.
  worker: { format: 'es' },
  server: {
    // `vite web` during development: the API comes from a running `paperscope serve`.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
