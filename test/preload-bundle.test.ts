/**
 * Builds the preload with the real electron.vite.config.ts (into a temp folder, not the shared out/)
 * and checks what Electron's sandbox needs (docs/architecture.md §5): ONE CommonJS file that requires nothing but
 * 'electron' and exposes only `api`.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from 'electron-vite';
import { CHANNELS, EVENTS } from '../shared/ipc';

const root = fileURLToPath(new URL('..', import.meta.url));
let outDir: string;

beforeAll(async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'portwarden-preload-'));
  outDir = path.join(work, 'preload');
  const configFile = path.join(work, 'preload-only.config.ts');
  const projectConfig = JSON.stringify(path.join(root, 'electron.vite.config.ts'));
  writeFileSync(
    configFile,
    `import config from ${projectConfig};
const preload = config.preload;
export default { preload: { ...preload, build: { ...preload.build, outDir: ${JSON.stringify(outDir)} } } };
`,
  );
  // vitest runs from the project root (electron-vite reads package.json "type" from the cwd).
  await build({ configFile, logLevel: 'silent', root });
}, 60_000);

describe('the preload bundle', () => {
  it('is exactly one file, preload.cjs', () => {
    expect(readdirSync(outDir)).toEqual(['preload.cjs']);
  });

  it('is CommonJS that requires only electron', () => {
    const code = readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('runs as a classic script with only electron available, and exposes only api', () => {
    const code = readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
    const exposed = new Map<string, Record<string, unknown>>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
      ipcRenderer: { invoke: () => Promise.resolve(), on: () => undefined, removeListener: () => undefined },
    };
    const sandboxRequire = (name: string): unknown => {
      if (name === 'electron') return electron;
      throw new Error(`module not found: ${name}`);
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
    expect([...exposed.keys()]).toEqual(['api']);
    expect(Object.keys(exposed.get('api')!).sort()).toEqual([...Object.keys(CHANNELS), ...Object.keys(EVENTS)].sort());
  });
});
