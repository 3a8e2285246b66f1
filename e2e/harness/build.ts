/**
 * Builds what the browser harness serves: the production renderer bundle (the same vite config the
 * app uses) and the real preload bundled for the browser with `electron` aliased to the socket shim.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIR = path.join(REPO_ROOT, 'out/renderer');
export const HARNESS_PRELOAD = path.join(REPO_ROOT, 'out/harness/preload.js');

export const buildHarnessPreload = async (): Promise<void> => {
  await esbuild({
    entryPoints: [path.join(REPO_ROOT, 'electron/preload.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    alias: { electron: path.join(REPO_ROOT, 'e2e/harness/electron-shim.ts') },
    outfile: HARNESS_PRELOAD,
    logLevel: 'warning',
  });
};

export const buildRenderer = async (): Promise<void> => {
  const { build } = await import('vite');
  await build({ configFile: path.join(REPO_ROOT, 'vite.renderer.config.ts'), logLevel: 'warn' });
};

export const buildHarnessAssets = async (): Promise<void> => {
  await Promise.all([buildRenderer(), buildHarnessPreload()]);
};
