/**
 * Loads koffi only when asked, so that a missing or broken native binary (no `@koromix/koffi-<platform>`
 * package, an asar without the unpacked .node file) is an exception openNativeWindows can catch rather
 * than a failed import of the whole main process.
 *
 * The main process is an ES module (no `require`), the esbuild-bundled Windows test tier is CommonJS
 * (no `import.meta.url`): use the module's own `require` when there is one, otherwise make one.
 */
import { createRequire } from 'node:module';
import type * as KoffiModule from 'koffi';

export type Koffi = typeof KoffiModule;

export const loadKoffi = (): Koffi => {
  const load = typeof require === 'function' ? require : createRequire(import.meta.url);
  return load('koffi') as Koffi;
};
