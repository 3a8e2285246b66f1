/**
 * The renderer bundle. electron.vite.config.ts reuses this for the app window, and the browser harness
 * serves the same `out/renderer`, so there is exactly one way the UI is built.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs: the production window loads from the app:// protocol, the harness from http://127.0.0.1.
  base: './',
  plugins: [react()],
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
