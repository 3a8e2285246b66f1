#!/usr/bin/env node
// `npm start`: the Electron app in dev mode (electron-vite dev). Electron 45 downloads its binary on
// first run; on an offline machine that fails with a stack trace, so check first and point to the
// browser demo instead. Never require('electron') here: that itself starts the download.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

const MISSING =
  'Portwarden: the Electron binary is not installed (offline?). Run `npm run demo` to use Portwarden in your browser on a simulated Windows.';

/** Mirrors node_modules/electron/index.js: path.txt names the executable inside dist/ (or the override dir). */
const electronBinaryPresent = () => {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const executable = readFileSync(pathFile, 'utf8').trim();
  if (!executable) return false;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  return existsSync(path.join(distDir, executable));
};

const runElectronVite = () => {
  // The JS entry with this Node: no shell and no .cmd shim, so Windows behaves the same.
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'dev', ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit' },
  );
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
};

if (electronBinaryPresent()) {
  runElectronVite();
} else {
  // exitCode, not exit(): stderr to a pipe is asynchronous on Windows and exit() could cut the line.
  console.error(MISSING);
  process.exitCode = 1;
}
