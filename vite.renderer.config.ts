/**
 * The renderer bundle. electron.vite.config.ts reuses this for the app window, and the browser harness
 * serves the same `out/renderer`, so there is exactly one way the UI is built.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

/**
 * Dev server only (`npm start`): @vitejs/plugin-react injects an inline Fast Refresh preamble and
 * Vite's client talks to the dev server over a WebSocket, both of which the strict page CSP blocks.
 * `apply: 'serve'` keeps this out of every build, so the shipped index.html stays strict (a test reads it).
 */
const devServerCsp = (): Plugin => ({
  name: 'portwarden-dev-server-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
});

export default defineConfig({
  root,
  // Relative asset URLs: the production window loads from the app:// protocol, the harness from http://127.0.0.1.
  base: './',
  plugins: [react(), devServerCsp()],
  build: {
    outDir,
    emptyOutDir: true,
    // No data: URLs for scripts or styles, and the CSP allows neither inline scripts nor inline styles.
    assetsInlineLimit: 0,
    // Vite's modulepreload polyfill is bundled, not inlined, but Electron's Chromium does not need it at all.
    modulePreload: { polyfill: false },
    target: 'chrome120',
    chunkSizeWarningLimit: 2048,
  },
});
