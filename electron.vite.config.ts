/**
 * electron-vite: main, preload and renderer builds.
 *
 * The preload is forced to ONE CommonJS file (out/preload/preload.cjs): Electron runs sandboxed
 * preloads as classic scripts with a limited require(), so an ESM preload (what electron-vite emits
 * as .mjs when package.json has "type": "module") or a split chunk would not load (docs/architecture.md §5).
 * The renderer reuses vite.renderer.config.ts so the app window and the browser harness share one build.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import rendererConfig from './vite.renderer.config';

const fromRoot = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: fromRoot('out/main'),
      // Runtime dependencies (execa, iconv-lite, zod, electron-log) load from node_modules in the asar.
      externalizeDeps: true,
      rollupOptions: {
        input: { main: fromRoot('electron/main.ts') },
        // package.json "main" is out/main/main.js and "type" is module: an ES module main process.
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      // A sandboxed preload cannot require node_modules: everything it uses is bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: fromRoot('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      rollupOptions: {
        ...rendererConfig.build?.rollupOptions,
        // electron-vite looks for src/renderer/index.html by default; ours lives in renderer/.
        input: fromRoot('renderer/index.html'),
      },
    },
  },
});
