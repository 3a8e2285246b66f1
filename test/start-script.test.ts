/** `npm start` (scripts/start.mjs) run as a child process, with and without an Electron binary. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/start.mjs', import.meta.url));
const MISSING =
  'Portwarden: the Electron binary is not installed (offline?). Run `npm run demo` to use Portwarden in your browser on a simulated Windows.';

/** A throwaway project: scripts/start.mjs plus whatever node_modules the case needs. */
const project = (withBinary: boolean): string => {
  const root = mkdtempSync(path.join(tmpdir(), 'portwarden-start-'));
  mkdirSync(path.join(root, 'scripts'));
  copyFileSync(script, path.join(root, 'scripts', 'start.mjs'));
  const electron = path.join(root, 'node_modules', 'electron');
  mkdirSync(path.join(electron, 'dist'), { recursive: true });
  if (withBinary) {
    writeFileSync(path.join(electron, 'path.txt'), 'electron');
    writeFileSync(path.join(electron, 'dist', 'electron'), '');
  }
  // A stand-in electron-vite that reports its arguments and exits with a recognisable code.
  const bin = path.join(root, 'node_modules', 'electron-vite', 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    path.join(bin, 'electron-vite.js'),
    'console.log("electron-vite " + process.argv.slice(2).join(" "));\nprocess.exit(7);\n',
  );
  return root;
};

const run = (root: string, args: string[] = []) => {
  const env = { ...process.env };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  return spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs'), ...args], { encoding: 'utf8', env });
};

describe('npm start', () => {
  it('without the Electron binary prints one line, no stack trace, and exits 1', () => {
    const result = run(project(false));
    expect(result.status).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toBe(`${MISSING}\n`);
  });

  it('says the same in this checkout (where the binary cannot be downloaded)', () => {
    const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: mkdtempSync(path.join(tmpdir(), 'no-electron-')) };
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8', env });
    expect(result.status).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toBe(`${MISSING}\n`);
  });

  it('with the binary runs electron-vite dev and forwards its exit code', () => {
    const result = run(project(true), ['--hidden']);
    expect(result.stdout).toBe('electron-vite dev --hidden\n');
    expect(result.status).toBe(7);
  });
});
